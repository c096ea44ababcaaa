"""Gap reports rendered from a :class:`assess.scoring.Scorecard` (never computing numbers)."""

from __future__ import annotations

from collections.abc import Callable

from assess.scoring import Scorecard

FORMATS = ("md", "json", "csv")


def renderer(fmt: str) -> Callable[[Scorecard, str], str]:
    if fmt == "md":
        from assess.reports import markdown as module
    elif fmt == "json":
        from assess.reports import jsonreport as module  # type: ignore[no-redef]
    elif fmt == "csv":
        from assess.reports import csvreport as module  # type: ignore[no-redef]
    else:
        raise ValueError(fmt)
    render: Callable[[Scorecard, str], str] = module.render
    return render
