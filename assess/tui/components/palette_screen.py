"""The palette (ctrl+p): go to a norm by its number or words of its text, evidence or note, or open a screen.

Made once per language and kept (installed by the app), as the edit form: each open empties the field, so
opening costs no new widgets and, after a change of language and back, no new drawing of its words. Textual's
own command palette was built and styled anew at every open (over 100 ms a time here) and spoke only English.
Dismissed with the chosen :class:`Hit`, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.components.screen_kinds import kept_screen_resumed
from assess.tui.css import stylesheet
from assess.tui.labels import label
from assess.tui.palette import Hit
from assess.tui.safe import has_unsafe, shown_line


class HitList(OptionList, can_focus=False):
    """The hits: never focused (as Textual's palette's list), so tab leaves the focus in the field and
    nothing typed after it is lost; the arrows, page keys and clicks still move through it and choose."""


class PaletteScreen(DimmedModalScreen[Hit | None]):
    """``search``: the hits for what is typed (:func:`assess.tui.palette.hits` on the audit as it is now)."""

    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="palette-close"),
        # the field keeps the focus: these move through the list below it
        Binding("down", "move('cursor_down')", "Next", id="palette-next", show=False),
        Binding("up", "move('cursor_up')", "Previous", id="palette-previous", show=False),
        Binding("pagedown", "move('page_down')", "Page down", id="palette-page-down", show=False),
        Binding("pageup", "move('page_up')", "Page up", id="palette-page-up", show=False),
    ]

    def __init__(self, search: Callable[[str], list[Hit]], lang: str) -> None:
        super().__init__()
        self.search = search
        self.lang = lang
        self._hits: list[Hit] = []
        self._query: str | None = None  # what the list shows the hits of
        self._opened = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="palette") as box:
            box.border_title = label("key.palette", self.lang)
            box.border_subtitle = label("palette.keys", self.lang)
            yield Input(placeholder=label("palette.placeholder", self.lang), id="query", compact=True,
                        select_on_focus=False)
            yield HitList(id="hits", compact=True)

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#query", Input).focus()

    def post_message(self, message: Message) -> bool:
        return super().post_message(kept_screen_resumed(message, self, kept=bool(getattr(self, "_opened", 0))))

    def reopen(self) -> None:
        """Open the kept palette again: the field empty, the screens listed."""
        self._opened += 1
        field = self.query_one("#query", Input)
        field.value = ""
        self._show("")
        self._to_first()  # the list may be as when last closed (nothing typed), moved down
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = event.input
        if has_unsafe(field.value):  # pasted control characters: shown escaped, never sent raw
            # the field as it is now (keys typed after the paste are in it), the cursor after the same text
            value, cursor = field.value, field.cursor_position
            field.value = shown_line(value)
            field.cursor_position = len(shown_line(value[:cursor]))
            return
        self._show(event.value)

    def on_click(self, event: events.Click) -> None:
        """A click beside the palette closes it, as Textual's palette did."""
        if self.get_widget_at(event.screen_x, event.screen_y)[0] is self:
            self.dismiss(None)

    def _show(self, query: str) -> None:
        if query == self._query:
            return
        self._query = query
        self._hits = self.search(query)
        options = [Option(self._line(hit)) for hit in self._hits]
        hits = self.query_one("#hits", OptionList)
        hits.set_options(options or [Option(Content(label("palette.nothing", self.lang)), disabled=True)])
        self._to_first()

    def _to_first(self) -> None:
        hits = self.query_one("#hits", OptionList)
        hits.highlighted = 0 if self._hits else None
        hits.scroll_home(animate=False)

    @staticmethod
    def _line(hit: Hit) -> Content:
        """The hit's text, and its help dimmed after it (plain text: never read as markup)."""
        if not hit.help:
            return Content(hit.text)
        return Content.assemble(Content(hit.text), "\n", Content.styled(hit.help, "dim"))

    def action_move(self, how: str) -> None:
        hits = self.query_one("#hits", OptionList)
        getattr(hits, f"action_{how}")()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._show(event.value)
        self._choose(self.query_one("#hits", OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and index < len(self._hits):
            self.dismiss(self._hits[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
