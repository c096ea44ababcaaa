"""A button pressed by enter, space or a click, as buttons are elsewhere (Textual's own takes enter only)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Button

from assess.tui.css import stylesheet


class FormButton(Button):
    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press", "Press button", show=False)]
