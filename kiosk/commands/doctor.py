"""``kiosk doctor``: say what this terminal needs, in words a street-office clerk can act on.

Exit status 0 when the kiosk can serve residents (warnings allowed), ``CHECK_FAILED`` when a
needed part is missing, ``CONFIG`` when the configuration itself cannot be read. ``--json``
prints the same results as a JSON list for monitoring.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TextIO

from kiosk.commands._common import add_config_arguments
from kiosk.config import Config, ConfigError, load_config
from kiosk.exitcodes import ExitCode
from kiosk.services.health import CheckResult, Status, run_checks, stops_kiosk

_MARKERS = {Status.OK: "✓", Status.WARNING: "!", Status.PROBLEM: "✗"}
#: For output that cannot show the markers above (a serial console, an ASCII pipe).
_ASCII_MARKERS = {Status.OK: "+", Status.WARNING: "!", Status.PROBLEM: "x"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_arguments(parser)
    parser.add_argument(
        "--json", action="store_true", help="print the results as a JSON list (for monitoring)"
    )


def _configuration(args: argparse.Namespace) -> tuple[Config | None, CheckResult]:
    """The configuration with ``--db`` applied, and a result saying which file was read."""
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        return None, CheckResult(
            "configuration",
            Status.PROBLEM,
            str(exc),
            "correct the configuration file (see kiosk/default.toml for every key)",
        )
    if args.db is not None:
        config = replace(config, store=replace(config.store, path=args.db))
    source = str(config.source) if config.source else "built-in defaults (no configuration file)"
    return config, CheckResult("configuration", Status.OK, source)


def _unicode_ok(stream: TextIO) -> bool:
    """Whether the output can show ✓ / ✗ and Chinese font names (not so on a serial console)."""
    try:
        "✓✗文".encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def format_report(results: Sequence[CheckResult], markers: dict[Status, str]) -> str:
    """One aligned line per check, the fix indented under its finding, then a verdict."""
    width = max(len(result.name) for result in results)
    lines = []
    for result in results:
        lines.append(f"{markers[result.status]} {result.name:<{width}}  {result.finding}")
        if result.fix:
            lines.append(f"  {'':<{width}}  fix: {result.fix}")
    blocking = [result.name for result in results if result.stops_kiosk]
    other = [r for r in results if r.status is not Status.OK and not r.stops_kiosk]
    lines.append("")
    if blocking:
        names = ", ".join(blocking)
        lines.append(f"The kiosk cannot serve residents until this is fixed: {names}.")
    elif other:
        things = "1 thing" if len(other) == 1 else f"{len(other)} things"
        lines.append(f"The kiosk can serve residents; {things} to look at.")
    else:
        lines.append("Everything the kiosk needs is in place.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    config, config_result = _configuration(args)
    results = [config_result]
    if config is not None:
        results += run_checks(config, env=os.environ)
    unicode_ok = _unicode_ok(sys.stdout)
    if args.json:
        rows = [result.as_dict() for result in results]
        print(json.dumps(rows, ensure_ascii=not unicode_ok, indent=2))
    else:
        report = format_report(results, _MARKERS if unicode_ok else _ASCII_MARKERS)
        if not unicode_ok:
            report = report.encode("ascii", "replace").decode("ascii")
        print(report)
    if config is None:
        return ExitCode.CONFIG
    return ExitCode.CHECK_FAILED if stops_kiosk(results) else ExitCode.OK
