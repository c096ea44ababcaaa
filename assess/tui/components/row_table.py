"""A table of rows of plain text with a row cursor, on the line API: what Textual's ``DataTable`` showed
(``cursor_type="row"``, one line per row, a header that stays put), drawn the same way, at a fraction of its cost.

Every cell is text already cut to its column; a line is one segment per cell, made once per row and kept while
the row's text, the widths and the styles stay the same. So showing the summary after one more score makes one
or two lines anew, not the table. Enter, or a click on the row under the cursor, posts :class:`RowTable.Selected`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from assess.tui.components.kept_scrollbar import KeptScrollView
from assess.tui.css import stylesheet
from assess.tui.safe import shown_line

PADDING = 1  # blank cells either side of a cell's text, as DataTable's cell_padding
STRIPS_KEPT_FOR = 4  # sets of columns and styles whose row strips are kept (either language, focused or not)


@lru_cache(maxsize=8192)  # the summary cuts the same texts at every open
def clip(text: str, width: int) -> str:
    """``text`` on one line as shown (control characters escaped), cut to ``width`` cells with "…" if longer."""
    text = shown_line(" ".join(text.split()))
    return text if cell_len(text) <= width else set_cell_size(text, width - 1).rstrip() + "…"


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[str, ...]  # one line each, cut to its column by the caller (shown as they are, never markup)


class RowTable(KeptScrollView, can_focus=True):
    DEFAULT_CSS = stylesheet(__file__)
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-table--header", "row-table--cursor", "row-table--hover"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Select", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
    ]

    class Selected(Message):
        """A row was chosen: enter on it, or a click on the row under the cursor."""

        def __init__(self, table: RowTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RowTable:
            return self.table

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._titles: tuple[str, ...] = ()
        self._widths: tuple[int, ...] = ()
        self._rows: list[Row] = []
        self._cursor = 0
        self._hover: int | None = None  # the row under the mouse (none once a key is pressed, as in DataTable)
        # (row, cursor?, hover?) -> its strip, for the columns and styles in _made_for; the strips of the last
        # few of those are kept (the other language's columns), so a return to them draws from what was kept
        self._strips: dict[tuple[Row | None, bool, bool], Strip] = {}
        self._made_for: tuple[object, ...] | None = None
        self._strips_kept: OrderedDict[tuple[object, ...], dict[tuple[Row | None, bool, bool], Strip]] = OrderedDict()

    # -- what it shows -----------------------------------------------------------------------------

    def show(self, columns: Sequence[tuple[str, int]], rows: Sequence[Row]) -> None:
        """Show ``rows`` under ``columns`` (title, width of its text); the cursor stays on its row number."""
        titles = tuple(title for title, _ in columns)
        widths = tuple(width for _, width in columns)
        if (titles, widths, list(rows)) == (self._titles, self._widths, self._rows):
            return
        same_columns = (titles, widths) == (self._titles, self._widths)
        old = self._rows
        self._titles, self._widths, self._rows = titles, widths, list(rows)
        if len(self._strips) > 2 * len(self._rows) + 8:  # lines of rows no longer shown
            self._strips.clear()
        self._cursor = min(self._cursor, max(len(self._rows) - 1, 0))
        self._resize(Size(self._table_width(), len(self._rows) + 1))
        if same_columns and len(old) == len(self._rows):
            for index, (was, row) in enumerate(zip(old, self._rows, strict=True)):  # repaint only what changed
                if was != row:
                    self._refresh_row(index)
        else:
            self.refresh()

    def _resize(self, size: Size) -> None:
        """A new virtual size; without a layout pass of the screen when only the number of rows changed and
        the table scrolls before and after (the scrollbar stays: only its proportions change)."""
        old = self.virtual_size
        if size == old:
            return
        window = self.scrollable_content_region.height
        if (self.is_mounted and size.width == old.width and self.show_vertical_scrollbar
                and min(size.height, old.height) > window):
            self.resize_in_place(size)
            return
        self.virtual_size = size

    @property
    def row_keys(self) -> list[str]:
        return [row.key for row in self._rows]

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def cells(self, key: str) -> tuple[str, ...]:
        return next(row.cells for row in self._rows if row.key == key)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    def move_cursor(self, row: int, scroll: bool = True) -> None:
        row = max(0, min(row, len(self._rows) - 1))
        if row != self._cursor:
            self._refresh_row(self._cursor)
            self._cursor = row
            self._refresh_row(row)
        if scroll:  # also when it stays: the table may have been scrolled, or laid out anew
            self._scroll_to_cursor()

    # -- keys and clicks -----------------------------------------------------------------------------

    def _hover_row(self, row: int | None) -> None:
        if row != self._hover:
            for old_or_new in (self._hover, row):
                if old_or_new is not None:
                    self._refresh_row(old_or_new)
            self._hover = row

    def _row_at(self, event: events.MouseEvent) -> int | None:
        """The row under the mouse (None: the header, the borders, below the last row)."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return None
        row = self.scroll_offset.y + offset.y - 1
        return row if 0 <= row < len(self._rows) else None

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_row(self._row_at(event))

    def _on_leave(self, event: events.Leave) -> None:
        self._hover_row(None)

    def on_key(self, event: events.Key) -> None:
        self._hover_row(None)  # the keyboard in use: the mouse's highlight goes, as in DataTable (not stopped)

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.Selected(self, self._rows[self._cursor].key))

    def action_move(self, by: int) -> None:
        self.move_cursor(self._cursor + by)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self._cursor + direction * max(self._rows_shown(), 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    async def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is None:
            return
        if row == self._cursor:
            self.action_select()
        else:
            self.move_cursor(row)

    # -- drawing ---------------------------------------------------------------------------------------

    def _rows_shown(self) -> int:
        return self.scrollable_content_region.height - 1

    def _scroll_to_cursor(self) -> None:
        top = self.scroll_offset.y
        shown = self._rows_shown()
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif shown > 0 and self._cursor >= top + shown:
            self.scroll_to(y=self._cursor - shown + 1, animate=False, immediate=True)

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(index + 1)  # below the header

    def _table_width(self) -> int:
        return sum(width + 2 * PADDING for width in self._widths)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        made_for = (width, base, self._titles, self._widths, self.has_focus, self.app.current_theme.name)
        if made_for != self._made_for:
            self._made_for = made_for
            self._strips = self._strips_kept.pop(made_for, {})
            self._strips_kept[made_for] = self._strips
            if len(self._strips_kept) > STRIPS_KEPT_FOR:
                self._strips_kept.popitem(last=False)
        if y == 0:
            return self._strip(None, False, False, width, base)
        # the rounded offset, as Textual repaints when it changes (a dragged scrollbar passes through fractions)
        index = y - 1 + self.scroll_offset.y
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, base)
        return self._strip(self._rows[index], index == self._cursor, index == self._hover, width, base)

    def _strip(self, row: Row | None, cursor: bool, hover: bool, width: int, base: Style) -> Strip:
        """The header (``row`` None) or a row's line, as DataTable draws it: each cell padded in its column,
        the rest of the width filled in the row's style."""
        strip = self._strips.get((row, cursor, hover))
        if strip is not None:
            return strip
        if row is None:
            style = self.get_component_styles("row-table--header").rich_style
            texts = self._titles
        else:
            style = base
            if hover:
                style += self.get_component_rich_style("row-table--hover")
            if cursor:
                style += self.get_component_rich_style("row-table--cursor")
            texts = row.cells
        pad = " " * PADDING
        segments = [Segment(pad + set_cell_size(shown_line(text), cell) + pad, style)
                    for text, cell in zip(texts, self._widths, strict=True)]
        segments.append(Segment(" " * max(0, width - self._table_width()), style))
        strip = self._strips[(row, cursor, hover)] = Strip(segments).crop(0, width).adjust_cell_length(width, base)
        return strip
