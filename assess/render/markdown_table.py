"""The one Markdown table writer of the reports: a pipe table of cells that are already escaped text.

:func:`table` makes a table held in memory; :func:`table_lines` makes the same text line by line, for a
table of thousands of rows (the portfolio) that should never be held whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from tabulate import tabulate


def table(headers: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A pipe table; cells must already be escaped. Numbers stay text (no numparse)."""
    return tabulate(rows, headers=headers, tablefmt="pipe", disable_numparse=True,
                    colalign=align or ["left"] * len(headers))


def table_lines(headers: list[str], rows: Callable[[], Iterable[list[str]]], align: list[str]) -> Iterator[str]:
    """The lines of :func:`table`, byte for byte (tabulate's ``pipe`` format: a column is as wide as its widest
    cell, its header counting two more), but from rows produced twice by ``rows()``, once for the widths and
    once for the lines, instead of held. tests/test_portfolio.py compares the two on random tables."""
    widths = [len(h) + 2 for h in headers]
    for row in rows():
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell.strip()))

    def line(cells: Iterable[str]) -> str:
        return "| " + " | ".join(c.strip().rjust(w) if a == "right" else c.strip().ljust(w)
                                 for c, w, a in zip(cells, widths, align, strict=True)) + " |"

    yield line(headers)
    yield "|" + "|".join("-" * (w + 1) + ":" if a == "right" else ":" + "-" * (w + 1)
                         for w, a in zip(widths, align, strict=True)) + "|"
    for row in rows():
        yield line(row)
