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
