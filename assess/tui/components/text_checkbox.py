"""A checkbox whose state is a character, ``[x]`` or ``[ ]``, so it reads without colour (NO_COLOR)."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Checkbox

from assess.tui.css import stylesheet


class TextCheckbox(Checkbox):
    DEFAULT_CSS = stylesheet(__file__)

    @property
    def _button(self) -> Content:
        return Content.assemble(("[x]" if self.value else "[ ]", "bold"))

    async def _on_click(self, event: events.Click) -> None:
        """A click on the box or its label toggles it (Checkbox's own handler, after this one); one on the empty
        width beside them does not (a form may make the checkbox wider than its text)."""
        if event.x >= self.gutter.width + self.get_content_width(self.size, self.size):
            event.prevent_default()
