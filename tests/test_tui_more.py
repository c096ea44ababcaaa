"""Issue 14, the rest: the reason after `a`, the service details screen, the table of every answer, whole titles,
provisional scores, quitting after a keymap, --force, the exit line of a read-only audit, Dutch messages."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from assess.commands import audit as audit_command
from assess.errors import InputError, Problem
from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Answer
from assess.tui import lock
from assess.tui.components.answers_screen import AnswersScreen
from assess.tui.components.clipped_text import clipped
from assess.tui.components.details_screen import DetailsScreen
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.help_screen import HelpScreen
from assess.tui.components.norm_pane import NormPane
from assess.tui.components.row_table import RowTable
from assess.tui.components.section_list import SectionList
from assess.tui.components.title_bar import TitleBar
from assess.tui.history import WholeChange
from assess.tui.keymap import parse_keymap
from assess.tui.labels import LABELS, file_problem, os_error
from assess.tui.session import Filter
from tests.test_tui_support import (
    SIZE,
    current,
    open_app,
    pane_text,
    run,
    send_burst,
    settle,
    shown,
    text,
    toasts,
    type_text,
    until,
    write_assessment,
)


def bottom(app) -> str:
    """What the norm pane shows over its last rows (the reason asked after `a`)."""
    return "\n".join(app.screen_stack[0].query_one(NormPane).bottom_lines)


def on_disk(path: Path) -> dict[str, Answer]:
    return dict(assessment_file.load(str(path), load_catalog()).assessment.answers)


# -- 1. the reason after `a` -------------------------------------------------------------------------


def test_a_burst_of_a_a_reason_and_enter_lands_the_reason_as_the_note(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            # m, a, then the reason, then enter, all at once: every key after a goes into the reason
            send_burst(app, "mamnpq jeugd", "enter")
            await until(pilot, lambda: current(app) == "1.3")
            await settle(app, pilot)
            assert app.assessment.answer("1.2") == Answer("na", note="mnpq jeugd")
            assert current(app) == "1.3", "enter goes on to the next norm"
            assert on_disk(path)["1.2"].note == "mnpq jeugd", "saved as any change"
            assert app.assessment.result("1.1") == "met", "the key before a scored as before"
            assert app.assessment.result("1.3") is None, "no key of the reason scored a norm"

    run(play())


def test_esc_skips_the_reason_and_a_note_already_there_gets_the_reason_after_it(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.2": Answer(note="Besproken met de teamleider")})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            reason = app.screen.reason
            assert reason.is_open and "Why does 1.1 not apply?" in bottom(app)
            assert app.assessment.result("1.1") == "na", "scored at once (a kill now keeps it)"
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.assessment.answer("1.1") == Answer("na") and current(app) == "1.2"
            assert not reason.is_open and bottom(app) == ""
            await pilot.press("a")
            await type_text(pilot, "Geen jongeren")
            await pilot.press("backspace", "n", "enter")
            await settle(app, pilot)
            assert app.assessment.answer("1.2").note == "Besproken met de teamleider\nGeen jongeren", \
                "appended on a line of its own"
            await pilot.press("ctrl+z")
            await settle(app, pilot)
            assert app.assessment.answer("1.2") == Answer(note="Besproken met de teamleider"), \
                "one undo takes back the score and its reason"

    run(play())


def test_the_reason_line_takes_a_paste_and_keeps_the_reason_on_quit(tmp_path: Path) -> None:
    from textual import events

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            assert "Waarom is 1.1 niet van toepassing?" in bottom(app)
            app.screen.post_message(events.Paste("geen\nkliniek\x1b[2J"))
            await pilot.pause()
            assert "› geen kliniek\\x1b[2J" in bottom(app), "one line, shown escaped"
            await pilot.press("ctrl+q")
            await app.saved()
        assert on_disk(path)["1.1"] == Answer("na", note="geen kliniek\x1b[2J"), "kept as typed"

    run(play())


def test_a_on_a_read_only_file_asks_nothing(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})
    path.chmod(0o444)

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            assert not app.screen.reason.is_open and app.assessment.result("1.1") is None

    try:
        run(play())
    finally:
        path.chmod(0o644)


# -- 2. the service details --------------------------------------------------------------------------


def test_service_details_are_set_saved_and_undone_as_one_step(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("i")
            assert isinstance(app.screen, DetailsScreen)
            app.screen.query_one("#name", Input).value = ""
            await type_text(pilot, "De Brug")
            await pilot.press("tab")
            await type_text(pilot, "medicatiepoli")
            await pilot.press("tab")
            await type_text(pilot, "Utrecht")
            await pilot.press("tab")
            await type_text(pilot, "A. Jansen")
            await pilot.press("enter")
            await type_text(pilot, "B. Smit")
            await pilot.press("tab", "tab", "space")  # date (kept), then tick 4.1.1 outreach
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, DetailsScreen)
            saved = assessment_file.load(str(path), load_catalog()).assessment
            assert (saved.service.name, saved.service.kind, saved.service.location) == ("De Brug", "medicatiepoli",
                                                                                         "Utrecht")
            assert saved.assessors == ("A. Jansen", "B. Smit") and saved.settings == ("outreach",)
            assert "De Brug" in text(app.screen.query_one(TitleBar)), "the top line names the service"
            assert "4.1.1 Outreach vanuit de gemeenschap" in text(app.screen.query_one(SectionList))
            assert isinstance(app.history.done[-1], WholeChange)
            await pilot.press("ctrl+z")
            await settle(app, pilot)
            saved = assessment_file.load(str(path), load_catalog()).assessment
            assert saved.service.name == "Test" and saved.settings == () and saved.assessors == ()
            await pilot.press("ctrl+y")
            await settle(app, pilot)
            assert assessment_file.load(str(path), load_catalog()).assessment.settings == ("outreach",)

    run(play())


def test_unticking_a_setting_with_answers_asks_once_more_and_drops_them(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"outreach.1": Answer("met"), "1.1": Answer("met")},
                            settings=("outreach",))

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("i")
            app.screen.query_one("#setting-outreach").value = False
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, DetailsScreen), "asked once more"
            assert "1 answer(s)" in shown(app, "error") and "outreach.1" in shown(app, "error")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert set(on_disk(path)) == {"1.1"}, "the setting's answers went with it; the file still loads"
            await pilot.press("ctrl+z")
            await settle(app, pilot)
            assert on_disk(path)["outreach.1"] == Answer("met"), "undo brings them back"

    run(play())


def test_details_refuse_a_blank_name_and_a_bad_date_and_esc_asks_before_dropping(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("i")
            app.screen.query_one("#name", Input).value = "  "
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "needs a name" in shown(app, "error")
            app.screen.query_one("#name", Input).value = "X"
            app.screen.query_one("#date", Input).value = "2026-13-01"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "is not a date" in shown(app, "error")
            await pilot.press("escape")
            assert isinstance(app.screen, DetailsScreen), "typed: esc warns first"
            await pilot.press("escape")
            assert not isinstance(app.screen, DetailsScreen)
            await settle(app, pilot)
            assert assessment_file.load(str(path), load_catalog()).assessment.service.name == "Test"

    run(play())


# -- 3. every answer in a table ----------------------------------------------------------------------


def test_the_table_of_every_answer_filters_and_enter_goes_to_the_norm(tmp_path: Path) -> None:
    from assess.model.assessment import Action

    path = write_assessment(tmp_path / "a.yaml", {
        "1.1": Answer("met", evidence=("a", "b")), "2.3": Answer("not_met", action=Action("Rooster maken")),
        "outreach.2": Answer("partial")}, settings=("outreach",))

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o")
            assert isinstance(app.screen, AnswersScreen)
            table = app.screen.query_one(RowTable)
            assert table.row_count == 62 + 13, "every norm and every item of the chosen settings"
            first = table.cells("1.1")
            assert first[1] == "met" and first[2].strip() == "2"
            assert "Rooster maken" in table.cells("2.3")[3]
            await pilot.press("f", "3")  # gaps only
            await pilot.pause()
            assert table.row_keys == ["2.3", "outreach.2"]
            assert app.norm_filter == Filter("gaps"), "the audit's own filter"
            await pilot.press("down", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, AnswersScreen) and current(app) == "outreach.2"
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            table_text = text(app.screen.query_one("#keys"))
            assert "overview" in table_text and "details" in table_text
            await settle(app, pilot)

    run(play())


def test_the_palette_opens_the_table_and_the_service_details(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            for words, screen in (("alle antwoorden", AnswersScreen), ("gegevens", DetailsScreen)):
                await pilot.press("ctrl+p")
                await type_text(pilot, words)
                await pilot.pause(0.3)
                await pilot.press("enter")
                await pilot.pause(0.2)
                assert isinstance(app.screen, screen), words
                await pilot.press("escape")
                await pilot.pause()
            await settle(app, pilot)

    run(play())


# -- 4. and 5. titles whole, provisional scores -------------------------------------------------------


def test_titles_whole_at_120_columns_cut_at_80_and_wrapped_in_the_pane(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    title = load_catalog().principles[0].title.en

    async def play(size: tuple[int, int]) -> tuple[list[str], str]:
        app = open_app(path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            sidebar = app.screen.query_one(SectionList)
            lines = [strip.text for strip in sidebar._strips]
            return lines, pane_text(app)

    wide, pane = run(play((120, 40)))
    assert " ".join(" ".join(line.split()) for line in wide[:4]).count(title.split()[-1]) == 1
    assert all("…" not in line for line in wide[:10]), "no title cut at 120 columns"
    assert title.split()[0] in pane and " ".join(pane.split()).count(" ".join(title.split())) == 1, \
        "the norm pane shows the principle's title, wrapped"
    narrow, _ = run(play(SIZE))
    assert narrow[0].rstrip().endswith("…")
    assert "1/10  100.0* GREEN" in " ".join(narrow), "1 of 10 assessed: provisional"
    assert any("* = provisional score" in line for line in narrow), "and what * means"


def test_the_edit_form_cuts_a_long_norm_text_with_an_ellipsis_or_shows_it_whole(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    long_text = load_catalog().item("1.2").text.en

    async def form_text(size: tuple[int, int]) -> str:
        app = open_app(path)
        async with app.run_test(size=size) as pilot:
            await pilot.press("e")
            assert isinstance(app.screen, EditScreen)
            await pilot.pause()
            shown_text = str(app.screen.query_one("#norm-text").render())
            await pilot.press("escape")
            return shown_text

    small = run(form_text(SIZE))
    assert small.endswith("…") and len(small.splitlines()) == 3
    assert " ".join(run(form_text((120, 50))).split()) == " ".join(long_text.split()), "whole when there is room"
    assert [line.plain for line in clipped("een twee drie", 4, 2)] == ["een", "twe…"]
    assert [line.plain for line in clipped("een twee", 4, 2)] == ["een", "twee"], "nothing left out: no …"


# -- 6. quitting, --force, the exit line ----------------------------------------------------------


def test_ctrl_q_always_quits_and_help_says_so_when_q_is_remapped(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})
    with pytest.raises(InputError, match="ctrl\\+q always quits"):
        parse_keymap("score-met: ctrl+q\n", "keymap.yaml")

    async def play() -> None:
        app = open_app(path, keymap={"quit": "x"})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            quit_row = next(line for line in text(app.screen.query_one("#keys")).splitlines() if "quit" in line)
            assert quit_row.split()[:2] == ["x", "ctrl+q"]
            await pilot.press("escape", "ctrl+q")
            await pilot.pause()
        assert app.return_code == 0

    run(play())


def test_force_opens_a_file_another_audit_has_open_after_a_warning(tmp_path: Path) -> None:
    from assess.tui import session
    from assess.tui.app import AuditApp

    path = write_assessment(tmp_path / "a.yaml", {})
    held = lock.acquire(path)
    assert held is not None
    catalog = load_catalog()

    async def play() -> None:
        app = AuditApp(session.read(path, catalog), catalog, "nl", state_folder=tmp_path / "state", force=True)
        async with app.run_test(size=SIZE) as pilot:
            assert app.read_only is None
            assert any("met --force toch te bewerken" in toast for toast in toasts(app))
            await pilot.press("m")
            await settle(app, pilot)
        assert on_disk(path)["1.1"].result == "met"

    try:
        assert lock.is_locked(path)
        run(play())
        assert lock.is_locked(path), "the other audit's lock is not taken from it"
    finally:
        held.release()
    assert not lock.is_locked(path)


def test_the_exit_line_after_a_read_only_audit_does_not_say_saved(cli, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from assess.tui import app as app_module

    monkeypatch.setattr(audit_command, "needs_terminal", lambda _name: None)
    monkeypatch.setattr(app_module.AuditApp, "run", lambda self: None)
    path = write_assessment(tmp_path / "a.yaml", {})
    held = lock.acquire(path)
    try:
        status, out, err = cli("audit", str(path), "--lang", "nl")
        assert (status, err) == (0, "")
        assert out == f"{path}: alleen-lezen geopend, niets gewijzigd of opgeslagen (0 van 62 normen beoordeeld).\n"
        status, out, err = cli("audit", str(path), "--lang", "nl", "--force")
        assert status == 0 and "--force opent het toch" in err and "opgeslagen. Rapport" in out
    finally:
        assert held is not None
        held.release()


# -- 7. Dutch ------------------------------------------------------------------------------------


def test_yaml_and_os_messages_get_a_dutch_lead_in() -> None:
    problem = Problem("a.yaml", 7, "mapping values are not allowed here")
    said = file_problem(problem, "nl")
    assert said.startswith("Kan het bestand niet lezen: a.yaml, regel 7: hier mag geen 'naam: waarde' staan")
    assert file_problem(Problem("a.yaml", None, "something new"), "nl") == \
        "Kan het bestand niet lezen: a.yaml: (melding: something new)"
    assert file_problem(problem, "en") == "Cannot read the file: a.yaml:7: mapping values are not allowed here"
    assert os_error(OSError(errno.ENOSPC, "No space left on device"), "nl") == "de schijf is vol"
    assert os_error(OSError(errno.ELOOP, os.strerror(errno.ELOOP)), "nl").startswith("fout van het systeem (")


def test_no_english_left_in_the_dutch_column() -> None:
    english = ("Settings", "Help", "saved", "Save", "Cancel", "file", "Not ", "Permission", "Quit")
    for name, (nl, _en) in LABELS.items():
        for word in english:
            assert word not in nl.replace("{file}", ""), f"{name}: {word!r} in {nl!r}"


def test_the_dutch_sidebar_and_conflict_dialog_say_it_in_dutch(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"outreach.1": Answer("met")}, settings=("outreach",))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            sidebar = text(app.screen.query_one(SectionList))
            assert "Behandelvormen (apart gescoord)" in sidebar and "Settings" not in sidebar
            path.write_text("assess: 1\nchecklist: x: y\n", encoding="utf-8")  # broken on disk
            app.autosaver.check()
            await pilot.pause(0.5)
            await app.saved()
            await pilot.pause()
            dialog = " ".join(text(w) for w in app.screen.query("Static"))
            assert "Kan het bestand niet lezen:" in dialog and "regel 2" in dialog
            await pilot.press("escape")
            await settle(app, pilot)

    run(play())


def test_text_areas_of_the_details_form_show_control_characters_escaped(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("i")
            area = app.screen.query_one("#assessors", TextArea)
            area.text = "A\x1b]0;x\x07"
            await pilot.pause()
            assert "\x1b" not in area.text and "\\x1b" in area.text
            await pilot.press("escape", "escape")
            await settle(app, pilot)

    run(play())
