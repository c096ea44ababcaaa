"""New words for a label, a checkbox or a choice of a form, laid out again only when their size changes.

Textual lays the whole screen out for any new text of a label, a checkbox or a choice's prompt and options, in
case it takes another size. In the edit form they are as wide as their column whatever they say, so a change
of language (every label anew) laid the form out for nothing: only a label that takes another number of lines
needs it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from textual.widget import Widget
from textual.widgets import Checkbox, Select, Static
from textual.widgets._select import SelectCurrent, SelectOverlay


def relabel(widget: Static, text: str) -> None:
    """``text`` in place of the label's: a repaint, and a layout only when it takes another number of lines."""
    width, height = widget.content_size
    widget.update(text, layout=False)
    if not width or widget.get_content_height(widget.size, widget.size, width) != height:
        widget.refresh(layout=True)


def relabel_checkbox(checkbox: Checkbox, text: str) -> None:
    """``text`` as the checkbox's label: a repaint only when its width is set by its container, not by its label
    (a checkbox's label is one line)."""
    width = checkbox.styles.width
    if width is None or width.is_auto:
        checkbox.label = text
        return
    checkbox._label = checkbox._make_label(text)
    checkbox.refresh()


def relabel_select(select: Select[Any], prompt: str, options: Sequence[tuple[str, Any]]) -> None:
    """``prompt`` and ``options`` for a closed choice whose width is set by its container: a repaint. Its list
    of options is hidden, and laid out when it is opened."""
    width = select.styles.width
    if select.expanded or width is None or width.is_auto:
        select.prompt = prompt
        select.set_options(options)
        return
    current = select.query_one(SelectCurrent)
    with repaints_only(current.query_one("#label", Static), select.query_one(SelectOverlay)):
        select.prompt = prompt
        select.set_options(options)


@contextmanager
def repaints_only(*widgets: Widget) -> Iterator[None]:
    """While inside, a layout asked for by one of ``widgets`` is a repaint: for widgets whose size does not
    follow what they show (Textual's own widgets ask for a layout from inside)."""
    for widget in widgets:
        def repaint(*regions: Any, _refresh: Any = widget.refresh, **options: Any) -> Widget:
            options["layout"] = False
            return _refresh(*regions, **options)  # type: ignore[no-any-return]
        widget.refresh = repaint  # type: ignore[method-assign]
    try:
        yield
    finally:
        for widget in widgets:
            del widget.refresh
