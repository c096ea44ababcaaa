"""A screen whose own lines (its background, under its widgets) are kept while its size, styles, colours and
line filters stand.

Textual refreshes the screen below a dialog as the dialog opens, and a screen opened again, and so drew the
background of every row anew (for the dimmed view below every dialog, at every return to the audit, at every
open of the summary), although nothing in it had changed.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip

from assess.tui.components.mixin_bases import ScreenMixin


class KeptBackground(ScreenMixin):
    _kept_background: tuple[object, list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        made_for = (crop, self.size, self.styles._cache_key, self.background_colors,
                    tuple(self.get_line_filters()), self.app.ansi_theme, self.app.native_ansi_color)
        kept = self._kept_background
        if kept is not None and kept[0] == made_for:
            return kept[1]
        lines = super().render_lines(crop)
        self._kept_background = (made_for, lines)
        return lines
