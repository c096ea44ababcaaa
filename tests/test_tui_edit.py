"""The edit form: its Opslaan button saves (enter, space, a click), keys typed fast across Tab land in the field
that had focus when each was typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess import assessment as assessment_file
from assess.assessment import Answer
from assess.catalog import load_catalog
from assess.tui.components.edit_screen import EditScreen
from tests.test_tui_support import SIZE, open_app, run, settle, type_text, write_assessment


@pytest.mark.parametrize("how", ["enter", "space", "click"])
def test_the_save_button_saves(tmp_path: Path, how: str) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k", "e")
            await type_text(pilot, "Rooster")
            assert isinstance(app.screen, EditScreen)
            if how == "click":
                await pilot.click("#save")
            else:
                app.screen.query_one("#save").focus()
                await pilot.press(how)
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen), f"Opslaan ({how}) closes the form"

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.answer("1.1") == Answer("met", ("Rooster",))


def burst(app: object, *keys: str) -> None:
    """Post every key at once (a fast typist): single characters as typed, longer names as keys (tab, enter)."""
    from textual import events

    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key, key))  # type: ignore[attr-defined]
        else:
            app.post_message(events.Key(key, {"tab": "\t", "enter": "\r"}.get(key)))  # type: ignore[attr-defined]


@pytest.mark.parametrize("move", ["tab", "enter"])
def test_keys_typed_fast_across_fields_land_where_the_focus_was(tmp_path: Path, move: str) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("#note").focus() if move == "tab" else app.screen.query_one("#action").focus()
            await pilot.pause()
            if move == "tab":
                burst(app, *"Rooster", "tab", *"Bellen", "tab", *"Jan", "shift+tab", *"!", "ctrl+s")
            else:
                burst(app, *"Bellen", "enter", *"Jan", "enter", *"2027-01-31", "ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen)

    run(play())
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.1")
    assert answer.action is not None
    if move == "tab":
        assert (answer.note, answer.action.description, answer.action.owner) == ("Rooster", "Bellen!", "Jan")
    else:
        assert (answer.action.description, answer.action.owner, str(answer.action.due)) == ("Bellen", "Jan",
                                                                                            "2027-01-31")
