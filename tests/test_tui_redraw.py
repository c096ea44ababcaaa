"""The audit redraws only what a key changed (issue 18): what is on screen must still be right.

The norm pane and the sidebar keep their lines and strips between keys and repaint only the rows that
changed; the footer, one widget, repaints its line only when its keys change; the summary is made once and
kept. These tests compare what is painted (the screen as the compositor draws it from the widgets' caches) with what a
fresh render of the current state shows, after scoring, moving, changing the language and the summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.visual import Visual

from assess.analysis.scoring import score
from assess.render.text import marked_score, status_label
from assess.tui.components import audit_screen
from assess.tui.components.compact_footer import CompactFooter
from assess.tui.components.norm_pane import NormPane
from assess.tui.components.row_table import RowTable
from assess.tui.components.section_list import SectionList
from assess.tui.components.summary_screen import SummaryScreen
from assess.tui.labels import label
from tests.test_tui_support import SIZE, copy_demo, current, open_app, pane_text, run, screen_strips, segments, settle


def screen_rows(app) -> list[str]:
    """The whole screen as painted: every widget's kept lines, as the compositor puts them together."""
    return [strip.text for strip in screen_strips(app)]


def painted(app, widget) -> list[str]:
    """The rows of ``widget`` as they are on screen (without its scrollbar)."""
    region = widget.content_region
    width = widget.scrollable_content_region.width
    rows = screen_rows(app)
    return [rows[y][region.x:region.x + width].rstrip() for y in range(region.y, region.bottom)]


def fresh_pane(app) -> list[str]:
    """The norm pane's rows made from scratch for the current norm (not from its kept lines)."""
    pane = app.screen.query_one(NormPane)
    lines = [line.rstrip() for line in pane.lines]
    top = pane.scroll_offset.y
    rows = lines[top:top + pane.content_region.height]
    return rows + [""] * (pane.content_region.height - len(rows))


def fresh_sidebar(app) -> list[str]:
    """The sidebar's rows rendered from scratch, as one text (as it was drawn before it kept its lines)."""
    sidebar = app.screen.query_one(SectionList)
    strips = Visual.to_strips(sidebar, sidebar.content(), sidebar.scrollable_content_region.width, None,
                              sidebar.visual_style)
    rows = [strip.text.rstrip() for strip in strips]
    height = sidebar.content_region.height
    rows = rows[sidebar.scroll_offset.y:sidebar.scroll_offset.y + height]
    return rows + [""] * (height - len(rows))


def footer_text(app) -> str:
    """The footer's row as painted."""
    footer = app.screen.query_one(CompactFooter)
    return " ".join(row[footer.region.x:footer.region.right].rstrip()
                    for row in screen_rows(app)[footer.region.y:footer.region.bottom])


def assert_on_screen_as_made_anew(app) -> None:
    pane = app.screen.query_one(NormPane)
    assert painted(app, pane) == fresh_pane(app)
    assert painted(app, app.screen.query_one(SectionList)) == fresh_sidebar(app)
    card = score(app.assessment, app.catalog)
    overall = f"{marked_score(card.score, card.completeness, app.lang)} {status_label(card.status, app.lang)}"
    assert any(overall in row for row in painted(app, app.screen.query_one(SectionList))), overall


def test_scoring_moving_and_language_repaint_the_right_rows(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert_on_screen_as_made_anew(app)
            first = current(app)
            before = score(app.assessment, app.catalog)
            await pilot.press("n")  # not met: the score changes, and on to the next norm
            await pilot.pause()
            assert app.assessment.result(first) == "not_met"
            assert score(app.assessment, app.catalog).score != before.score
            assert_on_screen_as_made_anew(app)
            assert current(app) != first
            await pilot.press("k")  # back to the norm just scored: its kept lines, with the new result
            await pilot.pause()
            assert current(app) == first
            assert "n ● niet voldaan" in pane_text(app)
            assert_on_screen_as_made_anew(app)
            for keys in (("j",), ("j", "j"), ("right_square_bracket",), ("k",), ("m",), ("u",), ("l",), ("j",),
                         ("p",), ("k",), ("l",), ("d",), ("d",), ("ctrl+z",), ("ctrl+y",)):
                await pilot.press(*keys)
                await pilot.pause()
                assert_on_screen_as_made_anew(app)
            await settle(app, pilot)

    run(play())


def test_the_next_norm_is_made_while_the_user_reads_and_shown_as_made_anew(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A moment after a key the norm pane makes the next norm's lines (a score moves on to it); scoring then
    shows it without making them, as it would have made them, and never while a dialog is open."""
    path = tmp_path / "new.yaml"
    wait = 0.6  # longer than the app's, so that a slow machine's key is over before it
    monkeypatch.setattr(audit_screen, "PREPARE_SECONDS", wait)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            pane = app.screen.query_one(NormPane)
            made: list[str] = []
            make_head = pane._head
            pane._head = lambda view, width: made.append(view.norm.id) or make_head(view, width)  # type: ignore[method-assign]
            await pilot.press("m")
            assert current(app) == "1.2" and made == ["1.2"], "the next norm was not made during the key"
            await pilot.pause(wait + 0.2)
            assert made == ["1.2", "1.3"], "the norm after it is made a moment later"
            await pilot.press("p")
            await pilot.pause()
            assert current(app) == "1.3"
            assert made == ["1.2", "1.3"], "1.3 is shown from what was made, not made again"
            await pilot.press("e")  # the form opened before the next norm was made: nothing is made below it
            await pilot.pause(wait + 0.2)
            assert made == ["1.2", "1.3"]
            await pilot.press("escape")
            assert_on_screen_as_made_anew(app)
            await settle(app, pilot)

    run(play())


def test_back_in_a_language_shown_before_the_sidebar_keeps_its_lines(tmp_path: Path) -> None:
    """`l` twice: the sidebar's lines are those of before (their strips kept), and drawn as made anew."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            sections = app.screen.query_one(SectionList)
            dutch = list(sections._shown)
            await pilot.press("l")
            await pilot.pause()
            assert not any(line is was for line, was in zip(sections._shown, dutch, strict=True)), "English lines"
            assert_on_screen_as_made_anew(app)
            await pilot.press("l")
            await pilot.pause()
            assert all(line is was for line, was in zip(sections._shown, dutch, strict=True)), "the Dutch ones"
            assert_on_screen_as_made_anew(app)
            await pilot.press("m", "l", "l")  # a score changed meanwhile: its section's lines anew, the rest kept
            await pilot.pause()
            kept = sum(line is was for line, was in zip(sections._shown, dutch, strict=True))
            assert 0 < kept < len(dutch)
            assert_on_screen_as_made_anew(app)
            await settle(app, pilot)

    run(play())


def test_the_footer_follows_the_language_and_the_screen(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            dutch = footer_text(app)
            assert "Stop" in dutch and "Bewerk" in dutch
            await pilot.press("l")
            await pilot.pause()
            english = footer_text(app)
            assert "Quit" in english and "Summary" in english and "Bewerk" not in english
            await pilot.press("s")  # the summary has its own footer, in English too
            await pilot.pause()
            assert "Export" in footer_text(app) and "Exporteer" not in footer_text(app)
            await pilot.press("s")
            await pilot.pause()
            assert footer_text(app) == english, "back at the audit: the footer as it was"
            await settle(app, pilot)
        return english

    english = run(play())

    async def made_in_english() -> str:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            made = footer_text(app)
            await settle(app, pilot)
        return made

    assert run(made_in_english()) == english, "relabelled in place: as a footer made in English"


def test_the_summary_kept_between_visits_shows_the_latest_scores(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await pilot.pause()
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            table = summary.query_one(RowTable)
            await pilot.press("down", "down")
            await pilot.press("s")
            first = current(app)
            await pilot.press("n")  # a gap more
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert app.screen is summary, "the same screen, kept"
            card = score(app.assessment, app.catalog)
            assert table.row_keys == [gap.norm.id for gap in card.gaps]
            assert first in [gap.norm.id for gap in card.gaps]
            assert table.cursor_row == 0, "opened again at the first gap, as a new one would be"
            overview = str(summary.query_one("#overview").render())
            assert f"{marked_score(card.score, card.completeness, 'en')}  {status_label(card.status, 'en')}" in overview
            await pilot.press("s", "l", "s")  # the language changed while it was closed
            await pilot.pause()
            assert "Totaalscore" in str(summary.query_one("#overview").render())
            await settle(app, pilot)

    run(play())



def test_the_summary_keeps_its_place_under_the_export_and_help(tmp_path: Path) -> None:
    """Opened again from the audit it starts at the first gap; a dialog over it (export, help) closed again
    leaves the cursor and the scroll where they were."""
    from assess.tui.components.export_screen import ExportScreen
    from assess.tui.components.help_screen import HelpScreen

    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            table = summary.query_one(RowTable)
            await pilot.press(*["down"] * 12)
            place = (table.cursor_row, table.scroll_y)
            assert place[0] == 12 and place[1] > 0
            for key, dialog in (("x", ExportScreen), ("question_mark", HelpScreen)):
                await pilot.press(key)
                assert isinstance(app.screen, dialog)
                await pilot.press("escape")
                await pilot.pause()
                assert app.screen is summary and (table.cursor_row, table.scroll_y) == place, key
            await pilot.press("s", "s")  # closed and opened again: from the top
            await pilot.pause()
            assert app.screen is summary and (table.cursor_row, table.scroll_y) == (0, 0)
            await settle(app, pilot)

    run(play())


def test_the_kept_summary_opened_again_draws_as_a_new_one(tmp_path: Path) -> None:
    """Opened again it is not restyled (its styles are as last shown): it draws as a summary made anew."""
    from tests.test_tui_support import terminal_output

    path = copy_demo(tmp_path)

    async def play() -> str:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await pilot.pause()
            kept = app.screen
            await pilot.press("escape", "j", "m")
            await settle(app, pilot)
            await pilot.press("s")
            await pilot.pause()
            assert app.screen is kept and isinstance(kept, SummaryScreen)
            return terminal_output(app)

    async def fresh() -> str:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await pilot.pause()
            return terminal_output(app)

    reopened = run(play())
    assert reopened == run(fresh())


def test_a_click_on_a_footer_key_presses_it_and_hovering_names_it(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            footer = app.screen.query_one(CompactFooter)
            row = footer_text(app)
            at = row.index("s Scores")
            await pilot.hover(CompactFooter, offset=(at, 0))
            await pilot.pause()
            assert footer.tooltip == label("key.summary_long", "nl")  # as on the key of Textual's footer
            await pilot.click(CompactFooter, offset=(at + 3, 0))  # on its description: the key all the same
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            await pilot.click(CompactFooter, offset=(footer_text(app).index("Terug") + 1, 0))
            await pilot.pause()
            assert not isinstance(app.screen, SummaryScreen)
            await settle(app, pilot)

    run(play())


def test_a_border_title_set_anew_repaints_its_row(tmp_path: Path) -> None:
    """The edit form's title (another norm), its keys (another language) and the summary's count of gaps
    repaint only their row: what is on screen must be what a repaint of the whole widget draws."""
    path = copy_demo(tmp_path)

    async def as_repainted_whole(app, pilot, widget) -> list[str]:
        before = screen_rows(app)
        widget.refresh()  # Textual's repaint of every row of the widget
        await pilot.pause()
        assert screen_rows(app) == before
        return before

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
            first = current(app)
            await pilot.press("escape", "j", "e")
            await pilot.pause()
            dialog = app.screen.query_one("#dialog")
            rows = await as_repainted_whole(app, pilot, dialog)
            assert current(app) != first and current(app) in rows[dialog.region.y]
            assert first not in rows[dialog.region.y]
            await pilot.press("escape", "l", "e")  # English: the keys under the form
            await pilot.pause()
            dialog = app.screen.query_one("#dialog")
            rows = await as_repainted_whole(app, pilot, dialog)
            assert label("edit.keys", "en").split()[0] in rows[dialog.region.bottom - 1]
            await pilot.press("escape", "s")
            await pilot.pause()
            table = app.screen.query_one(RowTable)
            gaps = len(app.card.gaps)
            await pilot.press("s", "n", "s")  # one more gap
            await pilot.pause()
            assert len(app.card.gaps) == gaps + 1
            rows = await as_repainted_whole(app, pilot, table)
            assert f"({gaps + 1})" in rows[table.region.y]
            await settle(app, pilot)

    run(play())


def test_a_footer_with_more_keys_than_fit_shows_whole_keys_and_keeps_the_apps(tmp_path: Path) -> None:
    """Keys remapped to long names no longer fit in 80 columns: the footer shows the screen's keys that fit,
    whole, then "…" (help and the palette list them all), then the app's keys (help, quit); a key left out is
    never half drawn, nor clickable."""
    path = copy_demo(tmp_path)
    keymap = {"edit": "ctrl+shift+e", "summary": "ctrl+shift+s", "filter": "ctrl+shift+f",
              "details": "ctrl+shift+i", "help": "f1", "quit": "ctrl+shift+q"}

    async def play() -> None:
        app = open_app(path, lang="nl", keymap=keymap)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            footer = app.screen.query_one(CompactFooter)
            row = screen_rows(app)[footer.region.y]
            assert len(row) == SIZE[0]
            shown = row.rstrip()
            assert f" {label('key.edit', 'nl')} … " in shown, row
            assert shown.endswith(f" {label('key.help', 'nl')} shift+^q {label('key.quit', 'nl')}"), row
            keys = [span.key for span in footer._spans]
            assert keys[-3:] == ["ctrl+shift+e", "f1", "ctrl+shift+q"]
            assert not {"ctrl+shift+s", "ctrl+shift+f", "ctrl+shift+i"} & set(keys), "left out: not clickable"
            audit = app.screen
            await pilot.click(CompactFooter, offset=(shown.index("…"), 0))  # on "…": no key
            await pilot.pause()
            assert app.screen is audit
            app.screen.refresh()  # the same line drawn anew
            await pilot.pause()
            assert screen_rows(app)[footer.region.y] == row
            await settle(app, pilot)

    run(play())


def test_a_conflict_waiting_keeps_its_key_in_the_footer_at_80_columns(tmp_path: Path) -> None:
    """In Dutch the audit's keys fill 78 of 80 columns; a conflict's key (c) comes on top: it stays in sight,
    the screen's last keys give way to "…"."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            path.write_text(path.read_text(encoding="utf-8").replace('name: "De Overloop"', 'name: "De Brug"', 1),
                            encoding="utf-8")  # a colleague's edit
            await pilot.press("m")
            app.autosaver.check()
            await settle(app, pilot)
            await pilot.press("escape")  # decide later
            await settle(app, pilot)
            assert app.conflict_waiting
            footer = app.screen.query_one(CompactFooter)
            shown = screen_rows(app)[footer.region.y].rstrip()
            assert shown.endswith(f"q {label('key.quit', 'nl')} c {label('key.conflict', 'nl')}"), shown
            assert " … " in shown and shown.startswith("mpnau"), shown
            await pilot.click(CompactFooter, offset=(len(shown) - 2, 0))
            await pilot.pause()
            assert type(app.screen).__name__ == "ConflictScreen", "its key clicked: the dialog"
            await pilot.press("escape")
            await settle(app, pilot)

    run(play())


def test_the_sidebar_wraps_its_titles_by_the_terminals_width_after_a_resize(tmp_path: Path) -> None:
    """From 120 columns to 119 the sidebar keeps its width, but its titles go from wrapped whole to cut."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            sidebar = app.screen.query_one(SectionList)
            wide = painted(app, sidebar)
            width = sidebar.size.width
            await pilot.resize_terminal(119, 40)
            await pilot.pause()
            assert sidebar.size.width == width  # the case: nothing of the sidebar's own size changed
            assert painted(app, sidebar) == fresh_sidebar(app) != wide
            assert any(row.endswith("…") for row in painted(app, sidebar))
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            assert painted(app, sidebar) == fresh_sidebar(app) == wide
            await settle(app, pilot)

    run(play())


def test_another_theme_colours_the_panes_as_an_app_started_in_it(tmp_path: Path) -> None:
    async def drawing(path: Path, switch: bool, summary: bool) -> list[list[tuple[str, object]]]:
        app = open_app(path, lang="en")
        if not switch:
            app.theme = "nord"
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            if summary:
                await pilot.press("s")
                await pilot.pause()
            if switch:
                app.theme = "nord"
            await pilot.pause()
            rows = segments(screen_strips(app))
            await settle(app, pilot)
            return rows

    async def play() -> None:
        for summary in (False, True):
            folders = [tmp_path / f"{kind}-{summary}" for kind in ("switched", "started")]  # the same file name
            for folder in folders:
                folder.mkdir()
            switched = await drawing(copy_demo(folders[0]), True, summary)
            started = await drawing(copy_demo(folders[1]), False, summary)
            assert switched == started, f"summary: {summary}"

    run(play())


def test_a_sidebar_that_fits_draws_no_scrollbar(tmp_path: Path) -> None:
    """With every section in sight (the demo at 100x30) the sidebar has no scrollbar track and its titles take
    the whole width; when the list does not fit (80x24), it scrolls with a scrollbar."""
    path = copy_demo(tmp_path)

    async def play(size: tuple[int, int]) -> tuple[int, bool, int, int]:
        app = open_app(path, lang="en")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            sections = app.screen.query_one(SectionList)
            return (sections.max_scroll_y, sections.show_vertical_scrollbar,
                    sections.scrollable_content_region.width, sections.size.width)

    fits, bar, inner, outer = run(play((100, 30)))
    assert fits == 0 and not bar and inner == outer
    overflows, bar, inner, outer = run(play(SIZE))
    assert overflows > 0 and bar and inner < outer


@pytest.mark.parametrize("key", ["e", "s", "ctrl+p"])
def test_a_kept_screen_follows_a_theme_change_made_while_it_was_closed(tmp_path: Path, key: str) -> None:
    """The edit form, the summary and the palette are kept, and opened again without Textual's restyling; a
    theme changed while one was closed (Textual restyles only the screens on the stack) still shows on it, as on
    one opened for the first time in that theme."""
    from tests.test_tui_edit import steady_output

    path = copy_demo(tmp_path)

    async def shown(theme_between: str | None, theme_first: str | None) -> str:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            if theme_first:
                app.theme = theme_first
            if theme_between:
                await pilot.press(key)
                await pilot.pause()
                await pilot.press("escape")
                await settle(app, pilot)
                app.theme = theme_between
                await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            output = await steady_output(app, pilot)
            await pilot.press("escape")
            await settle(app, pilot)
        return output

    kept = run(shown("textual-light", None))
    made_in_light = run(shown(None, "textual-light"))
    made_in_dark = run(shown(None, None))
    assert made_in_light != made_in_dark, "the theme changes what is drawn"
    assert kept == made_in_light
