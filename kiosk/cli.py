"""The ``kiosk`` command line: ``kiosk [run]``, ``demo-data``, ``import``, ``doctor``, ...

Each sub-command lives in ``kiosk/commands/<name>.py`` with ``add_parser`` and ``run``; this
module only dispatches, and imports a command's module when that command is asked for, so
``kiosk run`` never loads the importer or the demo generator.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kiosk import __version__

#: sub-command -> (module under kiosk.commands, one-line help)
COMMANDS = {
    "demo-data": ("demo_data", "fill a store with realistic demo data"),
    "import": ("import_data", "import regions, households, cadres and payments from CSV"),
    "doctor": ("doctor", "check fonts, display, store, printer and central server"),
    "screenshots": ("screenshots", "render every screen in both languages to PNG files"),
    "keygen": ("keygen", "make this terminal's signing key for the central server"),
    "outbox": ("outbox", "show how many complaints wait to be sent"),
    "verify": ("verify", "check a printed record (PDF, photo or QR text) against the keys"),
}


def _usage() -> str:
    lines = [
        "usage: kiosk [run] [options]      start the kiosk (see `kiosk run --help`)",
        "       kiosk COMMAND [options]",
        "",
        "commands:",
        "  run          start the kiosk (the default)",
    ]
    lines += [f"  {name:<12} {help_}" for name, (_, help_) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(_usage())
        return 0
    if args and args[0] == "--version":
        print(f"kiosk {__version__}")
        return 0
    if not args or args[0] == "run" or args[0].startswith("-"):
        from kiosk.app import main as run_kiosk

        return run_kiosk(args[1:] if args and args[0] == "run" else args)
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"kiosk: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    module_name, help_ = COMMANDS[name]
    module = importlib.import_module(f"kiosk.commands.{module_name}")
    parser = argparse.ArgumentParser(prog=f"kiosk {name}", description=help_)
    module.add_arguments(parser)
    result: int = module.run(parser.parse_args(rest))
    return result
