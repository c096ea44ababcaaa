"""A bracketed paste holding an ESC reaches the app as one paste, through Textual's own parser: before, what
followed the ESC came as keys (a log line scored norms, a ctrl+q in it quit the audit and threw the form away)."""

from __future__ import annotations

import pytest
from textual import events

from assess.tui.paste_guard import PASTE_END, PASTE_START, PasteSafeParser

ESC = "\x1b"
PASTES = ["log line \x1b[1mnnn\x1b[0m ok", "X\x1b[Q\x11\x11Y", "a\tb\x1b", "\x1b", "\x1b\x1b[201", "plain",
          "\x1b[200~nested", "long " + "\x1b[38;5;196m" * 20 + "end"]


def tokens(parser: PasteSafeParser, chunks: list[str]) -> list[object]:
    return [token for chunk in chunks for token in parser.feed(chunk)]


def keys_and_pastes(found: list[object]) -> list[tuple[str, str]]:
    return [("key", token.key) if isinstance(token, events.Key) else ("paste", token.text)
            for token in found if isinstance(token, events.Key | events.Paste)]


@pytest.mark.parametrize("text", PASTES)
def test_a_paste_with_an_escape_in_it_is_one_paste_and_no_key(text: str) -> None:
    stream = f"m{PASTE_START}{text}{PASTE_END}j"
    assert keys_and_pastes(tokens(PasteSafeParser(), [stream])) == [("key", "m"), ("paste", text), ("key", "j")]


@pytest.mark.parametrize("text", PASTES[:3])
def test_the_brackets_may_be_cut_anywhere_across_reads(text: str) -> None:
    stream = f"m{PASTE_START}{text}{PASTE_END}j"
    for cut in range(1, len(stream)):
        for second in (cut, min(cut + 3, len(stream))):
            chunks = [stream[:cut], stream[cut:second], stream[second:]]
            found = keys_and_pastes(tokens(PasteSafeParser(), [chunk for chunk in chunks if chunk]))
            assert found == [("key", "m"), ("paste", text), ("key", "j")], (cut, second)


def test_keys_outside_a_paste_are_read_as_before() -> None:
    parser = PasteSafeParser()
    found = keys_and_pastes(tokens(parser, ["\x1b[A", "q", "\x1b[1;5C", "\x11"]))
    assert found == [("key", "up"), ("key", "q"), ("key", "ctrl+right"), ("key", "ctrl+q")]
    assert keys_and_pastes(list(parser.feed(ESC)) + list(parser.tick())) == []  # an ESC key waits for the
    # escape delay, as in Textual; nothing of it is held back by the guard (it is passed on at once)


def test_the_audit_command_reads_the_terminal_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.drivers import linux_driver

    from assess.tui import paste_guard

    monkeypatch.setattr(linux_driver, "XTermParser", linux_driver.XTermParser)  # undone after the test
    paste_guard.install()
    assert linux_driver.XTermParser is PasteSafeParser
