"""Dialogs dim the screen below them as Textual does, cell for cell, at a lookup per style (dimmed_modal)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual._context import visible_screen_stack
from textual.color import Color
from textual.screen import Screen
from textual.strip import Strip

from assess.tui.app import AuditApp
from assess.tui.components import dimmed_modal
from assess.tui.components.dimmed_modal import DimmedModalScreen, DimmedStyles
from tests.test_tui_support import copy_demo, open_app, run

Cell = tuple[int, int, str, Style]


def cells(strips: list[Strip]) -> list[Cell]:
    """Every cell drawn: row, column, character and its whole style (colours, attributes, links and meta)."""
    found = []
    for row, strip in enumerate(strips):
        column = 0
        for segment in strip:
            if not segment.control:
                for character in segment.text:
                    found.append((row, column, character, segment.style or Style()))
                    column += 1
    return found


def drawn(app: AuditApp) -> list[Cell]:
    app.screen.refresh()  # the dialog's own background drawn again, not taken from its caches
    app.screen._styles_cache.clear()
    visible_screen_stack.set(list(app._background_screens))  # as Textual sets it for a frame
    return cells(app.screen._compositor.render_strips())


def textuals_own(patch: pytest.MonkeyPatch) -> None:
    """A dialog drawn as Textual's ModalScreen draws it: the screen below through Rich, nothing kept."""
    from textual.widget import Widget

    from assess.tui.components.kept_background import KeptBackground

    patch.setattr(DimmedModalScreen, "render", Screen.render)
    patch.setattr(KeptBackground, "render_lines", Widget.render_lines)


@pytest.mark.parametrize(("keys", "size"), [(("e",), (80, 24)), (("i",), (80, 24)), (("f",), (80, 24)),
                                           (("question_mark",), (150, 50)), (("ctrl+p",), (80, 24)),
                                           (("s", "x"), (80, 24))],
                         ids=["edit form", "details", "filter", "help", "palette", "export over the summary"])
def test_a_dialog_draws_the_screen_below_as_textuals_modal_screen_would(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        keys: tuple[str, ...],
                                                                        size: tuple[int, int]) -> None:
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, DimmedModalScreen)
            ours = drawn(app)
            with monkeypatch.context() as patch:
                textuals_own(patch)
                textuals = drawn(app)
            assert len(ours) == size[0] * size[1]
            below = {(row, column) for row, column, character, _ in ours if character.strip()}
            assert len(below) > 400, "text of the screen below is drawn"
            assert ours == textuals
            await app.saved()
        app.autosaver.close()

    run(play())


def test_under_no_color_a_dialog_draws_the_screen_below_as_textual_would(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR adds a line filter (grey tones for every colour): the dimmed screen below goes through it too."""
    monkeypatch.setenv("NO_COLOR", "1")
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            app.theme = "ansi-dark"  # ANSI colours too: the filters make them true colour, then grey
            await pilot.press("j", "e")
            await pilot.pause()
            assert isinstance(app.screen, DimmedModalScreen)
            ours = drawn(app)
            with monkeypatch.context() as patch:
                textuals_own(patch)
                textuals = drawn(app)
            assert ours == textuals
            colours = {colour.triplet for *_, style in ours for colour in (style.color, style.bgcolor)
                       if colour is not None and colour.triplet is not None}
            assert colours and all(red == green == blue for red, green, blue in colours), "grey tones only"
            await app.saved()
        app.autosaver.close()

    run(play())


def test_each_style_is_blended_once_without_links_or_meta() -> None:
    dim = DimmedStyles(Color(0, 0, 0, 0.6))
    linked = Style(color="#ffffff", bgcolor="#202020", bold=True, link="https://example.org", meta={"@click": "x"})
    first = dim(linked)
    assert first is dim(linked), "kept"
    assert first.link is None and not first.meta and first.bold
    blended = Color(255, 255, 255).blend(Color(0, 0, 0), 0.6).rich_color
    assert first.color is not None and first.color.triplet == blended.triplet
    assert dim(None) == Style()


@pytest.mark.parametrize("between", [("m",), ("j",), ("l",), ("d",), ("ctrl+z",), ("pagedown",), ()],
                         ids=["a score", "another norm", "another language", "the description", "an undo",
                              "the text scrolled", "nothing"])
def test_a_dialog_opened_again_draws_the_audit_as_it_is_now(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          between: tuple[str, ...]) -> None:
    """The dimmed audit is kept between opens while the audit asked for no repaint (CountsRepaints): after a
    key that changed it, the dialog draws it anew, as Textual would; after none, the drawing is the one kept."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            audit = app.screen
            await pilot.press("m", "k", "e")  # back on the first norm, taller than the pane
            await pilot.pause()
            first = drawn(app)
            kept = dimmed_modal._KEPT[audit][1]
            background = app.screen._kept_background
            await pilot.press("escape", *between, "e")
            await pilot.pause()
            ours = drawn(app)
            assert (dimmed_modal._KEPT[audit][1] is kept) == (not between), "kept only while nothing changed"
            assert (app.screen._kept_background is background) == (not between), "the form's background too"
            with monkeypatch.context() as patch:
                textuals_own(patch)
                textuals = drawn(app)
            assert ours == textuals
            assert (ours == first) == (not between), "changed below: drawn anew; unchanged: the same"
            await app.saved()
        app.autosaver.close()

    run(play())


def test_the_audits_own_background_is_kept_until_its_size_or_styles_change(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual refreshes the screen below a dialog as the dialog opens, and a screen opened again, which drew the
    audit's background (under its widgets) anew every time, and the summary's; it is kept (KeptBackground)
    while its size, styles and colours stand."""
    from textual._styles_cache import StylesCache
    from textual.widget import Widget

    from assess.tui.components.audit_screen import AuditScreen
    from assess.tui.components.kept_background import KeptBackground

    drawn_for: list[object] = []
    render_widget = StylesCache.render_widget

    def counted(self: StylesCache, widget: Widget, crop: object) -> object:
        drawn_for.append(widget)
        return render_widget(self, widget, crop)  # type: ignore[arg-type]

    monkeypatch.setattr(StylesCache, "render_widget", counted)
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            audit = app.screen
            assert isinstance(audit, AuditScreen)
            for keys, size, kept in ((("e", "escape", "j", "e"), None, True), (("escape", "ctrl+p"), (100, 30), False),
                                     (("escape", "m", "ctrl+p"), None, True)):
                drawn_for.clear()
                if size is not None:  # drawn anew at the new size (as the audit is redrawn, before the dialog)
                    await pilot.resize_terminal(*size)
                    await pilot.pause()
                await pilot.press(*keys)
                await pilot.pause()
                assert (audit not in drawn_for) == kept, (keys, size)
                ours = drawn(app)
                with monkeypatch.context() as patch:
                    patch.setattr(DimmedModalScreen, "render", Screen.render)
                    patch.setattr(KeptBackground, "render_lines", Widget.render_lines)
                    assert ours == drawn(app), (keys, size)
            await pilot.press("escape", "s", "s", "m")  # the summary (a kept screen) opened again, its gaps changed
            await pilot.pause()
            drawn_for.clear()
            await pilot.press("s")
            await pilot.pause()
            summary = app.screen
            assert summary is not audit and summary not in drawn_for
            ours = [strip.text for strip in summary._compositor.render_strips()]
            with monkeypatch.context() as patch:
                patch.setattr(KeptBackground, "render_lines", Widget.render_lines)
                summary._styles_cache.clear()
                assert ours == [strip.text for strip in summary._compositor.render_strips()]
            await pilot.press("s")
            await app.saved()
        app.autosaver.close()

    run(play())


def test_the_screen_below_not_yet_laid_out_at_a_new_size_is_drawn_as_far_as_it_goes(tmp_path: Path) -> None:
    """A terminal resized under a dialog: the dialog may be drawn before the audit below is laid out at the new
    size. Its dimmed drawing is then every row and column of the new size (what the audit has, then blank), never
    a line short (Textual's compositor cannot draw a row no one drew: the audit stopped)."""
    path = copy_demo(tmp_path)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("e")
            await pilot.pause()
            below = app.screen_stack[-2]
            dimmed = dimmed_modal.DimmedScreen(below, DimmedStyles(Color(0, 0, 0, 0.6)))
            style = app.screen.visual_style
            as_laid_out = dimmed.lines(80, 24, style)
            for width, height in ((100, 40), (60, 30), (120, 20)):
                lines = dimmed.lines(width, height, style)
                assert len(lines) == height and {line.cell_length for line in lines} == {width}, (width, height)
                common = min(width, 80)
                assert [line.crop(0, common).text for line in lines[:min(height, 24)]] == [
                    line.crop(0, common).text for line in as_laid_out[:min(height, 24)]]

    run(play())
