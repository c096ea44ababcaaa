"""The file changed on disk while the audit has it open: no letter chooses, every choice that replaces a version
asks once more and keeps the replaced version as a backup, esc puts the choice off (saving stays paused)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assess.files import assessment_file, storage
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Answer
from assess.tui import conflict
from assess.tui.components.conflict_screen import ConflictScreen
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.title_bar import TitleBar
from tests.test_tui_support import SIZE, open_app, run, settle, text, toasts, type_text, write_assessment


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.conflict-*.bak"))


def test_backup_names_are_new_and_a_backup_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    now = dt.datetime(2026, 12, 1, 9, 30, 5)
    assert storage.backup_path(path, now).name == "a.yaml.conflict-20261201-093005.bak"
    first = storage.write_backup(path, b"one", now)
    second = storage.write_backup(path, b"two", now)
    assert (first.name, second.name) == ("a.yaml.conflict-20261201-093005.bak", "a.yaml.conflict-20261201-093005-2.bak")
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name]), "no temporary file is left"


def test_differences_name_each_norm_with_both_answers() -> None:
    catalog = load_catalog()
    from assess.model.assessment import Assessment, Service

    base = Assessment(checklist=catalog.id, checklist_version=catalog.version, service=Service("S"),
                      date=dt.date(2026, 1, 1), language="en", answers={"1.1": Answer("met")})
    theirs = base.with_answer("1.2", Answer("na", note="geen klanten"))
    found = conflict.differences(catalog, base, theirs)
    assert [(d.norm_id, d.mine, d.theirs) for d in found] == [("1.2", Answer(), Answer("na", note="geen klanten"))]
    described = conflict.describe(found[0].theirs, catalog.answer_set, "nl")
    assert described == "niet van toepassing · opmerking: geen klanten"


def test_k_and_text_typed_while_the_file_changes_lose_nothing_and_leave_a_backup(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")  # 1.2 partial, saved
            await settle(app, pilot)
            theirs = path.read_text(encoding="utf-8").replace('"1.5":', '"1.5":\n    result: na\n    note: "geen"', 1)
            path.write_text(theirs, encoding="utf-8")  # a colleague's edit
            app.autosaver.check()
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen)
            detail = text(app.screen.query_one(".detail"))
            assert "1.5" in detail and "op schijf  niet van toepassing · opmerking: geen" in detail
            assert "uw versie  nog niet beoordeeld" in detail
            # the user did not see it coming: goes back with k, types a word, presses enter and space
            await pilot.press("k", "r", "t")
            await type_text(pilot, "voor klant")
            await pilot.press("enter", "space", "q")
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen), "no letter, enter or space chooses"
            assert path.read_text(encoding="utf-8") == theirs
            await pilot.press("escape")  # decide later
            await settle(app, pilot)
            assert not isinstance(app.screen, ConflictScreen)
            assert "opslaan gepauzeerd (c: kiezen)" in text(app.screen.query_one(TitleBar))
            await pilot.press("n")  # 1.3 not met: kept in memory, not written while paused
            await settle(app, pilot)
            assert path.read_text(encoding="utf-8") == theirs
            await pilot.press("c")
            assert isinstance(app.screen, ConflictScreen), "c opens the dialog again"
            await pilot.press("ctrl+o")
            assert "nogmaals op ^o" in text(app.screen.query_one("#confirm")), "keep mine asks once more"
            assert path.read_text(encoding="utf-8") == theirs
            await pilot.press("ctrl+o")
            await settle(app, pilot)
            assert not isinstance(app.screen, ConflictScreen)
            [backup] = backups(tmp_path)
            assert backup.read_text(encoding="utf-8") == theirs, "the colleague's version is kept, byte for byte"
            assert any(backup.name in toast for toast in toasts(app)), "the message names the backup"

    run(play())
    saved = assessment_file.load(str(path), catalog).assessment
    assert {k: a.result for k, a in saved.answers.items()} == {"1.1": "met", "1.2": "partial", "1.3": "not_met"}


def test_the_dialog_waits_for_the_edit_form_and_loading_theirs_backs_up_mine(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    theirs = write_assessment(tmp_path / "theirs.yaml", {"1.1": Answer("not_met"), "2.1": Answer("na")})
    theirs_text = theirs.read_text(encoding="utf-8")
    theirs.unlink()

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k", "e")  # 1.1's form
            await type_text(pilot, "Rooster")
            path.write_text(theirs_text, encoding="utf-8")
            app.autosaver.check()
            await settle(app, pilot)
            assert isinstance(app.screen, EditScreen), "the dialog does not take the keys typed into the form"
            await type_text(pilot, " voor klant")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen), "asked once the form is closed"
            await pilot.press("ctrl+l", "ctrl+o", "ctrl+l")  # switching choices asks again
            assert isinstance(app.screen, ConflictScreen)
            await pilot.press("ctrl+l")
            await settle(app, pilot)
            assert not isinstance(app.screen, ConflictScreen)
            assert app.assessment.result("1.1") == "not_met" and app.assessment.result("2.1") == "na"
            [backup] = backups(tmp_path)
            mine = assessment_file.load(str(backup), catalog).assessment
            assert mine.answer("1.1") == Answer("met", ("Rooster voor klant",)), "what was typed is in the backup"
            assert any(backup.name in toast for toast in toasts(app))

    run(play())
    assert path.read_text(encoding="utf-8") == theirs_text


def test_changes_made_while_saving_is_paused_survive_a_crash_as_a_backup(tmp_path: Path) -> None:
    from assess.tui.state import State

    catalog = load_catalog()
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    state = State(path, tmp_path / ".assess-state")

    async def crash() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            path.write_text(path.read_text(encoding="utf-8") + "# a colleague\n", encoding="utf-8")
            app.autosaver.check()
            await settle(app, pilot)
            await pilot.press("escape")  # decide later
            await pilot.press("n")  # 1.2 not met: in memory only, saving is paused
            await settle(app, pilot)
            assert state.paused_file.exists()
        # ends without a choice, as after a kill -9

    async def reopen() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            [backup] = sorted(tmp_path.glob("a.yaml.unsaved-*.bak"))
            assert assessment_file.load(str(backup), catalog).assessment.result("1.2") == "not_met"
            assert any(backup.name in toast and "assess diff" in toast for toast in toasts(app))
            assert not state.paused_file.exists()
            await pilot.press("q")

    run(crash())
    assert path.read_text(encoding="utf-8").endswith("# a colleague\n"), "the colleague's file is untouched"
    run(reopen())


def test_a_conflict_found_while_the_terminal_is_too_small_leaves_the_audit_usable_once_it_grows(
        tmp_path: Path) -> None:
    """The dialog opens below the message that the terminal is too small (it hid the message before); once the
    terminal grows the dialog is on top, and once the choice is made the audit takes keys again (it kept the
    message, and q did nothing)."""
    from assess.tui.components.too_small_screen import TooSmallScreen

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")
            await settle(app, pilot)
            await pilot.resize_terminal(60, 15)
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            path.write_text(path.read_text(encoding="utf-8").replace('"1.5":', '"1.5":\n    result: na\n    note: x',
                                                                        1), encoding="utf-8")
            app.autosaver.check()
            await settle(app, pilot)
            assert isinstance(app.screen, TooSmallScreen), "the message stays over the dialog"
            assert isinstance(app.screen_stack[-2], ConflictScreen)
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            assert isinstance(app.screen, ConflictScreen)
            await pilot.press("ctrl+o", "ctrl+o")  # keep mine
            await settle(app, pilot)
            assert not any(isinstance(screen, (TooSmallScreen, ConflictScreen)) for screen in app.screen_stack)
            await pilot.press("n")  # 1.3, a key of the audit again
            await settle(app, pilot)
            assert app.assessment.result("1.3") == "not_met"

    run(play())
