"""The file changed on disk: say what each side holds and let the user load the disk's version or keep theirs.

No letter chooses here (a user typing a note or pressing ``k`` to go back must not choose by accident): the
choices are ctrl keys (remappable) or a click, each choice that replaces something asks once more, and ``esc``
puts the choice off. Dismissed with "reload", "keep", "retry" or "later".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from assess.model.catalog import AnswerSet
from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.conflict import NormDifference, describe
from assess.tui.css import stylesheet
from assess.tui.keys import CONFLICT_KEYS, make_bindings, shown_keys
from assess.tui.labels import label
from assess.tui.safe import shown_line
from assess.tui.text import plain, plain_line

MAX_NORMS_SHOWN = 12
CONFIRMED = ("reload", "keep")  # the choices that replace a version: asked once more


@dataclass(frozen=True)
class ConflictDetails:
    file_name: str
    differing: tuple[NormDifference, ...] = ()  # norms whose answers differ between disk and memory
    answer_set: AnswerSet | None = None
    problems: tuple[str, ...] = ()  # the disk version does not load: FILE:LINE: message
    gone: bool = False

    @property
    def can_reload(self) -> bool:
        return not self.problems and not self.gone


def comparison(details: ConflictDetails, lang: str) -> Content:
    """Per differing norm: what the disk holds and what the user holds (result, note, evidence, action)."""
    assert details.answer_set is not None
    disk, mine = label("conflict.disk", lang), label("conflict.mine", lang)
    width = max(len(disk), len(mine)) + 2
    lines: list[Content] = []
    for difference in details.differing[:MAX_NORMS_SHOWN]:
        lines.append(Content.assemble((difference.norm_id, "bold")))
        for name, answer in ((disk, difference.theirs), (mine, difference.mine)):
            lines.append(Content.assemble(("  " + name.ljust(width), "$text-muted"),
                                          plain_line(describe(answer, details.answer_set, lang))))
    if len(details.differing) > MAX_NORMS_SHOWN:
        lines.append(plain_line(label("conflict.more", lang, count=len(details.differing) - MAX_NORMS_SHOWN)))
    return Content("\n").join(lines)


class ConflictScreen(DimmedModalScreen[str]):
    DEFAULT_CSS = stylesheet(__file__)
    AUTO_FOCUS = ""  # nothing focused: an enter or space typed as the dialog pops up presses no button
    BINDINGS: ClassVar[list[BindingType]] = [*make_bindings(CONFLICT_KEYS, "en")]

    def __init__(self, details: ConflictDetails, lang: str) -> None:
        super().__init__()
        self.details = details
        self.lang = lang
        self.armed: str | None = None  # the choice asked once more, waiting for its confirmation

    def compose(self) -> ComposeResult:
        lang, details = self.lang, self.details
        with Vertical(id="dialog") as dialog:
            dialog.border_title = plain_line(label("conflict.title", lang))
            with VerticalScroll(id="details"):  # many norms scroll; the choice and its keys stay in view
                yield Static(plain(label("conflict.explain", lang, file=shown_line(details.file_name))), id="explain")
                if details.gone:
                    yield Static(plain(label("conflict.gone", lang)), classes="detail")
                elif details.problems:
                    yield Static(plain(label("conflict.broken", lang) + "\n" + "\n".join(details.problems)),
                                 classes="detail")
                elif details.differing:
                    yield Static(comparison(details, lang), classes="detail")
                else:
                    yield Static(plain(label("conflict.same_answers", lang)), classes="detail")
            yield Static(plain(label("conflict.choose", lang)), id="choose")
            yield Static("", id="confirm")
            with Horizontal(id="buttons"):
                if details.can_reload:
                    yield Button(label("key.reload", lang), id="reload", compact=True)
                else:
                    yield Button(label("key.retry", lang), id="retry", compact=True)
                yield Button(label("key.keep", lang), id="keep", compact=True, variant="warning")
                yield Button(label("key.later", lang), id="later", compact=True)
        for button in self.query(Button):
            button.can_focus = False  # a click or its ctrl key; never a stray enter

    def on_mount(self) -> None:
        self.app.translate_bindings(self, CONFLICT_KEYS)  # type: ignore[attr-defined]
        keys = shown_keys(self)
        for button in self.query(Button):
            key = keys.get(f"conflict-{button.id}")
            if key:
                button.label = plain_line(f"{key} {label(f'key.{button.id}', self.lang)}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "later":
            self.action_later()
        else:
            self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        if choice == "reload" and not self.details.can_reload:
            return
        if choice == "retry" and self.details.can_reload:
            return
        if choice in CONFIRMED and self.armed != choice:
            self.armed = choice
            key = shown_keys(self).get(f"conflict-{choice}", "")
            self.query_one("#confirm", Static).update(plain(label(f"conflict.confirm_{choice}", self.lang, key=key)))
            return
        self.dismiss(choice)

    def action_later(self) -> None:
        self.dismiss("later")
