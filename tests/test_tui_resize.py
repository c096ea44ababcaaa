"""Bursts of resizes under every screen and dialog, each frame rendered to the terminal's escape codes as the
real driver renders it (the headless driver leaves that out, and so missed a frame with a cell no one drew): no
frame fails, the screen stays open, and the audit is laid out at the last size."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual._compositor import CompositorUpdate
from textual.geometry import Size
from textual.screen import Screen

from assess.tui.app import AuditApp
from tests.test_tui_support import copy_demo, open_app, run

# grown, shrunk, one side at a time, under the minimum and down to a single cell, 20 ms apart
BURST = [(100, 30), (81, 24), (150, 45), (80, 60), (200, 24), (40, 10), (90, 25), (1, 1), (120, 40), (79, 23),
         (85, 27), (2, 2), (160, 50), (100, 30)]


@pytest.mark.parametrize("keys", [(), ("e",), ("e", "x", "y"), ("s",), ("question_mark",), ("ctrl+p",), ("f",),
                                  ("i",), ("o",), ("d",), ("a",), ("s", "ctrl+p"), ("o", "f"), ("s", "x")],
                         ids=lambda keys: "+".join(keys) or "audit")
def test_a_burst_of_resizes_draws_every_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              keys: tuple[str, ...]) -> None:
    path = copy_demo(tmp_path)
    failed: list[str] = []
    rendered = 0
    display = AuditApp._display

    def rendering_display(app: AuditApp, screen: Screen[object], update: object) -> None:
        nonlocal rendered
        if isinstance(update, CompositorUpdate):
            try:
                update.render_segments(app.console)
                rendered += 1
            except Exception as problem:  # every failing frame is reported, not only the first
                failed.append(f"{type(screen).__name__} at {app.size}: {problem!r}")
        display(app, screen, update)

    monkeypatch.setattr(AuditApp, "_display", rendering_display)

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            opened = type(app.screen)
            for columns, rows in BURST:
                app._driver._size = (columns, rows)  # type: ignore[union-attr]  # as a terminal's driver reads it
                app.post_message(events.Resize(Size(columns, rows), Size(columns, rows)))
                await asyncio.sleep(0.02)
            await pilot.pause(0.3)
            assert type(app.screen) is opened
            if keys[-1:] == ("x",):
                assert type(app.screen).__name__ == "ExportScreen"
            assert app.screen_stack[0].size == Size(100, 30)
            await pilot.press("escape")

    run(play())
    assert rendered > len(BURST)
    assert failed == []
