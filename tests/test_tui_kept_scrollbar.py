"""The scrollbar of the norm pane, the sidebar and the tables (kept_scrollbar.KeptScrollBar) keeps its
drawing per state: what it draws is what Textual's own ScrollBar draws in that state, mouse actions included,
and a state seen before is drawn by a lookup."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widgets import Static

from assess.tui.components.kept_scrollbar import KeptScrollBar
from assess.tui.components.norm_pane import NormPane
from assess.tui.components.overview_pane import OverviewPane
from assess.tui.components.row_table import RowTable
from assess.tui.components.section_list import SectionList
from tests.test_tui_support import copy_demo, open_app, run, segments

SMALL = (80, 24)  # the smallest the audit allows: the norm pane scrolls on many norms


def textual_drawing(bar: ScrollBar) -> list[Strip]:
    """What Textual's ScrollBar draws for ``bar`` as it is now, from scratch."""
    bar._layout_cache.clear()
    bar._styles_cache.clear()
    bar._dirty_regions.add(bar.size.region)
    return ScrollBar.render_lines(bar, bar.size.region)


def drawn(bar: ScrollBar) -> list[Strip]:
    return bar.render_lines(bar.size.region)


def test_the_kept_scrollbar_draws_what_textual_draws_in_every_state(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SMALL) as pilot:
            pane = app.screen.query_one(NormPane)
            sidebar = app.screen.query_one(SectionList)
            bars = [pane.vertical_scrollbar, sidebar.vertical_scrollbar]
            assert all(isinstance(bar, KeptScrollBar) for bar in bars)
            # scrolled: the thumb somewhere else (the first norm is taller than the pane)
            pane.scroll_to(0, 3, animate=False, immediate=True)
            await pilot.pause()
            assert pane.vertical_scrollbar.position > 0
            assert segments(drawn(pane.vertical_scrollbar)) == segments(textual_drawing(pane.vertical_scrollbar))
            # the mouse over it: Textual's hover colours
            pane.vertical_scrollbar.mouse_over = True
            await pilot.pause()
            hovered = drawn(pane.vertical_scrollbar)
            assert segments(hovered) == segments(textual_drawing(pane.vertical_scrollbar))
            pane.vertical_scrollbar.mouse_over = False
            await pilot.pause()
            assert segments(drawn(pane.vertical_scrollbar)) != segments(hovered)
            states = set()
            for step in ["j"] * 12 + ["k"] * 3 + ["l"] + ["j"] * 3:
                await pilot.press(step)
                await pilot.pause()
                for bar in bars:
                    states.add((bar.window_virtual_size, bar.window_size, bar.position))
                    assert segments(drawn(bar)) == segments(textual_drawing(bar)), step
            assert len(states) > 3, states  # the walk went through scrollbars of different proportions

    run(play())


def test_a_state_seen_before_is_drawn_from_what_was_kept(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SMALL) as pilot:
            bar = app.screen.query_one(NormPane).vertical_scrollbar
            await pilot.pause()
            first = drawn(bar)
            await pilot.press("j", "k")
            await pilot.pause()
            assert drawn(bar) is first  # back on the first norm: the same lines, not drawn again
            assert segments(first) == segments(textual_drawing(bar))

    run(play())


def test_a_return_to_the_audit_asks_no_repaint_of_an_unchanged_scrollbar(tmp_path: Path) -> None:
    """Textual's ScrollView asks its scrollbar for a repaint at every layout; a scrollbar whose state is the one
    drawn leaves it out, so a round trip through the summary, the palette or a dialog counts no repaint of the
    audit (the dimmed audit below the next dialog is kept), while a move that changes the bar still repaints."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SMALL) as pilot:
            audit = app.screen
            bar = audit.query_one(NormPane).vertical_scrollbar
            await pilot.press("j")
            await pilot.pause()
            for there_and_back in (["s", "s"], ["ctrl+p", "escape"], ["e", "escape"]):
                before = audit.repaints
                await pilot.press(*there_and_back)
                await pilot.pause()
                assert app.screen is audit and audit.repaints == before, there_and_back
                assert segments(drawn(bar)) == segments(textual_drawing(bar))
            heights = set()
            for _ in range(6):  # the norms' heights differ: the bar changes and is repainted
                before = audit.repaints
                await pilot.press("j")
                await pilot.pause()
                heights.add(bar.window_virtual_size)
                assert audit.repaints > before
                assert segments(drawn(bar)) == segments(textual_drawing(bar))
            assert len(heights) > 1

    run(play())


def test_the_summary_tables_scrollbars_draw_what_textual_draws(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("s")
            await pilot.pause()
            table = app.screen.query_one(RowTable)
            bars = [table.vertical_scrollbar, app.screen.query_one(OverviewPane).vertical_scrollbar]
            assert all(isinstance(bar, KeptScrollBar) for bar in bars)
            positions = set()
            for step in ["pagedown", "pagedown", "end", "home", "pagedown"]:
                await pilot.press(step)
                await pilot.pause()
                positions.add(table.vertical_scrollbar.position)
                for bar in bars:
                    assert segments(drawn(bar)) == segments(textual_drawing(bar)), step
            assert len(positions) > 2, positions  # the table's thumb moved

    run(play())


def test_a_table_mounted_into_a_running_app_draws_its_scrollbar_for_its_state() -> None:
    """Its scrollbar gets its proportions before it is mounted, when Textual does not clear what it drew."""
    from tests.test_tui_row_table import COLUMNS, ROWS, Tables

    async def play() -> None:
        app = Tables()
        async with app.run_test(size=(120, 20)) as pilot:
            for attempt in range(5):
                table = RowTable(id=f"new-{attempt}")
                await app.query_one("#tables").mount(table)
                table.show(COLUMNS, ROWS)
                for _ in range(200):
                    if table.max_scroll_y < len(ROWS):  # laid out
                        break
                    await pilot.pause(0.01)
                await pilot.pause()
                table.scroll_to(0, 5 + attempt, animate=False, immediate=True)
                bar = table.vertical_scrollbar
                for _ in range(200):
                    await pilot.pause(0.01)
                    if bar.position > 0:
                        break
                assert bar.position == 5 + attempt
                assert segments(drawn(bar)) == segments(textual_drawing(bar)), attempt
                await table.remove()

    run(play())


def test_a_table_removed_while_a_frame_is_drawn_does_not_stop_the_app() -> None:
    """Textual may draw a removed widget's scrollbar once more, when it has no parent any more."""

    class Holder(App[None]):
        CSS = "#tables > * { width: 1fr; height: 14; }"

        def compose(self) -> ComposeResult:
            with Horizontal(id="tables"):
                yield Static("x")

    async def play() -> None:
        app = Holder()
        async with app.run_test(size=(120, 20)) as pilot:
            for attempt in range(6):
                table = RowTable(id=f"new-{attempt}")
                await app.query_one("#tables").mount(table)
                table.virtual_size = Size(60, 31)
                for _ in range(50):
                    if table.region.height:
                        break
                    await pilot.pause(0.01)
                assert table.region.height, attempt
                await table.remove()

    run(play())
