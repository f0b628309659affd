"""Exit codes of ``kiosk-central``, so systemd and scripts can tell failures apart."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    #: Something went wrong that we did not foresee; the log has the details.
    ERROR = 1
    #: The command line was wrong (argparse uses 2 as well).
    USAGE = 2
    #: The settings file or an environment variable is invalid.
    CONFIG = 3
    #: The database cannot be reached or migrated.
    DATABASE = 4
    #: The input was refused (a bad key, an unknown office...); nothing was written.
    INVALID_INPUT = 5
    #: What the command acts on does not exist (an unknown kiosk code).
    NOT_FOUND = 6
    #: What the command would create exists already (an active kiosk, a username).
    CONFLICT = 7
