"""`kiosk demo-data` as staff and scripts use it: summary, exit codes, refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.exitcodes import ExitCode
from kiosk.services.demo import SCENARIOS


def test_prints_a_summary_with_the_scenario_households(
    tmp_path: Path, run_demo: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary gives counts, the total, the time and each scenario's identifiers."""
    assert run_demo(tmp_path / "kiosk.sqlite3") == ExitCode.OK
    out = capsys.readouterr().out
    for label in ("households", "members", "aid records", "total amount", "time taken"):
        assert label in out
    assert "¥" in out
    for scenario in SCENARIOS:
        assert scenario.file_number in out
        assert scenario.head_name in out
        assert scenario.head_id_number in out


def test_refuses_a_store_that_already_holds_data(
    tmp_path: Path,
    run_demo: Callable[..., int],
    dump_store: Callable[[Path], Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A second run exits INVALID_INPUT, says why, and changes nothing."""
    path = tmp_path / "kiosk.sqlite3"
    assert run_demo(path, seed=7) == ExitCode.OK
    before = dump_store(path)
    capsys.readouterr()
    assert run_demo(path, seed=8) == ExitCode.INVALID_INPUT
    assert "already holds data" in capsys.readouterr().err
    assert dump_store(path) == before


def test_terminal_from_the_configuration_is_registered(
    tmp_path: Path, run_demo: Callable[..., int], dump_store: Callable[[Path], Any]
) -> None:
    """The Kiosk row takes terminal.code and terminal.region_code from --config."""
    config = tmp_path / "kiosk.toml"
    config.write_text('[terminal]\ncode = "BJ-0007"\nregion_code = "520602101"\n', "utf-8")
    path = tmp_path / "kiosk.sqlite3"
    assert run_demo(path, extra=("--config", str(config))) == ExitCode.OK
    kiosks = dump_store(path)["kiosks"]
    assert [(row[1], row[3]) for row in kiosks] == [("BJ-0007", "520602101")]


def test_unknown_terminal_region_is_refused(
    tmp_path: Path, run_demo: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    """A terminal region outside Guizhou's divisions is refused before anything is written."""
    config = tmp_path / "kiosk.toml"
    config.write_text('[terminal]\nregion_code = "110101001"\n', "utf-8")
    assert run_demo(tmp_path / "kiosk.sqlite3", extra=("--config", str(config))) == (
        ExitCode.INVALID_INPUT
    )
    assert "110101001" in capsys.readouterr().err


def test_too_few_households_is_a_usage_error(tmp_path: Path, run_demo: Callable[..., int]) -> None:
    """Fewer households than scenarios is refused by the argument parser (exit 2)."""
    with pytest.raises(SystemExit) as stopped:
        run_demo(tmp_path / "kiosk.sqlite3", households=2)
    assert stopped.value.code == ExitCode.USAGE


def test_bad_configuration_exits_with_config(tmp_path: Path, run_demo: Callable[..., int]) -> None:
    """An unreadable --config file gives exit code CONFIG."""
    missing = tmp_path / "missing.toml"
    assert run_demo(tmp_path / "kiosk.sqlite3", extra=("--config", str(missing))) == (
        ExitCode.CONFIG
    )
