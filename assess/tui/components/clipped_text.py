"""A text that takes as many lines as the terminal has room for, its last line cut with "…" when the text is
longer (the edit form's norm text: whole in a tall terminal, never cut without saying so).

Given the texts it may show (every norm's), it keeps the height of the tallest of them at its width, a shorter
one followed by blank lines: the edit form keeps its size from norm to norm, and opening it on another norm is
a repaint, never a layout of the form.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def tallest(texts: Sequence[str], width: int, lines: int) -> int:
    """The most lines any of ``texts`` takes at ``width``, at most ``lines``."""
    most = 0
    for text in sorted(texts, key=len, reverse=True):  # the longest first: at 80x24 the first fills the room
        most = max(most, len(clipped(text, width, lines)))
        if most >= lines:
            break
    return most


class ClippedText(LaidOutOnce, Widget):
    DEFAULT_CSS = stylesheet(__file__)

    def __init__(self, text: str, min_lines: int = 3, id: str | None = None, texts: Sequence[str] = ()) -> None:
        """``texts``: the texts it may be given (none: it takes the lines of its own text)."""
        super().__init__(id=id)
        self.text = text
        self.min_lines = min_lines
        self.texts = tuple(texts)
        self._tallest: dict[tuple[int, int], int] = {}  # (width, room) -> lines of the tallest of ``texts``
        self._laid_out_room: int | None = None  # the room its height was last measured for

    def show_text(self, text: str) -> None:
        """Show ``text`` instead: laid out again only when it takes another number of lines."""
        if text == self.text:
            return
        width, height = self.content_size
        same_height = width > 0 and self._height(text, width) == height
        self.text = text
        self.refresh(layout=not same_height)

    def follow_terminal(self) -> None:
        """Lay it out again if the terminal's height gives it another room than its height was measured for
        (Textual lays a widget out again for a new width, not for a new height of the terminal alone)."""
        if self._laid_out_room is not None and self._laid_out_room != self._room():
            self.refresh(layout=True)

    def _room(self) -> int:
        return max(self.min_lines, self.app.size.height - FORM_ROWS)

    def _lines(self, text: str, width: int) -> list[Content]:
        """``text``'s lines, then blank lines up to the height of the tallest text."""
        lines = clipped(text, width, self._room())
        return lines + [Content("")] * (self._height(text, width) - len(lines))

    def _height(self, text: str, width: int) -> int:
        room = self._room()
        own = len(clipped(text, width, room))
        if not self.texts:
            return own
        most = self._tallest.get((width, room))
        if most is None:
            most = self._tallest[(width, room)] = tallest(self.texts, width, room)
        return max(own, most)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        self._laid_out_room = self._room()
        return self._height(self.text, width)

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.text, self.size.width))
