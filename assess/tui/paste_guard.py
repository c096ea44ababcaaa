"""A paste stays one paste, whatever it holds: an ESC inside it never starts keystrokes.

A terminal that brackets pastes sends ``ESC [200~``, the text, ``ESC [201~``. Textual's input parser (8.x) reads
an ESC inside the text as the start of an escape sequence and, when none matches, sends what follows as keys:
a pasted log line ``x ESC[1mnnn`` scored three norms `not met`, and a ``\\x11`` after such an ESC quit the audit
(ctrl+q) and threw the form away. Here every ESC between the brackets is swapped, before Textual's parser sees
it, for a character the parser takes as text, and swapped back in the Paste event: the whole text is pasted, its
ESC then shown escaped (``\\x1b``) as any control character typed into a field.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser  # the parser Textual's Linux driver reads the terminal with
from textual.message import Message

ESC = "\x1b"
PASTE_START, PASTE_END = f"{ESC}[200~", f"{ESC}[201~"
STAND_IN = "\ue01b"  # a private-use character: stands for an ESC inside a paste, on its way to the Paste event


def _partial_end(text: str, marker: str) -> int:
    """Where a start of ``marker`` cut off by the end of ``text`` begins (``len(text)``: none)."""
    for length in range(min(len(marker) - 1, len(text)), 0, -1):
        if text.endswith(marker[:length]):
            return len(text) - length
    return len(text)


class PasteGuard:
    """Text read from the terminal, chunk by chunk, with every ESC inside a bracketed paste (but the one that
    ends it) replaced by :data:`STAND_IN`. The brackets may be cut across chunks."""

    def __init__(self) -> None:
        self._in_paste = False
        self._seen = ""  # outside a paste: the end of the last chunk, if it may be the start of PASTE_START
        self._held = ""  # inside a paste: the end of the last chunk, if it may be the start of PASTE_END

    def __call__(self, data: str) -> str:
        out: list[str] = []
        while data:
            if not self._in_paste:
                # passed on as it is (an ESC key must not wait for the next chunk); only looked through
                seen = self._seen + data
                start = seen.find(PASTE_START)
                if start < 0:
                    self._seen = seen[_partial_end(seen, PASTE_START):]
                    out.append(data)
                    break
                after = start + len(PASTE_START) - len(self._seen)  # where the paste's text starts in ``data``
                out.append(data[:after])
                data, self._seen, self._in_paste = data[after:], "", True
            else:
                held = self._held + data
                self._held = ""
                end = held.find(PASTE_END)
                if end < 0:
                    cut = _partial_end(held, PASTE_END)
                    out.append(held[:cut].replace(ESC, STAND_IN))
                    self._held = held[cut:]  # the rest of the paste's end comes in the next chunk
                    break
                out.append(held[:end].replace(ESC, STAND_IN) + PASTE_END)
                data, self._in_paste = held[end + len(PASTE_END):], False
        return "".join(out)


def _restored(token: Message) -> Message:
    if isinstance(token, events.Paste) and STAND_IN in token.text:
        return events.Paste(token.text.replace(STAND_IN, ESC))
    return token


class PasteSafeParser(XTermParser):
    """Textual's parser, fed through a :class:`PasteGuard`."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._guard = PasteGuard()

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input
            yield from super().feed(data)
            return
        guarded = self._guard(data)
        if guarded:  # (all of it may be the start of a paste's end, held for the next read; "" would end input)
            for token in super().feed(guarded):
                yield _restored(token)

    def tick(self) -> Iterable[Message]:
        for token in super().tick():
            yield _restored(token)


def install() -> None:
    """Make Textual's Linux driver read the terminal with :class:`PasteSafeParser` (it names its parser as a
    module global when its input thread starts)."""
    from textual.drivers import linux_driver

    linux_driver.XTermParser = PasteSafeParser  # type: ignore[attr-defined]  # a name it imports, not exports
