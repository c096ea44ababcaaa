"""The main pane: the current norm in full, its result, evidence, note, action and any dispute."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.visual import Visual

from assess.i18n import t
from assess.model.assessment import Action, Answer
from assess.model.catalog import AnswerSet, EvidenceSource, Norm, Section
from assess.render.text import action_details
from assess.tui.components.kept_scrollbar import KeptScrollView
from assess.tui.components.line_strips import LineStrips
from assess.tui.css import stylesheet
from assess.tui.evidence_lines import evidence_line
from assess.tui.keys import SCORE_KEYS
from assess.tui.labels import label, section_name
from assess.tui.safe import shown, shown_line

FIELD_WIDTH = 11  # the label column of evidence, note and action
MAX_NORMS_KEPT = 512  # norm texts kept wrapped (per norm, place, language and width)


@dataclass(frozen=True, eq=False)  # compared by identity: cheaper than comparing its norm, answer and section
class NormView:
    """What the norm pane shows: the norm, its section, its answer, and how."""

    norm: Norm
    section: Section
    answer: Answer
    answer_set: AnswerSet
    lang: str
    position: tuple[int, int]  # place among the section's norms in view, and their number
    show_description: bool = False
    keys: Mapping[str, str] | None = None  # binding id -> key shown, after the user's keymap
    findings: tuple[str, ...] = ()  # what `assess check` says of this norm, in words
    sources: tuple[EvidenceSource, ...] = ()  # the kinds of source, to name an evidence item's as the form does


def action_lines(action: Action, lang: str) -> list[Content]:
    details = action_details(action, lang, escape=shown_line)
    lines = [Content(shown(action.description))]
    if details:
        lines.append(Content.assemble((" · ".join(details), "$text-muted")))
    return lines


def wrapped(content: Content | str, width: int) -> list[Content]:
    """``content`` wrapped to ``width``, paragraph by paragraph."""
    content = Content(content) if isinstance(content, str) else content
    lines: list[Content] = []
    for paragraph in content.split("\n"):
        lines += paragraph.wrap(max(width, 1)) if paragraph.cell_length else [Content("")]
    return lines


def field(name: str, value_lines: list[Content], width: int) -> list[Content]:
    """A label, then its value with every wrapped line indented under the value's start."""
    lines: list[Content] = []
    pad = " " * FIELD_WIDTH
    for index, line in enumerate(line for value in value_lines for line in wrapped(value, width - FIELD_WIDTH)):
        lines.append(Content.assemble((name.ljust(FIELD_WIDTH), "bold") if index == 0 else pad, line))
    return lines


class NormPane(KeptScrollView, can_focus=False):
    """Line API: the text is wrapped by hand and kept as strips, so a keystroke costs no layout pass."""

    DEFAULT_CSS = stylesheet(__file__)

    view: var[NormView | None] = var(None, init=False)  # var: :meth:`_rebuild` says what to repaint

    class ResultChosen(Message):
        """The user clicked a result."""

        def __init__(self, result: str) -> None:
            super().__init__()
            self.result = result

    class EditRequested(Message):
        pass

    class DescriptionToggled(Message):
        pass

    def __init__(self, view: NormView | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(NormPane.view, view)
        self._strips: list[Strip] = []
        self._norm_shown: str | None = None
        # the view, width and style the strips were made for (another theme: other colours in every strip)
        self._built_for: tuple[NormView, int, object] | None = None
        self._line_strips = LineStrips(self, pad=True)
        # the parts of the pane, kept: the norm (per norm, place and width), the answer (per norm, as long
        # as the answer is the same object) and the hints at the bottom
        self._heads: dict[tuple[object, ...], list[Content]] = {}
        # (norm id, language) -> the answer its lines show, what else they were made of, the lines; kept per
        # language too, so a change of language and back finds the lines (and their strips) of before
        self._answers: dict[tuple[str, str], tuple[Answer, tuple[object, ...], list[Content]]] = {}
        self._tails: dict[str, tuple[tuple[object, ...], list[Content]]] = {}  # language -> (made of, lines)
        self._bottom: list[Strip] = []  # lines shown over the pane's last rows (the reason asked after `a`)

    def action_choose(self, result: str) -> None:
        self.post_message(self.ResultChosen(result))

    def action_edit(self) -> None:
        self.post_message(self.EditRequested())

    def action_describe(self) -> None:
        self.post_message(self.DescriptionToggled())

    def _key(self, view: NormView, binding_id: str, fallback: str) -> str:
        return (view.keys or {}).get(binding_id, fallback)

    def _choices(self, view: NormView, width: int) -> list[Content]:
        """The result choices, packed into as few lines as fit without breaking a choice in two."""
        gap = "   "
        lines: list[Content] = []
        line = Content("")
        for option in view.answer_set.options:
            chosen = option.id == view.answer.result
            score_key = SCORE_KEYS.get(option.id)
            key = self._key(view, score_key.id, score_key.keys.split(",")[0]) if score_key else ""
            text = f"{key} {'●' if chosen else '○'} {option.label[view.lang]}"
            part = Content.assemble((text, "reverse bold" if chosen else "")).stylize(f"@click=choose({option.id!r})")
            if line.cell_length and line.cell_length + len(gap) + part.cell_length > width:
                lines.append(line)
                line = part
            else:
                line = Content.assemble(line, gap, part) if line.cell_length else part
        lines.append(line)
        return lines

    def build(self, view: NormView, width: int) -> list[Content]:
        """Every line of the pane at ``width``."""
        return [*self._head(view, width), *self._answer_lines(view, width), *self._tail(view, width)]

    def _head(self, view: NormView, width: int) -> list[Content]:
        """The norm: its id, place, section, scope, text and notes (the same until another norm is shown)."""
        lang = view.lang
        norm, section = view.norm, view.section
        index, total = view.position
        place = label("audit.position", lang, index=index, total=total)
        scope = Content.assemble((label("audit.scope", lang, scope=t(f"scope.{norm.scope}", lang)), "$text-muted"))
        if norm.critical:
            scope = Content.assemble((label("audit.critical", lang), "bold $text-error"), " · ", scope)
        lines = wrapped(Content.assemble((norm.id, "bold $text-accent"), "  ",
                                         (f"{section_name(section, lang)} · {place}", "$text-muted")), width)
        lines += wrapped(Content.assemble((shown(section.title[lang]), "italic $text-muted")), width)
        lines += [*wrapped(scope, width), Content("")]
        lines += [*wrapped(norm.text[lang], width), Content("")]
        if norm.source_note:
            note = f"{label('audit.source_note', lang)}: {norm.source_note[lang]}"
            lines += [*wrapped(Content.assemble((note, "italic $text-muted")), width), Content("")]
        if view.show_description and section.description:
            lines += wrapped(Content.assemble((f"{section_name(section, lang)}: {section.title[lang]}", "bold")), width)
            lines += [*wrapped(Content.assemble((section.description[lang], "italic")), width), Content("")]
        return lines

    def _answer_lines(self, view: NormView, width: int) -> list[Content]:
        """The answer: the result and its choices, evidence, note, action and any dispute."""
        lang, answer = view.lang, view.answer
        result_head = label("audit.result", lang)
        if answer.result is None:
            result_head += f" ({label('audit.not_assessed', lang)})"
        lines = wrapped(Content.assemble((result_head, "bold")), width) + self._choices(view, width)
        if answer.result == "na" and not answer.note:
            hint = label("audit.na_needs_note", lang, key=self._key(view, "edit", "e"))
            lines += wrapped(Content.assemble((hint, "$text-warning")), width)
        for finding in view.findings:
            lines += wrapped(Content.assemble((f"{label('audit.check', lang)}: ", "bold $text-warning"),
                                              (shown(finding), "$text-warning")), width)
        lines.append(Content(""))
        lines += field(label("audit.evidence", lang),
                       [Content(f"– {shown(evidence_line(item, view.sources, lang))}") for item in answer.evidence]
                       or [Content("–")], width)
        lines += field(label("audit.note", lang), [Content(shown(answer.note or "–"))], width)
        lines += field(label("audit.action", lang),
                       action_lines(answer.action, lang) if answer.action else [Content("–")], width)
        if answer.disputed:
            lines += [Content(""), *wrapped(Content.assemble((label("audit.disputed", lang), "bold $text-warning")),
                                            width)]
            for position in answer.disputed:
                result_text = view.answer_set.option(position.result).label[lang] if position.result else "–"
                parts = [result_text, *(e.text for e in position.evidence), *([position.note] if position.note else [])]
                lines += wrapped(Content.assemble((f"{shown_line(position.assessor)}: ", "bold"),
                                                  shown(" · ".join(parts))), width)
        return lines

    def _tail(self, view: NormView, width: int) -> list[Content]:
        """How to edit and how to show the section's description."""
        lang = view.lang
        describe = "audit.describe_hide" if view.show_description else "audit.describe_hint"
        lines = [Content("")]
        lines += wrapped(Content.assemble((label("audit.edit_hint", lang, key=self._key(view, "edit", "e")),
                                           "$text-muted")).stylize("@click=edit"), width)
        lines += wrapped(Content.assemble((label(describe, lang, key=self._key(view, "describe", "d")),
                                           "$text-muted")).stylize("@click=describe"), width)
        return lines

    def _cached_lines(self, view: NormView, width: int) -> list[Content]:
        """:meth:`build`'s lines, each part made again only when what it shows changed, each line led by a
        space. A part shown before gives the same Content objects, whose strips are kept."""
        keys = tuple(sorted((view.keys or {}).items()))
        head_key = (view.norm.id, view.section.id, view.lang, view.position, view.show_description, width)
        head = self._heads.get(head_key)
        if head is None:
            if len(self._heads) >= MAX_NORMS_KEPT:
                self._heads.clear()
            head = self._heads[head_key] = self._lead(self._head(view, width - 2))
        answer_key = (view.lang, keys, width, view.answer_set, view.findings)
        kept = self._answers.get((view.norm.id, view.lang))
        if kept is not None and kept[0] is view.answer and kept[1] == answer_key:
            answer = kept[2]
        else:
            answer = self._lead(self._answer_lines(view, width - 2))
            self._answers[(view.norm.id, view.lang)] = (view.answer, answer_key, answer)
        tail_key = (keys, view.show_description, width)
        tail = self._tails.get(view.lang)
        if tail is None or tail[0] != tail_key:
            tail = self._tails[view.lang] = (tail_key, self._lead(self._tail(view, width - 2)))
        return [*head, *answer, *tail[1]]

    @staticmethod
    def _lead(lines: list[Content]) -> list[Content]:
        return [Content.assemble(" ", line) for line in lines]

    def prepare(self, view: NormView) -> None:
        """Make ``view``'s lines and strips now and keep them, so that showing it later is a lookup."""
        width = self.scrollable_content_region.width
        if width > 2:
            self._line_strips.strips(self._cached_lines(view, width), width)

    def watch_view(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        self._rebuild()

    def _rebuild(self, painting: bool = False) -> None:
        """Make the strips for the current view and width (``painting``: asked by :meth:`render_line`);
        repaint only the rows on screen whose strip changed."""
        view = self.view
        width = self.scrollable_content_region.width
        if view is None or width <= 2:
            return
        built_for = (view, width, self.visual_style)
        if built_for == self._built_for:
            return
        first = self._built_for is None
        self._built_for = built_for
        # The lines are wrapped already (text-wrap is nowrap): Textual need not look for breaks again.
        old = self._strips
        self._strips = self._line_strips.strips(self._cached_lines(view, width), width)
        # The scrollbar is always shown (overflow-y: scroll), so a new height needs no layout pass of
        # the screen, only new scrollbar proportions: that saves most of a frame per keystroke.
        size = Size(width, len(self._strips))
        if size != self.virtual_size:
            self.resize_in_place(size)
        scrolled = False
        if self._norm_shown != view.norm.id:
            self._norm_shown = view.norm.id
            scrolled = self.scroll_offset.y != 0
            self.scroll_to(0, 0, animate=False, immediate=True)
        if first and painting:  # the first frame is being drawn with these strips already
            return
        if first or scrolled:
            self.refresh()
            return
        top = self.scroll_offset.y
        changed = [y for y in range(top, top + self.size.height)
                   if (old[y] if y < len(old) else None) != (self._strips[y] if y < len(self._strips) else None)]
        if len(changed) > self.size.height // 2:  # another norm: one region is cheaper than a row each
            self.refresh()
            return
        for y in changed:
            self.refresh_line(y)

    @property
    def lines(self) -> list[str]:
        """The pane's lines as plain text, as shown at its current width."""
        width = self.scrollable_content_region.width
        if self.view is None or width <= 2:
            return []
        return [" " + line.plain for line in self.build(self.view, width - 2)]

    @property
    def shown_lines(self) -> list[str]:
        """The pane's lines as its strips hold them (what is painted), as plain text."""
        return [strip.text.rstrip() for strip in self._strips]

    def show_bottom(self, lines: list[Content]) -> None:
        """Show ``lines`` over the pane's last rows (none: the pane as it is); a repaint, no layout pass."""
        width = self.scrollable_content_region.width
        blank = Strip.blank(max(width, 0), self.visual_style.rich_style)  # no room at all: a terminal of a column
        self._bottom = [(Visual.to_strips(self, line, width, 1, self.visual_style, pad=True) or [blank])[0]
                        for line in lines]
        self.refresh()

    @property
    def bottom_lines(self) -> list[str]:
        return [strip.text for strip in self._bottom]

    def render_line(self, y: int) -> Strip:
        below = y - (self.size.height - len(self._bottom))
        if self._bottom and 0 <= below < len(self._bottom):
            return self._bottom[below]
        self._rebuild(painting=True)  # so the first frame shows the norm, without waiting for a Resize event
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._strips):
            return self._strips[index]
        return Strip.blank(self.size.width, self.visual_style.rich_style)
