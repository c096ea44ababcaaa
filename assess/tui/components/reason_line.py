"""The one-line question after `a` (not applicable): why not? Enter keeps the reason, Esc skips it.

It takes no focus: the audit screen hands it every key while it is open, in the order they were typed, so a
reason typed fast after `a` lands here whole (a key queued behind `a` never scores a norm instead). It is no
widget either: the norm pane shows it as its bottom line, so opening and closing it costs no layout pass.
"""

from __future__ import annotations

from textual.content import Content

from assess.tui.labels import label
from assess.tui.safe import shown_line

ACCEPT = "accept"
SKIP = "skip"
MAX_LENGTH = 2000


class ReasonLine:
    def __init__(self) -> None:
        self.norm_id: str | None = None  # the norm the reason is for; None: closed
        self.lang = "en"
        self.text = ""
        self.cursor = 0

    @property
    def is_open(self) -> bool:
        return self.norm_id is not None

    def open(self, norm_id: str, lang: str) -> None:
        self.norm_id, self.lang, self.text, self.cursor = norm_id, lang, "", 0

    def close(self) -> str:
        """Close it; the reason typed (stripped)."""
        typed = self.text.strip()
        self.norm_id = None
        return typed

    def insert(self, typed: str) -> None:
        typed = " ".join(typed.splitlines())  # one line: a pasted paragraph becomes one
        room = MAX_LENGTH - len(self.text)
        typed = typed[:max(room, 0)]
        self.text = self.text[:self.cursor] + typed + self.text[self.cursor:]
        self.cursor += len(typed)

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

    def lines(self, width: int) -> list[Content]:
        """The two lines shown at ``width``: the question with its keys, then the reason typed (its end, around
        the cursor, when it is longer than the line)."""
        if self.norm_id is None:
            return []
        question = Content.assemble((label("reason.ask", self.lang, norm=self.norm_id), "bold"))
        keys = label("reason.keys", self.lang)
        lead = "› "
        text = shown_line(self.text)
        # the cursor's place in what is shown: each escaped character takes more than one cell
        before = shown_line(self.text[:self.cursor])
        room = max(width - len(lead) - 2, 1)  # the pane's margin, the cursor
        start = max(len(before) - room, 0)
        visible = text[start:start + room]
        at = len(before) - start
        under = visible[at] if at < len(visible) else " "
        typed = Content.assemble((lead, "bold"), visible[:at], (under, "reverse"), visible[at + 1:])
        gap = width - 1 - typed.cell_length - len(keys)
        if gap >= 2:  # the keys at the end of the line while the reason leaves room for them
            typed = Content.assemble(typed, " " * gap, (keys, "$text-muted"))
        return [Content.assemble(" ", line).truncate(width, ellipsis=True, pad=True).stylize("on $boost")
                for line in (question, typed)]
