"""Health checks behind ``kiosk doctor``: can this terminal serve residents, and if not, why.

Each check takes what it looks at as arguments (configuration, paths, an environment mapping,
a :data:`Runner` for outside commands), so a test can point it at real files and commands.
A check never changes anything and never raises: what it finds becomes a :class:`CheckResult`
whose fix line a street-office clerk or the installer can follow. ``problem`` means we know
the part does not work; ``warning`` means it works but should be looked at, or that the check
could not tell. No result ever holds a secret, an ID number or a phone number.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from kiosk.config import Config
from kiosk.services.health.base import (
    CJK_FONT_PACKAGES,
    PREFERRED_PRINT_FONT,
    CheckResult,
    CommandOutput,
    Runner,
    Status,
    run_command,
    stops_kiosk,
)
from kiosk.services.health.central import check_central
from kiosk.services.health.database import check_database
from kiosk.services.health.display import (
    check_display,
    debian_package,
    parse_ldd_missing,
    qt_platform_plugins_dir,
)
from kiosk.services.health.fonts import (
    FontFile,
    check_fonts,
    find_print_font,
    has_truetype_outlines,
    parse_fc_list,
)
from kiosk.services.health.outbox import check_outbox
from kiosk.services.health.printer import (
    QueueState,
    check_printer,
    parse_default_destination,
    parse_queue_state,
)
from kiosk.services.health.secrets import check_id_hash_key

log = logging.getLogger(__name__)

__all__ = [
    "CJK_FONT_PACKAGES",
    "PREFERRED_PRINT_FONT",
    "CheckResult",
    "CommandOutput",
    "FontFile",
    "QueueState",
    "Runner",
    "Status",
    "check_central",
    "check_database",
    "check_display",
    "check_fonts",
    "check_id_hash_key",
    "check_outbox",
    "check_printer",
    "debian_package",
    "find_print_font",
    "has_truetype_outlines",
    "parse_default_destination",
    "parse_fc_list",
    "parse_ldd_missing",
    "parse_queue_state",
    "qt_platform_plugins_dir",
    "run_checks",
    "run_command",
    "stops_kiosk",
]


def _printer_state(config: Config) -> CheckResult:
    # Imported here: the printing paths bring python-escpos and Pillow.
    from kiosk.services.health.printer_state import check_printer_state
    from kiosk.services.printing.printers.choose import configured_printer, describe

    printer = configured_printer(config.printer)
    return check_printer_state(printer, described=describe(config.printer, printer))


def run_checks(
    config: Config, *, env: Mapping[str, str], runner: Runner = run_command
) -> list[CheckResult]:
    """Every check, in the order a clerk would look: screen, data, secrets, paper, network."""
    checks: list[tuple[str, Callable[[], CheckResult]]] = [
        ("fonts", lambda: check_fonts(runner)),
        ("display", lambda: check_display(env, runner)),
        ("database", lambda: check_database(config.store.path)),
        ("id-hash key", lambda: check_id_hash_key(config.security)),
        *(
            []
            if config.printer.escpos  # printed to directly: CUPS plays no part
            else [("printer", lambda: check_printer(config.printer.queue, runner))]
        ),
        ("printer state", lambda: _printer_state(config)),
        ("central", lambda: check_central(config.central)),
        ("outbox", lambda: check_outbox(config.store.path)),
    ]
    results = []
    for name, check in checks:
        try:
            results.append(check())
        except Exception as exc:  # one broken check must not hide what the others find
            log.debug("check %s failed", name, exc_info=True)
            results.append(
                CheckResult(
                    name,
                    Status.WARNING,
                    f"the check itself failed ({type(exc).__name__})",
                    "report this to the installer with the output of `kiosk doctor`",
                )
            )
    return results
