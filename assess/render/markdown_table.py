"""The one Markdown table writer of the reports: a pipe table of cells that are already escaped text."""

from __future__ import annotations

from tabulate import tabulate


def table(headers: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A pipe table; cells must already be escaped. Numbers stay text (no numparse)."""
    return tabulate(rows, headers=headers, tablefmt="pipe", disable_numparse=True,
                    colalign=align or ["left"] * len(headers))
