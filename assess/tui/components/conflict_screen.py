"""The file changed on disk: say so and let the user reload it or keep theirs. Dismissed with the choice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from assess.tui.css import stylesheet
from assess.tui.labels import label

MAX_IDS_SHOWN = 12


@dataclass(frozen=True)
class ConflictDetails:
    file_name: str
    differing: tuple[str, ...] = ()  # norms whose answers differ between disk and memory
    problems: tuple[str, ...] = ()  # the disk version does not load: FILE:LINE: message
    gone: bool = False

    @property
    def can_reload(self) -> bool:
        return not self.problems and not self.gone


class ConflictScreen(ModalScreen[str]):
    """Dismissed with "reload", "keep" or "retry"."""

    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('reload')", "Reload", id="conflict-reload"),
        Binding("k", "choose('keep')", "Keep mine", id="conflict-keep"),
        Binding("t", "choose('retry')", "Try again", id="conflict-retry"),
    ]

    def __init__(self, details: ConflictDetails, lang: str) -> None:
        super().__init__()
        self.details = details
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang, details = self.lang, self.details
        with Vertical(id="dialog") as dialog:
            dialog.border_title = label("conflict.title", lang)
            with VerticalScroll(id="details"):  # many problems scroll; the choice and its keys stay in view
                yield Static(label("conflict.explain", lang, file=details.file_name), id="explain")
                if details.gone:
                    yield Static(label("conflict.gone", lang), classes="detail")
                elif details.problems:
                    yield Static(label("conflict.broken", lang) + "\n" + "\n".join(details.problems),
                                 classes="detail")
                elif details.differing:
                    ids = ", ".join(details.differing[:MAX_IDS_SHOWN]) + (
                        " …" if len(details.differing) > MAX_IDS_SHOWN else "")
                    yield Static(label("conflict.differs", lang, ids=ids), classes="detail")
                else:
                    yield Static(label("conflict.same_answers", lang), classes="detail")
            yield Static(label("conflict.choose", lang), id="choose")
            with Horizontal(id="buttons"):
                if details.can_reload:
                    yield Button(f"r {label('key.reload', lang)}", id="reload", compact=True)
                else:
                    yield Button(f"t {label('key.retry', lang)}", id="retry", compact=True)
                yield Button(f"k {label('key.keep', lang)}", id="keep", compact=True, variant="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        if choice == "reload" and not self.details.can_reload:
            return
        self.dismiss(choice)
