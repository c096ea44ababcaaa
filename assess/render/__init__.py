"""Gap reports rendered from a :class:`assess.analysis.scoring.Scorecard` (never computing numbers)."""

from __future__ import annotations

from collections.abc import Callable

from assess.analysis.scoring import Scorecard

FORMATS = ("md", "json", "csv")  # text formats (the TUI's export offers these)
BINARY_FORMATS = ("xlsx",)  # a workbook: bytes, and openpyxl is imported only when it is asked for
ALL_FORMATS = FORMATS + BINARY_FORMATS


def renderer(fmt: str) -> Callable[[Scorecard, str], str | bytes]:
    if fmt == "md":
        from assess.render import gap_markdown as module
    elif fmt == "json":
        from assess.render import gap_json as module  # type: ignore[no-redef]
    elif fmt == "csv":
        from assess.render import gap_csv as module  # type: ignore[no-redef]
    elif fmt == "xlsx":
        from assess.render.xlsx import report as module  # type: ignore[no-redef]
    else:
        raise ValueError(fmt)
    render: Callable[[Scorecard, str], str | bytes] = module.render
    return render
