"""Gap reports rendered from a :class:`assess.analysis.scoring.Scorecard` (never computing numbers)."""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:  # only for the types: `assess norms` uses the table writer without loading the scoring
    from assess.analysis.scoring import Scorecard

FORMATS = ("md", "json", "csv")  # text formats (the TUI's export offers these)
BINARY_FORMATS = ("xlsx",)  # a workbook: bytes, and openpyxl is imported only when it is asked for
DOCUMENT_FORMATS = ("html",)  # a page for people (Jinja2, imported only when it is asked for)
ALL_FORMATS = FORMATS + BINARY_FORMATS + DOCUMENT_FORMATS  # what `assess batch --format` takes


def renderer(fmt: str) -> Callable[[Scorecard, str], str | bytes]:
    if fmt == "md":
        from assess.render import gap_markdown as module
    elif fmt == "json":
        from assess.render import gap_json as module  # type: ignore[no-redef]
    elif fmt == "csv":
        from assess.render import gap_csv as module  # type: ignore[no-redef]
    elif fmt == "xlsx":
        from assess.render.xlsx import report as module  # type: ignore[no-redef]
    elif fmt == "html":
        from assess.render import html_report as module  # type: ignore[no-redef]
    elif fmt == "docx":
        from assess.render import docx_report as module  # type: ignore[no-redef]
    else:
        raise ValueError(fmt)
    render: Callable[[Scorecard, str], str | bytes] = module.render
    return render


def previous_renderer(fmt: str) -> Callable[[Scorecard, str, Scorecard], str | bytes]:
    """The report with a trend against an earlier scorecard (``assess report --previous``): md, html, docx."""
    if fmt == "md":
        from assess.render import gap_markdown as module
    elif fmt == "html":
        from assess.render import html_report as module  # type: ignore[no-redef]
    elif fmt == "docx":
        from assess.render import docx_report as module  # type: ignore[no-redef]
    else:
        raise ValueError(fmt)

    def render(card: Scorecard, lang: str, previous: Scorecard) -> str | bytes:
        return module.render(card, lang, previous=previous)
    return render
