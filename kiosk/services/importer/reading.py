"""Turning a CSV file from a clerk's computer into rows of text.

Excel in China saves "CSV" as GBK unless told otherwise, "CSV UTF-8" with a byte-order
mark, and "Unicode text" as tab-separated UTF-16. Other tools write UTF-8 without a BOM.
The encoding is detected, never guessed from the locale of the machine doing the import.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from kiosk.services.importer.problems import Where

#: Files larger than this are refused before reading: a county's register is far smaller,
#: and a mistaken multi-gigabyte file should not exhaust the memory of a kiosk.
MAX_FILE_BYTES = 256 * 1024 * 1024


class ReadError(Exception):
    """The file cannot be read as a table; ``line`` is set when one line is to blame."""

    def __init__(self, reason_zh: str, reason_en: str, line: int | None = None) -> None:
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        self.line = line
        super().__init__(reason_en)


@dataclass(frozen=True)
class Row:
    """One data row: the line a spreadsheet shows it on, and its cells as written."""

    line: int
    cells: list[str]

    def is_blank(self) -> bool:
        return all(not cell.strip() for cell in self.cells)


@dataclass(frozen=True)
class Table:
    """A CSV file read into a header and rows."""

    where: Where
    #: Human name of the encoding that was used, for the report.
    encoding: str
    header: list[str]
    rows: list[Row]


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding.

    A BOM decides; otherwise strict UTF-8, which a GBK file practically never passes;
    otherwise GB18030, the superset of GBK that also covers the rare characters of names.
    """
    marked = None
    if data.startswith(codecs.BOM_UTF8):
        marked = (data[len(codecs.BOM_UTF8) :], "utf-8", "UTF-8 (BOM)")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        marked = (data, "utf-16", "UTF-16")
    if marked is not None:
        body, codec, name = marked
        try:
            return body.decode(codec, errors="strict"), name
        except UnicodeDecodeError:
            raise ReadError(
                f"文件开头标明是 {name} 编码，但内容不是，请重新导出",
                f"the file is marked as {name} but its content is not; export it again",
            ) from None
    try:
        return data.decode("utf-8", errors="strict"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030", errors="strict"), "GB18030 (GBK)"
    except UnicodeDecodeError:
        raise ReadError(
            "文件既不是 UTF-8 也不是 GBK 编码，请在 Excel 中另存为“CSV UTF-8”后再导入",
            "the file is neither UTF-8 nor GBK; save it from Excel as 'CSV UTF-8' and retry",
        ) from None


def _delimiter(first_line: str) -> str:
    # "Unicode text" from Excel is tab-separated; everything else we accept uses commas.
    # Semicolons are not delimiters here: they separate the causes inside one cell.
    return "\t" if "\t" in first_line and "," not in first_line else ","


def parse(text: str, where: Where, encoding: str) -> Table:
    """Split decoded text into header and rows; line numbers count every record read."""
    if not text.strip():
        raise ReadError("文件是空的，连表头都没有", "the file is empty: there is no header row")
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        for cells in reader:
            records.append(cells)
    except csv.Error:
        # The csv message may quote the offending text; keep only the position.
        raise ReadError(
            "CSV 格式错误（多半是引号没有配对）",
            "the CSV is malformed (most likely an unmatched quote)",
            line=len(records) + 1,
        ) from None
    # Leading blank lines are not a header; a spreadsheet still counts them as rows.
    first = next((i for i, cells in enumerate(records) if any(c.strip() for c in cells)), None)
    if first is None:
        raise ReadError("文件是空的，连表头都没有", "the file is empty: there is no header row")
    rows = [Row(line=i + 1, cells=cells) for i, cells in enumerate(records) if i > first]
    header_where = Where(where.file, first + 1)
    return Table(where=header_where, encoding=encoding, header=records[first], rows=rows)


def read_table(path: Path, label: str) -> Table:
    """Read ``path`` (named ``label`` in messages) into a :class:`Table`, or raise ReadError."""
    where = Where(label)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(
                f"文件太大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB），请分成几个文件",
                f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; split it",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("找不到这个文件", "no such file") from None
    except IsADirectoryError:
        raise ReadError("这是一个文件夹，不是文件", "this is a folder, not a file") from None
    except OSError as exc:
        raise ReadError(
            f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})"
        ) from None
    text, encoding = decode(data)
    if "\x00" in text:
        raise ReadError(
            "文件里有空字符，不像是 CSV 文件（是不是 .xlsx？请另存为 CSV）",
            "the file holds NUL characters, so it is not CSV (an .xlsx? save it as CSV)",
        )
    return parse(text, where, encoding)
