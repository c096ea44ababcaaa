"""What the app asks of a kind of screen without importing the screen (each is imported when first opened,
so the first frame waits for none of them)."""

from __future__ import annotations

from textual import events
from textual.message import Message


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


def kept_screen_resumed(message: Message) -> Message:
    """``message`` as a kept screen, opened again, posts it to itself: a ScreenResume without Textual's
    restyling of every widget of the screen (its styles are as when it was last shown: nothing in it changes
    with a theme or the size, and focus and hover restyle the widgets they touch)."""
    if isinstance(message, events.ScreenResume) and message.refresh_styles:
        return events.ScreenResume(refresh_styles=False)
    return message
