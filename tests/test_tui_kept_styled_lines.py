"""The norm pane and the sidebar keep their styled lines per line of content (kept_styled_lines.KeptStyledLines):
what they draw is what Textual's own StylesCache draws from the same content, in either language, scrolled, after
a resize and in another theme, and a line shown again (a change of language and back) is not styled anew."""

from __future__ import annotations

from pathlib import Path

from textual._styles_cache import StylesCache
from textual.strip import Strip
from textual.widget import Widget

from assess.tui.components.kept_styled_lines import KeptStyledLines
from assess.tui.components.norm_pane import NormPane
from assess.tui.components.section_list import SectionList
from tests.test_tui_support import copy_demo, open_app, run, segments


def textual_drawing(widget: Widget) -> list[Strip]:
    """What Textual draws for ``widget`` as it is now, from scratch (a new StylesCache of its own)."""
    return StylesCache().render_widget(widget, widget.size.region)


def drawn(widget: Widget) -> list[Strip]:
    return widget._styles_cache.render_widget(widget, widget.size.region)


def test_the_panes_draw_what_textual_draws_from_the_same_content(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(100, 30)) as pilot:
            panes = [app.screen.query_one(NormPane), app.screen.query_one(SectionList)]
            assert all(isinstance(pane._styles_cache, KeptStyledLines) for pane in panes)
            steps = [("l",), ("j",), ("l",), ("d",), ("k",), ("m",), ("l",), ("ctrl+z",)]
            for keys in steps:
                await pilot.press(*keys)
                await pilot.pause()
                for pane in panes:
                    assert segments(drawn(pane)) == segments(textual_drawing(pane)), (keys, type(pane).__name__)
            panes[0].scroll_to(0, 4, animate=False, immediate=True)  # the lines at other rows
            await pilot.pause()
            assert panes[0].scroll_offset.y > 0
            assert segments(drawn(panes[0])) == segments(textual_drawing(panes[0]))
            await pilot.resize_terminal(120, 36)  # another width: other lines and other styling
            await pilot.pause()
            for pane in panes:
                assert segments(drawn(pane)) == segments(textual_drawing(pane)), type(pane).__name__
            before = segments(drawn(panes[1]))
            app.theme = "textual-light" if app.theme != "textual-light" else "nord"  # other colours
            await pilot.pause()
            for pane in panes:
                assert segments(drawn(pane)) == segments(textual_drawing(pane)), type(pane).__name__
            assert segments(drawn(panes[1])) != before  # the theme did change the drawing

    run(play())


def test_a_line_shown_again_is_not_styled_anew(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(100, 30)) as pilot:
            pane = app.screen.query_one(NormPane)
            await pilot.pause()
            dutch = drawn(pane)
            await pilot.press("l")
            await pilot.pause()
            english = drawn(pane)
            assert [strip.text for strip in english] != [strip.text for strip in dutch]
            await pilot.press("l")  # back: the same content lines, so the same styled lines
            await pilot.pause()
            again = drawn(pane)
            assert [strip.text for strip in again] == [strip.text for strip in dutch]
            assert all(new is old for new, old in zip(again, dutch, strict=True))
            await pilot.resize_terminal(110, 30)  # another size: styled anew, and still as Textual does
            await pilot.pause()
            resized = drawn(pane)
            assert not any(new is old for new, old in zip(resized, dutch, strict=False))
            assert segments(resized) == segments(textual_drawing(pane))

    run(play())
