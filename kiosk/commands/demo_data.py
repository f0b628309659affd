"""``kiosk demo-data``: fill a new store with realistic, deterministic demo data.

Refuses a store that already holds data (exit code INVALID_INPUT), so a start script can
call it whenever the store file is absent and never merge demo rows into real ones.
"""

from __future__ import annotations

import argparse
import logging
import sys

from kiosk.commands._common import add_config_arguments, load, setup_cli_logging
from kiosk.config import ConfigError
from kiosk.exitcodes import ExitCode

log = logging.getLogger(__name__)


def _household_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 3:
        raise argparse.ArgumentTypeError("at least 3 households (the named scenarios)")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.services.demo import DEFAULT_HOUSEHOLDS, DEFAULT_SEED

    add_config_arguments(parser, db_required=True)
    parser.add_argument(
        "--households",
        type=_household_count,
        default=DEFAULT_HOUSEHOLDS,
        help=f"registered households to generate (default {DEFAULT_HOUSEHOLDS}; "
        "250000 gives about a million members)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"random seed; the same seed gives the same data (default {DEFAULT_SEED})",
    )


def _progress(done: int, total: int) -> None:
    log.info("%d of %d households written", done, total)


def run(args: argparse.Namespace) -> int:
    config = load(args)
    if config is None:
        return ExitCode.CONFIG
    setup_cli_logging(config)
    try:
        key = config.security.id_hash_key()
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)
        return ExitCode.CONFIG
    if config.security.uses_demo_key:
        log.warning("ID numbers are hashed with the public demo key: fine for a demo only")

    from kiosk.services.demo import DemoDataError, generate_demo_data
    from kiosk.services.store import StoreError, open_store

    try:
        store = open_store(config.store.path)
    except StoreError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return ExitCode.DATABASE
    try:
        summary = generate_demo_data(
            store.engine,
            id_hash_key=key,
            terminal_code=config.terminal.code,
            terminal_region_code=config.terminal.region_code,
            households=args.households,
            seed=args.seed,
            progress=_progress if args.households >= 20_000 else None,
        )
    except DemoDataError as exc:
        print(f"kiosk demo-data: {exc}", file=sys.stderr)
        return ExitCode.INVALID_INPUT
    finally:
        store.close()

    from kiosk.domain.money import format_fen

    print(f"Demo data written to {config.store.path} (seed {args.seed})")
    print(f"  households    {summary.households:>12,}")
    print(f"  members       {summary.members:>12,}")
    print(f"  aid records   {summary.aid_records:>12,}")
    print(f"  total amount  {format_fen(summary.aid_total_fen):>16}")
    print(f"  loans         {summary.loans:>12,}")
    print(f"  cadres        {summary.cadres:>12,}")
    print(f"  villages      {summary.villages:>12,}")
    print(f"  time taken    {summary.seconds:>11.1f}s")
    print("Named households (the ID numbers are fictitious, for testers only):")
    for s in summary.scenarios:
        print(f"  {s.number}. file {s.file_number}  head {s.head_name} ({s.head_initials})")
        print(f"     ID {s.head_id_number}  {s.story}")
    return ExitCode.OK
