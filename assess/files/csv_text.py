"""A CSV file's text as records: UTF-8 (with or without a byte-order mark), any line ends, its separator."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable

from assess.errors import InputError


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        from assess.files.input_file import is_utf16

        if is_utf16(data):  # Excel's "Unicode text", or a file saved as "Unicode" in Notepad
            raise InputError.single(name, 1, "UTF-16 text (saved as \"Unicode\"): save the spreadsheet as "
                                             "“CSV UTF-8” (Excel: Save as → CSV UTF-8)") from None
        line = data[:err.start].count(b"\n") + 1
        raise InputError.single(name, line, "not UTF-8 text; save the spreadsheet as “CSV UTF-8” "
                                            "(Excel: Save as → CSV UTF-8)") from None


def first_line(text: str) -> str:
    """The header line, whatever ends it: LF, CR LF or a lone CR (Excel's "CSV (Macintosh)")."""
    return re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]


def refuse_nul(text: str, name: str) -> None:
    """A NUL is no CSV text (spreadsheets cut the cell there): one error naming its line."""
    position = text.find("\x00")
    if position >= 0:
        line = len(re.findall(r"\r\n|\r|\n", text[:position])) + 1
        raise InputError.single(name, line, "a NUL character (byte 0) in this line: not a text CSV; save the "
                                            "spreadsheet as “CSV UTF-8”")


def delimiter(header: str, known: Callable[[str], bool]) -> str:
    """The separator of the header line: ``,`` ``;`` (Dutch Excel) or a tab, whichever finds ``known`` cells."""

    def score(candidate: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([header], delimiter=candidate), [])
        except csv.Error:
            return 0, 0
        return sum(1 for c in cells if known(c)), len(cells)

    return max((",", ";", "\t"), key=score)


def csv_records(text: str, separator: str) -> Iterable[tuple[int, list[str]]]:
    """``(first line number, cells)`` per record; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1
