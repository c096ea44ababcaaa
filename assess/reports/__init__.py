"""Gap reports rendered from a :class:`assess.scoring.Scorecard` (never computing numbers)."""

from __future__ import annotations

from collections.abc import Callable

FORMATS = ("md", "json", "csv")  # text formats (the TUI's export offers these)
BINARY_FORMATS = ("xlsx",)  # a workbook: bytes, and openpyxl is imported only when it is asked for
ALL_FORMATS = FORMATS + BINARY_FORMATS


def renderer(fmt: str) -> Callable[..., str | bytes]:
    if fmt == "md":
        from assess.reports.markdown import render
    elif fmt == "json":
        from assess.reports.jsonreport import render
    elif fmt == "csv":
        from assess.reports.csvreport import render
    elif fmt == "xlsx":
        from assess.xlsx.report import render
    else:
        raise ValueError(fmt)
    return render
