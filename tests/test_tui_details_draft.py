"""The service details form keeps a draft as the edit form does: a kill with the form open loses nothing typed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Answer
from assess.tui.components.details_screen import DetailsScreen
from assess.tui.components.text_checkbox import TextCheckbox
from assess.tui.state import DETAILS_DRAFT, DRAFT_SECONDS, Draft, State
from tests.test_tui_support import SIZE, open_app, run, settle, type_text, until, write_assessment


def test_a_details_draft_is_kept_while_typing_and_offered_back_after_a_crash(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    state = State(path, tmp_path / ".assess-state")

    async def crash() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("i")
            assert isinstance(app.screen, DetailsScreen)
            await pilot.pause()
            assert state.read_draft() is None, "opened, nothing typed: no draft"
            app.screen.query_one("#name", Input).value = ""
            await type_text(pilot, "De Brug [b]Noord[/b]")
            app.screen.query_one("#assessors", TextArea).focus()
            await type_text(pilot, "A. Jansen")
            app.screen.query_one("#setting-outreach", TextCheckbox).value = True
            assert state.read_draft() is None, "debounced: not at every key"
            await asyncio.sleep(DRAFT_SECONDS + 0.3)
            await pilot.pause()
            draft = state.read_draft()
            assert draft is not None and draft.norm_id == DETAILS_DRAFT
            assert (draft.fields["name"], draft.fields["assessors"]) == ("De Brug [b]Noord[/b]", "A. Jansen")
            assert draft.fields["setting-outreach"] is True and draft.fields["setting-outpatient"] is False
        # the app ends with the form open: as after a kill -9, the draft stays

    async def reopen() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, DetailsScreen), "the draft is offered back: the form, filled as it was"
            assert app.screen.query_one("#name", Input).value == "De Brug [b]Noord[/b]"
            assert app.screen.query_one("#setting-outreach", TextCheckbox).value is True
            assert "Draft of" in str(app.screen.query_one("#error").render())
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, DetailsScreen)

    run(crash())
    assert assessment_file.load(str(path), load_catalog()).assessment.service.name == "Test", "nothing saved yet"
    run(reopen())
    assert state.read_draft() is None, "saved: the draft is gone"
    saved = assessment_file.load(str(path), load_catalog()).assessment
    assert (saved.service.name, saved.assessors, saved.settings) == ("De Brug [b]Noord[/b]", ("A. Jansen",),
                                                                     ("outreach",))
    assert saved.answer("1.1") == Answer("met")


def test_throwing_a_details_draft_away_and_typing_nothing_leave_no_draft(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})
    state = State(path, tmp_path / ".assess-state")
    state.write_draft(Draft(DETAILS_DRAFT, {"name": "weg ermee", "date": "2026-11-30"}))

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, DetailsScreen)
            assert app.screen.query_one("#date", Input).value == "2026-11-30"
            await pilot.press("escape", "escape")  # asked once, then thrown away
            assert not isinstance(app.screen, DetailsScreen)
            assert state.read_draft() is None
            await pilot.press("i")
            await pilot.press("end", "x", "backspace")  # typed and undone: the same as stored
            await asyncio.sleep(DRAFT_SECONDS + 0.3)
            await pilot.pause()
            assert state.read_draft() is None

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.service.name == "Test"


def test_a_draft_on_its_way_when_a_form_is_saved_is_not_kept(tmp_path: Path) -> None:
    """The draft timer fires just as ctrl+s comes: the draft it sent reaches the app after the form was saved
    and its draft dropped, and must not be written again (the next audit would open the form on it)."""
    from assess.tui.components.edit_screen import EditScreen
    from tests.test_tui_support import send_burst

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    state = State(path, tmp_path / ".assess-state")

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            for key, kind in (("i", DetailsScreen), ("e", EditScreen)):
                await pilot.press(key)
                await type_text(pilot, "X")
                form = app.screen
                assert isinstance(form, kind)
                form._stop_draft_timer()
                form._post_draft()  # the timer fires ...
                send_burst(app, "", "ctrl+s")  # ... as the save comes
                await until(pilot, lambda kind=kind: not isinstance(app.screen, kind))
                await settle(app, pilot)
                await pilot.pause()
                assert not isinstance(app.screen, kind)
                assert state.read_draft() is None, kind

    run(play())


def test_a_draft_is_offered_on_its_own_norm_even_when_a_key_moved_on_first(tmp_path: Path) -> None:
    """A key typed while the audit starts (j) may move on before the draft of a killed audit is offered: the
    form still opens on the draft's norm, never puts it into another norm's form (where saving would write it)."""
    from textual.widgets import TextArea

    from assess.tui.components.edit_screen import EditScreen

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met"), "1.2": Answer("met")})
    state = State(path, tmp_path / ".assess-state")

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            audit = app.screen
            audit.current = "1.1"
            await pilot.pause()
            draft = Draft("1.2", {"note": "typed at 1.2"})
            state.write_draft(draft)
            audit.action_edit(draft)  # offered after the key moved to 1.1
            await pilot.pause()
            form = app.screen
            assert isinstance(form, EditScreen)
            assert form.norm.id == "1.2" and audit.current == "1.2"
            assert form.query_one("#note", TextArea).text == "typed at 1.2"
            await pilot.press("escape", "escape")
            app.screen.current = "1.1"
            await pilot.pause()
            app.screen.action_details(draft)  # a norm's draft is no draft of the details
            await pilot.pause()
            assert isinstance(app.screen, DetailsScreen)
            assert "Draft of" not in str(app.screen.query_one("#error").render())
            form = app.edit_form("1.1", draft)  # nor of another norm's form
            assert form.draft is None

    run(play())


@pytest.mark.parametrize("colleague", [True, False], ids=["changed on disk", "unchanged"])
def test_a_details_draft_put_back_after_the_details_changed_on_disk_keeps_the_file_in_a_backup(
        tmp_path: Path, colleague: bool) -> None:
    from assess.tui.session import Details
    from assess.tui.state import base_of
    from tests.test_tui_support import toasts

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    details = Details.of(assessment_file.load(str(path), load_catalog()).assessment)
    State(path, tmp_path / ".assess-state").write_draft(Draft(DETAILS_DRAFT, {"name": "MIJN naam"},
                                                              base=base_of(details)))
    if colleague:
        path.write_text(path.read_text(encoding="utf-8").replace('name: "Test"', 'name: "Test"\n  location: Elders', 1),
                        encoding="utf-8")
        assert assessment_file.load(str(path), load_catalog()).assessment.service.location == "Elders"

    async def reopen() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, DetailsScreen)
            backups = list(tmp_path.glob("a.yaml.before-draft-*.bak"))
            warned = [toast for toast in toasts(app) if "The service details changed in the file" in toast]
            if colleague:
                assert len(backups) == 1 and "Elders" in backups[0].read_text(encoding="utf-8")
                assert warned and backups[0].name in warned[0]
            else:
                assert backups == [] and warned == []

    run(reopen())
