"""Hostile text in an assessment file (markup, control characters) on every screen of the TUI: it is shown as
written, never parsed as markup, never crashes the audit, and no control character reaches the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, OptionList, TextArea

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Action, Answer
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.export_screen import ExportScreen
from assess.tui.components.filter_screen import FilterScreen
from assess.tui.components.help_screen import HelpScreen
from assess.tui.components.row_table import RowTable
from assess.tui.components.summary_screen import SummaryScreen
from assess.tui.components.title_bar import TitleBar
from assess.tui.safe import has_unsafe, shown, shown_line
from tests.test_tui_support import (
    SIZE,
    current,
    open_app,
    pane_field,
    run,
    settle,
    terminal_output,
    text,
    toasts,
    type_text,
    write_assessment,
)

OSC = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J"
HOSTILE = f"Q1 [/2027] [/b] [bold]vet[/bold] {OSC} {CLEAR} \u202eeind"
SEEN = shown(HOSTILE)  # what the screen shows: Q1 [/2027] [/b] [bold]vet[/bold] \x1b]0;PWNED\x07 ...


def test_the_escaping_rule_without_textual() -> None:
    assert shown("a\x1b]0;x\x07b") == "a\\x1b]0;x\\x07b"
    assert shown("line 1\nline 2\ttab\x7f\x9b\u202e") == "line 1\nline 2\\x09tab\\x7f\\x9b\\u202e"
    assert shown_line("a\nb") == "a\\x0ab"
    assert shown("[/b] gewoon €, é, 中") == "[/b] gewoon €, é, 中"
    assert has_unsafe("x\x1b") and not has_unsafe("[/x] \n")


def hostile_file(folder: Path, name: str = "audit [v2].yaml") -> Path:
    action = Action(HOSTILE, owner=HOSTILE, priority="high")
    path = write_assessment(folder / name, {"1.1": Answer("not_met", evidence=(HOSTILE, "[/x]"), note=HOSTILE,
                                                          action=action)})
    text_ = path.read_text(encoding="utf-8")
    text_ = text_.replace('checklist_version: "2020.1"', 'checklist_version: "2019[/x]"')
    text_ = text_.replace('name: "Test"', 'name: "De [/b]Overloop \\e]0;PWNED\\a"')
    path.write_text(text_, encoding="utf-8")
    return path


def assert_terminal_safe(app: object) -> str:
    out = terminal_output(app)  # type: ignore[arg-type]
    assert OSC not in out and CLEAR not in out and "\u202e" not in out, "a control sequence reached the terminal"
    return out


def test_hostile_text_is_shown_as_written_on_every_screen(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            # the catalog-version warning names the file's version, brackets and all
            assert any("2019[/x]" in toast for toast in toasts(app))
            title = text(app.screen.query_one(TitleBar))
            assert "audit [v2].yaml" in title and "De [/b]Overloop \\x1b]0;PWNED\\x07" in title
            await pilot.press("k")  # resumed at 1.2, the first unassessed norm: back to 1.1
            assert current(app) == "1.1"
            assert SEEN in pane_field(app, "Note")
            assert pane_field(app, "Evidence").startswith(f"– {SEEN}")
            assert SEEN in pane_field(app, "Action")
            assert_terminal_safe(app)

            await pilot.press("e")
            assert isinstance(app.screen, EditScreen)
            assert app.screen.query_one("#note", TextArea).text == SEEN
            assert app.screen.query_one("#action", Input).value == shown_line(HOSTILE)
            assert_terminal_safe(app)
            app.screen.query_one("#due", Input).focus()
            await type_text(pilot, "Q1 [/2027]")
            await pilot.press("ctrl+s")
            assert isinstance(app.screen, EditScreen), "a bad date keeps the form open"
            assert "'Q1 [/2027]' is not a date" in text(app.screen.query_one("#error"))
            app.screen.query_one("#due", Input).value = "2027-03-01"
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen)

            await pilot.press("s")
            assert isinstance(app.screen, SummaryScreen)
            row = app.screen.query_one(RowTable).cells("1.1")
            assert row[2].startswith("(high) Q1 [/2027] [/b] [bold]vet[/bold]"), row
            assert_terminal_safe(app)

            await pilot.press("x")
            assert isinstance(app.screen, ExportScreen)
            app.screen.query_one("#file", Input).value = str(tmp_path / "[/x] nergens" / "r.md")
            await pilot.press("enter")
            assert "[/x] nergens" in text(app.screen.query_one("#message"))
            await pilot.press("escape", "escape")

            await pilot.press("f")
            assert isinstance(app.screen, FilterScreen)
            options = app.screen.query_one(OptionList)
            assert "[ ]" in str(options.get_option_at_index(5).prompt)
            await pilot.press("6")
            assert "[x]" in str(options.get_option_at_index(5).prompt), "the box is shown, not read as markup"
            await pilot.press("escape")

            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            app.notify(f"toast {HOSTILE}")
            await pilot.pause()
            assert any(f"toast {SEEN}" in toast for toast in toasts(app))
            assert_terminal_safe(app)
            await pilot.press("q")

    run(play())
    saved = assessment_file.load(str(path), load_catalog()).assessment.answer("1.1")
    assert saved.note == HOSTILE, "the file keeps the user's text as written (the form showed it escaped)"
    assert saved.action is not None and saved.action.description == HOSTILE and saved.action.owner == HOSTILE
    assert saved.evidence == (HOSTILE, "[/x]")
    assert saved.action.due is not None and saved.action.due.isoformat() == "2027-03-01"


def test_a_norm_key_of_markup_on_disk_shows_in_the_conflict_dialog(tmp_path: Path) -> None:
    from assess.tui.components.conflict_screen import ConflictScreen

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            unknown = '  "[/x]": met\n  "\\e]0;PWNED\\a": met\n'
            path.write_text(path.read_text(encoding="utf-8") + unknown, encoding="utf-8")
            app.autosaver.check()
            await settle(app, pilot)
            assert isinstance(app.screen, ConflictScreen)
            assert "[/x]" in "\n".join(text(s) for s in app.screen.query(".detail"))
            assert_terminal_safe(app)

    run(play())


def test_export_refuses_the_open_assessment_and_any_assessment_file(tmp_path: Path) -> None:
    """... and the audit's own lock (a report over it let a second audit open the file for editing), a backup
    and a read-only file."""
    from assess.tui.lock import lock_path
    from tests.test_tui_support import copy_demo

    path = copy_demo(tmp_path)
    other = write_assessment(tmp_path / "other.json", {"1.1": Answer("met")})  # JSON is YAML: still an assessment
    backup = tmp_path / "demo.yaml.conflict-20261201-1200.bak"
    backup.write_text("# mine\n", encoding="utf-8")
    frozen = tmp_path / "frozen.md"
    frozen.write_text("# signed off\n", encoding="utf-8")
    frozen.chmod(0o444)
    before = {p: p.read_bytes() for p in (path, other, backup, frozen)}

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            lock = lock_path(path).read_bytes()
            await pilot.press("s", "x")
            field = app.screen.query_one("#file", Input)
            for name, says in ((str(path), "is the assessment file being audited"),
                               (str(tmp_path / "." / path.name), "is the assessment file being audited"),
                               (str(other), "is an assessment file"), (str(tmp_path), "not a regular file"),
                               (str(lock_path(path)), "a lock or a backup"), (str(backup), "a lock or a backup"),
                               (str(frozen), "is read-only")):
                field.value = name
                await pilot.press("enter", "enter")
                assert says in text(app.screen.query_one("#message")), name
                assert isinstance(app.screen, ExportScreen)
            assert lock_path(path).read_bytes() == lock, "the audit's lock is still its lock"

    run(play())
    assert {p: p.read_bytes() for p in (path, other, backup, frozen)} == before


def test_control_characters_pasted_into_the_form_are_shown_escaped(tmp_path: Path) -> None:
    from textual import events

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            app.screen.query_one("#note", TextArea).focus()
            await pilot.pause()
            app.post_message(events.Paste(f"plak {OSC} hier"))
            await pilot.pause()
            app.screen.query_one("#action", Input).focus()
            await pilot.pause()
            app.post_message(events.Paste(f"actie {CLEAR}"))
            await pilot.pause()
            assert_terminal_safe(app)
            await pilot.press("ctrl+s")
            await settle(app, pilot)

    run(play())
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.1")
    assert answer.note == "plak \\x1b]0;PWNED\\x07 hier"
    assert answer.action is not None and answer.action.description == "actie \\x1b[2J"


def test_typing_after_a_pasted_tab_goes_on_behind_it_and_leaves_earlier_lines_alone(tmp_path: Path) -> None:
    """A tab pasted from a spreadsheet is shown escaped where it was pasted, the cursor behind it: what is typed
    next follows it (it went to the start of the field, into the first evidence line, which then lost its
    source and date)."""
    from textual import events

    from assess.model.assessment import Evidence

    first = Evidence("Huisregels opgesteld met de cliëntenraad", "document", dt.date(2025, 3, 1))
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met", (first,))})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k", "e")  # 1.1, the evidence field focused, the cursor at its end
            await pilot.press("enter")
            await type_text(pilot, "Rooster week 12:")
            app.post_message(events.Paste("ma\t10-16"))
            await pilot.pause()
            await type_text(pilot, " en za")
            app.screen.query_one("#action", Input).focus()
            await pilot.pause()
            await type_text(pilot, "abc")
            app.post_message(events.Paste("\tdef"))
            await pilot.pause()
            await type_text(pilot, "W")
            await pilot.press("ctrl+s")
            await settle(app, pilot)

    run(play())
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.1")
    assert answer.evidence == (first, "Rooster week 12:ma\\x0910-16 en za")
    assert answer.action is not None and answer.action.description == "abc\\x09defW"
