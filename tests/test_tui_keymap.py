"""The keymap file: unknown key names and two bindings on one key are errors naming them (without Textual's app)."""

from __future__ import annotations

import pytest

from assess.errors import InputError
from assess.tui.keymap import clashes, known_key, parse_keymap


def test_key_names_textual_can_deliver_are_known() -> None:
    for name in ("m", "1", "f5", "ctrl+e", "question_mark", "left_square_bracket", "pagedown", "shift+tab",
                 "escape", "space", "slash", "ctrl+shift+x"):
        assert known_key(name), name
    for name in ("ctrl+banana", "banana", "ctrl+", "hyper+ctrl+ctrl+x", "control+x", "ctrl+ë ", "F 1"):
        assert not known_key(name), name


def test_an_unknown_key_name_is_refused_with_its_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_keymap('score-met: "1"\nedit: ctrl+banana\n', "keymap.yaml")
    [problem] = caught.value.problems
    assert str(problem).startswith("keymap.yaml:2: edit: unknown key name 'ctrl+banana'")


def test_two_ids_on_one_key_is_an_error_naming_both() -> None:
    with pytest.raises(InputError) as caught:
        parse_keymap('score-met: "e"\n', "keymap.yaml")
    assert [str(p) for p in caught.value.problems] == ["keymap.yaml: two bindings on one key: 'e': score-met and edit"]
    with pytest.raises(InputError, match="'q': quit and export"):
        parse_keymap("export: q\n", "keymap.yaml")  # the app's keys are on every screen
    assert parse_keymap('export: "m"\n', "keymap.yaml") == {"export": "m"}, "other screens may share a key"
    assert parse_keymap('score-met: "e"\nedit: "w"\n', "keymap.yaml") == {"score-met": "e", "edit": "w"}
    assert clashes({}) == [], "the default keys do not clash"
