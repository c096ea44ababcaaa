"""The audit TUI played through Pilot: whole audits, resuming, filters, summary, export, changes on disk."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

from textual.widgets import Select

from assess.analysis.scoring import score
from assess.errors import InputError
from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Action, Answer, Position
from assess.render import renderer
from assess.render.text import score_text, status_label
from assess.tui import autosave
from assess.tui.app import AuditApp
from assess.tui.components.conflict_screen import ConflictScreen
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.help_screen import HelpScreen
from assess.tui.components.norm_pane import NormPane
from assess.tui.components.row_table import RowTable
from assess.tui.components.section_list import SectionList
from assess.tui.components.summary_screen import SummaryScreen
from assess.tui.components.title_bar import TitleBar
from assess.tui.session import Filter
from tests.test_tui_support import (
    SIZE,
    copy_demo,
    current,
    open_app,
    pane_field,
    pane_line,
    pane_text,
    run,
    send_burst,
    settle,
    shown,
    text,
    type_text,
    until,
    write_assessment,
)

KEY_FOR = {"met": "m", "partial": "p", "not_met": "n", "na": "a"}
PATTERN = ("met", "partial", "not_met", "na")


def expected_result(index: int) -> str:
    return PATTERN[index % len(PATTERN)]


def test_a_whole_audit_by_keyboard_then_reopen(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    catalog = load_catalog()
    norms = catalog.principle_norms

    async def audit() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            assert path.exists(), "a missing FILE is created at once"
            assert current(app) == "1.1"
            for index, norm in enumerate(norms):
                assert current(app) == norm.id, "scoring a norm moves to the next one"
                await pilot.press(KEY_FOR[expected_result(index)])
                if expected_result(index) == "na":  # `a` asks why; enter goes on without a reason
                    await pilot.press("enter")
            assert current(app) == norms[-1].id
            # back to 1.7 with the section and norm keys: [ six times, then j six times
            await pilot.press(*"[" * 6)
            assert current(app) == "1.1"
            await pilot.press(*"j" * 6)
            assert current(app) == "1.7"
            await pilot.press("e")
            assert isinstance(app.screen, EditScreen)
            await type_text(pilot, "Rooster 2026")
            await pilot.press("enter")  # a second line: a second piece of evidence
            await type_text(pilot, "Notulen MT")
            await pilot.press("tab")
            await type_text(pilot, "Weekend dicht")
            await pilot.press("tab")
            await type_text(pilot, "Open op zaterdag")
            await pilot.press("tab")
            await type_text(pilot, "M. de Vries")
            await pilot.press("tab")
            await type_text(pilot, "2027-03-01")
            await pilot.press("tab")
            assert isinstance(app.focused, Select)
            await pilot.press("enter", "down", "enter")  # open the list, first priority: high
            await pilot.press("ctrl+s")
            assert not isinstance(app.screen, EditScreen)
            await settle(app, pilot)
            assert "Rooster 2026" in pane_field(app, "Evidence")
            await pilot.press("q")
        assert app.return_code == 0

    run(audit())
    saved = assessment_file.load(str(path), catalog).assessment
    for index, norm in enumerate(norms):
        assert saved.result(norm.id) == expected_result(index), norm.id
    assert saved.answer("1.7") == Answer(
        "not_met", ("Rooster 2026", "Notulen MT"), "Weekend dicht",
        Action("Open op zaterdag", "M. de Vries", dt.date(2027, 3, 1), "high"))

    async def reopen() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            assert current(app) == "1.7", "back at the norm the user was on when quitting"
            card = score(saved, catalog)
            sidebar = text(app.screen.query_one(SectionList))
            for entry in card.principles:
                assert f"{entry.tally.total}/{entry.tally.total}" in sidebar
            assert f"{score_text(card.score, 'en')} {status_label(card.status, 'en')}" in sidebar
            assert pane_field(app, "Evidence") == "– Rooster 2026 – Notulen MT"
            assert pane_field(app, "Note") == "Weekend dicht"
            assert pane_field(app, "Action") == "Open op zaterdag owner: M. de Vries · due: 2027-03-01 · priority: high"
            assert "n ● not met" in pane_text(app)
            await pilot.press("q")

    run(reopen())


def test_resume_in_the_middle(tmp_path: Path) -> None:
    catalog = load_catalog()
    norms = catalog.principle_norms
    answers = {n.id: Answer("met") for n in norms[:30]}
    answers["1.3"] = Answer("partial", ("Functieprofiel 2024",))
    path = write_assessment(tmp_path / "half.yaml", answers)

    async def resume() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            assert current(app) == norms[30].id, "the audit resumes at the first norm not yet assessed"
            assert " ".join(norms[30].text["en"].split()) in " ".join(pane_text(app).split())
            await pilot.press("n", "g")
            assert current(app) == norms[32].id
            await pilot.press("k", "k")
            assert current(app) == norms[30].id
            await settle(app, pilot)

    run(resume())
    saved = assessment_file.load(str(path), catalog).assessment
    assert saved.answer("1.3") == Answer("partial", ("Functieprofiel 2024",)), "earlier answers stay as they were"
    assert saved.result(norms[30].id) == "not_met"
    assert sum(1 for n in norms if saved.result(n.id)) == 31


def test_clear_keeps_what_was_typed_and_scoring_moves_on(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met", ("Huisregels",), "goed")})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k")
            assert current(app) == "1.1"
            await pilot.press("u")
            assert current(app) == "1.1", "clearing does not move"
            await settle(app, pilot)

    run(play())
    saved = assessment_file.load(str(path), load_catalog()).assessment
    assert saved.answer("1.1") == Answer(None, ("Huisregels",), "goed")


def test_edit_form_refuses_a_bad_date_and_escape_cancels(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e", "tab", "tab")
            await type_text(pilot, "Plan")
            await pilot.press("tab", "tab")
            await type_text(pilot, "2027-02-30")
            await pilot.press("ctrl+s")
            assert isinstance(app.screen, EditScreen), "a bad date keeps the form open"
            assert "not a date" in shown(app, "error")
            await pilot.press("escape")
            assert isinstance(app.screen, EditScreen), "what was typed is not thrown away at one press of esc"
            assert "pressing again discards" in shown(app, "error")
            await pilot.press("escape")
            assert not isinstance(app.screen, EditScreen)
            await pilot.press("e", "escape")
            assert not isinstance(app.screen, EditScreen), "an untouched form closes at once"
            await settle(app, pilot)
        assert app.assessment.answers == {}

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.answers == {}


def test_the_file_changed_on_disk_is_never_overwritten_keep_mine(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await settle(app, pilot)
            edited = path.read_text(encoding="utf-8").replace('"1.5":', '"1.5": na', 1)
            path.write_text(edited, encoding="utf-8")
            await pilot.press("p")  # 1.2
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen), "the user is told and asked"
            assert path.read_text(encoding="utf-8") == edited, "their edit is not overwritten"
            assert "1.2" in text(app.screen.query_one(".detail")) and "1.5" in text(app.screen.query_one(".detail"))
            await pilot.press("q")
            assert isinstance(app.screen, ConflictScreen), "q does not slip past the question"
            await pilot.press("k")  # a letter chooses nothing
            assert isinstance(app.screen, ConflictScreen)
            await pilot.press("ctrl+o", "ctrl+o")
            await settle(app, pilot)
            assert not isinstance(app.screen, ConflictScreen)
            await pilot.press("n")  # 1.3: saving goes on normally afterwards
            await settle(app, pilot)

    run(play())
    saved = assessment_file.load(str(path), catalog).assessment
    assert {k: a.result for k, a in saved.answers.items()} == {"1.1": "met", "1.2": "partial", "1.3": "not_met"}


def test_the_file_changed_on_disk_reload_takes_theirs(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            theirs = write_assessment(tmp_path / "theirs.yaml", {"1.1": Answer("not_met"), "2.1": Answer("na")})
            path.write_text(theirs.read_text(encoding="utf-8"), encoding="utf-8")
            app.autosaver.check()  # what the app does every few seconds and when the terminal gets focus
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen)
            await pilot.press("ctrl+l", "ctrl+l")
            await settle(app, pilot)
            assert app.assessment.result("1.1") == "not_met" and app.assessment.result("2.1") == "na"
            await pilot.press("m")  # then my next change is saved on top of theirs
            await settle(app, pilot)

    run(play())
    saved = assessment_file.load(str(path), catalog).assessment
    assert saved.result("2.1") == "na"
    assert saved.result("1.2") == "met"


def test_a_broken_file_on_disk_cannot_be_reloaded(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            path.write_text("assess: 1\nchecklist: [oops\n", encoding="utf-8")
            await pilot.press("m")
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen)
            try:
                assessment_file.load(str(path), load_catalog())
            except InputError as error:
                assert str(error.problems[0]) in text(app.screen.query_one(".detail")), "as `assess validate` says"
            await pilot.press("ctrl+l", "ctrl+l")
            assert isinstance(app.screen, ConflictScreen), "reload is not offered for a file that does not load"
            path.write_text("assess: 1\n", encoding="utf-8")
            await pilot.press("ctrl+t")  # try again: still broken (a schema error now), still asking
            await pilot.pause()
            assert isinstance(app.screen, ConflictScreen)
            assert path.read_text(encoding="utf-8") == "assess: 1\n"
            await pilot.press("ctrl+o", "ctrl+o")
            await settle(app, pilot)

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.result("1.1") == "met"


def test_filters_walk_only_the_norms_they_keep(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = copy_demo(tmp_path)
    demo = assessment_file.load(str(path), catalog).assessment
    gaps = [g.norm.id for g in sorted(score(demo, catalog).gaps,
                                      key=lambda g: [n.id for n in catalog.items_for(demo.settings)].index(g.norm.id))]

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f", "3")  # only gaps
            assert app.norm_filter == Filter("gaps")
            assert current(app) == gaps[0] or current(app) in gaps
            await pilot.press("[", "[", "[", "[", "[", "[", "[", "[")
            visited = [current(app)]
            for _ in range(len(gaps) + 2):
                await pilot.press("j")
                if current(app) != visited[-1]:
                    visited.append(current(app))
            assert visited == gaps
            assert "filter: gaps" in text(app.screen.query_one(TitleBar))
            await pilot.press("f", "1", "f", "6")  # all norms; then service-only on (the dialog stays open)
            await pilot.press("1")
            assert app.norm_filter == Filter("all", service_only=True)
            await pilot.press(*"[" * 8)
            seen = [current(app)]
            while True:
                await pilot.press("j")
                if current(app) == seen[-1]:
                    break
                seen.append(current(app))
            assert all(catalog.item(norm_id).scope != "system" for norm_id in seen)
            assert len(seen) == sum(1 for n in catalog.items_for(demo.settings) if n.scope != "system")
            await pilot.press("f", "4")  # only disputed: the demo has none, so the filter is refused
            assert app.norm_filter == Filter("all", service_only=True)

    run(play())


def test_disputed_filter_and_settling_a_dispute(tmp_path: Path) -> None:
    disputed = Answer(None, disputed=(Position("Anna", "met", note="rooster"), Position("Bas", "not_met")))
    path = write_assessment(tmp_path / "consensus.yaml", {"1.1": Answer("met"), "2.3": disputed,
                                                          "4.2": Answer(None, disputed=disputed.disputed)})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f", "4")
            assert app.norm_filter.status == "disputed"
            assert current(app) == "2.3"
            assert "Anna: met · rooster" in pane_text(app) and "Bas: not met" in pane_text(app)
            await pilot.press("j")
            assert current(app) == "4.2"
            await pilot.press("e")
            settle_box = app.screen.query_one("#settle")
            await pilot.click(settle_box)
            await pilot.press("ctrl+s")
            await pilot.press("p")
            await settle(app, pilot)

    run(play())
    saved = assessment_file.load(str(path), load_catalog()).assessment
    assert saved.answer("4.2") == Answer("partial")
    assert saved.answer("2.3") == disputed


def test_settings_are_sections_of_their_own(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"outreach.1": Answer("met")}, settings=("outreach",))

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            sidebar = text(app.screen.query_one(SectionList))
            assert "Settings (scored apart)" in sidebar
            assert "4.1.1 Community outreach" in sidebar and "1/13  100.0* GREEN" in sidebar, "1 of 13: provisional"
            assert "0/62 assessed" in sidebar, "settings never count towards the principles' numbers"
            await pilot.press(*"]" * 7)
            assert current(app) == "outreach.1"
            await pilot.press("j", "m")
            await settle(app, pilot)

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.result("outreach.2") == "met"


def test_language_switches_live(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)
    catalog = load_catalog()

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            norm = catalog.item(current(app))
            assert " ".join(norm.text.nl.split()) in " ".join(pane_text(app).split())
            assert "Totaalscore" in text(app.screen.query_one(SectionList))
            descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
            assert "Bewerk" in descriptions
            await pilot.press("l")
            assert app.lang == "en"
            assert " ".join(norm.text.en.split()) in " ".join(pane_text(app).split())
            assert "Overall score" in text(app.screen.query_one(SectionList))
            descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
            assert "Edit" in descriptions and "Bewerk" not in descriptions
            await pilot.press("d")
            description = catalog.section(norm.section).description.en
            assert " ".join(description.split()) in " ".join(pane_text(app).split())

    run(play())
    assert "language: nl" in path.read_text(encoding="utf-8"), "the UI language is not the file's language"


def test_summary_shows_the_report_numbers_and_exports(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = copy_demo(tmp_path)
    demo = assessment_file.load(str(path), catalog).assessment
    card = score(demo, catalog)
    report = tmp_path / "demo-report.md"
    report.write_text("old", encoding="utf-8")

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            assert isinstance(app.screen, SummaryScreen)
            overview = shown(app, "overview")
            assert f"Overall score  {score_text(card.score, 'en')}*  {status_label(card.status, 'en')}" in overview, \
                "61 of 62 assessed: a provisional score"
            assert f"{card.completeness:.1f}% ({card.overall.assessed} of {card.overall.total} norms" in overview
            for entry in card.sections:  # a score over part of the section's norms is marked provisional
                mark = "*" if entry.completeness < 100 and entry.score is not None else " "
                assert f"{score_text(entry.score, 'en').rjust(5)}{mark} {status_label(entry.status, 'en')}" in overview
                assert entry.section.title["en"] in overview, "the title whole where there is room"
            table = app.screen.query_one(RowTable)
            assert table.row_keys == [g.norm.id for g in card.gaps]
            await pilot.press("x")
            field = app.screen.query_one("#file")
            assert field.value == str(report)
            await pilot.press("enter")
            assert "already exists" in shown(app, "message")
            assert report.read_text(encoding="utf-8") == "old"
            await pilot.press("enter")
            await pilot.pause()
            assert "Written to" in shown(app, "message")
            written = report.read_text(encoding="utf-8")
            report.write_text("changed", encoding="utf-8")
            await pilot.press("enter")  # an extra enter does nothing: no second export, no jump to a norm
            await pilot.pause()
            assert report.read_text(encoding="utf-8") == "changed"
            report.write_text(written, encoding="utf-8")
            await pilot.press("escape")
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("x", "shift+tab", "right", "space")  # to the formats: json
            assert app.screen.query_one("#file").value == str(tmp_path / "demo-report.json")
            await pilot.press("enter")  # enter exports from the formats too
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("down", "enter")  # the second gap: back in the audit, at that norm
            assert current(app) == card.gaps[1].norm.id

    run(play())
    assert report.read_text(encoding="utf-8") == renderer("md")(card, "en")
    assert (tmp_path / "demo-report.json").read_text(encoding="utf-8") == renderer("json")(card, "en")


def test_help_lists_every_key_with_its_id_and_the_keymap_moves_keys(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, keymap={"score-met": "1", "next": "ctrl+n"})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            assert current(app) == "1.1" and app.assessment.answers == {}, "m was moved away"
            await pilot.press("1")
            assert current(app) == "1.2" and app.assessment.result("1.1") == "met"
            await pilot.press("ctrl+n")
            assert current(app) == "1.3"
            assert "1 ○ met" in pane_text(app), "the result row shows the user's key"
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            table = shown(app, "keys")
            for binding_id in ("score-met", "score-partial", "score-not-met", "score-na", "clear", "next",
                               "previous", "next-section", "previous-section", "next-open", "edit", "summary",
                               "filter", "describe", "language", "help", "quit"):
                assert binding_id in table
            assert any(line.startswith("1 ") and "score-met" in line for line in table.splitlines())
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)
            await settle(app, pilot)

    run(play())


def test_mouse_clicks_score_and_choose_sections(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.click(NormPane, offset=(3, pane_line(app, "m ○ met")))
            assert app.assessment.result("1.1") == "met" and current(app) == "1.2"
            # at 120 columns the titles are whole: principle 1 takes 3 title lines, principle 2 two
            await pilot.click(SectionList, offset=(3, 7))  # principle 3's title line
            assert current(app) == "3.1"
            await settle(app, pilot)

    run(play())


def test_a_failed_save_is_said_once_and_quitting_does_not_drop_it(tmp_path: Path, monkeypatch) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})
    disk_full = [True]
    real_write = autosave.guarded_write

    def write(target: Path, text_: str, expected: str | None) -> str:
        if disk_full[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(target, text_, expected)

    monkeypatch.setattr(autosave, "guarded_write", write)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await settle(app, pilot)
            for _ in range(3):  # the retries every few seconds
                app.autosaver.check()
                await settle(app, pilot)
            failures = [n for n in app._notifications if "Niet opgeslagen: de schijf is vol" in n.message]
            assert len(failures) == 1, "a failed save is said once, in Dutch, not at every retry"
            assert "niet opgeslagen" in text(app.screen.query_one(TitleBar))
            await pilot.press("q")
            await settle(app, pilot)
            assert app.is_running, "q does not quit while a change is not on disk"
            assert any("Druk nogmaals om toch te stoppen" in n.message for n in app._notifications)
            disk_full[0] = False  # room again: the next q writes the change, then quits
            await pilot.press("q")
            await settle(app, pilot)
            assert not app.is_running

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.result("1.1") == "met"


def test_quitting_anyway_after_the_warning(tmp_path: Path, monkeypatch) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    def write(target: Path, text_: str, expected: str | None) -> str:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(autosave, "guarded_write", write)

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await settle(app, pilot)
            await pilot.press("q")
            await settle(app, pilot)
            assert app.is_running
            await pilot.press("q")
            await settle(app, pilot)
            assert not app.is_running, "asked twice, the user may leave"
        app.autosaver.close()

    run(play())


def test_ctrl_c_says_how_to_quit_in_the_users_language(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert [n.message for n in app._notifications] == ["Druk op q om te stoppen."]
            assert app.is_running
            await settle(app, pilot)

    run(play())


def test_quitting_from_the_edit_form_asks_before_dropping_what_was_typed(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await type_text(pilot, "Rooster")
            await pilot.press("ctrl+q")
            await settle(app, pilot)
            assert app.is_running and isinstance(app.screen, EditScreen)
            assert "pressing again discards" in shown(app, "error")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.assessment.answer("1.1").evidence == ("Rooster",)

    run(play())


def test_quitting_right_after_typing_still_asks(tmp_path: Path) -> None:
    """ctrl+q arriving in the same burst as the text (a paste, a fast typist) still sees that text."""
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
            send_burst(app, "Rooster", "ctrl+q")
            await until(pilot, lambda: isinstance(app.screen, EditScreen) and "pressing again discards" in
                        shown(app, "error"))
            await settle(app, pilot)
            assert app.is_running and isinstance(app.screen, EditScreen)
            assert "pressing again discards" in shown(app, "error")

    run(play())


def test_a_reload_that_drops_the_current_setting_or_changes_the_result_being_edited(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")}, settings=("outreach",))
    met = write_assessment(tmp_path / "met.yaml", {"1.1": Answer("met")}).read_text(encoding="utf-8")
    not_met = write_assessment(tmp_path / "not-met.yaml", {"1.1": Answer("not_met")}).read_text(encoding="utf-8")

    async def reload(app: AuditApp, pilot, theirs: str) -> None:
        path.write_text(theirs, encoding="utf-8")
        app.autosaver.check()
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("ctrl+l", "ctrl+l")
        await settle(app, pilot)

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"]" * 7)
            assert current(app) == "outreach.1"
            await reload(app, pilot, met)  # the file on disk has no settings any more
            assert app.is_running and app.assessment.settings == ()
            assert current(app) == "1.1"
            await reload(app, pilot, not_met)  # 1.1 becomes not met on disk
            await pilot.press("e")
            await type_text(pilot, "Rooster")
            await pilot.press("ctrl+s")
            await settle(app, pilot)

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.answer("1.1") == Answer(
        "not_met", ("Rooster",)), "the form changes evidence, note and action, not the result it did not show"


def test_the_conflict_choices_stay_in_view_with_many_problems(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})
    broken = "".join(f"  \"1.{n}\": {n}\n" for n in range(1, 10))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            path.write_text(f"assess: 1\nchecklist: 3\nservice: 4\nfoo: 1\nanswers:\n{broken}", encoding="utf-8")
            await pilot.press("m")
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen)
            assert text(app.screen.query_one(".detail")).count(path.name) >= 9
            for button_id in ("#retry", "#keep"):
                button = app.screen.query_one(button_id)
                widget, _ = app.screen.get_widget_at(button.region.x + 1, button.region.y)
                assert widget is button, f"{button_id} is on the screen, not cut off"
            await pilot.press("ctrl+o", "ctrl+o")
            await settle(app, pilot)

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.result("1.1") == "met"


def test_texts_name_the_keys_of_the_users_keymap(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = write_assessment(tmp_path / "a.yaml", {n.id: Answer("not_met") for n in catalog.principle_norms})

    async def play() -> None:
        app = open_app(path, keymap={"summary": "o", "export": "ctrl+e"})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("g")
            assert any("Press o for the summary" in n.message for n in app._notifications)
            await pilot.press("o")
            assert isinstance(app.screen, SummaryScreen)
            assert "^e: export" in str(app.screen.query_one(RowTable).border_subtitle)
            await settle(app, pilot)

    run(play())


def test_keys_typed_just_before_ctrl_s_are_saved(tmp_path: Path) -> None:
    """ctrl+s is handled as it arrives; text typed just before it (a fast typist, a paste) still counts."""
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
            send_burst(app, "Wachtlijst", "ctrl+s")
            await until(pilot, lambda: app.assessment.answer("1.1").evidence == ("Wachtlijst",))
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen)
            assert app.assessment.answer("1.1").evidence == ("Wachtlijst",)

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.answer("1.1").evidence == ("Wachtlijst",)
