"""Helpers shared by the TUI tests (this module holds no tests itself)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from assess.files.catalog_file import load_catalog
from assess.files.paths import package_data
from assess.files.writer import dump
from assess.model.assessment import Answer, Assessment, Service
from assess.model.catalog import Catalog
from assess.tui import session
from assess.tui.app import AuditApp

FIXED_DATE = dt.date(2026, 11, 23)
SIZE = (80, 24)


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run one async test body (the project does not use pytest-asyncio)."""
    return asyncio.run(coroutine)


def open_app(path: Path, lang: str = "en", keymap: dict[str, str] | None = None) -> AuditApp:
    catalog = load_catalog()
    return AuditApp(session.open_or_create(path, catalog, lang, today=FIXED_DATE), catalog, lang, keymap,
                    state_folder=path.parent / ".assess-state")


def copy_demo(folder: Path, name: str = "demo.yaml") -> Path:
    target = folder / name
    target.write_text((package_data("data") / "demo.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return target


def write_assessment(path: Path, answers: dict[str, Answer], settings: tuple[str, ...] = (),
                     catalog: Catalog | None = None) -> Path:
    catalog = catalog or load_catalog()
    assessment = Assessment(checklist=catalog.id, checklist_version=catalog.version, service=Service("Test"),
                            date=FIXED_DATE, language="en", settings=settings, answers=answers)
    path.write_text(dump(assessment, catalog), encoding="utf-8")
    return path


def text(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    return str(widget.render())


def shown(app: AuditApp, widget_id: str) -> str:
    return text(app.screen.query_one(f"#{widget_id}"))


async def settle(app: AuditApp, pilot: Pilot) -> None:
    """Let every queued save finish and the app handle what it reported."""
    await app.saved()
    await pilot.pause()


async def until(pilot: Pilot, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the app work until ``condition`` holds, or ``seconds`` have passed (the test's asserts then fail).

    ``pilot.pause()`` takes the app for idle when the process uses little CPU, which a starved process on a
    loaded machine also does: a burst of keys may still be on its way through the app's queues then."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.02)


async def type_text(pilot: Pilot, value: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in value))


def send_burst(app: AuditApp, value: str, last_key: str) -> None:
    """Send ``value`` and then ``last_key`` at once, without waiting between keys (a paste, a fast typist)."""
    from textual import events

    for char in value:
        app.post_message(events.Key(char, char))
    app.post_message(events.Key(last_key, None))


def pane_text(app: AuditApp) -> str:
    """The audit's norm pane as plain text."""
    from assess.tui.components.norm_pane import NormPane

    return "\n".join(app.screen_stack[0].query_one(NormPane).lines)


def pane_field(app: AuditApp, name: str) -> str:
    """One field of the norm pane (Evidence, Note, Action...), its wrapped lines joined by spaces."""
    lines = pane_text(app).splitlines()
    out: list[str] = []
    for line in lines:
        body = line[1:]
        if body.startswith(name.ljust(11)):
            out.append(body[11:].strip())
        elif out and body.startswith(" " * 11) and body.strip():
            out.append(body.strip())
        elif out:
            break
    return " ".join(out)


def pane_line(app: AuditApp, needle: str) -> int:
    """The row of the pane that shows ``needle``."""
    for row, line in enumerate(pane_text(app).splitlines()):
        if needle in line:
            return row
    raise AssertionError(f"{needle!r} is not in the pane")


def current(app: AuditApp) -> str:
    from assess.tui.components.audit_screen import AuditScreen

    return app.screen_stack[0].current if isinstance(app.screen_stack[0], AuditScreen) else ""


def terminal_output(app: AuditApp) -> str:
    """What the app would send to the terminal for a full repaint of the screen now (escape sequences and all)."""
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), force_terminal=True, width=app.size.width, color_system="truecolor")
    # with the screens below, as Textual draws (a dialog's background is the screen below it, dimmed)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "".join(update.render_segments(console))


def screen_strips(app: AuditApp) -> list[Strip]:
    """The lines of the whole screen as its compositor puts them together for a frame (the screens below it set
    for a dialog to draw dimmed, as Textual sets them)."""
    from textual._context import visible_screen_stack

    visible_screen_stack.set(app._background_screens)
    return app.screen._compositor.render_strips()


def toasts(app: AuditApp) -> list[str]:
    """The text (title and message) of every notification shown now."""
    return [f"{n.title}\n{n.message}" for n in app._notifications]


def segments(strips: list[Strip]) -> list[list[tuple[str, object]]]:
    """Text and style (meta included: click actions, offsets, a scrollbar's mouse actions) of every segment."""
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]
