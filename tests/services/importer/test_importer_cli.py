"""``kiosk import`` as a clerk runs it: exit codes, messages, and a store left unchanged."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.idnumber import check_character
from kiosk.exitcodes import ExitCode
from tests.services.importer.bench import Bench

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "import-examples"


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No KIOSK_* settings from the shell, an empty config file and a real key file."""
    for name in [n for n in os.environ if n.startswith("KIOSK_")]:
        monkeypatch.delenv(name)
    config = tmp_path / "kiosk.toml"
    config.write_text("", encoding="utf-8")
    key_file = tmp_path / "id-hash.key"
    key_file.write_bytes(b"k" * 48)
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    monkeypatch.setenv("KIOSK_SECURITY_ID_HASH_KEY_FILE", str(key_file))
    return config


def wrong_check_digit(number: str) -> str:
    right = check_character(number[:17])
    return number[:17] + ("0" if right != "0" else "1")


def test_acceptance_gbk_members_with_bad_check_digit_on_line_3(
    bench: Bench, cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GBK members, line 3 bad check digit: file:3: column named, INVALID_INPUT, store same."""
    bench.base()
    good = bench.id_number(date(1962, 3, 12), 11)
    bad = wrong_check_digit(bench.id_number(date(1965, 8, 30), 22))
    other = bench.id_number(date(1990, 1, 5), 31)
    path = bench.write(
        "members.csv",
        ["档案号", "姓名", "与户主关系", "性别", "出生日期", "身份证号", "劳动能力", "健康状况"],
        [["H001", "杨正刚", "户主", "男", "1962-03-12", good, "普通劳动力", "健康"],
         ["H001", "王秀英", "配偶", "女", "1965-08-30", bad, "普通劳动力", "健康"],
         ["H001", "杨小军", "长子", "男", "1990-01-05", other, "技能劳动力", "健康"]],
        encoding="gbk",
    )  # fmt: skip
    before = bench.dump()

    code = main(["import", "--db", str(bench.db_path), str(path)])

    out, err = capsys.readouterr()
    assert code == ExitCode.INVALID_INPUT
    assert f"{path}:3: id_number (身份证号): 最后一位校验码不对" in err
    assert "check digit" in err
    assert "GB18030 (GBK)" in out
    assert bad not in out + err and bad[:17] not in out + err
    assert bench.dump() == before


def test_examples_import_then_reimport_reports_unchanged(
    tmp_path: Path,
    cli_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On the demo key the documented examples import with exit code OK; again, unchanged."""
    # Their ID numbers use the demo's unissued code 529999, accepted on the demo key only.
    monkeypatch.delenv("KIOSK_SECURITY_ID_HASH_KEY_FILE")
    db = tmp_path / "store" / "kiosk.sqlite3"
    files = [str(p) for p in sorted(EXAMPLES.glob("*.csv"))]
    assert main(["import", "--db", str(db), *files]) == ExitCode.OK
    assert "members (家庭成员): 5 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    assert main(["import", "--db", str(db), *files]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "members (家庭成员): 0 new, 0 updated, 5 unchanged" in out
    assert "regions (行政区划): 0 new, 0 updated, 6 unchanged" in out


def test_a_real_key_refuses_the_examples_unissued_code(
    tmp_path: Path, cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a real key, the examples' members (county code 529999) are refused, by line."""
    db = tmp_path / "store" / "kiosk.sqlite3"
    files = [str(p) for p in sorted(EXAMPLES.glob("*.csv"))]
    assert main(["import", "--db", str(db), *files]) == ExitCode.INVALID_INPUT
    err = capsys.readouterr().err
    assert "members.csv:2: id_number (身份证号): 前六位是地区代码" in err
    assert "529999" not in err


def test_dry_run_does_not_create_the_store(
    tmp_path: Path,
    cli_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--dry-run against a store that does not exist checks the files and creates nothing."""
    monkeypatch.delenv("KIOSK_SECURITY_ID_HASH_KEY_FILE")  # the examples need the demo key
    db = tmp_path / "nowhere" / "kiosk.sqlite3"
    files = [str(p) for p in sorted(EXAMPLES.glob("*.csv"))]
    assert main(["import", "--db", str(db), "--dry-run", *files]) == ExitCode.OK
    assert "Dry run" in capsys.readouterr().out
    assert not db.exists()


def test_unusable_store_exits_with_database(
    tmp_path: Path, cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --db that is not an SQLite file gives the DATABASE exit code."""
    db = tmp_path / "kiosk.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    code = main(["import", "--db", str(db), str(EXAMPLES / "regions.csv")])
    assert code == ExitCode.DATABASE
    assert "kiosk import:" in capsys.readouterr().err


def test_missing_file_is_invalid_input(
    tmp_path: Path, cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that does not exist is a refused input, named in the output."""
    code = main(["import", "--db", str(tmp_path / "k.sqlite3"), str(tmp_path / "nope.csv")])
    assert code == ExitCode.INVALID_INPUT
    assert "nope.csv: 找不到这个文件 / no such file" in capsys.readouterr().err


def test_demo_key_is_warned_about(
    tmp_path: Path,
    cli_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Importing with the public demo key works but says loudly that it must not be real data."""
    monkeypatch.delenv("KIOSK_SECURITY_ID_HASH_KEY_FILE")
    code = main(["import", "--db", str(tmp_path / "k.sqlite3"), str(EXAMPLES / "regions.csv")])
    assert code == ExitCode.OK
    assert "demo key" in capsys.readouterr().err


def test_db_is_required(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --db the command refuses to guess which store to fill."""
    with pytest.raises(SystemExit) as caught:
        main(["import", str(EXAMPLES / "regions.csv")])
    assert caught.value.code == ExitCode.USAGE
