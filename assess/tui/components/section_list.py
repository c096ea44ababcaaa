"""The sidebar: each section (the 7 principles, then the chosen settings) with progress and score."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from assess.i18n import t
from assess.reports.text import bar, score_text, status_label
from assess.scoring import Scorecard, SectionScore
from assess.tui.css import stylesheet
from assess.tui.labels import label

WIDE = 38  # from this width on, each section also gets a bar
BAR_WIDTH = 10
STATUS_STYLE = {"green": "$text-success", "amber": "$text-warning", "red": "$text-error"}


@dataclass(frozen=True, eq=False)  # compared by identity: a scorecard is too big to compare on every keystroke
class SectionListView:
    card: Scorecard
    lang: str
    current_section: str
    kept_sections: frozenset[str]  # sections with at least one norm the filter keeps


def status_content(status: str | None, lang: str) -> Content:
    """The status as a word (readable without colour), coloured when colour is available."""
    return Content.assemble((status_label(status, lang), f"bold {STATUS_STYLE.get(status or '', '')}".strip()))


class SectionList(Widget):
    DEFAULT_CSS = stylesheet(__file__)

    view: reactive[SectionListView | None] = reactive(None)

    class Chosen(Message):
        """The user clicked a section."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self) -> None:
        super().__init__()
        self._rendered: tuple[SectionListView, int, Content] | None = None

    def on_resize(self) -> None:
        self.refresh()

    def watch_view(self, old: SectionListView | None, new: SectionListView | None) -> None:
        if old is None or new is None or old.card.settings != new.card.settings:
            self.refresh(layout=True)  # the number of lines changes only with the chosen settings

    def action_choose(self, section_id: str) -> None:
        self.post_message(self.Chosen(section_id))

    def _entry(self, entry: SectionScore, view: SectionListView) -> list[Content]:
        section = entry.section
        current = section.id == view.current_section
        name = section.id if section.kind == "principle" else (section.source_section or section.id)
        marker = "▶ " if current else "  "
        style = "reverse bold" if current else ("" if section.id in view.kept_sections else "dim")
        click = f"choose({section.id!r})"
        title = Content.assemble(f"{marker}{name} ", section.title[view.lang])
        tally = entry.tally
        progress = f"{tally.assessed}/{tally.total}"
        meter = f"{bar(entry.score, BAR_WIDTH)} " if self.size.width >= WIDE else ""
        status = status_content(entry.status, view.lang) if entry.status else Content("")  # no score: just "–"
        detail = Content.assemble(f"    {progress.ljust(6)}{meter}", score_text(entry.score).rjust(5), " ", status)
        return [title.stylize(style).stylize(f"@click={click}"),
                detail.stylize("dim" if section.id not in view.kept_sections else "").stylize(f"@click={click}")]

    def render(self) -> Content:
        view = self.view
        if view is None:
            return Content("")
        if self._rendered is not None and self._rendered[0] is view and self._rendered[1] == self.size.width:
            return self._rendered[2]
        content = self._content(view)
        self._rendered = (view, self.size.width, content)
        return content

    def _content(self, view: SectionListView) -> Content:
        lines: list[Content] = []
        for entry in view.card.principles:
            lines += self._entry(entry, view)
        if view.card.settings:
            lines.append(Content.assemble((label("audit.settings_apart", view.lang), "italic $text-muted")))
            for entry in view.card.settings:
                lines += self._entry(entry, view)
        card = view.card
        lines.append(Content(""))
        lines.append(Content.assemble((t("report.overall_score", view.lang), "bold"), " ",
                                      score_text(card.score), " ", status_content(card.status, view.lang)))
        lines.append(Content(label("audit.assessed", view.lang, assessed=card.overall.assessed,
                                   total=card.overall.total)))
        return Content("\n").join(lines)
