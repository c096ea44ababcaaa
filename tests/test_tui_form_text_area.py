"""The edit form's text area styles its theme only when its styles changed, and draws as Textual's own."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import TextArea

from assess.tui.components.form_text_area import FormTextArea
from tests.test_tui_support import run, terminal_output

CSS = """
TextArea { height: 4; }
TextArea:focus .text-area--cursor-line { background: $accent 30%; }
TextArea.marked .text-area--cursor-line { background: green; }
TextArea.marked { color: yellow; }
"""


class Areas(App[None]):
    CSS = CSS

    def __init__(self, kind: type[TextArea]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical():
            yield self.kind("eerste regel\ntweede", id="one", soft_wrap=True)
            yield self.kind("", id="two", compact=True)


async def frames(kind: type[TextArea]) -> list[str]:
    """The whole screen after each step: typing, focus, a selection, a new text, an ancestor's background, a
    component class's style, another theme, a disabled area."""
    app = Areas(kind)
    shown = []
    async with app.run_test(size=(40, 12)) as pilot:
        one, two = app.query_one("#one", TextArea), app.query_one("#two", TextArea)

        async def step(*keys: str) -> None:
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            shown.append(terminal_output(app))  # type: ignore[arg-type]

        await step()
        one.focus()
        await step("x", "y")
        await step("shift+left", "shift+left")
        await step("tab")
        two.load_text("nieuw")
        await step()
        app.query_one(Vertical).styles.background = "darkblue"
        await step()
        one.add_class("marked")
        await step("shift+tab")
        app.theme = "textual-light"
        await step()
        one.disabled = True
        await step()
        one.disabled = False
        one.remove_class("marked")
        await step("down")
    return shown


def test_it_draws_as_textuals_text_area_through_focus_selection_styles_and_themes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from textual._text_area_theme import TextAreaTheme

    styled: list[object] = []
    original = TextAreaTheme.apply_css

    def counted(self: TextAreaTheme, area: Any) -> None:
        styled.append(area)
        original(self, area)

    monkeypatch.setattr(TextAreaTheme, "apply_css", counted)
    textuals = run(frames(TextArea))
    by_textual = len(styled)
    styled.clear()
    ours = run(frames(FormTextArea))
    assert len(ours) == len(textuals) == 10
    for step, (mine, theirs) in enumerate(zip(ours, textuals, strict=True)):
        assert mine == theirs, f"step {step} drawn otherwise"
    assert 0 < len(styled) < by_textual / 2, (len(styled), by_textual)  # styled again only when styles changed
