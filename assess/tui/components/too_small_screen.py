"""Shown over everything while the terminal is smaller than the audit needs; it goes when the terminal grows.

A dialog opened meanwhile (a conflict found, a draft put back at start) goes below it
(:meth:`assess.tui.app.AuditApp.push_screen`). Should one still end up on top of it, this one goes as soon as
that dialog is closed on a terminal grown large enough."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.css import stylesheet
from assess.tui.labels import label
from assess.tui.text import plain

MIN_WIDTH, MIN_HEIGHT = 80, 24


class TooSmallScreen(DimmedModalScreen[None]):
    DEFAULT_CSS = stylesheet(__file__)
    AUTO_FOCUS = ""

    def __init__(self, lang: str, width: int, height: int) -> None:
        super().__init__()
        self.lang = lang
        self._terminal_size = (width, height)

    def compose(self) -> ComposeResult:
        with Vertical(id="message"):
            yield Static(self._text(), id="text")

    def _text(self) -> Content:
        width, height = self._terminal_size
        return plain(label("small.text", self.lang, width=width, height=height, min_width=MIN_WIDTH,
                           min_height=MIN_HEIGHT))

    def show_size(self, width: int, height: int) -> None:
        self._terminal_size = (width, height)
        if self.is_mounted:
            self.query_one("#text", Static).update(self._text())

    def on_screen_resume(self, _event: events.ScreenResume) -> None:
        width, height = self.app.size
        if width >= MIN_WIDTH and height >= MIN_HEIGHT and self.app.screen is self:  # grown under a dialog
            self.dismiss(None)
