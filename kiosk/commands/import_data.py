"""``kiosk import``: load regions, cadres, households, members, assignments and payments
from CSV files into the store, all or nothing. The format is in docs/import-format.md."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kiosk.commands._common import add_config_arguments, load, setup_cli_logging
from kiosk.config import ConfigError
from kiosk.exitcodes import ExitCode
from kiosk.services.store import StoreError, open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Import CSV files (UTF-8 or GBK). Every file is checked first; then all of them are "
        "written in one transaction, or nothing is written. See docs/import-format.md."
    )
    add_config_arguments(parser, db_required=True)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="CSV files")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="check the files and report what would change, without writing",
    )


def run(args: argparse.Namespace) -> int:
    config = load(args)
    if config is None:
        return ExitCode.CONFIG
    setup_cli_logging(config)
    try:
        key = config.security.id_hash_key()
    except ConfigError as exc:
        print(f"kiosk import: configuration error: {exc}", file=sys.stderr)
        return ExitCode.CONFIG
    if config.security.uses_demo_key:
        print(
            "kiosk import: 警告：使用的是公开的演示密钥，不要用它导入真实数据"
            " / warning: the public demo key is hashing ID numbers; set "
            "security.id_hash_key_file before importing real data",
            file=sys.stderr,
        )

    # Imported lazily: the importer pulls in pypinyin, which is slow to load.
    from kiosk.services.importer import ImportStoreError, import_files

    db_path: Path = config.store.path
    with tempfile.TemporaryDirectory(prefix="kiosk-import-") as scratch:
        if args.dry_run and not db_path.exists():
            # A dry run must not create a store; check against an empty one instead.
            db_path = Path(scratch) / "empty.sqlite3"
        try:
            store = open_store(db_path)
        except StoreError as exc:
            print(f"kiosk import: {exc}", file=sys.stderr)
            return ExitCode.DATABASE
        try:
            report = import_files(
                store.sessionmaker,
                args.files,
                id_hash_key=key,
                dry_run=args.dry_run,
                addresses=config.security.id_address_codes(),
            )
        except ImportStoreError as exc:
            print(f"kiosk import: {exc}", file=sys.stderr)
            return ExitCode.DATABASE
        finally:
            store.close()

    for line in report.problem_lines():
        print(line, file=sys.stderr)
    for line in report.summary_lines():
        print(line)
    return ExitCode.OK if report.ok else ExitCode.INVALID_INPUT
