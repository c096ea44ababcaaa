"""The one-line question after `a` (not applicable): why not? Enter keeps the reason, Esc skips it.

It takes no focus: the audit screen hands it every key while it is open, in the order they were typed, so a
reason typed fast after `a` lands here whole (a key queued behind `a` never scores a norm instead).
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import var
from textual.widget import Widget

from assess.tui.css import stylesheet
from assess.tui.labels import label
from assess.tui.safe import shown_line

ACCEPT = "accept"
SKIP = "skip"
MAX_LENGTH = 2000


class ReasonLine(Widget):
    DEFAULT_CSS = stylesheet(__file__)

    text: var[str] = var("", init=False)

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.norm_id: str | None = None  # the norm the reason is for; None: closed
        self.lang = "en"
        self.cursor = 0

    @property
    def is_open(self) -> bool:
        return self.norm_id is not None

    def open(self, norm_id: str, lang: str) -> None:
        self.norm_id, self.lang, self.cursor = norm_id, lang, 0
        self.set_reactive(ReasonLine.text, "")
        self.display = True
        self.refresh()

    def close(self) -> str:
        """Close it; the reason typed (stripped)."""
        typed = self.text.strip()
        self.norm_id = None
        self.display = False
        return typed

    def insert(self, typed: str) -> None:
        typed = " ".join(typed.splitlines())  # one line: a pasted paragraph becomes one
        room = MAX_LENGTH - len(self.text)
        typed = typed[:max(room, 0)]
        self.text = self.text[:self.cursor] + typed + self.text[self.cursor:]
        self.cursor += len(typed)
        self.refresh()

    def handle(self, key: str, character: str | None) -> str | None:
        """One key typed while open: ``ACCEPT``, ``SKIP`` or None (edited, or ignored)."""
        if key == "enter":
            return ACCEPT
        if key == "escape":
            return SKIP
        text, cursor = self.text, self.cursor
        if key == "backspace" and cursor:
            self.text, self.cursor = text[:cursor - 1] + text[cursor:], cursor - 1
        elif key == "delete":
            self.text = text[:cursor] + text[cursor + 1:]
        elif key == "left":
            self.cursor = max(cursor - 1, 0)
        elif key in ("home", "ctrl+a"):
            self.cursor = 0
        elif key == "right":
            self.cursor = min(cursor + 1, len(text))
        elif key in ("end", "ctrl+e"):
            self.cursor = len(text)
        elif key == "ctrl+u":
            self.text, self.cursor = text[cursor:], 0
        elif character is not None and character.isprintable() and len(character) == 1:
            self.insert(character)
            return None
        self.refresh()
        return None

    def render(self) -> Content:
        if self.norm_id is None:
            return Content("")
        lead = label("reason.ask", self.lang, norm=self.norm_id) + " "
        hint = "  " + label("reason.keys", self.lang)
        text = shown_line(self.text)
        # the cursor's place in what is shown: each escaped character takes more than one cell
        before = shown_line(self.text[:self.cursor])
        room = max(self.size.width - len(lead) - len(hint) - 1, 10)
        start = max(len(before) - room, 0)
        visible = text[start:start + room]
        at = len(before) - start
        under = visible[at] if at < len(visible) else " "
        return Content.assemble((lead, "bold"), visible[:at], (under, "reverse"), visible[at + 1:],
                                (hint, "$text-muted"))
