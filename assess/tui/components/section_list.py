"""The sidebar: each section (the 7 principles, then the chosen settings) with progress and score."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from assess.analysis.scoring import Scorecard, SectionScore
from assess.i18n import t
from assess.render.text import bar, marked_score, provisional, score_text, status_label
from assess.tui.components.kept_scrollbar import KeptScrollView
from assess.tui.components.line_strips import LineStrips
from assess.tui.css import stylesheet
from assess.tui.labels import label

WIDE = 38  # from this width on, each section also gets a bar
WRAP_TERMINAL = 120  # in a terminal this wide, the titles are shown whole (wrapped)
BAR_WIDTH = 10
STATUS_STYLE = {"green": "$text-success", "amber": "$text-warning", "red": "$text-error"}


@dataclass(frozen=True, eq=False)  # compared by identity: a scorecard is too big to compare on every keystroke
class SectionListView:
    """What the section list shows: the scorecard, in which language, the current section, the sections kept."""

    card: Scorecard
    lang: str
    current_section: str
    kept_sections: frozenset[str]  # sections with at least one norm the filter keeps


def status_content(status: str | None, lang: str) -> Content:
    """The status as a word (readable without colour), coloured when colour is available."""
    return Content.assemble((status_label(status, lang), f"bold {STATUS_STYLE.get(status or '', '')}".strip()))


def any_provisional(card: Scorecard) -> bool:
    return any(provisional(e.score, e.completeness) for e in card.sections) or provisional(card.score,
                                                                                            card.completeness)


def line_count(view: SectionListView) -> int:
    """How many lines :meth:`SectionList.content` has when titles are cut: two per section, the settings'
    heading, the totals (and what ``*`` means)."""
    settings = 1 + 2 * len(view.card.settings) if view.card.settings else 0
    return 2 * len(view.card.principles) + settings + 3 + (1 if any_provisional(view.card) else 0)


class SectionList(KeptScrollView, can_focus=False):
    """Line API, like the norm pane: a keystroke repaints only the lines that changed (mostly one
    section's progress and the overall score), and the list scrolls by itself (no container)."""

    DEFAULT_CSS = stylesheet(__file__)

    class Chosen(Message):
        """The user clicked a section."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, view: SectionListView, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view = view
        # (section id, language) -> what its two lines were made of, and the lines (most stay the same on a
        # keystroke; a language shown before keeps its own, and their strips, for a return to it)
        self._entries: dict[tuple[str, str], tuple[tuple[object, ...], list[Content]]] = {}
        self._shown: list[Content] = []  # the lines the strips show
        self._other_lines: dict[tuple[str, str], tuple[tuple[object, ...], list[Content]]] = {}  # heading, totals
        self._strips: list[Strip] = []
        self._line_strips = LineStrips(self, pad=False)
        # the view, width, wrapping of titles (the terminal's width) and style the strips were made for
        self._built_for: tuple[SectionListView, int, bool, object] | None = None
        self.set_reactive(SectionList.virtual_size, Size(0, line_count(view)))

    @property
    def view(self) -> SectionListView:
        return self._view

    def show(self, view: SectionListView) -> None:
        """Show ``view``, repainting only the lines that changed."""
        self._view = view
        if self.is_mounted:
            self._rebuild()

    def on_resize(self) -> None:
        self._rebuild()

    def rebuild(self) -> None:
        """Make the lines again if the terminal's width changed whether titles wrap (the screen was resized)."""
        if self.is_mounted:
            self._rebuild()

    def action_choose(self, section_id: str) -> None:
        self.post_message(self.Chosen(section_id))

    def _entry(self, entry: SectionScore, view: SectionListView, wide: bool, wrap: int = 0) -> list[Content]:
        """The section's lines: its title (cut, or wrapped to ``wrap`` columns), then progress and score."""
        section = entry.section
        current = section.id == view.current_section
        kept = section.id in view.kept_sections
        key = (entry.tally, current, kept, view.lang, wide, wrap)
        cached = self._entries.get((section.id, view.lang))
        if cached is not None and cached[0] == key:
            return cached[1]
        name = section.id if section.kind == "principle" else (section.source_section or section.id)
        marker = "▶ " if current else "  "
        style = "reverse bold" if current else ("" if kept else "dim")
        click = f"choose({section.id!r})"
        head = f"{marker}{name} "
        titles = [Content.assemble(head, section.title[view.lang])]
        if wrap:  # whole: wrapped under its first word
            parts = Content(section.title[view.lang]).wrap(max(wrap - len(head), 10))
            titles = [Content.assemble(head if index == 0 else " " * len(head), part)
                      for index, part in enumerate(parts)]
        tally = entry.tally
        progress = f"{tally.assessed}/{tally.total}"
        meter = f"{bar(entry.score, BAR_WIDTH)} " if wide else ""
        status = status_content(entry.status, view.lang) if entry.status else Content("")  # no score: just "–"
        mark = "*" if provisional(entry.score, entry.completeness) else " "  # rests on part of its norms
        detail = Content.assemble(f"    {progress.ljust(6)}{meter}", score_text(entry.score, view.lang).rjust(5),
                                  mark, " ", status)
        lines = [*(title.stylize(style).stylize(f"@click={click}") for title in titles),
                 detail.stylize("dim" if not kept else "").stylize(f"@click={click}")]
        self._entries[(section.id, view.lang)] = (key, lines)
        return lines

    def content(self, wide: bool | None = None) -> Content:
        """Every line of the list; with a bar per section when ``wide`` (default: when the list is wide)."""
        return Content("\n").join(self._lines(self.size.width >= WIDE if wide is None else wide))

    def _lines(self, wide: bool) -> list[Content]:
        view = self._view
        width = self.scrollable_content_region.width
        wrap = width if self.app.size.width >= WRAP_TERMINAL else 0
        lines: list[Content] = []
        for entry in view.card.principles:
            lines += self._entry(entry, view, wide, wrap)
        if view.card.settings:
            lines += self._kept_lines("settings", view.lang, (view.lang,), lambda: [
                Content.assemble((label("audit.settings_apart", view.lang), "italic $text-muted"))])
            for entry in view.card.settings:
                lines += self._entry(entry, view, wide, wrap)
        card = view.card
        totals = (card.score, card.completeness, card.status, card.overall.assessed, card.overall.total,
                  any_provisional(card), view.lang)

        def make_totals() -> list[Content]:
            made = [Content(""),
                    Content.assemble((t("report.overall_score", view.lang), "bold"), " ",
                                     marked_score(card.score, card.completeness, view.lang), " ",
                                     status_content(card.status, view.lang)),
                    Content(label("audit.assessed", view.lang, assessed=card.overall.assessed,
                                  total=card.overall.total))]
            if any_provisional(card):
                made.append(Content.assemble((label("audit.provisional", view.lang), "$text-muted")))
            return made

        return lines + self._kept_lines("totals", view.lang, totals, make_totals)

    def _kept_lines(self, name: str, lang: str, key: tuple[object, ...],
                    make: Callable[[], list[Content]]) -> list[Content]:
        """Lines that are the same objects as long as ``key`` is the same (their strips are kept)."""
        kept = self._other_lines.get((name, lang))
        if kept is None or kept[0] != key:
            kept = self._other_lines[(name, lang)] = (key, make())
        return kept[1]

    def render(self) -> Content:
        """The whole list as one text (the lines on screen are cut from it)."""
        return self.content()

    def _rebuild(self, painting: bool = False) -> None:
        """Make the strips for the current view and width (``painting``: asked by :meth:`render_line`)."""
        view = self._view
        width = self.scrollable_content_region.width
        built_for = (view, width, self.app.size.width >= WRAP_TERMINAL, self.visual_style)
        if width <= 0 or built_for == self._built_for:
            return
        self._built_for = built_for
        lines = self._lines(self.size.width >= WIDE)
        old_strips = self._strips
        # A line shown before is the same Content object (the entries are kept per section): its strip is
        # kept too, so mostly one section's progress and the totals are rendered, and repainted.
        self._shown = lines
        self._strips = self._line_strips.strips(lines, width)
        changed = [y for y, strip in enumerate(self._strips)
                   if y >= len(old_strips) or (old_strips[y] is not strip and old_strips[y] != strip)]
        if self.virtual_size != Size(width, len(lines)):  # another width, or a line more or less
            if painting or not self.is_mounted:
                self.set_reactive(SectionList.virtual_size, Size(width, len(lines)))
            else:
                self.virtual_size = Size(width, len(lines))
        if not old_strips and painting:  # the first frame is being drawn with these strips already
            return
        if len(old_strips) != len(lines) or len(changed) > self.size.height // 2:  # (another language)
            self.refresh()  # one region is cheaper than a row each
            return
        for y in changed:
            self.refresh_line(y)

    def render_line(self, y: int) -> Strip:
        self._rebuild(painting=True)  # so the first frame shows the list, without waiting for a Resize event
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._strips):
            return self._strips[index]
        return Strip([])  # below the list: the widget's background
