"""The line at the top: which service and file, whether everything is saved, the filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from assess.tui.components.laid_out_once import LaidOutOnce
from assess.tui.css import stylesheet
from assess.tui.labels import label
from assess.tui.safe import shown_line
from assess.tui.session import Filter

if TYPE_CHECKING:
    from assess.tui.app import AuditApp


@dataclass(frozen=True)
class TitleInfo:
    """What the title bar shows: the service, the file and how saving goes."""

    service: str
    file_name: str
    save_kind: str  # saved | conflict | failed
    save_text: str
    filter_text: str = ""
    screen_title: str = ""


class TitleBar(LaidOutOnce, Widget):
    DEFAULT_CSS = stylesheet(__file__)

    info: reactive[TitleInfo | None] = reactive(None)

    def __init__(self, info: TitleInfo | None = None) -> None:
        super().__init__()
        self.set_reactive(TitleBar.info, info)

    def render(self) -> Content:
        info = self.info
        if info is None:
            return Content("")
        left = Content.assemble(("assess", "bold"), " · ", (info.service, "bold"), " · ", info.file_name)
        if info.screen_title:
            left = Content.assemble(left, " · ", info.screen_title)
        style = {"saved": "$text-success", "conflict": "bold $text-error", "failed": "bold $text-error"}
        right = Content.assemble((info.save_text, style.get(info.save_kind, "")))
        if info.filter_text:
            right = Content.assemble((info.filter_text, "bold $text-warning"), " · ", right)
        gap = self.size.width - left.cell_length - right.cell_length - 2
        if gap < 1:
            left = left.truncate(max(self.size.width - right.cell_length - 3, 8), ellipsis=True)
            gap = max(self.size.width - left.cell_length - right.cell_length - 2, 1)
        return Content.assemble(" ", left, " " * gap, right, " ")


def filter_text(norm_filter: Filter, lang: str) -> str:
    parts = []
    if norm_filter.status != "all":
        parts.append(label(f"filter.short.{norm_filter.status}", lang))
    if norm_filter.service_only:
        parts.append(label("filter.short.service", lang))
    return f"{label('bar.filter', lang)}: {' + '.join(parts)}" if parts else ""


def title_info(app: AuditApp, screen_title: str = "") -> TitleInfo:
    state = app.save_state
    if app.read_only:
        return TitleInfo(shown_line(app.assessment.service.name), shown_line(app.path.name), "failed",
                         label(f"bar.read_only.{app.read_only}", app.lang, key=app.binding_key("take-over", "ctrl+w")),
                         filter_text(app.norm_filter, app.lang), screen_title)
    if state.kind == "conflict" and state.detail == "later":
        text = label("bar.paused", app.lang, key=app.conflict_key())
    else:
        text = {"saved": label("bar.saved", app.lang), "conflict": label("bar.conflict", app.lang),
                "failed": label("bar.failed", app.lang)}[state.kind]
    return TitleInfo(shown_line(app.assessment.service.name), shown_line(app.path.name), state.kind, text,
                     filter_text(app.norm_filter, app.lang), screen_title)
