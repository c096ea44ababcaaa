"""The panes' lines made without Textual's passes over a whole text (line_strips.LineStrips) are, segment by
segment, what Textual's ``Visual.to_strips`` makes of the same lines: every line of every norm and setting
requirement, in either language, at several widths, with the demo's answers, in two themes; and the lines
those passes would change (a tab, a line too long, a selection) are still made by Textual."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.content import Content
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from assess.tui.components.line_strips import LineStrips
from assess.tui.components.norm_pane import NormPane
from assess.tui.components.overview_pane import OverviewPane
from assess.tui.components.section_list import SectionList
from tests.test_tui_support import copy_demo, open_app, run, segments

ALL_SETTINGS = "settings: [outreach, non-specialised, outpatient, short-term-inpatient, long-term-residential]"


def demo_with_every_setting(folder: Path) -> Path:
    path = copy_demo(folder)
    text, count = re.subn(r"^settings: \[[^\]\n]*\]$", ALL_SETTINGS, path.read_text(encoding="utf-8"), count=1,
                          flags=re.MULTILINE)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    return path


def by_textual(widget: Widget, lines: list[Content], width: int, pad: bool) -> list[Strip]:
    """What Textual makes of each line at its row: the lines as one text, or, when one of them is not a line
    at ``width`` (too long: Textual folds or cuts it), each line at its row below blank ones, its first row."""
    style = widget.visual_style
    if all(line.cell_length <= width and "\t" not in line.plain for line in lines):
        return Visual.to_strips(widget, Content("\n").join(lines), width, None, style, pad=pad)
    return [Visual.to_strips(widget, Content("\n").join([*[Content("")] * row, line]), width, None, style,
                             pad=pad)[row] for row, line in enumerate(lines)]


def made(line_strips: LineStrips, lines: list[Content], width: int) -> list[Strip]:
    return line_strips._make(lines, width, line_strips._widget.visual_style)


def test_every_line_of_every_norm_is_made_as_textual_makes_it(tmp_path: Path) -> None:
    path = demo_with_every_setting(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(120, 36)) as pilot:
            screen = app.screen
            pane = screen.query_one(NormPane)
            sections = screen.query_one(SectionList)
            walk = app.walk()
            assert len(walk.items) > 62  # the settings' requirements too
            lines_seen = links_seen = 0
            # every width in one language and theme; in the others, the widths of 80 and 120 columns
            for theme, lang, widths in (("textual-dark", "nl", (24, 41, 53, 79, 118)), ("textual-dark", "en", (53, 77)),
                                        ("textual-light", "nl", (53,))):
                app.theme = theme
                app.lang = lang
                await pilot.pause()
                for width in widths:
                    for item in walk.items:
                        lines = pane._cached_lines(screen._norm_view(walk, item.id), width)
                        got = made(pane._line_strips, lines, width)
                        assert segments(got) == segments(by_textual(pane, lines, width, pad=True)), (
                            theme, lang, width, item.id)
                        assert [strip.cell_length for strip in got] == [width] * len(lines)
                        lines_seen += len(lines)
                        links_seen += sum(1 for strip in got for segment in strip
                                          if segment.style and "@click" in segment.style.meta)
                for wide in (False, True):
                    lines = sections._lines(wide)
                    width = sections.scrollable_content_region.width
                    assert segments(made(sections._line_strips, lines, width)) == segments(
                        by_textual(sections, lines, width, pad=False)), (theme, lang, wide)
            assert lines_seen > 10_000, lines_seen
            assert links_seen > 1_000  # the result choices and the hints are links: their link style is put on

            await pilot.resize_terminal(80, 24)  # the sidebar cuts its lines with "…" (its text-overflow)
            await pilot.pause()
            lines = sections._lines(False)
            width = sections.scrollable_content_region.width
            assert any(line.cell_length > width for line in lines)
            got = made(sections._line_strips, lines, width)
            assert segments(got) == segments(by_textual(sections, lines, width, pad=False))
            assert any(strip.text.endswith("…") for strip in got)

    run(play())


def test_the_overview_lines_are_made_as_textual_makes_them(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("s")
            await pilot.pause()
            overviews = list(app.screen.query(OverviewPane))
            assert overviews
            for overview in overviews:
                lines, width = overview._lines, overview.scrollable_content_region.width
                assert lines
                assert segments(made(overview._line_strips, lines, width)) == segments(
                    by_textual(overview, lines, width, pad=False))

    run(play())


def test_lines_textual_would_change_are_made_by_textual(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            pane = app.screen.query_one(NormPane)
            width = 30
            tab = Content.assemble(" a\tb ", ("bold", "bold"))
            too_long = Content.assemble(("x" * 45, "italic"))
            plain = Content("fits")
            got = made(pane._line_strips, [plain, tab, too_long], width)
            # each as Textual makes it at its row (a line too long: its first row), styles and offsets included
            assert segments(got) == segments(by_textual(pane, [plain, tab, too_long], width, pad=True))
            for row in range(3):
                offsets = {s.style.meta["offset"][1] for s in got[row] if s.style and "offset" in s.style.meta}
                assert offsets == {row}
            assert "\t" not in got[1].text and got[1].text.startswith(" a ")  # expanded, as Textual does
            assert got[2].text == "x" * 30

            # a selection on the pane: Textual's passes put its style on the lines
            lines = pane._cached_lines(pane.view, pane.scrollable_content_region.width)
            width = pane.scrollable_content_region.width
            pane.screen.selections = {pane: Selection.from_offsets(Offset(0, 0), Offset(5, 2))}
            assert pane.text_selection is not None
            selected = made(pane._line_strips, lines, width)
            assert segments(selected) == segments(by_textual(pane, lines, width, pad=True))
            # ... at every row, a line too long for the pane among them
            narrow = [*lines[:6], too_long, *lines[6:12]]
            assert segments(made(pane._line_strips, narrow, 30)) == segments(by_textual(pane, narrow, 30, pad=True))
            pane.screen.selections = {}
            assert segments(made(pane._line_strips, lines, width)) != segments(selected)

    run(play())


def test_a_strip_carries_its_row(tmp_path: Path) -> None:
    """What text selection reads: the row of each segment, as when the lines are one text."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=(100, 30)):
            pane = app.screen.query_one(NormPane)
            lines = [Content("one"), Content.assemble(("two", "bold"), " three"), Content("")]
            for row, strip in enumerate(made(pane._line_strips, lines, 20)):
                texts: list[Segment] = [s for s in strip if s.style and "offset" in s.style.meta]
                assert {s.style.meta["offset"][1] for s in texts if s.style} == {row}

    run(play())


ODD_LINES = [
    Content("汉字と日本語のテキスト"),  # two cells a character
    Content.assemble(("emoji 🙂 ", "bold"), ("👩‍🔬 wetenschapper", "italic $text-muted")),  # a joined emoji
    Content.assemble(("e\u0301e\u0301n", "bold"), " cafe\u0301 ", ("zero\u200bwidth", "$text-accent")),
    Content(""),
    Content.assemble(("x" * 20, "reverse")),  # exactly the width
    Content.assemble(("klik", "bold")).stylize("@click=edit"),
]


def test_odd_text_is_made_as_textual_makes_it(tmp_path: Path) -> None:
    """Wide characters, joined emoji, combining and zero-width characters, an empty line, a line of exactly
    the width, a link: in either pane, with links shown and not, and while the screen is selecting."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            for pane, pad in ((screen.query_one(NormPane), True), (screen.query_one(SectionList), False)):
                pane.styles.link_style = "underline"  # a link style that shows (the theme's draws as the text)
                for auto_links, selecting in ((True, False), (False, False), (True, True)):
                    pane.auto_links = auto_links
                    screen._selecting = selecting
                    got = made(pane._line_strips, ODD_LINES, 20)
                    assert segments(got) == segments(by_textual(pane, ODD_LINES, 20, pad=pad)), (
                        type(pane).__name__, auto_links, selecting)
                screen._selecting = False
                pane.auto_links = True
            # the link style is on the link only while links are shown and nothing is being selected
            pane = screen.query_one(NormPane)
            linked = made(pane._line_strips, ODD_LINES[-1:], 20)[0]
            screen._selecting = True
            plain = made(pane._line_strips, ODD_LINES[-1:], 20)[0]
            screen._selecting = False
            assert segments([linked]) != segments([plain])

    run(play())


def test_the_panes_lines_are_made_without_textual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line of a norm at the pane's width is made by LineStrips itself: Textual's to_strips is not asked."""
    path = demo_with_every_setting(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            pane = screen.query_one(NormPane)
            width = pane.scrollable_content_region.width
            calls: list[object] = []
            original = Visual.to_strips

            def counted(*args: object, **kwargs: object) -> list[Strip]:
                calls.append(args)
                return original(*args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(Visual, "to_strips", counted)
            walk = app.walk()
            for item in walk.items:
                made(pane._line_strips, pane._cached_lines(screen._norm_view(walk, item.id), width), width)
            assert calls == []

    run(play())
