"""The bases of the widget and screen mixins here (``LaidOutOnce``, ``DrawnOnce``, ``KeptBackground``).

At run time they derive from object: Textual takes a widget's default CSS (and its type names for selectors)
along the first base that is a widget only, so a mixin deriving from Widget would hide the CSS of the widget it
is mixed into (Vertical's, ModalScreen's). For the type checker they are the widget and the screen they extend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.widget import Widget

if TYPE_CHECKING:
    WidgetMixin = Widget
    ScreenMixin = Screen[Any]
else:
    WidgetMixin = ScreenMixin = object
