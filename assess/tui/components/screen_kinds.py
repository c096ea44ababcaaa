"""What the app asks of a kind of screen without importing the screen (each is imported when first opened,
so the first frame waits for none of them)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual import events
from textual.message import Message
from textual.screen import Screen


class Form:
    """A screen typed into (the edit form, the service details): the conflict dialog and the palette's jumps
    wait until it is closed, and quitting reads it first."""

    async def fields_settled(self) -> None:
        """Wait until the focused field has handled the keys already sent to it."""
        raise NotImplementedError

    def may_discard(self) -> bool:
        """True when closing the form loses nothing typed, or the user was told so and closes it again."""
        raise NotImplementedError

    def keeps_draft(self, draft_id: str) -> bool:
        """Is the form open on what drafts under ``draft_id`` are kept for (a norm's id, or the details')?"""
        return False


class ReturnsNorm:
    """A screen dismissed with the id of a norm to go to (the summary, the table of every answer)."""


# a kept screen -> the app's theme it was last restyled in (Textual restyles only the screens on the stack)
_STYLED_IN: WeakKeyDictionary[Screen[object], str] = WeakKeyDictionary()


def kept_screen_resumed(message: Message, screen: Screen[object], kept: bool) -> Message:
    """``message`` as a kept screen (``kept``: shown before) posts it to itself: a ScreenResume without Textual's
    restyling of every widget of the screen while the app's theme is the one it was last restyled in (its styles
    are as when it was last shown: nothing else in it changes with the app or the size, and focus and hover
    restyle the widgets they touch)."""
    if not isinstance(message, events.ScreenResume) or not message.refresh_styles:
        return message
    theme = screen.app.theme
    if kept and _STYLED_IN.get(screen) == theme:
        return events.ScreenResume(refresh_styles=False)
    _STYLED_IN[screen] = theme
    return message
