"""Importer tests' workbench: CSV files built here and imported into a real SQLite store.

The ``bench`` fixture (conftest.py) gives each test a :class:`Bench` over a fresh store in
tmp_path; tests import the class from here to name its type.

ID numbers come from ``make_id_number`` so they pass every check; none is a real person's
number on purpose, but they are valid, so tests can look for them in output and bytes.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kiosk.domain.address_codes import AddressCodes
from kiosk.domain.idnumber import make_id_number
from kiosk.services.importer import ImportReport, import_files
from kiosk.services.store import Store

KEY = b"importer tests: a key of at least thirty-two bytes"
TODAY = date(2024, 6, 1)
COUNTY = "522730"
VILLAGE = "522730100201"
OTHER_VILLAGE = "522730100202"

REGION_HEADER = ["code", "name", "level", "parent_code"]
REGION_ROWS = [
    ["520000", "贵州省", "province", ""],
    ["522700", "黔南布依族苗族自治州", "prefecture", "520000"],
    ["522730", "龙里县", "county", "522700"],
    ["522730100", "龙山镇", "township", "522730"],
    [VILLAGE, "云雾村", "village", "522730100"],
    [OTHER_VILLAGE, "松林村", "village", "522730100"],
]
CADRE_HEADER = ["code", "name", "unit", "post", "region_code", "level", "phone"]
CADRE_ROWS = [
    ["C001", "陈建国", "龙山镇人民政府", "副镇长", "522730100", "township", "0854-5600001"],
    ["C002", "吴丽萍", "龙里县民政局", "科员", "522730", "", "13800000002"],
]
HOUSEHOLD_HEADER = [
    "file_number", "village_code", "address", "status", "registered_on", "lifted_on",
    "score_housing", "score_food", "score_labour", "score_schooling", "score_health", "causes",
]  # fmt: skip
MEMBER_HEADER = [
    "file_number", "position", "name", "relation", "sex", "birth_date", "id_number",
    "labour_capacity", "health",
]  # fmt: skip
ASSIGNMENT_HEADER = ["cadre_code", "file_number", "start_date", "end_date"]
AID_HEADER = [
    "reference", "file_number", "programme", "amount", "paid_on", "department",
    "department_region_code", "channel", "note",
]  # fmt: skip


def household_row(file_number: str, village: str = VILLAGE) -> list[str]:
    return [file_number, village, "云雾村三组12号", "poor", "2014-07-03", "",
            "10", "12", "8", "10", "6", "illness;lack_of_capital"]  # fmt: skip


def id_number(birth: date, sequence: int) -> str:
    """A valid number; an odd ``sequence`` makes a man."""
    return make_id_number(COUNTY, birth, sequence)


def member_row(file_number: str, index: int, *, relation: str = "other") -> list[str]:
    """A consistent member row: sex and birth date agree with the ID number."""
    birth = date(1950 + index % 50, 1 + index % 12, 1 + index % 28)
    sequence = index % 1000
    return [
        file_number, "", f"杨正{index}", relation, "male" if sequence % 2 else "female",
        birth.isoformat(), id_number(birth, sequence), "ordinary", "healthy",
    ]  # fmt: skip


def csv_bytes(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    encoding: str = "utf-8",
    bom: bool = False,
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return b"\xef\xbb\xbf" + data if bom else data


def dump(path: Path) -> list[str]:
    """Every table's schema and rows, to compare a store's content before and after."""
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


class Bench:
    """Writes CSV files into ``folder`` and imports them into one store.

    The constants and row builders of this module are attributes too, so a test reaches
    them through the fixture it already has.
    """

    KEY = KEY
    TODAY = TODAY
    VILLAGE = VILLAGE
    OTHER_VILLAGE = OTHER_VILLAGE
    REGION_HEADER = REGION_HEADER
    CADRE_HEADER = CADRE_HEADER
    HOUSEHOLD_HEADER = HOUSEHOLD_HEADER
    MEMBER_HEADER = MEMBER_HEADER
    ASSIGNMENT_HEADER = ASSIGNMENT_HEADER
    AID_HEADER = AID_HEADER
    household_row = staticmethod(household_row)
    member_row = staticmethod(member_row)
    id_number = staticmethod(id_number)
    csv_bytes = staticmethod(csv_bytes)
    dump_file = staticmethod(dump)

    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = folder
        self.store = store
        assert store.path is not None
        self.db_path: Path = store.path

    def write(
        self,
        name: str,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        encoding: str = "utf-8",
        bom: bool = False,
    ) -> Path:
        path = self.folder / name
        path.write_bytes(csv_bytes(header, rows, encoding=encoding, bom=bom))
        return path

    def regions(self) -> Path:
        return self.write("regions.csv", REGION_HEADER, REGION_ROWS)

    def cadres(self) -> Path:
        return self.write("cadres.csv", CADRE_HEADER, CADRE_ROWS)

    def households(self, *file_numbers: str) -> Path:
        rows = [household_row(n) for n in file_numbers or ("H001", "H002")]
        return self.write("households.csv", HOUSEHOLD_HEADER, rows)

    def run(
        self, *paths: Path, dry_run: bool = False, addresses: AddressCodes | None = None
    ) -> ImportReport:
        return import_files(
            self.store.sessionmaker,
            list(paths),
            id_hash_key=KEY,
            dry_run=dry_run,
            today=TODAY,
            addresses=addresses,
        )

    def base(self) -> ImportReport:
        """Regions, cadres and two households H001, H002 imported and committed."""
        report = self.run(self.regions(), self.cadres(), self.households())
        assert report.ok and report.written, report.problem_lines()
        return report

    def dump(self) -> list[str]:
        return dump(self.db_path)
