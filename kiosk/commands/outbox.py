"""``kiosk outbox``: how many complaints wait to be sent, and for how long (for staff).

Prints counts and ages only: never a tracking number, a secret or what a complaint says.
Exit status 0 when nothing was refused, ``CHECK_FAILED`` when the server refused one.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.commands._common import add_config_arguments, load
from kiosk.exitcodes import ExitCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_arguments(parser)


def _age(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def run(args: argparse.Namespace) -> int:
    config = load(args)
    if config is None:
        return ExitCode.CONFIG
    path = config.store.path
    if not path.exists():
        print(f"kiosk: no store at {path}", file=sys.stderr)
        return ExitCode.DATABASE
    from kiosk.domain.clock import utcnow
    from kiosk.services.complaints.outbox import queue_depth
    from kiosk.services.store import StoreError, open_store

    try:
        store = open_store(path)
    except StoreError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return ExitCode.DATABASE
    try:
        depth = queue_depth(store.sessionmaker)
    finally:
        store.close()
    age = depth.oldest_age_s(utcnow())
    print(f"waiting to be sent: {depth.pending}")
    print(f"oldest waiting:     {_age(age) if age is not None else '-'}")
    print(f"refused by server:  {depth.refused}")
    if depth.refused:
        print("a refused complaint is kept on this terminal; report it to the installer")
        return ExitCode.CHECK_FAILED
    return ExitCode.OK
