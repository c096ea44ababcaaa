"""A text area that styles its theme only when the styles it is styled from have changed.

Textual's TextArea works out its theme's styles from its CSS (its own style, its ancestors' backgrounds and
its component classes) at every drawing, and a refresh (a new text, as at every open of the edit form) drops
the styles it worked out last: half a millisecond a drawing, twice at every open of the form. What it reads
changes only with a style of the area or of an ancestor, with its component classes' styles (made anew as
the area gains or loses focus) or with another theme of the app or the area: those are the key, and the
theme is styled again when any of them changed.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import TextArea


class FormTextArea(TextArea):
    _styled: tuple[object, ...] = ()  # the key of the styles the theme was last styled from

    def render_lines(self, crop: Region) -> list[Strip]:
        theme = self._theme
        if theme:
            # the component classes' styles are made anew whenever the area's styles are worked out again
            # (as it gains or loses focus): they are compared as objects, and then by their changes
            key = (theme, self.app.current_theme, *self._component_styles.values(),
                   tuple(node.styles._cache_key for node in self.ancestors_with_self),
                   tuple(styles._cache_key for styles in self._component_styles.values()))
            if not _same(key, self._styled):
                theme.apply_css(self)
                self._styled = key
        return ScrollView.render_lines(self, crop)  # what TextArea.render_lines does after styling its theme


def _same(key: tuple[object, ...], styled: tuple[object, ...]) -> bool:
    """The objects compared as objects (the area's theme is a copy of its own, styled in place), the changes
    of the styles as numbers."""
    return (len(styled) == len(key) and all(mine is theirs for mine, theirs in zip(key[:-2], styled[:-2], strict=True))
            and key[-2:] == styled[-2:])
