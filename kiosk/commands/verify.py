"""``kiosk verify FILE``: is this printed record genuine? For staff and for whoever is shown one.

``FILE`` is the record's PDF, a PNG or JPEG photo of its QR code, or a file holding the
code's text (``-`` reads the text from standard input). The keys are the central server's
published document keys (``GET /api/v1/document-keys``, no signature needed); the last list
fetched is kept beside the store, so the check works offline, and ``--keys FILE`` uses a
saved list (the same JSON) instead. The answer is the one the central server's verify page
gives (``kiosk.domain.document_words``), in Chinese and English.

Exit status: 0 valid, ``INVALID_DOCUMENT`` (7) for any record that is not, ``NO_KEYS`` (8)
when there is no list of keys to check against.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.commands._common import load
from kiosk.domain.document_check import check_document
from kiosk.domain.document_words import report
from kiosk.exitcodes import ExitCode
from kiosk.services.complaints.client import CentralClient
from kiosk.services.verification import (
    Keys,
    KeysError,
    KeysSource,
    cache_path,
    current_keys,
    load_keys,
)

SOURCE_WORDS = {
    KeysSource.SERVER: ("公钥来自中心服务器。", "Keys from the central server."),
    KeysSource.CACHE: (
        "连不上中心服务器，用的是上次保存的公钥列表。",
        "The central server cannot be reached; the keys saved last time were used.",
    ),
    KeysSource.FILE: ("公钥来自指定的文件。", "Keys from the given file."),
}

#: Far above a record's PDF or a phone photo; the reader refuses more anyway.
_READ_LIMIT = 16 * 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="PDF, PNG/JPEG photo, or text; - for stdin")
    parser.add_argument("--config", type=Path, help="TOML configuration file")
    parser.add_argument(
        "--keys", type=Path, metavar="FILE", help="saved list of keys (JSON) instead of the server"
    )


def _read(name: str) -> bytes | None:
    if name == "-":
        return sys.stdin.buffer.read(_READ_LIMIT)
    try:
        with Path(name).open("rb") as handle:
            return handle.read(_READ_LIMIT)
    except OSError as exc:
        print(f"无法读取文件 {name}（{exc.strerror}）\ncannot read {name}: {exc.strerror}",
              file=sys.stderr)  # fmt: skip
        return None


def run(args: argparse.Namespace) -> int:
    data = _read(args.file)
    if data is None:
        return ExitCode.INVALID_INPUT
    try:
        if args.keys is not None:
            keys = Keys(load_keys(args.keys), KeysSource.FILE)
        else:
            config = load(args)
            if config is None:
                return ExitCode.CONFIG
            client = CentralClient(
                config.central.url,
                kiosk_code=config.terminal.code,
                private_key=None,
                ca_bundle=config.central.ca_bundle,
                timeout_s=config.central.timeout_s,
            )
            try:
                keys = current_keys(client, cache_path(config))
            finally:
                client.close()
    except KeysError:
        print(
            "没有可用的公钥列表：连不上中心服务器，也没有保存的列表（可用 --keys 指定）。\n"
            "no list of published keys: the central server cannot be reached and none is "
            "saved (give one with --keys).",
            file=sys.stderr,
        )
        return ExitCode.NO_KEYS
    except ValueError as exc:  # central.url: plain http to a host that is not loopback
        print(f"kiosk: {exc}", file=sys.stderr)
        return ExitCode.CONFIG
    result = report(check_document(data, keys.keys))
    print(f"{result.headline.zh}\n{result.headline.en}\n")
    print(f"{result.reason.zh}\n{result.reason.en}")
    if result.facts:
        print()
        for line in result.facts:
            value = line.value.zh
            if line.value.en != line.value.zh:
                value += f" / {line.value.en}"
            print(f"{line.label.zh} / {line.label.en}: {value}")
    zh, en = SOURCE_WORDS[keys.source]
    print(f"\n{zh}\n{en}")
    return ExitCode.OK if result.valid else ExitCode.INVALID_DOCUMENT
