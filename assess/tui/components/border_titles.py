"""Border titles set with a repaint of the one row they are drawn on.

Textual's ``border_title`` and ``border_subtitle`` repaint the whole widget when set, even to the same text: for
the edit form's dialog that is every row of the form (a tenth of opening it on another norm), for the summary's
table every row of the table. Here the title is made as Textual makes it, and only its row is marked dirty.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget


def set_border_title(widget: Widget, title: str | Content) -> None:
    _set(widget, "_border_title", title, top=True)


def set_border_subtitle(widget: Widget, subtitle: str | Content) -> None:
    _set(widget, "_border_subtitle", subtitle, top=False)


def _set(widget: Widget, attribute: str, text: str | Content, top: bool) -> None:
    made = widget.render_str(text).expand_tabs(4).split()[0]  # as Textual's _BorderTitle.__set__
    old = getattr(widget, attribute)
    if isinstance(old, Content) and (old.plain, old.spans) == (made.plain, made.spans):  # Content's == is text only
        return
    setattr(widget, attribute, made)
    outer = widget.outer_size
    if not widget.is_mounted or not outer:
        widget.refresh()
        return
    offset = widget.content_offset  # refresh() takes content coordinates
    row = 0 if top else outer.height - 1
    widget.refresh(Region(-offset.x, row - offset.y, outer.width, 1))
