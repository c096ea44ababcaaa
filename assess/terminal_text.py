"""Text shown on a terminal: control characters become visible escapes, so user text (a note, a service
name, a file name, a CSV cell) can never move the cursor, clear the screen or set the window title.

``visible`` escapes C0 controls except newline and tab, DEL, C1 controls (ESC is ``\\x1b``), the invisible
characters that reorder or hide text (BiDi overrides and isolates such as U+202E, zero-width characters,
the BOM) and lone surrogates (an undecodable byte in a file name), for example ``\\u202e``. Data files that
assess writes (assessments, JSON, CSV) keep the user's text as it is; what is shown on a terminal is escaped,
and so are the documents made for people to read (Markdown, which ``cat`` puts on a terminal; HTML; Word).
"""

from __future__ import annotations

import re
import sys
from functools import cache

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import TextIO


# What visible escapes, as the inside of a regular expression's character class, in two parts: the C0 controls
# (but \t and \n), which JSON escapes itself, and the rest. The Markdown and JSON writers build theirs from these.
C0_ESCAPED = "\x00-\x08\x0b-\x1f"
OTHERS_ESCAPED = ("\x7f-\x9f"                         # DEL, C1
                  "\u061c\u200b-\u200f\u2028-\u202e"  # Arabic letter mark, zero-width, LRM/RLM, line separators, BiDi
                  "\u2060-\u2064\u2066-\u2069\ufeff"  # word joiner and invisible operators, BiDi isolates, BOM
                  "\ud800-\udfff")                    # lone surrogates (undecodable bytes of a file name)


@cache
def _shown_escaped() -> re.Pattern[str]:
    """Compiled when first needed (most runs print no user text to a terminal)."""
    return re.compile(f"[{C0_ESCAPED}{OTHERS_ESCAPED}]")


@cache
def _invisible() -> re.Pattern[str]:
    return re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control or invisible character written as an escape (``\\x1b``, ``\\u202e``)."""
    # every character escaped here is one Python counts as not printable: none to escape (a str subclass, such as
    # markup, comes back as the plain text re.sub gives, as before)
    if type(text) is str and text.isprintable():
        return text
    return _shown_escaped().sub(_escape, text)


def shown_line(text: str) -> str:
    """``text`` as :func:`visible` shows it, on one line: a line break is written as ``\\n`` (``\\r`` is escaped
    by :func:`visible`), so a status line or an error naming user text (a role, a file name) stays one line."""
    return visible(text).replace("\n", "\\n")


def lines(text: str) -> list[str]:
    """``text`` split at its line breaks: ``\\n``, ``\\r\\n`` and ``\\r`` only. ``str.splitlines`` also splits at
    U+0085, U+2028, form feeds and the file separators, which in a cell or a note are characters, not lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def has_invisible(text: str) -> str | None:
    """The first BiDi control or zero-width character in ``text`` as ``U+202E``, or None."""
    found = _invisible().search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def for_stream(text: str, stream: TextIO) -> str:
    """``text`` escaped when ``stream`` is a terminal; as it is when it goes to a file or a pipe."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return visible(text) if tty else text


def say(message: object, stream: TextIO | None = None, *, block: bool = False) -> None:
    """Print one message (a ``Problem``, a warning, a status line) on one line with control characters and line
    breaks escaped (:func:`shown_line`), on ``stream`` (default: stdout). ``block``: a text of several lines
    (JSON), its line breaks kept."""
    text = str(message)
    print(visible(text) if block else shown_line(text), file=stream if stream is not None else sys.stdout)
