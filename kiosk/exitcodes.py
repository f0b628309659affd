"""Exit codes of every ``kiosk`` command, so systemd and scripts can tell failures apart."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    #: Something went wrong that we did not foresee; the log has the details.
    ERROR = 1
    #: The command line was wrong (argparse uses 2 as well).
    USAGE = 2
    #: The configuration file or an environment variable is invalid.
    CONFIG = 3
    #: The local store cannot be opened, is damaged, or needs a migration that failed.
    DATABASE = 4
    #: Input data was refused (import); nothing was written.
    INVALID_INPUT = 5
    #: ``kiosk doctor`` found something the kiosk needs that is missing.
    CHECK_FAILED = 6
    #: ``kiosk verify``: the record is not valid (altered, forged, revoked, unreadable...).
    INVALID_DOCUMENT = 7
    #: ``kiosk verify``: no list of published keys, neither from the server nor saved.
    NO_KEYS = 8
    #: Stopped by SIGTERM or SIGINT; a clean stop, as systemd expects (128 + 15).
    TERMINATED = 143
