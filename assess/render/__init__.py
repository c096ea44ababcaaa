"""Gap reports rendered from a :class:`assess.analysis.scoring.Scorecard` (never computing numbers)."""

from __future__ import annotations

from collections.abc import Callable

from assess.analysis.scoring import Scorecard

FORMATS = ("md", "json", "csv")


def renderer(fmt: str) -> Callable[[Scorecard, str], str]:
    if fmt == "md":
        from assess.render import gap_markdown as module
    elif fmt == "json":
        from assess.render import gap_json as module  # type: ignore[no-redef]
    elif fmt == "csv":
        from assess.render import gap_csv as module  # type: ignore[no-redef]
    else:
        raise ValueError(fmt)
    render: Callable[[Scorecard, str], str] = module.render
    return render
