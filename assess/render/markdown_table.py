"""The one Markdown table writer of the reports: a pipe table of cells that are already escaped text.

:func:`table` makes a table held in memory; :func:`table_lines` makes the same text line by line, for a
table of thousands of rows (the portfolio) that should never be held whole.

Both write exactly what ``tabulate(rows, headers, tablefmt="pipe", disable_numparse=True, colalign=align)``
writes, byte for byte, without its per-cell type detection (every cell here is already text, so the types it
finds never change a byte): a column is as wide as its widest cell (stripped of surrounding whitespace) and
at least its header plus two; widths count code points, as tabulate does without the optional ``wcwidth``
package (the locked install has none), so a report's bytes do not depend on whether ``wcwidth`` happens to
be installed. A table this writer does not reproduce on its own (a cell with a line break, an ANSI escape
or tabulate's separating-line mark, a row of another length than the headers, an alignment other than
left, right or center) goes to tabulate itself, imported only then. tests/test_markdown_table.py compares
the writer with tabulate on the golden reports' tables and on random tables of accented, wide and
symbol characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

# Characters after which tabulate takes another path than the plain one written here: line breaks
# (multi-line cells), ESC (ANSI codes, measured without them) and \x01 (its separating-line mark).
_SPECIAL = ("\n", "\r", "\x1b", "\x01")
_ALIGNS = frozenset(("left", "right", "center"))
_FORMAT = {"left": "<", "right": ">", "center": "^"}
_SPECIAL_FOUND = re.compile("[\n\r\x1b\x01]")

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Protocol

    class Tape(Protocol):
        """Somewhere to keep a table's rows between its two passes (:class:`assess.files.spool.SpoolTape`)."""

        def keep(self, rows: Iterable[list[str]]) -> Iterator[list[str]]: ...

        @property
        def whole(self) -> bool: ...

        def __iter__(self) -> Iterator[list[str]]: ...


def _plain_widths(headers: list[str], rows: Iterable[list[str]], align: list[str]) -> tuple[list[int], bool] | None:
    """The columns' widths and whether there are no rows, in one pass; None when the plain writer does not
    reproduce tabulate on this table (then tabulate writes it)."""
    n = len(headers)
    if not n or len(align) != n or not _ALIGNS.issuperset(align):
        return None
    text = "\t".join(headers)
    if any(c in text for c in _SPECIAL):
        return None
    widths = [len(h) + 2 for h in headers]
    empty = True
    for row in rows:
        empty = False
        if len(row) != n:
            return None
        text = "\t".join(row)
        if any(c in text for c in _SPECIAL):
            return None
        for i, cell in enumerate(row):
            w = len(cell.strip())
            if w > widths[i]:
                widths[i] = w
    return widths, empty


def _tabulate(headers: list[str], rows: list[list[str]], align: list[str]) -> str:
    import tabulate as tabulate_module

    saved = tabulate_module.WIDE_CHARS_MODE
    tabulate_module.WIDE_CHARS_MODE = False  # code points, as the fast path counts
    try:
        return tabulate_module.tabulate(rows, headers=headers, tablefmt="pipe", disable_numparse=True,
                                        colalign=align)
    finally:
        tabulate_module.WIDE_CHARS_MODE = saved


def _rule(widths: list[int], align: list[str]) -> str:
    def segment(w: int, a: str) -> str:
        if a == "right":
            return "-" * (w + 1) + ":"
        if a == "center":
            return ":" + "-" * w + ":"
        if a == "left":
            return ":" + "-" * (w + 1)
        return "-" * (w + 2)

    return "|" + "|".join(segment(w, a) for w, a in zip(widths, align, strict=True)) + "|"


def _lines(headers: list[str], rows: Iterable[list[str]], align: list[str], widths: list[int],
           empty: bool) -> Iterator[str]:
    if empty:
        # tabulate without rows: the headers are left-aligned and the rule has no colons
        yield "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
        yield _rule(widths, [""] * len(widths))
        return
    # One format per table, each row written by one call at C speed: "<", ">" and "^" pad text exactly as ljust,
    # rjust and tabulate's centring (format(), not str.center: odd margins differ) do; the cells are arguments,
    # so a brace in one is only text.
    line = "| " + " | ".join(f"{{:{_FORMAT[a]}{w}}}" for w, a in zip(widths, align, strict=True)) + " |"
    yield line.format(*headers)
    yield _rule(widths, align)
    for row in rows:
        yield line.format(*[c.strip() for c in row])


def table(headers: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A pipe table; cells must already be escaped. Numbers stay text (no numparse)."""
    colalign = align or ["left"] * len(headers)
    n = len(headers)
    if (n and len(colalign) == n and _ALIGNS.issuperset(colalign) and all(len(row) == n for row in rows)
            and not _SPECIAL_FOUND.search("\t".join(headers + [cell for row in rows for cell in row]))):
        # the common case: widths in one pass per column, at C speed, from the cells stripped once
        cells = [[cell.strip() for cell in row] for row in rows]
        columns = zip(headers, zip(*cells, strict=True), strict=True)
        widths = [max(len(h) + 2, *map(len, column)) for h, column in columns] if cells \
            else [len(h) + 2 for h in headers]
        return "\n".join(_lines(headers, cells, colalign, widths, not cells))
    found = _plain_widths(headers, rows, colalign)
    if found is None:
        return _tabulate(headers, rows, colalign)
    return "\n".join(_lines(headers, rows, colalign, *found))


def table_lines(headers: list[str], rows: Callable[[], Iterable[list[str]]], align: list[str],
                tape: Tape | None = None) -> Iterator[str]:
    """The lines of :func:`table`, byte for byte, but from rows that are never all held: produced by ``rows()``
    for the widths, then read back from ``tape`` for the lines (without a tape, produced by ``rows()`` again).
    A table the plain writer does not reproduce is gathered once and given to tabulate."""
    found = _plain_widths(headers, rows() if tape is None else tape.keep(rows()), align)
    if found is None:
        yield from _tabulate(headers, [list(r) for r in rows()], align).split("\n")
        return
    yield from _lines(headers, rows() if tape is None or not tape.whole else tape, align, *found)


# --------------------------------------------------------------------------------------------------
# The terminal table of `assess norms`: tabulate's "simple" format, with one column wrapped


def _simple_tabulate(headers: list[str], rows: list[list[str]], wrap: list[int | None]) -> str:
    import tabulate as tabulate_module

    saved = tabulate_module.WIDE_CHARS_MODE
    tabulate_module.WIDE_CHARS_MODE = False
    try:
        return tabulate_module.tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                                        maxcolwidths=wrap)
    finally:
        tabulate_module.WIDE_CHARS_MODE = saved


def simple_table(headers: list[str], rows: list[list[str]], wrap: list[int | None]) -> str:
    """``tabulate(rows, headers, tablefmt="simple", disable_numparse=True, maxcolwidths=wrap)``, byte for
    byte, without tabulate's import (which loads importlib.metadata) and its slow wrapping: a cell of a
    column with a width is wrapped line by line with :class:`textwrap.TextWrapper` (what tabulate's wrapper
    does on text without ANSI codes), every column left-aligned and as wide as its widest line, at least its
    header plus two, cells in a row top-aligned. Anything else goes to tabulate. tests/test_markdown_table.py
    compares the two on every table ``assess norms`` can print and on random ones."""
    n = len(headers)
    odd = ("\x1b", "\x01", "\r", "\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
    if (not n or len(wrap) != n or not rows or any(len(row) != n for row in rows)
            or any(c in cell for row in [headers, *rows] for cell in row for c in odd)):
        return _simple_tabulate(headers, rows, wrap)
    import textwrap

    wrappers = [textwrap.TextWrapper(width=w) if w is not None else None for w in wrap]
    cells: list[list[list[str]]] = []  # row, column, lines
    for row in rows:
        out = []
        for cell, wrapper in zip(row, wrappers, strict=True):
            text = "\n".join(wrapper.wrap(cell)) if wrapper is not None and cell.strip() else \
                ("" if wrapper is not None else cell)
            out.append(text.strip().split("\n") if text.strip() else [])
        cells.append(out)
    widths = [len(h) + 2 for h in headers]
    for row_cells in cells:
        for i, lines in enumerate(row_cells):
            for line in lines:
                widths[i] = max(widths[i], len(line))
    out_lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
                 "  ".join("-" * w for w in widths).rstrip()]
    # tabulate's multi-line mode (some cell has more than one line) gives a row of empty cells no line at all
    multiline = any(len(lines) > 1 for row_cells in cells for lines in row_cells)
    for row_cells in cells:
        height = max(0 if multiline else 1, *(len(lines) for lines in row_cells))
        for k in range(height):
            out_lines.append("  ".join((lines[k] if k < len(lines) else "").ljust(w)
                                       for lines, w in zip(row_cells, widths, strict=True)).rstrip())
    return "\n".join(out_lines)
