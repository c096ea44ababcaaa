"""Keys typed in one burst (a paste, tmux send-keys, a fast typist) after a key that closes a dialog, or opens
one from inside it: they go, in the order typed, where the keys before them left the focus; none is lost."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.keys import _character_to_key

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Answer
from assess.tui.app import AuditApp
from assess.tui.components.audit_screen import AuditScreen
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.summary_screen import SummaryScreen
from tests.test_tui_support import SIZE, current, open_app, run, settle, until, write_assessment

CHARACTERS = {"enter": "\r", "tab": "\t"}


def keys_of(*typed: str) -> list[events.Key]:
    """Each argument a key name (ctrl+p, enter) or text typed character by character."""
    keys = []
    for item in typed:
        if len(item) > 1 and item not in (" ",) and ("+" in item or item in CHARACTERS or item == "escape"):
            keys.append(events.Key(item, CHARACTERS.get(item)))
        else:
            keys.extend(events.Key(_character_to_key(char), char) for char in item)
    return keys


def burst(app: AuditApp, *typed: str) -> None:
    """Every key posted at once, none waited for."""
    for key in keys_of(*typed):
        app.post_message(key)


async def trickle(app: AuditApp, *typed: str) -> None:
    """Every key posted as the event loop turns (as a terminal delivers a paste): keys keep arriving while the
    ones before them are being handled."""
    for key in keys_of(*typed):
        app.post_message(key)
        await asyncio.sleep(0)


def on_disk(path: Path) -> dict[str, Answer]:
    return dict(assessment_file.load(str(path), load_catalog()).assessment.answers)


def test_ctrl_p_4_8_enter_m_at_once_scores_4_8_and_nothing_else(tmp_path: Path) -> None:
    """m comes after the palette's enter: it scores the norm the palette went to, never the one before it."""
    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outreach",))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "ctrl+p", "4.8", "enter", "m")
            await until(pilot, lambda: app.assessment.answers != {})
            await settle(app, pilot)
            assert isinstance(app.screen, AuditScreen)
            assert app.assessment.answers == {"4.8": Answer("met")}, "m scored 4.8, no other norm"
            assert on_disk(path) == {"4.8": Answer("met")}

    run(play())


def test_keys_trickling_in_after_the_palette_closes_keep_their_order(tmp_path: Path) -> None:
    """Keys that arrive while the ones before them are passed on do not overtake them (no "tet1ks")."""
    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outreach",))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await trickle(app, "ctrl+p", "4.8", "enter", "e", "tekst 1 ok", "ctrl+s", "m")
            await until(pilot, lambda: app.assessment.result("4.8") is not None)
            await settle(app, pilot)
            assert isinstance(app.screen, AuditScreen)
            assert app.assessment.answers == {"4.8": Answer("met", ("tekst 1 ok",))}

    run(play())


def test_e_text_ctrl_s_then_audit_keys_at_once(tmp_path: Path) -> None:
    """After the form's ctrl+s the audit's keys are the audit's again: j to the next norm, m scores it (the
    evidence typed first)."""
    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "e", "Rooster", "ctrl+s", "j", "m")
            await until(pilot, lambda: app.assessment.result("1.2") is not None)
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen)
            assert app.assessment.answers == {"1.1": Answer(None, ("Rooster",)), "1.2": Answer("met")}
            assert current(app) == "1.3"

    run(play())


def test_s_x_a_file_name_and_enter_at_once_writes_that_file(tmp_path: Path) -> None:
    """s opens the summary, x the export dialog from inside it: the name typed after them is the file's."""
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    report = tmp_path / "mijn_rapport-1.md"

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "s", "x", str(report), "enter")
            await until(pilot, report.exists)
            await pilot.pause()
            assert report.exists(), "the name fully typed, the file written"
            assert app.screen.query_one("#file").value == str(report)
            assert "Written to" in str(app.screen.query_one("#message").render())

    run(play())


def test_s_x_a_name_enter_esc_esc_j_at_once_exports_and_goes_on_in_the_audit(tmp_path: Path) -> None:
    """The dialog closed by esc, the summary by the next esc: j is the audit's again (to the next norm)."""
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    report = tmp_path / "r.md"

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            assert current(app) == "1.2", "opened on the first norm not assessed"
            burst(app, "s", "x", str(report), "enter", "escape", "escape", "j")
            await until(pilot, lambda: current(app) == "1.3")
            assert report.exists()
            assert isinstance(app.screen, AuditScreen) and current(app) == "1.3"

    run(play())


def test_s_x_a_name_trickling_in_is_typed_in_order(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    report = tmp_path / "verslag-2.md"

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await trickle(app, "s", "x", str(report), "enter")
            await until(pilot, report.exists)
            await pilot.pause()
            assert report.exists()
            assert app.screen.query_one("#file").value == str(report)
            assert isinstance(app.screen_stack[1], SummaryScreen)

    run(play())


def test_a_burst_typed_in_a_palette_already_open_goes_on_after_it_closes(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outreach",))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause(0.2)
            burst(app, "4.8", "enter", "m")
            await until(pilot, lambda: app.assessment.answers != {}, seconds=2)
            assert app.assessment.answers == {"4.8": Answer("met")}

    run(play())


def test_a_burst_typed_in_the_export_dialog_already_open_goes_on_after_it_closes(tmp_path: Path) -> None:
    """The export dialog, opened from the summary and open a while: a name, enter, esc, esc and j typed at once
    write the file, close both and move the audit on (the keys after esc never go to the closing dialog)."""
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    report = tmp_path / "open.md"

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await pilot.press("x")
            await pilot.pause(0.2)
            field = app.screen.query_one("#file")
            field.value = ""
            burst(app, str(report), "enter", "escape", "escape", "j")
            await until(pilot, lambda: current(app) == "1.3", seconds=5)
            assert report.exists()
            assert isinstance(app.screen, AuditScreen)

    run(play())
