"""A screen whose own lines (its background, under its widgets) are kept while its size, styles, colours and
line filters stand.

Textual refreshes the screen below a dialog as the dialog opens, and a screen opened again, and so drew the
background of every row anew (for the dimmed view below every dialog, at every return to the audit, at every
open of the summary), although nothing in it had changed. A dialog's background is the dimmed screen below it: it
is kept as long as that screen counts no repaint (:class:`~assess.tui.components.dimmed_modal.DimmedModalScreen`).
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip

from assess.tui.components.mixin_bases import ScreenMixin


class KeptBackground(ScreenMixin):
    _kept_background: tuple[object, list[Strip]] | None = None

    def _background_drawn_from(self) -> tuple[object, ...] | None:
        """What else the background is drawn from (a dialog's: the screen below); None: not to be kept."""
        return ()

    def _draw_background(self, crop: Region) -> list[Strip]:
        """The background's lines as Textual draws them (a dialog draws its own)."""
        return super().render_lines(crop)

    def render_lines(self, crop: Region) -> list[Strip]:
        drawn_from = self._background_drawn_from()
        if drawn_from is None:
            return self._draw_background(crop)
        made_for = (crop, self.size, self.styles._cache_key, self.background_colors,
                    tuple(self.get_line_filters()), self.app.ansi_theme, self.app.native_ansi_color, drawn_from)
        kept = self._kept_background
        if kept is not None and kept[0] == made_for:
            return kept[1]
        lines = self._draw_background(crop)
        self._kept_background = (made_for, lines)
        return lines
