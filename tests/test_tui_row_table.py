"""The row table (row_table.RowTable) draws what Textual's DataTable drew, cell for cell, and moves and
chooses as it did: up, down, pages, home and end, enter, a click on the row under the cursor."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable

from assess.model.assessment import Action, Answer
from assess.tui.app import AuditApp
from assess.tui.components.answers_screen import AnswersScreen
from assess.tui.components.row_table import Row, RowTable, clip
from tests.test_tui_support import copy_demo, current, open_app, run, screen_strips, write_assessment

COLUMNS = [("Norm", 6), ("Resultaat", 12), ("Actie", 14), ("Tekst", 20)]
ROWS = [Row(f"{n}.{m}", (f"{n}.{m}" + (" ⚠" if m == 3 else ""), "niet voldaan" if m % 2 else "deels",
                         f"Actie {m}: 日本 [b]x[/b]", f"Tekst van norm {n}.{m} die lang is"))
        for n in range(1, 4) for m in range(1, 11)]
CSS = """
#tables > * { width: 1fr; height: 14; border-top: hkey $foreground 30%; border-bottom: hkey $foreground 30%;
              scrollbar-size-vertical: 1; overflow-x: hidden; }
"""


class Tables(App[None]):
    CSS = CSS

    def compose(self) -> ComposeResult:
        with Horizontal(id="tables"):
            yield DataTable(id="theirs", cursor_type="row", zebra_stripes=False)
            yield RowTable(id="ours")

    def on_mount(self) -> None:
        theirs = self.query_one(DataTable)
        for title, width in COLUMNS:
            theirs.add_column(title, width=width)
        for row in ROWS:
            theirs.add_row(*row.cells, key=row.key)
        self.query_one(RowTable).show(COLUMNS, ROWS)


def cells(strips: list[Strip], widget: Widget) -> list[tuple[int, int, str, Style]]:
    """The cells of ``widget`` on screen: row, column, character and style without meta (the DataTable puts its
    row and column numbers there)."""
    region = widget.region
    found = []
    for row, strip in enumerate(strips[region.y:region.bottom]):
        for column, segment_cell in enumerate(cells_of(strip)[region.x:region.right]):
            character, style = segment_cell
            found.append((row, column, character, style.clear_meta_and_links()))
    return found


def cells_of(strip: Strip) -> list[tuple[str, Style]]:
    """A cell per column: a wide character, then an empty cell."""
    found = []
    for segment in strip:
        if not segment.control:
            for character in segment.text:
                found += [(character, segment.style or Style())] + [("", segment.style or Style())] * (
                    cell_len(character) - 1)
    return found


@pytest.mark.parametrize(("focus", "moves", "hover"), [("ours", 0, None), ("ours", 3, None), ("ours", 20, None),
                                                       ("none", 0, None), ("ours", 29, None), ("ours", 1, 4),
                                                       ("ours", 2, 4)],
                         ids=["focused", "cursor moved", "scrolled with the cursor", "not focused", "last row",
                              "the mouse over a row", "the mouse over the cursor's row"])
def test_the_row_table_draws_as_the_data_table_did(focus: str, moves: int, hover: int | None) -> None:
    async def play() -> None:
        app = Tables()
        async with app.run_test(size=(120, 20)) as pilot:
            ours, theirs = app.query_one(RowTable), app.query_one(DataTable)
            for table in (ours, theirs):
                if focus == "none":
                    app.set_focus(None)
                else:
                    table.focus()
                await pilot.press(*["down"] * moves)
                await pilot.pause()
            if focus == "none":
                app.set_focus(None)
            else:
                ours.focus()
            await pilot.pause()
            assert ours.cursor_row == theirs.cursor_row == moves
            assert ours.scroll_y == theirs.scroll_y
            if hover is not None:  # the mouse over the row on the screen's line ``hover`` (keys hide it)
                await pilot.hover(RowTable, offset=(5, hover))
            ours_cells = cells(screen_strips(app), ours)
            if focus != "none":
                theirs.focus()
                await pilot.pause()
            if hover is not None:
                await pilot.hover(DataTable, offset=(5, hover))
            theirs_cells = cells(screen_strips(app), theirs)
            assert len(ours_cells) == ours.region.area
            assert sum(1 for _, _, character, _ in ours_cells if character.strip()) > 200
            assert ours_cells == theirs_cells
            if hover is not None:
                hovered = {row for row, _, _, style in ours_cells if style.bgcolor != ours_cells[-1][3].bgcolor}
                assert hover in hovered, "the row under the mouse is highlighted"
                await pilot.hover(RowTable, offset=(5, hover))
                await pilot.press("down")
                assert cells(screen_strips(app), ours) != ours_cells, "a key hides it"

    run(play())


def test_more_or_fewer_rows_draw_as_a_table_made_anew() -> None:
    """A new number of rows while the table scrolls before and after changes only the scrollbar's proportions
    (no layout pass of the screen); the table must then draw as one made for those rows from scratch."""

    class One(App[None]):
        CSS = CSS

        def compose(self) -> ComposeResult:
            with Horizontal(id="tables"):
                yield RowTable()

    steps = [(30, 29), (29, 0), (31, 2), (20, 0), (5, 0), (30, 29), (26, 0)]  # rows, then cursor moves

    async def drawing(table: RowTable) -> tuple[object, ...]:
        bar = table.vertical_scrollbar if table.show_vertical_scrollbar else None
        return (table.virtual_size, table.max_scroll_y, table.scroll_y, table.cursor_row,
                bar and (bar.window_virtual_size, bar.window_size, bar.position),
                cells(screen_strips(table.app), table))

    async def step_by_step() -> tuple[list[tuple[object, ...]], list[bool]]:
        drawn, laid_out = [], []
        async with One().run_test(size=(120, 20)) as pilot:
            table = pilot.app.query_one(RowTable)
            for count, moves in steps:
                before = table._layout_updates
                table.show(COLUMNS, ROWS[:count])
                await pilot.pause()
                laid_out.append(table._layout_updates != before)
                table.move_cursor(table.cursor_row + moves)
                await pilot.pause()
                drawn.append(await drawing(table))
        return drawn, laid_out

    async def made_anew(count: int, cursor: int, scroll_y: float) -> tuple[object, ...]:
        async with One().run_test(size=(120, 20)) as pilot:
            table = pilot.app.query_one(RowTable)
            table.show(COLUMNS, ROWS[:count])
            await pilot.pause()
            table.move_cursor(cursor, scroll=False)
            table.scroll_to(0, scroll_y, animate=False, immediate=True)
            await pilot.pause()
            return await drawing(table)

    async def play() -> None:
        drawn, laid_out = await step_by_step()
        for (count, _), kept in zip(steps, drawn, strict=True):
            fresh = await made_anew(count, kept[3], kept[2])  # the cursor and the scroll the steps left
            assert kept[:5] == fresh[:5], count
            assert kept[5] == fresh[5], count
        # one row less or more while it scrolls: no layout; to 5 rows (no scrollbar) and back: laid out
        assert laid_out[1:] == [False, False, False, True, True, False], laid_out

    run(play())


def test_other_column_titles_and_a_return_to_columns_shown_before() -> None:
    """New column titles of the same widths redraw the header; columns shown before (the other language's) draw
    their rows from the strips kept for them, and as a table made for them anew."""

    class One(App[None]):
        CSS = CSS

        def compose(self) -> ComposeResult:
            with Horizontal(id="tables"):
                yield RowTable()

    english = [("Norm", 6), ("Result", 12), ("Action", 14), ("Text", 20)]  # as wide as COLUMNS
    other_widths = [("Norm", 6), ("Resultaat", 15), ("Actie", 11), ("Tekst", 20)]

    def rows(table: RowTable) -> list[Strip]:
        return [table.render_line(y) for y in range(table.size.height)]

    async def play() -> None:
        async with One().run_test(size=(120, 20)) as pilot:
            table = pilot.app.query_one(RowTable)
            table.show(COLUMNS, ROWS)
            await pilot.pause()
            dutch = rows(table)
            assert dutch[0].text.split() == ["Norm", "Resultaat", "Actie", "Tekst"]
            table.show(english, ROWS)
            await pilot.pause()
            assert rows(table)[0].text.split() == ["Norm", "Result", "Action", "Text"]
            table.show(other_widths, ROWS)
            await pilot.pause()
            assert rows(table)[1].text != dutch[1].text
            table.show(COLUMNS, ROWS)  # back: the strips kept for these columns
            await pilot.pause()
            again = rows(table)
            assert all(new is old for new, old in zip(again, dutch, strict=True))
            drawn = cells(screen_strips(table.app), table)
        async with One().run_test(size=(120, 20)) as pilot:
            fresh = pilot.app.query_one(RowTable)
            fresh.show(COLUMNS, ROWS)
            await pilot.pause()
            assert cells(screen_strips(fresh.app), fresh) == drawn

    run(play())


def test_keys_move_the_cursor_and_enter_or_a_click_chooses_a_row() -> None:
    chosen: list[str] = []

    class One(App[None]):
        CSS = CSS

        def compose(self) -> ComposeResult:
            with Horizontal(id="tables"):
                yield RowTable()

        def on_mount(self) -> None:
            self.query_one(RowTable).show(COLUMNS, ROWS)
            self.query_one(RowTable).focus()

        def on_row_table_selected(self, event: RowTable.Selected) -> None:
            chosen.append(event.key)

    async def play() -> None:
        app = One()
        async with app.run_test(size=(120, 20)) as pilot:
            table = app.query_one(RowTable)
            shown = table.scrollable_content_region.height - 1  # rows below the header
            await pilot.press("down", "down", "enter")
            assert chosen == ["1.3"]
            await pilot.press("pagedown")
            assert table.cursor_row == 2 + shown and table.scroll_y > 0, "the cursor kept in sight"
            await pilot.press("end")
            assert table.cursor_row == len(ROWS) - 1
            assert table.scroll_y == len(ROWS) + 1 - table.scrollable_content_region.height
            await pilot.press("up", "enter")
            assert chosen[-1] == ROWS[-2].key
            await pilot.press("home")
            assert table.cursor_row == 0 and table.scroll_y == 0
            await pilot.press("pageup", "up")
            assert table.cursor_row == 0
            # the first line below the border is the header: a click there chooses nothing
            top = table.region.y + 1
            await pilot.click(RowTable, offset=(5, 1))
            assert table.cursor_row == 0 and len(chosen) == 2
            await pilot.click(RowTable, offset=(5, 4))  # the third row: the cursor goes there
            assert table.cursor_row == 2 and len(chosen) == 2
            await pilot.click(RowTable, offset=(5, 4))  # the row under the cursor: chosen
            assert chosen[-1] == "1.3"
            assert top == table.content_region.y

            fewer = ROWS[:3]
            table.show(COLUMNS, fewer)
            await pilot.pause()
            assert table.row_keys == [row.key for row in fewer] and table.cursor_row == 2
            table.show(COLUMNS, [])
            await pilot.press("enter", "down")
            assert table.row_count == 0 and len(chosen) == 3, "nothing to choose"

    run(play())


def test_cells_are_shown_as_text() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield RowTable()

    async def play() -> None:
        app = One()
        async with app.run_test(size=(80, 6)) as pilot:
            table = app.query_one(RowTable)
            table.show([("A", 30)], [Row("x", ("[bold]vet[/bold] \x1b[31mrood",))])
            await pilot.pause()
            line = "".join(character for character, _ in cells_of(table.render_line(1)))
            assert "[bold]vet[/bold] ␛[31mrood" in line or "[bold]vet[/bold] \\x1b[31mrood" in line, line
            assert table.cells("x") == ("[bold]vet[/bold] \x1b[31mrood",)

    run(play())


async def every_answer_from(app: AuditApp, pilot: Pilot[None], norm_id: str) -> RowTable:
    """The table of every answer, opened (`o`) from the audit on ``norm_id``."""
    app.screen.current = norm_id
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, AnswersScreen)
    return app.screen.query_one(RowTable)


def test_every_answer_opens_on_the_current_norm_in_sight(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            table = await every_answer_from(app, pilot, "6.3")
            assert table.row_keys[table.cursor_row] == "6.3"
            top = int(table.scroll_y)
            assert top <= table.cursor_row < top + table.scrollable_content_region.height - 1, "in sight"
            await pilot.press("enter")
            assert current(app) == "6.3"
            await app.saved()
        app.autosaver.close()

    run(play())


@pytest.mark.parametrize("key", ["s", "o"], ids=["the summary", "every answer"])
def test_enter_twice_at_once_goes_to_the_norm_once(tmp_path: Path, key: str) -> None:
    """A key held down, or enter typed twice before the app caught up: the table chooses twice, and the screen,
    gone after the first, must not be closed again (that popped the audit itself: the app crashed)."""
    from textual import events

    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(key)
            table = app.screen.query_one(RowTable)
            chosen = table.row_keys[table.cursor_row]
            for _ in range(2):
                app.post_message(events.Key("enter", None))
            await pilot.pause()
            await pilot.pause()
            assert len(app.screen_stack) == 1 and current(app) == chosen
            await app.saved()
        app.autosaver.close()

    run(play())


def test_every_answer_filtered_keeps_the_cursor_near_the_norm_the_filter_hides(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("not_met"), "2.3": Answer("not_met"),
                                                  "5.1": Answer("partial"), "1.5": Answer("met")})

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            table = await every_answer_from(app, pilot, "1.5")
            assert table.row_keys[table.cursor_row] == "1.5"
            await pilot.press("f", "3")  # gaps only: 1.5 is met, so hidden
            await pilot.pause()
            assert table.row_keys == ["1.1", "2.3", "5.1"]
            assert table.row_keys[table.cursor_row] == "2.3", "the next norm the filter keeps"
            await app.saved()
        app.autosaver.close()

    run(play())


def test_a_cell_is_cut_to_its_width_in_cells_with_an_ellipsis() -> None:
    assert clip("Rooster  weekend\nklaar", 30) == "Rooster weekend klaar"
    assert clip("Rooster weekend klaar", 10) == "Rooster w…"
    cut = clip("日本語の行動計画を作成する", 9)  # two cells a character
    assert cut.endswith("…") and cell_len(cut) <= 9, cut
    escaped = clip("a\x1b[31mrood en nog veel meer", 12)
    assert "\x1b" not in escaped and escaped.endswith("…") and cell_len(escaped) <= 12, escaped


def test_the_overview_draws_a_line_anew_when_only_its_style_changes() -> None:
    from textual.content import Content

    from assess.tui.components.overview_pane import OverviewPane

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield OverviewPane()

    async def play() -> None:
        app = One()
        async with app.run_test(size=(40, 6)) as pilot:
            pane = app.query_one(OverviewPane)
            pane.show([Content.assemble(("Status ROOD", "bold"))])
            await pilot.pause()
            bold = pane.render_line(0)
            pane.show([Content.assemble(("Status ROOD", "italic"))])  # the same text, another style
            await pilot.pause()
            italic = pane.render_line(0)
            assert bold.text == italic.text
            assert [segment.style for segment in bold] != [segment.style for segment in italic]

    run(play())


def _mouse(kind: type[events.MouseEvent], x: int, y: int) -> events.MouseEvent:
    return kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)


def test_dragging_the_summary_tables_scrollbar_draws_the_rows_scrolled_to(tmp_path: Path) -> None:
    """A drag scrolls through fractions of a row; the rows drawn must follow the offset Textual repaints by
    (found by a review: rows drawn at 8.6 as row 8 stayed when the table came to rest at 9)."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")
            await pilot.pause()
            table = app.screen.query_one(RowTable)
            bar = table.vertical_scrollbar
            x, y = bar.region.x, bar.region.y
            await pilot.hover(None, offset=(x, y))
            app.post_message(_mouse(events.MouseDown, x, y))
            await pilot.pause()
            app.post_message(_mouse(events.MouseMove, x, y + 2))
            for _ in range(6):
                await pilot.pause(0.05)
            top = table.region.y
            shown = [strip.text for strip in screen_strips(app)][top:table.region.bottom]
            table._styles_cache.clear()
            table.refresh()
            repainted = [strip.text for strip in screen_strips(app)][top:table.region.bottom]
            app.post_message(_mouse(events.MouseUp, x, y + 2))
            await pilot.pause()
            assert table.scroll_y == int(table.scroll_y) > 0
            assert shown == repainted
            await app.saved()
        app.autosaver.close()

    run(play())


def test_the_summary_and_every_answer_word_an_action_alike(tmp_path: Path) -> None:
    """Both tables show an action as ``(priority) what``, led by ``✓`` when it is done (one wording, in
    labels.action_cell); ``–`` for none."""
    path = write_assessment(tmp_path / "a.yaml", {
        "1.1": Answer("not_met", action=Action("Rooster maken", priority="high", done=True)),
        "1.2": Answer("partial", action=Action("Bellen")), "1.3": Answer("not_met")})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("s")
            await pilot.pause()
            summary = app.screen.query_one(RowTable)
            shown = {key: summary.cells(key)[2] for key in ("1.1", "1.2", "1.3")}
            assert shown == {"1.1": "✓ (hoog) Rooster maken", "1.2": "Bellen", "1.3": "–"}
            await pilot.press("s")
            table = await every_answer_from(app, pilot, "1.1")
            assert {key: table.cells(key)[3] for key in shown} == shown
            await pilot.press("escape")
            await app.saved()

    run(play())
