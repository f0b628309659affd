"""Options and set-up shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.config import Config, ConfigError, load_config


def add_config_arguments(parser: argparse.ArgumentParser, *, db_required: bool = False) -> None:
    parser.add_argument("--config", type=Path, help="TOML configuration file")
    parser.add_argument(
        "--db",
        type=Path,
        required=db_required,
        help="SQLite store"
        + ("" if db_required else " (default: store.path of the configuration)"),
    )


def load(args: argparse.Namespace) -> Config | None:
    """The configuration with ``--db`` applied, or None after printing why it is unusable."""
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)
        return None
    if getattr(args, "db", None) is not None:
        from dataclasses import replace

        config = replace(config, store=replace(config.store, path=args.db))
    return config


def setup_cli_logging(config: Config) -> None:
    """The kiosk's logging (ID and phone numbers masked) in a shorter form for a terminal."""
    from kiosk.logs import setup_logging

    setup_logging(config.logging, fmt="%(levelname)s %(name)s: %(message)s")
