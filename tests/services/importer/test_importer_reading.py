"""Reading CSV bytes: encodings as Excel writes them, delimiters and line numbers."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kiosk.services.importer.problems import Where
from kiosk.services.importer.reading import ReadError, decode, parse, read_table

TEXT = "档案号,姓名\r\nH001,杨正刚\r\n"


def test_bom_means_utf8_sig() -> None:
    """A UTF-8 byte-order mark is honoured and not left in the first header cell."""
    text, encoding = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert (text, encoding) == (TEXT, "UTF-8 (BOM)")


def test_plain_utf8() -> None:
    """UTF-8 without a BOM is recognised by decoding strictly."""
    assert decode(TEXT.encode("utf-8")) == (TEXT, "UTF-8")


def test_gbk_falls_back_to_gb18030() -> None:
    """Bytes that are not UTF-8 are read as GB18030, which covers what Excel saves as GBK."""
    assert decode(TEXT.encode("gbk")) == (TEXT, "GB18030 (GBK)")


def test_gb18030_only_characters() -> None:
    """A rare name character outside GBK still reads when the file is GB18030."""
    text = "姓名\r\n李𠮷\r\n"
    assert decode(text.encode("gb18030")) == (text, "GB18030 (GBK)")


def test_utf16_unicode_text_is_tab_separated() -> None:
    """Excel's "Unicode text" (UTF-16 with BOM, tabs) reads into the same cells."""
    data = "\ufeff档案号\t姓名\r\nH001\t杨正刚\r\n".encode("utf-16-le")
    text, encoding = decode(data)
    table = parse(text, Where("x.txt"), encoding)
    assert encoding == "UTF-16"
    assert table.header == ["档案号", "姓名"]
    assert table.rows[0].cells == ["H001", "杨正刚"]


def test_bom_with_broken_content_is_refused() -> None:
    """A file marked UTF-8 by its BOM but holding GBK bytes is refused, not half-read."""
    with pytest.raises(ReadError) as caught:
        decode(codecs.BOM_UTF8 + TEXT.encode("gbk"))
    assert "UTF-8 (BOM)" in caught.value.reason_en


def test_undecodable_bytes_are_refused() -> None:
    """Bytes that are neither UTF-8 nor GB18030 give a reason, not mojibake."""
    with pytest.raises(ReadError) as caught:
        decode(b"code\r\n\x80\x20\xff\xff\r\n")
    assert "GBK" in caught.value.reason_zh


def test_line_numbers_are_spreadsheet_rows() -> None:
    """Rows are numbered as a spreadsheet shows them: header 1, blank rows counted."""
    table = parse("a,b\r\n1,2\r\n\r\n3,4\r\n", Where("f.csv"), "UTF-8")
    assert table.where.line == 1
    assert [(row.line, row.cells) for row in table.rows if not row.is_blank()] == [
        (2, ["1", "2"]),
        (4, ["3", "4"]),
    ]


def test_quoted_cell_with_commas() -> None:
    """An amount written "1,560.00" in quotes stays one cell."""
    table = parse('a,b\r\nx,"1,560.00"\r\n', Where("f.csv"), "UTF-8")
    assert table.rows[0].cells == ["x", "1,560.00"]


def test_unmatched_quote_names_its_line() -> None:
    """A broken quote is reported at the record where reading failed."""
    with pytest.raises(ReadError) as caught:
        parse('a,b\r\n1,2\r\n3,"4\r\n', Where("f.csv"), "UTF-8")
    assert caught.value.line == 3


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b"   "])
def test_empty_file_has_no_header(tmp_path: Path, content: bytes) -> None:
    """A file with nothing in it is refused: there is no header to tell its kind."""
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ReadError) as caught:
        read_table(path, "empty.csv")
    assert "header" in caught.value.reason_en


def test_xlsx_is_not_csv(tmp_path: Path) -> None:
    """A workbook saved as .xlsx and renamed is refused with a hint, not read as text."""
    path = tmp_path / "members.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    with pytest.raises(ReadError) as caught:
        read_table(path, "members.csv")
    assert "CSV" in caught.value.reason_en


def test_missing_file(tmp_path: Path) -> None:
    """A path that does not exist is a problem of that file, not a crash."""
    with pytest.raises(ReadError):
        read_table(tmp_path / "nope.csv", "nope.csv")
