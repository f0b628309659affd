"""No full ID number reaches the database file or the output; no phone number the output."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.idnumber import IdNumberError, check_character, parse_id_number
from kiosk.exitcodes import ExitCode
from tests.services.importer.bench import Bench

ID_LIKE = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")


def valid_id_numbers_in(text: str) -> list[str]:
    """Every 18-character run that passes the full ID check (the numbers themselves)."""
    found = []
    for candidate in ID_LIKE.findall(text):
        try:
            parse_id_number(candidate, today=date(2024, 6, 1))
        except IdNumberError:
            continue
        found.append(candidate)
    return found


def test_database_bytes_hold_no_id_number(bench: Bench) -> None:
    """After an import, the raw bytes of the store (and its WAL) contain no valid ID number."""
    bench.base()
    rows = [bench.member_row("H001", i) for i in range(1, 60)]
    numbers = [row[6] for row in rows]
    assert bench.run(bench.write("members.csv", bench.MEMBER_HEADER, rows)).ok
    bench.store.close()  # the last connection checkpoints the WAL into the main file
    raw = b"".join(
        path.read_bytes()
        for path in bench.db_path.parent.iterdir()
        if path.name.startswith(bench.db_path.name)
    )
    text = raw.decode("latin-1")
    assert valid_id_numbers_in(text) == []
    assert not any(number[:17].encode() in raw for number in numbers)


def test_error_output_holds_no_id_or_phone_number(
    bench: Bench,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No ID or phone number in any problem, even from a wrong column or a headerless file."""
    for name in [n for n in os.environ if n.startswith("KIOSK_")]:
        monkeypatch.delenv(name)
    bench.base()
    numbers = [bench.member_row("H001", i)[6] for i in range(1, 8)]
    bad_check = numbers[0][:17] + ("0" if check_character(numbers[0][:17]) != "0" else "1")
    rows = [bench.member_row("H001", i) for i in range(1, 8)]
    rows[0][6] = bad_check
    rows[1][4] = "女" if rows[1][4] == "male" else "男"  # sex disagrees
    rows[2][0] = "H404"  # unknown household
    rows[3][8] = numbers[3]  # ID number in the health column
    rows[4][2] = numbers[4] * 4  # too long a name, made of a number
    rows[5][6] = numbers[5] + "1"  # 19 characters
    rows[6][3] = numbers[6]  # ID number in the relation column
    members = bench.write("members.csv", bench.MEMBER_HEADER, rows)
    phone = "13912345678"
    cadres = bench.write("cadres.csv", bench.CADRE_HEADER, [
        ["C100", "李明", "龙里县民政局", "科员", "999999", "", phone],
        ["C101", "张红", "龙里县民政局", "科员", "522730", "county", phone + "99999999"],
    ])  # fmt: skip
    headerless = bench.write("data.csv", [numbers[1], "杨正刚", phone], [[numbers[2], "x", "y"]])
    db = str(bench.db_path)
    assert main(["import", "--db", db, str(members), str(cadres)]) == ExitCode.INVALID_INPUT
    out, err = capsys.readouterr()
    assert err.count("members.csv:") == 7 and err.count("cadres.csv:") == 2, err
    assert main(["import", "--db", db, str(headerless)]) == ExitCode.INVALID_INPUT
    output = out + err + "".join(capsys.readouterr())
    assert valid_id_numbers_in(output) == []
    for number in [*numbers, bad_check]:
        assert number[:17] not in output and number[-10:] not in output
    assert phone not in output
