"""``kiosk keygen``: make this terminal's keys and say how staff register it.

Writes the Ed25519 request key to ``security.kiosk_key_file`` (mode 0600), refusing to
replace an existing key unless ``--force`` (the server would stop accepting the terminal
until the new public key is registered), and prints the public key and the registration
command. Writes the document key, which signs the QR codes of printed records, to
``security.document_key_file`` when there is none; ``--rotate-document-key`` replaces it.
Rotating needs no registration: the terminal publishes its document key itself, and the
central server keeps every key it published, so records signed with the old one still verify.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.commands._common import load
from kiosk.exitcodes import ExitCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("--config", type=Path, help="TOML configuration file")
    parser.add_argument(
        "--force", action="store_true", help="replace an existing key (it must be registered again)"
    )
    parser.add_argument("--name", default="", help="terminal name for the registration line")
    parser.add_argument(
        "--rotate-document-key",
        action="store_true",
        help="replace the key that signs printed records (older records still verify)",
    )


def run(args: argparse.Namespace) -> int:
    config = load(args)
    if config is None:
        return ExitCode.CONFIG
    from kiosk.domain.signed_document import key_id
    from kiosk.services.complaints.kiosk_key import KioskKeyError, public_hex, write_new_key

    document_path = config.security.document_key_file
    rotate = args.rotate_document_key
    try:
        if rotate or not document_path.exists():
            document_key = write_new_key(document_path, force=rotate)
            print(f"document key written to {document_path} (mode 0600)")
            print(f"document key id: {key_id(document_key.public_key())}")
        if rotate and config.security.kiosk_key_file.exists() and not args.force:
            return ExitCode.OK
        path = config.security.kiosk_key_file
        key = write_new_key(path, force=args.force)
    except KioskKeyError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return ExitCode.INVALID_INPUT
    public = public_hex(key)
    name = args.name or config.terminal.code
    print(f"private key written to {path} (mode 0600)")
    print(f"public key: {public}")
    print("register this terminal on the central server with:")
    print(
        f"  kiosk-central register-kiosk {config.terminal.code} --public-key {public} "
        f"--region {config.terminal.region_code} --name '{name}'"
    )
    return ExitCode.OK
