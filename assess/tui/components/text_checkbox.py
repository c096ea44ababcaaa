"""A checkbox whose state is a character, ``[x]`` or ``[ ]``, so it reads without colour (NO_COLOR)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

from assess.tui.css import stylesheet


class TextCheckbox(Checkbox):
    DEFAULT_CSS = stylesheet(__file__)

    @property
    def _button(self) -> Content:
        return Content.assemble(("[x]" if self.value else "[ ]", "bold"))
