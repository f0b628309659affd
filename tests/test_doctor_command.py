"""``kiosk doctor`` as staff and monitoring run it: exit status, report lines, JSON."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from kiosk.commands.doctor import format_report
from kiosk.exitcodes import ExitCode
from kiosk.services.health import CheckResult, Status
from kiosk.services.store import open_store

KEY = "province-key-for-tests-0123456789abcdef"


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configuration of our own (no /etc/kiosk, no KIOSK_* from the shell), with a real key
    and a central URL where nothing listens."""
    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            monkeypatch.delenv(name)
    # The display check depends on the session; offscreen makes it a predictable warning.
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    key_file = tmp_path / "id-hash.key"
    key_file.write_text(KEY)
    key_file.chmod(0o600)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[security]\nid_hash_key_file = "{key_file}"\n'
        f'[central]\nurl = "http://127.0.0.1:{port}"\n'
        f'[store]\npath = "{tmp_path / "configured.sqlite3"}"\n',
        encoding="utf-8",
    )
    return path


def _doctor_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[Any]]:
    code = main(["doctor", *argv, "--json"])
    results = json.loads(capsys.readouterr().out)
    assert isinstance(results, list)
    return code, results


def _explained_by_this_machine() -> set[str]:
    """Checks that may stop the kiosk here because this machine lacks a part, not our code."""
    explained = set()
    if shutil.which("lpstat") is None:
        explained.add("printer")
    else:
        scheduler = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
        default = subprocess.run(["lpstat", "-d"], capture_output=True, text=True, check=False)
        if "scheduler is running" not in scheduler.stdout or "system default" not in default.stdout:
            explained.add("printer")
    fc_list = shutil.which("fc-list")
    zh_fonts = fc_list and subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True)
    if not zh_fonts or not zh_fonts.stdout.strip():
        explained.add("fonts")
    return explained


def test_missing_store_fails_and_prints_the_fix(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing --db store is a needed problem: CHECK_FAILED, with the command that fixes it."""
    missing = tmp_path / "missing.sqlite3"
    code = main(["doctor", "--config", str(config_file), "--db", str(missing)])
    out = capsys.readouterr().out
    assert code == ExitCode.CHECK_FAILED
    assert f"no store at {missing}" in out
    assert f"or for a demo `kiosk demo-data --db {missing}`" in out
    assert not missing.exists()


def test_good_store_fails_only_for_reasons_of_this_machine(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a real store and key, only missing machine parts (printer, fonts) may stop the kiosk."""
    store = tmp_path / "good.sqlite3"
    open_store(store).close()
    code, results = _doctor_json(capsys, "--config", str(config_file), "--db", str(store))
    by_name = {result["name"]: result for result in results}
    assert list(by_name) == [
        "configuration", "fonts", "display", "database", "id-hash key", "printer",
        "printer state", "central", "outbox",
    ]  # fmt: skip
    assert by_name["outbox"]["status"] == "ok"  # a new store has nothing waiting
    assert by_name["database"]["status"] == "warning"  # a new store has no households
    assert by_name["id-hash key"]["status"] == "ok"
    assert by_name["central"]["status"] == "problem" and not by_name["central"]["needed"]
    blocking = {r["name"] for r in results if r["status"] == "problem" and r["needed"]}
    assert blocking <= _explained_by_this_machine()
    assert code == (ExitCode.CHECK_FAILED if blocking else ExitCode.OK)


def test_json_output_parses_into_complete_results(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints a list of results with every field monitoring reads."""
    _, results = _doctor_json(capsys, "--config", str(config_file), "--db", str(tmp_path / "x"))
    for result in results:
        assert set(result) == {"name", "status", "needed", "finding", "fix"}
        assert result["status"] in {"ok", "warning", "problem"}
        assert isinstance(result["needed"], bool)


def test_the_key_is_never_printed(
    config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Neither the report nor the JSON contains the ID-hash key."""
    main(["doctor", "--config", str(config_file)])
    main(["doctor", "--config", str(config_file), "--json"])
    assert KEY not in capsys.readouterr().out


def test_bad_configuration_exits_with_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unusable configuration file is reported as a result and exits with CONFIG."""
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[ui]\nlanguage = 'fr'\n", encoding="utf-8")
    code, results = _doctor_json(capsys, "--config", str(bad))
    assert code == ExitCode.CONFIG
    assert results[0]["name"] == "configuration" and results[0]["status"] == "problem"
    assert "ui.language" in results[0]["finding"]


def test_report_lines_are_aligned_with_fixes_underneath() -> None:
    """Markers, aligned findings, each fix under its finding, and the verdict last."""
    results = [
        CheckResult("fonts", Status.OK, "Chinese fonts: Noto Sans CJK SC"),
        CheckResult("id-hash key", Status.WARNING, "demo key", "set security.id_hash_key_file"),
        CheckResult("printer", Status.PROBLEM, "no CUPS", "sudo apt-get install cups"),
    ]
    markers = {Status.OK: "✓", Status.WARNING: "!", Status.PROBLEM: "✗"}
    assert format_report(results, markers).splitlines() == [
        "✓ fonts        Chinese fonts: Noto Sans CJK SC",
        "! id-hash key  demo key",
        "               fix: set security.id_hash_key_file",
        "✗ printer      no CUPS",
        "               fix: sudo apt-get install cups",
        "",
        "The kiosk cannot serve residents until this is fixed: printer.",
    ]


def test_ascii_terminal_gets_ascii_markers(
    config_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A console that cannot show ✓ / ✗ gets + / x instead of a UnicodeEncodeError."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")
    monkeypatch.setattr("sys.stdout", stream)
    missing = tmp_path / "missing.sqlite3"
    assert main(["doctor", "--config", str(config_file), "--db", str(missing)]) == 6
    stream.flush()
    report = stream.buffer.getvalue().decode("ascii")
    assert "x database" in report
