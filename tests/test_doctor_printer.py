"""``kiosk doctor`` reads the printer's state through the printing path the configuration
chooses: a network ESC/POS printer (a TCP server on 127.0.0.1 answering the paper queries,
tests/services/printing/printers/test_thermal.FakeThermal), or CUPS."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.services.health import Status
from kiosk.services.health.printer_state import check_printer_state
from kiosk.services.printing.printers.choose import NoPrinter
from tests.services.printing.printers.test_thermal import (
    PAPER_NEAR_END,
    PAPER_OUT,
    PAPER_PRESENT,
    FakeThermal,
)


@pytest.fixture
def thermal() -> Iterator[FakeThermal]:
    server = FakeThermal(PAPER_PRESENT)
    yield server
    server.close()


def _doctor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toml: str
) -> dict[str, dict[str, object]]:
    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[store]\npath = "{tmp_path / "k.sqlite3"}"\n{toml}', encoding="utf-8")
    main(["doctor", "--config", str(config), "--json"])
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize(
    ("paper", "status", "words"),
    [
        (PAPER_PRESENT, "ok", "ready"),
        (PAPER_NEAR_END, "warning", "paper low"),
        (PAPER_OUT, "problem", "out of paper"),
    ],
)
def test_doctor_reports_the_paper_of_an_escpos_printer(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    thermal: FakeThermal,
    paper: bytes,
    status: str,
    words: str,
) -> None:
    """[printer] escpos: the state comes from the printer itself; CUPS is not checked."""
    thermal.paper = paper
    rows = _doctor(
        tmp_path, monkeypatch, capsys, f'[printer]\nescpos = "127.0.0.1:{thermal.port}"\n'
    )
    assert "printer" not in rows
    row = rows["printer state"]
    assert row["status"] == status and words in str(row["finding"])
    assert row["needed"] is False  # without paper, residents write their numbers down


def test_a_cups_queue_that_does_not_exist_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """[printer] queue: read through CUPS; a queue CUPS does not have cannot print."""
    rows = _doctor(tmp_path, monkeypatch, capsys, '[printer]\nqueue = "no-such-queue-here"\n')
    row = rows["printer state"]
    assert row["status"] == "problem" and "unreachable" in str(row["finding"])
    assert "no-such-queue-here" in str(row["finding"])


def test_no_printer_at_all_is_unreachable() -> None:
    """No queue and no CUPS default: a problem with a fix, never a crash."""
    result = check_printer_state(NoPrinter(), described="no printer")
    assert result.status is Status.PROBLEM and result.fix
