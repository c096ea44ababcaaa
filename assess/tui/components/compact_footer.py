"""The footer of the audit and summary screens: Textual's compact footer, packed tighter to fit 80 columns."""

from __future__ import annotations

from textual.widgets import Footer

from assess.tui.css import stylesheet


class CompactFooter(Footer):
    DEFAULT_CSS = stylesheet(__file__)

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)  # ctrl+p is in help; 80 columns are full
