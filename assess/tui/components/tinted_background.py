"""The screen below a dialog, dimmed as Textual dims it, each style tinted once.

Textual's ``BackgroundScreen`` mixes the tint into the colours of every segment of the screen below, at every
open of a dialog (some thousands of segments, a few dozen styles). This gives each cell the same style, made
once per style.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen


class TintedBackground(BackgroundScreen):
    @classmethod
    def process_segments(cls, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
        tint = super().process_segments
        tinted: dict[Style | None, Style | None] = {}
        for segment in segments:
            text, style, control = segment
            if control:
                yield segment
                continue
            if style not in tinted:
                tinted[style] = next(iter(tint([Segment(" ", style)], color))).style
            yield Segment(text, tinted[style], control)


def tinted(rendered: RenderableType) -> RenderableType:
    """What a dialog's :meth:`render` returns: Textual's dimmed screen below, made with :class:`TintedBackground`."""
    if type(rendered) is BackgroundScreen:
        return TintedBackground(rendered.screen, rendered.color)
    return rendered
