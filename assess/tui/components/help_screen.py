"""Every key, what it does and its id for the keymap file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.css import stylesheet
from assess.tui.labels import label
from assess.tui.safe import shown_line
from assess.tui.text import plain


@dataclass(frozen=True)
class HelpRow:
    keys: str
    description: str
    binding_id: str


class HelpScreen(DimmedModalScreen[None]):
    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "Close", id="help-close")]

    def __init__(self, rows: tuple[HelpRow, ...], keymap_file: str, lang: str) -> None:
        super().__init__()
        self.rows = rows
        self.keymap_file = keymap_file
        self.lang = lang

    def _table(self) -> Content:
        lang = self.lang
        key_width = max([len(label("help.col_keys", lang))] + [len(r.keys) for r in self.rows]) + 2
        what_width = max([len(label("help.col_what", lang))] + [len(r.description) for r in self.rows]) + 2
        lines = [Content.assemble((label("help.col_keys", lang).ljust(key_width), "bold"),
                                  (label("help.col_what", lang).ljust(what_width), "bold"),
                                  (label("help.col_id", lang), "bold"))]
        for row in self.rows:
            lines.append(Content.assemble((shown_line(row.keys).ljust(key_width), "bold $text-accent"),
                                          row.description.ljust(what_width), (row.binding_id, "$text-muted")))
        return Content("\n").join(lines)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="dialog") as dialog:
            dialog.border_title = label("help.title", lang)
            dialog.border_subtitle = label("help.close", lang)
            with VerticalScroll(id="help-scroll"):
                yield Static(self._table(), id="keys")
                na_key = next((row.keys for row in self.rows if row.binding_id == "score-na"), "a")
                yield Static(plain(label("help.saving", lang, na=na_key)), id="saving")
                yield Static(plain(label("help.remap", lang, path=self.keymap_file)), id="remap")

    def action_close(self) -> None:
        self.dismiss(None)
