"""A radio button whose state is a character, ``(•)`` or ``( )``, so it reads without colour (NO_COLOR)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioButton

from assess.tui.css import stylesheet


class TextRadioButton(RadioButton):
    DEFAULT_CSS = stylesheet(__file__)

    @property
    def _button(self) -> Content:
        return Content.assemble(("(•)" if self.value else "( )", "bold"))
