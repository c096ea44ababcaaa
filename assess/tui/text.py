"""Text for the screens: user, file and OS text as plain ``Content``, never parsed as markup."""

from __future__ import annotations

from textual.content import Content

from assess.tui.safe import shown, shown_line


def plain(text: object) -> Content:
    """``text`` as it is (no markup), control characters escaped; newlines kept."""
    return Content(shown(text))


def plain_line(text: object) -> Content:
    """``text`` on one line, as it is: for titles, table cells and option labels."""
    return Content(shown_line(text))
