"""A widget's styled lines (its background, borders and colours put on each line of its content) kept per line of
content, for the panes whose lines are kept themselves.

Textual styles every line it repaints anew (:class:`StylesCache` keeps a line only until the widget is
refreshed). The norm pane and the section list keep their content lines (``line_strips.py``): a line shown again,
in the language shown before or at another scroll, is the same object. So its styled line is kept too, beside
it, while everything else that goes into the styling stands: the widget's styles, size, colours, opacity and the
terminal's theme. What is drawn is Textual's own drawing (``tests/test_tui_kept_styled_lines.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.content import Content
from textual.css.styles import RenderStyles, StylesBase
from textual.filter import LineFilter
from textual.geometry import Region, Size, Spacing
from textual.strip import Strip
from textual.style import Style


class KeptStyledLines(StylesCache):
    LIMIT = 2000  # styled lines kept (a few screens of a few norms, in either language); past it they start again

    def __init__(self) -> None:
        super().__init__()
        self._kept: dict[int, tuple[Strip, Strip]] = {}  # id(content line) -> the content line (kept alive), styled
        self._made_for: tuple[object, ...] | None = None
        # the rows of this drawing that are a line of content, and the first: only a line of content is styled
        # the same at any row (a row of border, padding or outline is not)
        self._content_rows = range(0)
        self._content_top = 0

    def render(self, styles: StylesBase, size: Size, base_background: Color, background: Color,
               render_content_line: Callable[[int], Strip], filters: Sequence[LineFilter],
               border_title: tuple[Content, Color, Color, Style] | None,
               border_subtitle: tuple[Content, Color, Color, Style] | None, content_size: Size | None = None,
               padding: Spacing | None = None, crop: Region | None = None, opacity: float = 1.0,
               ansi_theme: TerminalTheme = DEFAULT_TERMINAL_THEME, native_ansi: bool = False) -> list[Strip]:
        self._content_rows = range(0)
        if isinstance(styles, RenderStyles) and not (styles.outline.top[0] or styles.outline.bottom[0]):
            content_height = (size if content_size is None else content_size).height
            top = self._content_top = styles.gutter.top
            self._content_rows = range(top, min(top + content_height, size.height - styles.gutter.bottom))
            made_for = (styles._cache_key, size, content_size, padding, base_background, background, opacity,
                        ansi_theme, native_ansi)
            if made_for != self._made_for or len(self._kept) > self.LIMIT:
                self._kept.clear()
                self._made_for = made_for
        return super().render(styles, size, base_background, background, render_content_line, filters,
                              border_title, border_subtitle, content_size, padding, crop, opacity, ansi_theme,
                              native_ansi)

    def render_line(self, styles: StylesBase, y: int, size: Size, content_size: Size, padding: Spacing,
                    base_background: Color, background: Color, render_content_line: Callable[[int], Strip],
                    border_title: tuple[Content, Color, Color, Style] | None,
                    border_subtitle: tuple[Content, Color, Color, Style] | None, opacity: float,
                    ansi_theme: TerminalTheme, native_ansi: bool) -> Strip:
        if y not in self._content_rows:
            return super().render_line(styles, y, size, content_size, padding, base_background, background,
                                       render_content_line, border_title, border_subtitle, opacity, ansi_theme,
                                       native_ansi)
        content = render_content_line(y - self._content_top)
        kept = self._kept.get(id(content))
        if kept is not None and kept[0] is content:
            return kept[1]
        line = super().render_line(styles, y, size, content_size, padding, base_background, background,
                                   lambda _y: content, border_title, border_subtitle, opacity, ansi_theme,
                                   native_ansi)
        self._kept[id(content)] = (content, line)
        return line
