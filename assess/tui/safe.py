"""Text from users, files and the OS, made safe to show in a terminal (no Textual here).

Two rules, applied to every such text before the TUI shows it:

- it is never read as markup: the screens wrap it in a plain ``Content`` (see ``components``);
- no control character reaches the terminal: each one (C0 but newline, DEL, C1) and each BiDi override is
  shown escaped, as ``\\x1b`` or ``\\u202e``, so an ESC or OSC sequence in a note cannot set the terminal's
  title or clear the screen, and a right-to-left override cannot reorder what the user reads.

The file keeps the text as written: only what is shown is escaped.
"""

from __future__ import annotations

import re

# C0 controls but newline, DEL and the C1 controls; the BiDi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def shown(text: object) -> str:
    """``text`` with every control character escaped; newlines kept."""
    return _UNSAFE.sub(_escape, str(text))


def shown_line(text: object) -> str:
    """``text`` on one line: newlines escaped too (a file name, a title, a table cell)."""
    return _UNSAFE_LINE.sub(_escape, str(text))


def has_unsafe(text: str) -> bool:
    """True when :func:`shown` would change ``text``."""
    return _UNSAFE.search(text) is not None
