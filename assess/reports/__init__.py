"""Gap reports rendered from a :class:`assess.scoring.Scorecard` (never computing numbers)."""

from __future__ import annotations

from collections.abc import Callable

from assess.scoring import Scorecard

FORMATS = ("md", "json", "csv")


def renderer(fmt: str) -> Callable[[Scorecard, str], str]:
    if fmt == "md":
        from assess.reports.markdown import render
    elif fmt == "json":
        from assess.reports.jsonreport import render
    elif fmt == "csv":
        from assess.reports.csvreport import render
    else:
        raise ValueError(fmt)
    return render
