"""The edit form: its Opslaan button saves (enter, space, a click), keys typed fast across Tab land in the field
that had focus when each was typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Answer
from assess.tui.app import AuditApp
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.text_checkbox import TextCheckbox
from tests.test_tui_support import (
    SIZE,
    open_app,
    run,
    screen_strips,
    settle,
    terminal_output,
    type_text,
    until,
    write_assessment,
)


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
            await until(pilot, lambda: app.assessment.answer("1.1").action is not None)
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


def test_a_draft_is_kept_while_typing_and_offered_back_after_a_crash(tmp_path: Path) -> None:
    import asyncio

    from assess.tui.state import DRAFT_SECONDS, State

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met"), "1.2": Answer("met")})
    state = State(path, tmp_path / ".assess-state")

    async def crash() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")  # 1.3, the first not assessed
            await type_text(pilot, "Rooster")
            await pilot.press("tab")
            await type_text(pilot, "[/b] half af")
            assert state.read_draft() is None, "debounced: not at every key"
            await asyncio.sleep(DRAFT_SECONDS + 0.3)
            await pilot.pause()
            draft = state.read_draft()
            assert draft is not None and draft.norm_id == "1.3"
            assert (draft.fields["evidence"], draft.fields["note"]) == ("Rooster", "[/b] half af")
        # the app ends here without the form being closed: as after a kill -9, the draft stays

    async def reopen() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, EditScreen), "the draft is offered back: the form, filled as it was"
            assert app.screen.norm.id == "1.3"
            assert "Draft of" in str(app.screen.query_one("#error").render())
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen)

    run(crash())
    run(reopen())
    assert state.read_draft() is None, "saved: the draft is gone"
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.3")
    assert (answer.evidence, answer.note) == (("Rooster",), "[/b] half af")
    assert not list(tmp_path.glob("*.bak")), "the norm did not change on disk: no backup"


def test_a_draft_put_back_after_a_colleague_changed_its_norm_keeps_the_file_in_a_backup(tmp_path: Path) -> None:
    """The audit was killed with the form open; a colleague then edited that norm. The draft comes back (it is
    what the user typed), with a warning that saving replaces the colleague's change, and the file as it is now in
    a backup (it was replaced without a word)."""
    import asyncio

    from assess.tui.state import DRAFT_SECONDS
    from tests.test_tui_support import toasts

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met"), "1.2": Answer("met")})

    async def crash() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k", "e")  # 1.2
            await type_text(pilot, "MIJN")
            await asyncio.sleep(DRAFT_SECONDS + 0.3)
            await pilot.pause()

    async def reopen() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, EditScreen) and app.screen.norm.id == "1.2"
            [backup] = tmp_path.glob("a.yaml.before-draft-*.bak")
            assert "COLLEGA" in backup.read_text(encoding="utf-8")
            assert any("1.2 changed in the file" in toast and backup.name in toast for toast in toasts(app))
            await pilot.press("ctrl+s")
            await settle(app, pilot)

    run(crash())
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"1.2": met', '"1.2":\n    result: met\n    note: "COLLEGA: ook 16-17 jaar"', 1),
                    encoding="utf-8")
    assert assessment_file.load(str(path), load_catalog()).assessment.answer("1.2").note == "COLLEGA: ook 16-17 jaar"
    run(reopen())
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.2")
    assert answer.evidence == ("MIJN",)


def test_throwing_a_draft_away_and_typing_nothing_leave_no_draft(tmp_path: Path) -> None:
    import asyncio

    from assess.tui.state import DRAFT_SECONDS, Draft, State

    path = write_assessment(tmp_path / "a.yaml", {})
    state = State(path, tmp_path / ".assess-state")
    state.write_draft(Draft("1.2", {"note": "weg ermee"}))

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, EditScreen) and app.screen.norm.id == "1.2"
            await pilot.press("escape", "escape")  # asked once, then thrown away
            assert not isinstance(app.screen, EditScreen)
            assert state.read_draft() is None
            await pilot.press("e", "a", "backspace")  # typed and undone: the same as stored
            await asyncio.sleep(DRAFT_SECONDS + 0.3)
            await pilot.pause()
            assert state.read_draft() is None

    run(play())
    assert assessment_file.load(str(path), load_catalog()).assessment.answers == {}


def test_opening_the_form_again_writes_no_draft(tmp_path: Path) -> None:
    """Filling the kept form on another open is not typing: a moment after it no draft is written or dropped
    (each open dropped it again, a file operation for nothing); typing after the open still keeps a draft."""
    import asyncio

    from assess.tui.state import DRAFT_SECONDS

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met", ("Rooster",), "oud")})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            calls: list[str] = []
            drop, write = app.state.drop_draft, app.state.write_draft
            app.state.drop_draft = lambda: (calls.append("drop"), drop())[1]  # type: ignore[method-assign]
            app.state.write_draft = lambda draft: (calls.append("write"), write(draft))[1]  # type: ignore[method-assign]
            for key in ("k", "j", "k"):  # the first open, then refilled on another norm and on the first again
                await pilot.press(key, "e")
                assert isinstance(app.screen, EditScreen)
                await asyncio.sleep(DRAFT_SECONDS + 0.3)
                await pilot.pause()
                assert calls == [], f"opened with {key}: nothing typed, nothing written"
                await pilot.press("escape")
                await settle(app, pilot)
                assert calls == ["drop"], "closed: the draft is dropped"
                calls.clear()
            await pilot.press("e")
            await type_text(pilot, "x")
            await asyncio.sleep(DRAFT_SECONDS + 0.3)
            await pilot.pause()
            assert calls == ["write"], "typed after the open: kept as a draft"
            draft = app.state.read_draft()
            assert draft is not None and draft.fields["evidence"] == "Roosterx"

    run(play())


def test_a_draft_put_back_in_too_small_a_terminal_waits_below_the_message(tmp_path: Path) -> None:
    """The form a draft is put back in opens below the message that the terminal is too small (it hid the
    message, and its fields were cut off); once the terminal grows it is on top, with the draft, and saves."""
    from assess.tui.components.too_small_screen import TooSmallScreen
    from assess.tui.state import Draft, State

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    State(path, tmp_path / ".assess-state").write_draft(Draft("1.2", {"evidence": "Rooster", "note": "half af"}))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(60, 20)) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, TooSmallScreen), "the message stays over the form"
            assert [type(screen).__name__ for screen in app.screen_stack[-2:]] == ["EditScreen", "TooSmallScreen"]
            await pilot.press("x")  # ignored while too small: not typed into the form below
            await pilot.resize_terminal(*SIZE)
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, EditScreen) and form.norm.id == "1.2"
            assert form.field_values()["evidence"] == "Rooster"
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, (EditScreen, TooSmallScreen))

    run(play())
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.2")
    assert (answer.evidence, answer.note) == (("Rooster",), "half af")


def test_too_small_a_terminal_says_so_and_goes_away_when_it_grows(tmp_path: Path) -> None:
    from assess.tui.components.too_small_screen import TooSmallScreen

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            assert "te klein (60×20)" in str(app.screen.query_one("#text").render())
            await pilot.resize_terminal(79, 30)
            await pilot.pause()
            assert "te klein (79×30)" in str(app.screen.query_one("#text").render())
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert not isinstance(app.screen, TooSmallScreen)
            await pilot.press("m")
            await settle(app, pilot)
            assert app.assessment.result("1.1") == "met"

    run(play())


async def steady_output(app: object, pilot: object) -> str:
    """The screen as sent to the terminal, the cursors not blinking (so two forms can be compared)."""
    from textual.widgets import Input, TextArea

    for field in (*app.screen.query(Input), *app.screen.query(TextArea)):  # type: ignore[attr-defined]
        field.cursor_blink = False
        field.notify_style_update()  # a text area's kept lines do not say whether a steady cursor was drawn
    await pilot.pause()  # type: ignore[attr-defined]
    return terminal_output(app)  # type: ignore[arg-type]


def test_the_kept_form_opened_on_another_norm_shows_that_norm_and_nothing_of_the_last(tmp_path: Path) -> None:
    """The form is made once and refilled at each open: nothing of the last open (text, undo, error, focus,
    the dispute box, a draft) is left in it."""
    import asyncio

    from textual.widgets import Input, TextArea

    from assess.model.assessment import Position
    from assess.tui.components.audit_screen import AuditScreen
    from assess.tui.state import DRAFT_SECONDS, State

    dispute = Answer(disputed=(Position("A", "met"), Position("B", "not_met")))
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met", ("Rooster",), "oud"), "1.2": dispute})
    state = State(path, tmp_path / ".assess-state")

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            audit = app.screen
            assert isinstance(audit, AuditScreen)
            audit.go_to("1.1")
            await pilot.press("e")
            form = app.screen
            assert isinstance(form, EditScreen)
            assert form.query_one("#evidence", TextArea).text == "Rooster"
            assert not form.query_one("#settle").display, "no dispute on 1.1"
            await type_text(pilot, "xyz")
            await pilot.press("tab")
            await type_text(pilot, " en nieuw")
            await pilot.press("escape")
            assert app.screen is form and str(form.query_one("#error").render()).strip(), "told, not closed"
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.screen is audit and state.read_draft() is None

            audit.go_to("1.2")
            await pilot.press("e")
            await pilot.pause()
            assert app.screen is form, "the same form, refilled"
            assert form.norm.id == "1.2" and "1.2" in str(form.query_one("#dialog").border_title)
            assert (form.query_one("#evidence", TextArea).text, form.query_one("#note", TextArea).text) == ("", "")
            assert form.query_one("#action", Input).value == ""
            assert str(form.query_one("#error").render()).strip() == ""
            assert form.focused is form.query_one("#evidence")
            assert form.query_one("#settle").display, "1.2 is disputed: the box to settle it is shown"
            await pilot.press("ctrl+z")  # the undo history of 1.1's text is gone
            await pilot.pause()
            assert form.query_one("#evidence", TextArea).text == ""
            await asyncio.sleep(DRAFT_SECONDS + 0.3)
            await pilot.pause()
            assert state.read_draft() is None, "nothing typed on 1.2: no draft (nor 1.1's text)"
            await pilot.press("escape")  # untouched: closes at once
            await settle(app, pilot)
            assert app.screen is audit

            audit.go_to("1.1")
            await pilot.press("e")
            await pilot.pause()
            assert app.screen is form and form.norm.id == "1.1"
            assert form.query_one("#evidence", TextArea).text == "Rooster", "what was thrown away is not shown"
            assert form.query_one("#note", TextArea).text == "oud"
            assert not form.query_one("#settle").display
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert form.query_one("#evidence", TextArea).text == "Rooster"
            await type_text(pilot, "!")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.screen is audit

            audit.go_to("1.2")
            await pilot.press("e")
            await pilot.pause()
            form.query_one("#settle", TextCheckbox).value = True
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.screen is audit

            await pilot.press("l")  # another language: the form made in that language (this one is kept)
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            dutch = app.screen
            assert isinstance(dutch, EditScreen) and dutch is not form and (dutch.lang, dutch.norm.id) == ("nl", "1.2")
            in_dutch = await steady_output(app, pilot)
            await pilot.press("escape")
            await settle(app, pilot)
        app = open_app(path, lang="nl")  # a form made in Dutch on the same norm shows the same
        async with app.run_test(size=SIZE) as pilot:
            app.screen.go_to("1.2")  # type: ignore[attr-defined]
            await pilot.press("e")
            await pilot.pause()
            assert await steady_output(app, pilot) == in_dutch

    run(play())
    saved = assessment_file.load(str(path), load_catalog()).assessment
    assert saved.answer("1.1").evidence_texts == ("Rooster!",) and saved.answer("1.1").note == "oud"  # typed at its end
    assert saved.answer("1.2").disputed == ()


def test_a_click_beside_a_checkbox_of_the_form_leaves_it_as_it_is(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("not_met")})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("e")
            done = app.screen.query_one("#done", TextCheckbox)
            assert done.size.width > 30, "as wide as its column"
            await pilot.click(done, offset=(done.size.width - 2, 0))
            assert done.value is False, "the empty width beside the label"
            await pilot.click(done, offset=(2, 0))
            assert done.value is True, "the box"
            await pilot.click(done, offset=(len("[x] Actie afgerond"), 0))
            assert done.value is False, "the label's last letter"
            await pilot.press("escape", "escape")
            await settle(app, pilot)

    run(play())


def drawing_events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the compositor does from now on, in order: "layout", "whole" (a drawing of the whole screen) and
    "part" (a drawing of some regions)."""
    from textual._compositor import Compositor

    events: list[str] = []

    def counting(original: Any, event: str) -> Any:
        def counted(self: Compositor, *args: object, **kwargs: object) -> Any:
            events.append(event)
            return original(self, *args, **kwargs)
        return counted

    for method, event in (("reflow", "layout"), ("render_full_update", "whole"), ("render_partial_update", "part")):
        monkeypatch.setattr(Compositor, method, counting(getattr(Compositor, method), event))
    return events


def test_the_form_keeps_its_size_from_norm_to_norm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept form opened on the next norm: its norm text takes the lines of the longest text of every norm and
    requirement at its width (a shorter one: blank lines after it), so the form is a repaint, never laid out
    again, and drawn once, whole. In a taller terminal it takes the tallest text's lines there, whole."""
    from assess.tui.components.clipped_text import ClippedText, clipped, tallest
    from tests.test_tui_support import copy_demo

    path = copy_demo(tmp_path)
    events = drawing_events(monkeypatch)

    def norm_rows(app: AuditApp, text: ClippedText) -> list[str]:
        region = text.content_region
        return [strip.text[region.x:region.right].rstrip() for strip in screen_strips(app)[region.y:region.bottom]]

    async def play() -> None:
        app = open_app(path, lang="nl")
        every_text = [item.text["nl"] for item in app.catalog.items_for(tuple(app.catalog.settings))]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
            text = app.screen.query_one("#norm-text", ClippedText)
            height = text.content_size.height
            assert height == tallest(every_text, text.content_size.width, text._room()) == 3
            await pilot.press("escape")
            shorter = 0
            for _ in range(12):
                layouts = text._layout_updates
                await pilot.press("j")
                await pilot.pause()
                events.clear()
                await pilot.press("e")
                await pilot.pause()
                assert isinstance(app.screen, EditScreen)
                norm = app.catalog.item(app.screen.norm.id)
                own = [line.plain.rstrip() for line in clipped(norm.text["nl"], text.content_size.width, 3)]
                assert text._layout_updates == layouts, norm.id
                first_drawing = events.index("whole")  # a cursor's blink may draw a part after it
                assert events[:first_drawing + 1] == ["whole"] and "layout" not in events, (norm.id, events)
                assert text.content_size.height == height
                assert norm_rows(app, text) == own + [""] * (height - len(own)), norm.id
                shorter += len(own) < height
                await pilot.press("escape")
            assert shorter, "a norm of fewer lines than the tallest was met"

            await pilot.resize_terminal(120, 50)
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            width, room = text.content_size.width, text._room()
            assert room > 20
            most = tallest(every_text, width, room)
            assert most == max(len(clipped(every, width, 100)) for every in every_text) > 3  # all, whole
            own = [line.plain.rstrip() for line in clipped(app.screen.norm.text["nl"], width, room)]
            assert text.content_size.height == most
            assert norm_rows(app, text) == own + [""] * (most - len(own))
            await pilot.press("escape")
            await settle(app, pilot)

    run(play())


def test_the_norm_text_follows_the_terminal_s_height(tmp_path: Path) -> None:
    """A terminal grown or shrunk in height alone (the same width) gives the norm text another room: laid out
    again at once while the form is open, and at the next open after a resize while it was closed, on the same
    norm as on another. In English as in Dutch, the height is that of the tallest text of its language."""
    from assess.tui.components.clipped_text import ClippedText, clipped, tallest
    from tests.test_tui_support import copy_demo

    path = copy_demo(tmp_path)

    def check(app: AuditApp) -> tuple[int, int]:
        assert isinstance(app.screen, EditScreen)
        text = app.screen.query_one("#norm-text", ClippedText)
        width, room = text.content_size.width, text._room()
        every_text = [item.text[app.lang] for item in app.catalog.items_for(tuple(app.catalog.settings))]
        own = [line.plain.rstrip() for line in clipped(app.screen.norm.text[app.lang], width, room)]
        region = text.content_region
        rows = [strip.text[region.x:region.right].rstrip() for strip in screen_strips(app)[region.y:region.bottom]]
        assert rows == own + [""] * (tallest(every_text, width, room) - len(own)), (app.size, app.lang)
        return len(rows), room

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(100, 26)) as pilot:
            await pilot.press("e")
            await pilot.pause()
            short, room = check(app)
            assert room == 5 and short == 5  # cut: the longest texts take more
            await pilot.resize_terminal(100, 40)
            await pilot.pause()
            tall, room = check(app)
            assert room == 19 and tall > short
            await pilot.resize_terminal(100, 27)
            await pilot.pause()
            assert check(app)[0] == 6
            await pilot.press("escape")
            await pilot.resize_terminal(100, 40)  # while the form is closed
            await pilot.pause()
            await pilot.press("e")  # the same norm
            await pilot.pause()
            assert check(app)[0] == tall
            await pilot.press("escape", "j")
            await pilot.resize_terminal(100, 26)
            await pilot.pause()
            await pilot.press("e")  # another norm
            await pilot.pause()
            assert check(app)[0] == short
            await pilot.press("escape", "l")
            await pilot.resize_terminal(100, 40)
            await pilot.pause()
            await pilot.press("e")  # the English form, made now
            await pilot.pause()
            assert app.lang == "en"
            check(app)
            await pilot.press("escape")
            await settle(app, pilot)

    run(play())


def test_the_tallest_text_is_found_by_its_lines_not_its_length() -> None:
    from assess.tui.components.clipped_text import tallest

    many_short_lines = "a\nb\nc\nd\ne"
    one_long_line = "een twee drie vier vijf zes zeven"
    assert len(one_long_line) > len(many_short_lines)
    assert tallest([one_long_line, many_short_lines, "x"], 20, 10) == 5
    assert tallest([one_long_line, many_short_lines], 20, 3) == 3  # at most the room
    assert tallest([], 20, 3) == 0


def test_a_text_taller_than_the_others_given_takes_its_own_lines(tmp_path: Path) -> None:
    from textual.app import App, ComposeResult

    from assess.tui.components.clipped_text import ClippedText

    class OneText(App[None]):
        def compose(self) -> ComposeResult:
            yield ClippedText("een twee drie vier vijf zes zeven acht", id="text", texts=["een", "twee drie"])

    async def play() -> None:
        app = OneText()
        async with app.run_test(size=(12, 40)) as pilot:
            await pilot.pause()
            assert app.query_one(ClippedText).content_size.height == 4

    run(play())


def test_the_norm_text_with_no_others_given_takes_its_own_lines(tmp_path: Path) -> None:
    """Without the texts it may show, the norm text takes its own lines, laid out again when they change."""
    from textual.app import App, ComposeResult

    from assess.tui.components.clipped_text import ClippedText

    class OneText(App[None]):
        def compose(self) -> ComposeResult:
            yield ClippedText("een twee drie vier", id="text")

    async def play() -> None:
        app = OneText()
        async with app.run_test(size=(20, 30)) as pilot:
            text = app.query_one(ClippedText)
            assert text.content_size.height == 1
            text.show_text("een twee drie vier vijf zes zeven acht negen tien")
            await pilot.pause()
            assert text.content_size.height > 1
            text.show_text("een")
            await pilot.pause()
            assert text.content_size.height == 1

    run(play())


def test_typing_in_the_opened_form_adds_to_the_evidence_and_the_note_at_their_end(tmp_path: Path) -> None:
    """A manager presses e on a norm with evidence and types a new item: it goes after what is there (enter
    first makes it an item of its own), never glued to the start of the first line."""
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met", ("Rooster", "Bezoekverslag"), "oud")})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            app.screen.go_to("1.1")
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("enter")
            await type_text(pilot, "observatie: rondgang")
            await pilot.press("tab")
            await type_text(pilot, " en nieuw")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen)
            for _ in range(2):  # the kept form, opened again: the cursor at the end again
                await pilot.press("e")
                await pilot.pause()
                await type_text(pilot, "!")
                await pilot.press("ctrl+s")
                await settle(app, pilot)

    run(play())
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.1")
    assert answer.evidence_texts == ("Rooster", "Bezoekverslag", "rondgang!!")
    assert answer.evidence[2].source == "observation"
    assert answer.note == "oud en nieuw"


def test_the_form_is_kept_per_language_and_opens_after_a_change_of_language_without_a_layout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a change of language the form is the one made in that language: the first time a new one, later
    the kept one again, laid out not at all and drawn once, whole, exactly as a form made in a fresh audit in
    that language (its choice offering that language's priorities)."""
    from textual.widgets import Select

    from tests.test_tui_support import copy_demo

    path = copy_demo(tmp_path)
    events = drawing_events(monkeypatch)

    async def form(app: AuditApp, pilot: Pilot[None]) -> tuple[object, list[str], str, list[str]]:
        """The form ``e`` opens: the screen, what drawing it took, what it shows and its priorities."""
        events.clear()
        await pilot.press("e")
        await pilot.pause()
        opened, screen = list(events), app.screen
        output = await steady_output(app, pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # to the choice of a priority
        select = screen.query_one("#priority", Select)
        assert screen.focused is select
        await pilot.press("enter")
        await pilot.pause()
        options = [str(option.prompt) for option in select.query_one("SelectOverlay").options]  # type: ignore[attr-defined]
        await pilot.press("escape", "escape", "escape")
        await settle(app, pilot)
        return screen, opened, output, options

    async def back_and_forth() -> list[tuple[object, list[str], str, list[str]]]:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            opens = [await form(app, pilot)]
            for _ in range(3):
                await pilot.press("l")
                await settle(app, pilot)
                opens.append(await form(app, pilot))
        return opens

    async def made_in(lang: str) -> tuple[object, list[str], str, list[str]]:
        app = open_app(path, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            return await form(app, pilot)

    dutch, english, dutch_again, english_again = run(back_and_forth())
    _, _, made_in_dutch, dutch_options = run(made_in("nl"))
    _, _, made_in_english, english_options = run(made_in("en"))
    assert dutch[0] is dutch_again[0] and english[0] is english_again[0] and dutch[0] is not english[0]
    for kept in (dutch_again, english_again):
        assert "layout" not in kept[1] and kept[1][0] == "whole", kept[1]
    assert dutch[2] == dutch_again[2] == made_in_dutch and dutch_again[3] == dutch_options
    assert english[2] == english_again[2] == made_in_english and english_again[3] == english_options
    assert "hoog" in " ".join(dutch_options).lower() and "high" in " ".join(english_options).lower()


def test_a_paste_right_behind_typed_keys_lands_after_them(tmp_path: Path) -> None:
    """`e`, text and a paste sent at once: the paste waited for no key and landed before the text still
    queued behind `e` (`Roo<paste>ster`); it now comes in its turn, where the keys left the cursor."""
    from textual import events

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "e", *"Rooster")
            app.post_message(events.Paste(" ma 10-16"))
            burst(app, *"!")
            await settle(app, pilot)
            assert isinstance(app.screen, EditScreen)
            assert app.screen.field_values()["evidence"] == "Rooster ma 10-16!"

    run(play())
