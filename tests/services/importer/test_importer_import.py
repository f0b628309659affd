"""import_files against a real SQLite store: what is accepted, refused, written and counted."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import event, select

from kiosk.domain.address_codes import demo_address_codes
from kiosk.domain.idnumber import id_lookup_hash, parse_id_number
from kiosk.domain.models import (
    AidRecord,
    AidVerification,
    Assignment,
    Household,
    HouseholdCause,
    Member,
    PovertyCause,
    PovertyStatus,
    Relation,
    Sex,
    VerificationKind,
)
from kiosk.services.importer import ImportReport, Kind
from tests.services.importer.bench import Bench

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "import-examples"
#: The examples' ID numbers use the demo's unissued code 529999, which only the demo
#: key's table accepts (as ``kiosk import`` gives it on the demo key).
EXAMPLE_ADDRESSES = demo_address_codes()


def problem_at(report: ImportReport, file_name: str, line: int | None, column: str | None) -> str:
    """The one problem reported at that place, as printed."""
    found = [
        str(p)
        for p in report.problems
        if p.where.file.endswith(file_name) and p.where.line == line and p.column == column
    ]
    assert found, f"no problem at {file_name}:{line} {column}; got {report.problem_lines()}"
    return found[0]


def counts(report: ImportReport, kind: Kind) -> tuple[int, int, int]:
    c = report.counts[kind]
    return c.new, c.updated, c.unchanged


def members_file(
    bench: Bench,
    rows: Sequence[Sequence[str]],
    name: str = "members.csv",
    *,
    encoding: str = "utf-8",
    bom: bool = False,
) -> Path:
    return bench.write(name, bench.MEMBER_HEADER, rows, encoding=encoding, bom=bom)


def test_documented_examples_import_and_reimport(bench: Bench) -> None:
    """The sample files in docs import into an empty store, and a second import is a no-op."""
    files = sorted(EXAMPLES.glob("*.csv"))
    assert len(files) == 6
    first = bench.run(*files, addresses=EXAMPLE_ADDRESSES)
    assert first.ok and first.written, first.problem_lines()
    assert counts(first, Kind.MEMBERS) == (5, 0, 0)
    before = bench.dump()
    second = bench.run(*files, addresses=EXAMPLE_ADDRESSES)
    assert second.ok
    assert all(c.new == 0 and c.updated == 0 for c in second.counts.values())
    assert bench.dump() == before


def test_kinds_are_written_parents_first(bench: Bench) -> None:
    """Files given children first still import: kinds are ordered, not the command line."""
    names = ("aid_records", "assignments", "members", "households", "cadres", "regions")
    files = [EXAMPLES / f"{name}.csv" for name in names]
    report = bench.run(*files, addresses=EXAMPLE_ADDRESSES)
    assert report.ok and report.written, report.problem_lines()
    assert [f.label for f in report.files] == [str(f) for f in files]


def test_utf8_with_and_without_bom(bench: Bench) -> None:
    """UTF-8 files import with and without a byte-order mark, and the report says which."""
    bench.base()
    rows = [bench.member_row("H001", 1), bench.member_row("H002", 2)]
    with_bom = members_file(bench, rows[:1], "with-bom.csv", bom=True)
    without = members_file(bench, rows[1:], "without-bom.csv")
    report = bench.run(with_bom, without)
    assert report.ok, report.problem_lines()
    assert [f.encoding for f in report.files] == ["UTF-8 (BOM)", "UTF-8"]
    assert counts(report, Kind.MEMBERS) == (2, 0, 0)


def test_gbk_file_with_chinese_headers_and_labels(bench: Bench) -> None:
    """A GBK file with Chinese column names and the words a clerk writes is understood."""
    bench.run(bench.regions())
    households = bench.write(
        "贫困户.csv",
        ["档案号", "村代码", "住址", "脱贫状态", "识别日期", "脱贫日期", "住房得分", "饮食得分",
         "劳动力得分", "教育得分", "健康得分", "贫困指数", "致贫原因"],
        [["H001", bench.VILLAGE, "云雾村三组12号", "已脱贫", "2014/7/3", "20191220",
          "20", "16", "15", "12", "9", "72", "因病；缺资金"]],
        encoding="gbk",
    )  # fmt: skip
    head_id = bench.id_number(date(1962, 3, 12), 11)
    son_id = bench.id_number(date(1990, 1, 5), 31)
    members = bench.write(
        "成员.csv",
        ["档案号", "姓名", "与户主关系", "性别", "出生日期", "身份证号码", "劳动能力", "健康状况"],
        [["H001", "杨正刚", "户主", "男", "1962年3月12日", head_id, "普通劳动力", "长期慢性病"],
         ["H001", "杨小军", "长子", "男", "", son_id, "技能劳动力", "健康"]],
        encoding="gbk",
    )  # fmt: skip
    report = bench.run(members, households)
    assert report.ok, report.problem_lines()
    assert {f.encoding for f in report.files} == {"GB18030 (GBK)"}
    with bench.store.sessionmaker() as session:
        household = session.scalars(select(Household)).one()
        assert household.status is PovertyStatus.LIFTED
        assert (household.registered_on, household.lifted_on) == (
            date(2014, 7, 3), date(2019, 12, 20),
        )  # fmt: skip
        assert household.poverty_score == 72
        stored = session.scalars(select(Member).order_by(Member.position)).all()
        assert [(m.name, m.relation, m.sex, m.position) for m in stored] == [
            ("杨正刚", Relation.HEAD, Sex.MALE, 0),
            ("杨小军", Relation.SON, Sex.MALE, 1),
        ]
        assert stored[1].birth_date == date(1990, 1, 5)  # taken from the ID number


def test_member_stored_as_hash_mask_and_initials(bench: Bench) -> None:
    """A member's ID number is kept only as the keyed hash and the masked form."""
    bench.base()
    number = bench.id_number(date(1962, 3, 12), 11)
    row = ["H001", "", "杨正刚", "head", "male", "1962-03-12", number, "ordinary", "healthy"]
    assert bench.run(members_file(bench, [row])).ok
    with bench.store.sessionmaker() as session:
        member = session.scalars(select(Member)).one()
    assert member.id_hash == id_lookup_hash(parse_id_number(number), bench.KEY)
    assert member.id_masked == number[:4] + "*" * 10 + number[-4:]
    assert member.name_initials == "YZG"


def test_reimport_changes_nothing(bench: Bench) -> None:
    """Importing the same files again reports 0 new and leaves every table as it was."""
    bench.base()
    rows = [bench.member_row("H001", i) for i in range(1, 4)]
    path = members_file(bench, rows)
    assert bench.run(path).ok
    before = bench.dump()
    report = bench.run(bench.regions(), bench.cadres(), bench.households(), path)
    assert report.ok and report.written
    assert counts(report, Kind.MEMBERS) == (0, 0, 3)
    assert counts(report, Kind.HOUSEHOLDS) == (0, 0, 2)
    assert counts(report, Kind.REGIONS) == (0, 0, 6)
    assert "members (家庭成员): 0 new, 0 updated, 3 unchanged" in report.summary_lines()
    assert bench.dump() == before


def test_changed_row_updates_only_that_row(bench: Bench) -> None:
    """A member whose health changed is updated; the others are counted as unchanged."""
    bench.base()
    rows = [bench.member_row("H001", i) for i in range(1, 4)]
    assert bench.run(members_file(bench, rows)).ok
    before = bench.dump()
    rows[1][-1] = "serious"
    report = bench.run(members_file(bench, rows))
    assert report.ok
    assert counts(report, Kind.MEMBERS) == (0, 1, 2)
    changed = set(bench.dump()) ^ set(before)
    assert len(changed) == 2  # the old and the new version of one row
    assert all("'serious'" in line or "'healthy'" in line for line in changed)


def test_member_moves_to_another_household(bench: Bench) -> None:
    """The ID number is the key: the same person under another file number is moved."""
    bench.base()
    row = bench.member_row("H001", 1)
    assert bench.run(members_file(bench, [row])).ok
    row[0] = "H002"
    report = bench.run(members_file(bench, [row]))
    assert counts(report, Kind.MEMBERS) == (0, 1, 0)
    with bench.store.sessionmaker() as session:
        member = session.scalars(select(Member)).one()
        household = session.get(Household, member.household_id)
        assert household is not None and household.file_number == "H002"


def test_unknown_household_is_named(bench: Bench) -> None:
    """A member of a household neither in the store nor in the import is refused."""
    bench.base()
    report = bench.run(members_file(bench, [bench.member_row("H001", 1),
                                            bench.member_row("H999", 2)]))  # fmt: skip
    assert not report.written
    message = problem_at(report, "members.csv", 3, "file_number")
    assert "档案号" in message and "no household has this file number" in message


def test_household_from_the_same_import_is_known(bench: Bench) -> None:
    """A household added by the same import can have members in it."""
    bench.base()
    households = bench.households("H001", "H002", "H003")
    report = bench.run(members_file(bench, [bench.member_row("H003", 1)]), households)
    assert report.ok, report.problem_lines()
    assert counts(report, Kind.HOUSEHOLDS) == (1, 0, 2)


def test_sex_that_disagrees_with_id_number(bench: Bench) -> None:
    """Sex written as female for a man's ID number is named, with the 17th-digit rule."""
    bench.base()
    row = bench.member_row("H001", 1)  # odd sequence: a man
    row[4] = "女"
    report = bench.run(members_file(bench, [row]))
    message = problem_at(report, "members.csv", 2, "sex")
    assert "性别与身份证号不符" in message and "17th digit" in message


def test_birth_date_that_disagrees_with_id_number(bench: Bench) -> None:
    """A birth date other than the one inside the ID number is named."""
    bench.base()
    row = bench.member_row("H001", 1)
    row[5] = "1999-01-01"
    report = bench.run(members_file(bench, [row]))
    assert "characters 7 to 14" in problem_at(report, "members.csv", 2, "birth_date")


def test_excel_scientific_notation_in_id_number(bench: Bench) -> None:
    """An ID number Excel turned into 5.22730E+17 is named with the fix."""
    bench.base()
    row = bench.member_row("H001", 1)
    row[6] = "5.22730E+17"
    report = bench.run(members_file(bench, [row]))
    assert "scientific notation" in problem_at(report, "members.csv", 2, "id_number")


def test_same_person_twice_names_the_earlier_line(bench: Bench) -> None:
    """One ID number on two rows is refused, pointing at the first."""
    bench.base()
    row = bench.member_row("H001", 1)
    report = bench.run(members_file(bench, [row, bench.member_row("H001", 2), list(row)]))
    assert "line 2" in problem_at(report, "members.csv", 4, "id_number")


def test_two_heads_in_one_household(bench: Bench) -> None:
    """A household has one head; the second is named."""
    bench.base()
    rows = [
        bench.member_row("H001", 1, relation="户主"),
        bench.member_row("H001", 2, relation="head"),
    ]
    report = bench.run(members_file(bench, rows))
    assert problem_at(report, "members.csv", 3, "relation")


def test_unknown_column_is_refused(bench: Bench) -> None:
    """A column the format does not have is refused, so no data is silently dropped."""
    bench.base()
    before = bench.dump()
    header = [*bench.MEMBER_HEADER, "电话"]
    path = bench.write("members.csv", header, [[*bench.member_row("H001", 1), "x"]])
    report = bench.run(path)
    assert not report.ok and not report.written
    message = problem_at(report, "members.csv", 1, None)
    assert "电话" in message and "not a column of a members file" in message
    assert bench.dump() == before


def test_missing_column_is_named(bench: Bench) -> None:
    """A required column left out is named, with the kind the header was read as."""
    bench.base()
    header = [c for c in bench.MEMBER_HEADER if c != "health"]
    rows = [bench.member_row("H001", 1)[:-1]]
    report = bench.run(bench.write("members.csv", header, rows))
    assert "missing" in problem_at(report, "members.csv", 1, "health")


def test_empty_file_is_refused(bench: Bench) -> None:
    """A file with no header at all is refused: its kind cannot be known."""
    path = bench.folder / "empty.csv"
    path.write_bytes(b"")
    report = bench.run(path)
    assert not report.ok and not report.written
    assert "empty" in problem_at(report, "empty.csv", None, None)


def test_header_only_file_imports_nothing(bench: Bench) -> None:
    """A file with a header and no rows is valid and changes nothing."""
    bench.base()
    before = bench.dump()
    report = bench.run(members_file(bench, []))
    assert report.ok
    assert report.files[0].rows == 0
    assert bench.dump() == before


def test_unrecognised_header(bench: Bench) -> None:
    """A file whose first line is not a known header is refused as a whole."""
    report = bench.run(bench.write("notes.csv", ["foo", "bar"], [["1", "2"]]))
    assert "cannot tell" in problem_at(report, "notes.csv", 1, None)


def test_value_in_a_column_without_header(bench: Bench) -> None:
    """An extra cell beyond the header (often a stray comma) is refused on its line."""
    bench.base()
    path = bench.write("members.csv", bench.MEMBER_HEADER, [[*bench.member_row("H001", 1), "x"]])
    assert "without a header" in problem_at(bench.run(path), "members.csv", 2, None)


def test_same_file_twice(bench: Bench) -> None:
    """A file named twice is refused once, instead of every row clashing with itself."""
    bench.base()
    path = members_file(bench, [bench.member_row("H001", 1)])
    report = bench.run(path, path)
    assert report.problem_count == 1
    assert "twice" in problem_at(report, "members.csv", None, None)


def test_one_bad_row_anywhere_writes_nothing(bench: Bench) -> None:
    """All or nothing: good files are not written when another file has one bad row."""
    bench.base()
    before = bench.dump()
    good = members_file(bench, [bench.member_row("H001", i) for i in range(1, 4)])
    paid = ["2014-09-15", "龙里县民政局", "522730", "一卡通", ""]
    aid = bench.write("aid.csv", bench.AID_HEADER, [
        ["R1", "H001", "灾害救助", "8000.00", *paid],
        ["R2", "H001", "灾害救助", "8000.001", *paid],
    ])  # fmt: skip
    report = bench.run(good, aid, bench.households("H001", "H002", "H003"))
    assert not report.ok and not report.written
    assert "two digits" in problem_at(report, "aid.csv", 3, "amount")
    assert bench.dump() == before


def test_dry_run_counts_without_writing(bench: Bench) -> None:
    """--dry-run checks and counts what would change, and writes nothing."""
    bench.base()
    before = bench.dump()
    report = bench.run(
        members_file(bench, [bench.member_row("H003", 1)]),
        bench.households("H001", "H002", "H003"),
        dry_run=True,
    )
    assert report.ok and not report.written
    assert counts(report, Kind.HOUSEHOLDS) == (1, 0, 2)
    assert counts(report, Kind.MEMBERS) == (1, 0, 0)
    assert any("Dry run" in line for line in report.summary_lines())
    assert bench.dump() == before


def test_errors_are_collected_not_stopped_at_first(bench: Bench) -> None:
    """Every bad cell of every row is reported in one go, including references of bad rows."""
    bench.base()
    bad = bench.member_row("H999", 1)
    bad[-1] = "很好"
    rows = [bad, bench.member_row("H001", 2)]
    rows[1][3] = "boss"
    report = bench.run(members_file(bench, rows))
    assert report.problem_count == 3
    problem_at(report, "members.csv", 2, "health")
    problem_at(report, "members.csv", 2, "file_number")
    problem_at(report, "members.csv", 3, "relation")


def test_problem_list_is_capped(bench: Bench) -> None:
    """300 bad rows give 200 listed problems and a count of the rest."""
    bench.base()
    rows = []
    for i in range(300):
        row = bench.member_row("H001", i)
        row[-1] = "?"
        rows.append(row)
    report = bench.run(members_file(bench, rows))
    assert report.problem_count == 300 and len(report.problems) == 200
    assert "100 more" in report.problem_lines()[-1]


def test_unreadable_file_does_not_blame_the_others(bench: Bench) -> None:
    """When the households file cannot be read, its members are not called orphans."""
    bench.run(bench.regions())
    households = bench.folder / "households.csv"
    households.write_bytes(b"\xff\xfe\xfa broken \x80\x81")
    report = bench.run(households, members_file(bench, [bench.member_row("H777", 1)]))
    assert report.problem_count == 1
    assert not report.references_checked


def test_poverty_index_must_be_the_sum(bench: Bench) -> None:
    """A total that is not the sum of the five indicator scores is refused."""
    bench.run(bench.regions())
    header = [*bench.HOUSEHOLD_HEADER, "poverty_score"]
    path = bench.write("households.csv", header, [[*bench.household_row("H001"), "99"]])
    assert "(46)" in problem_at(bench.run(path), "households.csv", 2, "poverty_score")


def test_indicator_above_its_maximum(bench: Bench) -> None:
    """Each indicator has its own maximum (food: 20)."""
    bench.run(bench.regions())
    row = bench.household_row("H001")
    row[7] = "21"
    path = bench.write("households.csv", bench.HOUSEHOLD_HEADER, [row])
    assert "from 0 to 20" in problem_at(bench.run(path), "households.csv", 2, "score_food")


def test_lifted_date_on_a_poor_household(bench: Bench) -> None:
    """A household still poor cannot have a date it was lifted out of poverty."""
    bench.run(bench.regions())
    row = bench.household_row("H001")
    row[5] = "2019-12-20"
    path = bench.write("households.csv", bench.HOUSEHOLD_HEADER, [row])
    assert problem_at(bench.run(path), "households.csv", 2, "lifted_on")


def test_causes_stored_main_first_and_replaced(bench: Bench) -> None:
    """Causes are stored with the first as main; a new list replaces the old one."""
    bench.base()

    def causes() -> dict[PovertyCause, bool]:
        with bench.store.sessionmaker() as session:
            household = session.scalars(select(Household).where(Household.file_number == "H001"))
            return {c.cause: c.is_main for c in household.one().causes}

    assert causes() == {PovertyCause.ILLNESS: True, PovertyCause.LACK_OF_CAPITAL: False}
    row = bench.household_row("H001")
    row[-1] = "缺资金;缺技术"
    report = bench.run(bench.write("households.csv", bench.HOUSEHOLD_HEADER, [row]))
    assert counts(report, Kind.HOUSEHOLDS) == (0, 1, 0)
    assert causes() == {PovertyCause.LACK_OF_CAPITAL: True, PovertyCause.LACK_OF_SKILLS: False}
    with bench.store.sessionmaker() as session:
        assert len(session.scalars(select(HouseholdCause)).all()) == 4  # H002 still has 2


def test_region_not_under_its_parent(bench: Bench) -> None:
    """A code that does not start with its parent's code is refused (code_problem)."""
    path = bench.write("regions.csv", bench.REGION_HEADER, [
        ["520000", "贵州省", "province", ""],
        ["522700", "黔南州", "prefecture", "520000"],
        ["530100", "昆明市", "county", "522700"],
    ])  # fmt: skip
    message = problem_at(bench.run(path), "regions.csv", 4, "code")
    assert "不在上级区划之下" in message and "does not lie under its parent" in message


def test_unknown_village(bench: Bench) -> None:
    """A household in a village that no file or table knows is refused."""
    bench.run(bench.regions())
    path = bench.write("households.csv", bench.HOUSEHOLD_HEADER,
                       [bench.household_row("H001", village="522730100299")])  # fmt: skip
    assert problem_at(bench.run(path), "households.csv", 2, "village_code")


def test_cadre_level_must_match_region(bench: Bench) -> None:
    """A cadre's unit level, when given, agrees with the level of the unit's region."""
    bench.run(bench.regions())
    row = ["C009", "李明", "龙里县民政局", "科员", "522730", "township", "13800000009"]
    path = bench.write("cadres.csv", bench.CADRE_HEADER, [row])
    assert problem_at(bench.run(path), "cadres.csv", 2, "level")


def test_assignments_upsert_by_cadre_household_and_start(bench: Bench) -> None:
    """An assignment is found by (cadre, household, start date) and its end date updated."""
    bench.base()
    rows = [["C001", "H001", "2015-03-01", ""], ["C002", "H001", "2019-01-01", ""]]
    path = bench.write("assignments.csv", bench.ASSIGNMENT_HEADER, rows)
    assert counts(bench.run(path), Kind.ASSIGNMENTS) == (2, 0, 0)
    rows[0][3] = "2018-12-31"
    path = bench.write("assignments.csv", bench.ASSIGNMENT_HEADER, rows)
    assert counts(bench.run(path), Kind.ASSIGNMENTS) == (0, 1, 1)
    with bench.store.sessionmaker() as session:
        ends = sorted(str(a.end_date) for a in session.scalars(select(Assignment)))
    assert ends == ["2018-12-31", "None"]


def test_assignment_to_unknown_cadre(bench: Bench) -> None:
    """An assignment naming a cadre nobody knows is refused."""
    bench.base()
    path = bench.write("assignments.csv", bench.ASSIGNMENT_HEADER,
                       [["C404", "H001", "2015-03-01", ""]])  # fmt: skip
    assert problem_at(bench.run(path), "assignments.csv", 2, "cadre_code")


def aid_rows(amount: str = "8000.00") -> list[list[str]]:
    return [["LLMZ-2014-1", "H001", "灾害救助", amount, "2014-09-15", "龙里县民政局", "522730",
             "一卡通", "洪灾"]]  # fmt: skip


def test_aid_amount_stored_in_fen(bench: Bench) -> None:
    """An amount of 8000.00 yuan is stored as 800000 fen, with programme and channel codes."""
    bench.base()
    assert bench.run(bench.write("aid.csv", bench.AID_HEADER, aid_rows())).ok
    with bench.store.sessionmaker() as session:
        record = session.scalars(select(AidRecord)).one()
    assert (record.amount_fen, record.programme.value, record.channel.value) == (
        800_000, "disaster_relief", "one_card",
    )  # fmt: skip


def test_verified_payment_cannot_be_rewritten(bench: Bench) -> None:
    """Once a resident disputed a payment, an import may not change its amount."""
    bench.base()
    assert bench.run(bench.write("aid.csv", bench.AID_HEADER, aid_rows())).ok
    with bench.store.sessionmaker() as session:
        record = session.scalars(select(AidRecord)).one()
        session.add(AidVerification(aid_record_id=record.id, kind=VerificationKind.RECEIVED_LESS,
                                    received_fen=400_000, kiosk_code="K1"))  # fmt: skip
        session.commit()
    before = bench.dump()
    report = bench.run(bench.write("aid.csv", bench.AID_HEADER, aid_rows("4000.00")))
    assert "disputed" in problem_at(report, "aid.csv", 2, "reference")
    assert bench.dump() == before


def test_no_select_per_row(bench: Bench) -> None:
    """The store is read in batches: ten times the rows does not mean more queries."""
    bench.base()
    households = bench.households(*(f"H{i:04d}" for i in range(600)))
    assert bench.run(households).ok

    def selects_for(count: int) -> int:
        rows = [bench.member_row(f"H{i % 600:04d}", i, relation="son") for i in range(count)]
        statements: list[str] = []

        def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            statements.append(statement)

        event.listen(bench.store.engine, "before_cursor_execute", record)
        try:
            assert bench.run(members_file(bench, rows, f"m{count}.csv")).ok
        finally:
            event.remove(bench.store.engine, "before_cursor_execute", record)
        return sum(s.lstrip().upper().startswith("SELECT") for s in statements)

    assert selects_for(40) == selects_for(400) <= 12


def test_problems_are_sorted_by_file_then_line(bench: Bench) -> None:
    """Problems come in command-line file order, then line order."""
    bench.base()
    late = bench.member_row("H404", 2)
    early = bench.member_row("H001", 1)
    early[-1] = "?"
    second = members_file(bench, [bench.member_row("H001", 3), late], "b.csv")
    first = members_file(bench, [early], "a.csv")
    report = bench.run(first, second)
    assert [(p.where.file[-5:], p.where.line) for p in report.problems] == [
        ("a.csv", 2), ("b.csv", 3),
    ]  # fmt: skip


def test_database_unchanged_after_refusal_even_with_wal(bench: Bench) -> None:
    """A refused import leaves no trace even in the WAL: every table reads the same."""
    bench.base()
    before = bench.dump()
    path = members_file(bench, [bench.member_row("H404", 1)])
    assert not bench.run(path).ok
    with sqlite3.connect(bench.db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(FULL)")
    assert bench.dump() == before
