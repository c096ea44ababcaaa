"""A text that takes as many lines as the terminal has room for, its last line cut with "…" when the text is
longer (the edit form's norm text: whole in a tall terminal, never cut without saying so)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from assess.tui.components.laid_out_once import LaidOutOnce
from assess.tui.css import stylesheet
from assess.tui.safe import shown

FORM_ROWS = 21  # what the rest of the edit form takes at most, borders included


def clipped(text: str, width: int, lines: int) -> list[Content]:
    """``text`` wrapped to ``width``, at most ``lines`` lines; the last one ends in "…" when some was left out."""
    wrapped = [part for paragraph in Content(shown(text)).split("\n") for part in paragraph.wrap(max(width, 1))]
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:max(lines, 1)]
    last = kept[-1].rstrip()
    if last.cell_length >= width:
        last = last.truncate(max(width - 1, 0))
    kept[-1] = Content.assemble(last, "…")
    return kept


class ClippedText(LaidOutOnce, Widget):
    DEFAULT_CSS = stylesheet(__file__)

    def __init__(self, text: str, min_lines: int = 3, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self.min_lines = min_lines

    def show_text(self, text: str) -> None:
        """Show ``text`` instead: laid out again only when it takes another number of lines."""
        if text == self.text:
            return
        width, height = self.content_size
        same_height = width > 0 and len(clipped(text, width, self._room())) == height
        self.text = text
        self.refresh(layout=not same_height)

    def _room(self) -> int:
        return max(self.min_lines, self.app.size.height - FORM_ROWS)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(clipped(self.text, width, self._room()))

    def render(self) -> Content:
        return Content("\n").join(clipped(self.text, self.size.width, self._room()))
