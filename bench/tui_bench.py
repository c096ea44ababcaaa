"""Benchmark of the audit TUI (issue 4); not a unit test.

Measures, in one run and headless (``App.run_test``):

* time to first paint in the bench's own process: from creating the app (the TUI: also opening its file) to its
  first frame on screen (the ``Ready`` event), after a warm-up, against a minimal Textual app; several
  repetitions, medians. For context, with no goal: it leaves out the imports and the start, most of what a user
  waits for; the goal (within 1.5x the minimal app) is on the whole process, below.
* scoring all 62 norms of a new file through Pilot, and how long the UI thread is busy handling each
  keystroke: the time the event loop spends running callbacks (handlers, layout, rendering) between
  the key press and the app being idle again. Pilot's own waiting is sleep, so it is not counted.
  Goal: no keystroke slower than one frame (16 ms). The same is measured on the minimal app, as
  the floor Textual and Pilot set, before and after the audit's keys, pooled.
  For context, with no goal: the same keys 0.3 s apart, as a person reading each norm presses them, on both apps,
  and the audit's work in the pauses (its saves, and the next norm's lines, which it makes a moment after a key:
  Pilot's keys back to back leave it no such moment).

* every kind of key on the demo with all 5 settings chosen (score ``m``, move ``j``/``k``, summary ``s`` and back,
  edit form ``e`` and ``escape``, language ``l``, the palette ``ctrl+p`` and ``escape``), each pressed ``--rounds``
  times, against the minimal app's key in the same run (pressed before and after them, pooled): medians and maxima,
  and each key's ratio to the minimal app's median (goal: at most 3x, and at most one frame on a quiet machine). The
  summary, the edit form and the palette are measured twice: opened in the language they were last shown in, and
  opened first after a change of language (the summary and the palette are relabelled as they open; the edit form
  is kept per language, so it opens as it was last shown in that language, often on another norm). The edit form
  is also measured opened on the next norm (``j`` then ``e``: another norm's text, which may take other lines), and
  its rounds are also shown apart by whether the text took as many lines as the last one (a repaint) or others (a
  layout of the form).
* for context, with no goal: the same minimal app with a screenful of text doing what ``l`` and ``e`` do at their
  simplest (the other language's text in its place; a kept stock Textual dialog opened and closed over it), so the
  ratios can be read against what Textual itself takes for that work.
* for context, with no goal: the audit's ``e`` (after ``j`` or ``k``) when the form it opens is a kept dialog with
  no widget at all, or of a single widget (a Static, updated with the norm's text and laid out again), each on
  assess's dimmed modal and on an opaque background (the screen below not drawn): the empty dialog is what
  pushing any kept form over the audit costs before its widgets, the floor under the edit form's own figures.
* ``--profile``: the top functions of 30 scoring keystrokes (cProfile inside Pilot), and of each other
  kind of key (``--profile-keys``).
* the whole process in a pseudo-terminal (80x24): from spawning ``python -m assess audit FILE`` (the demo,
  all 5 settings) until its first frame is on the terminal (the file's name, in the top line, on the pty),
  against a script that runs the minimal app (until its text is on the pty); pairs of runs, alternating,
  medians. This includes starting Python, the imports, reading the file and Textual's start. The processes
  run as after ``pip install``: with bytecode (a PYTHONDONTWRITEBYTECODE in this shell is dropped for them;
  the first pair, not counted, writes it).
* the same whole process headless: both programs run by ``headless_first_paint.py`` on Textual's headless driver
  (on a pty, which the audit checks for, though nothing is drawn on it), timed from spawning to the ``Ready`` event,
  which the in-process figure times too. Goal for both whole-process figures: within 1.5x the minimal app.

Run: ``python bench/tui_bench.py [--repeat N] [--rounds N] [--pty-pairs N] [--profile] [--profile-keys]
[--keys-only]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import gc
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from assess.files.catalog_file import load_catalog
from assess.model.catalog import Norm
from assess.tui import session
from assess.tui.app import AuditApp
from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.components.edit_screen import EditScreen
from assess.tui.state import Draft

FRAME_MS = 16.0
READER_PAUSE = 0.3  # s between keys as a person scoring norms presses them (Pilot's own wait is about 0.08 s)
PAINT_RATIO_GOAL = 1.5
KEY_RATIO_GOAL = 3.0
SIZE = (80, 24)
ROOT = Path(__file__).resolve().parents[1]
MINIMAL_MARK = "minimal-app-first-frame"
HEADLESS_MARK = "headless-first-frame-ready"  # written by headless_first_paint.py
MINIMAL_SCRIPT = f"""
from textual.app import App
from textual.widgets import Footer, Static

class MinimalApp(App):
    BINDINGS = [("m", "count", "Count")]

    def compose(self):
        yield Static("{MINIMAL_MARK}")
        yield Footer()

MinimalApp().run()
"""


class MinimalApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("m", "count", "Count")]

    def compose(self) -> ComposeResult:
        yield Static("0", id="count")
        yield Footer()

    def on_ready(self) -> None:
        self.painted_at = time.perf_counter()

    def action_count(self) -> None:
        counter = self.query_one("#count", Static)
        counter.update(str(int(str(counter.render())) + 1))


class MinimalTextApp(MinimalApp):
    """For context only: the minimal app with a screenful of text (the audit screen is full of it)."""

    def compose(self) -> ComposeResult:
        catalog = load_catalog()
        yield Static("\n\n".join(n.text.nl for n in catalog.principle_norms[:12]), id="count")
        yield Footer()


class StockDialog(ModalScreen[None]):
    """For context only: a stock Textual dialog (one label), dimming the screen below as Textual does."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]
    DEFAULT_CSS = "StockDialog { align: center middle; } StockDialog Label { border: round $accent; }"

    def compose(self) -> ComposeResult:
        yield Label("a dialog")


class MinimalContextApp(MinimalApp):
    """For context only: the minimal app with a screenful of text (the lines above its footer), doing what `l`
    and `e` do at their simplest: ``t`` puts the other language's text in its place, ``e`` opens a kept stock
    dialog, ``escape`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("t", "other_language", "Language"),
                                             Binding("e", "dialog", "Dialog")]

    def compose(self) -> ComposeResult:
        norms = load_catalog().principle_norms
        self.texts = [screenful(" ".join(n.text.en for n in norms)), screenful(" ".join(n.text.nl for n in norms))]
        yield Static(self.texts[1], id="count")
        yield Footer()

    def on_mount(self) -> None:
        self.install_screen(StockDialog(), "dialog")

    def action_other_language(self) -> None:
        self.texts.reverse()
        self.query_one("#count", Static).update(self.texts[0])

    def action_dialog(self) -> None:
        self.push_screen("dialog")


def screenful(text: str) -> str:
    """As many lines of ``text`` as fill the screen above a footer, wrapped at its width."""
    return "\n".join(textwrap.wrap(text, SIZE[0])[:SIZE[1] - 1])


CONTEXT_KEYS = [("the other language's text (t, as l)", "t"), ("a stock dialog (e)", "e"),
                ("the stock dialog closed (escape)", "escape")]


class EmptyForm(DimmedModalScreen[None]):
    """For context only: a kept dialog with no widget, on assess's own dimmed modal: what pushing a kept form
    opened by ``e`` over the audit costs before any widget of its own."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def fill(self, norm: Norm, lang: str) -> None:
        pass

    def action_close(self) -> None:
        self.dismiss(None)


class OpaqueEmptyForm(EmptyForm):
    """For context only: :class:`EmptyForm` on an opaque background: the screen below is not drawn at all."""

    DEFAULT_CSS = "OpaqueEmptyForm { background: $background; }"


class OneWidgetForm(EmptyForm):
    """For context only: the edit form's frame with a single widget in it (the norm's text and blank lines, as
    tall as the form; its update lays it out again), on assess's own dimmed modal."""

    DEFAULT_CSS = """
    OneWidgetForm { align: center middle; }
    OneWidgetForm > Static { width: 90%; max-width: 100; height: auto; max-height: 100%; border: round $accent;
                             background: $surface; padding: 0 1; }
    """
    text = ""

    def compose(self) -> ComposeResult:
        yield Static(self.text)

    def fill(self, norm: Norm, lang: str) -> None:
        self.text = norm.text[lang] + "\n" * 16  # about the form's height at 80x24
        if self.is_mounted:
            self.query_one(Static).update(self.text)


class OpaqueOneWidgetForm(OneWidgetForm):
    """For context only: :class:`OneWidgetForm` on an opaque background: the screen below is not drawn at all."""

    DEFAULT_CSS = "OpaqueOneWidgetForm { background: $background; }"


FLOOR_FORMS: dict[str, type[EmptyForm]] = {
    "an empty dialog (e)": EmptyForm, "an empty dialog, opaque (e)": OpaqueEmptyForm,
    "a form of one widget (e)": OneWidgetForm, "a form of one widget, opaque (e)": OpaqueOneWidgetForm}


async def floor_form_keys(folder: Path, rounds: int) -> dict[str, list[float]]:
    """UI-thread busy time (ms) of ``e`` on the demo with all settings when the form ``e`` opens is one of
    :data:`FLOOR_FORMS` (kept, refilled at every open, as the edit form), after ``j`` and after ``k`` as the
    bench's ``e`` keys are pressed after a move; ``rounds`` times each (twice per round)."""
    catalog = load_catalog()
    times: dict[str, list[float]] = {}
    for label, form_class in FLOOR_FORMS.items():
        opened = session.open_or_create(demo_with_all_settings(folder, "floor.yaml"), catalog, "nl")
        app = AuditApp(opened, catalog, "nl")
        forms: dict[str, EmptyForm] = {}

        def edit_form(norm_id: str, _draft: Draft | None = None, app: AuditApp = app,
                      forms: dict[str, EmptyForm] = forms, form_class: type[EmptyForm] = form_class
                      ) -> EmptyForm:
            form = forms.get(app.lang)
            if form is None:
                form = forms[app.lang] = form_class()
                app.install_screen(form, f"one-widget-form-{app.lang}")
            form.fill(app.catalog.item(norm_id), app.lang)
            return form

        app.edit_form = edit_form  # type: ignore[assignment, method-assign]  # the audit's e opens this one
        times[label] = []
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "k", "e", "escape")  # warm up
            for _ in range(rounds):
                for move in ("j", "k"):
                    await pilot.press(move)
                    with LoopBusyMeter() as meter:
                        await pilot.press("e")
                    times[label].append(meter.busy * 1000)
                    await pilot.press("escape")
            await app.saved()
        app.autosaver.close()
    return times


class TimedAuditApp(AuditApp):
    def on_ready(self) -> None:
        self.painted_at = time.perf_counter()


class LoopBusyMeter:
    """Wall time spent inside event-loop callbacks on the UI thread."""

    def __init__(self) -> None:
        self.busy = 0.0
        self._thread = threading.get_ident()
        self._original = asyncio.events.Handle._run

    def __enter__(self) -> LoopBusyMeter:
        meter = self
        original = self._original

        def timed_run(handle: asyncio.events.Handle) -> None:
            if threading.get_ident() != meter._thread:
                return original(handle)
            start = time.perf_counter()
            try:
                return original(handle)
            finally:
                meter.busy += time.perf_counter() - start

        asyncio.events.Handle._run = timed_run  # type: ignore[method-assign, assignment]
        return self

    def __exit__(self, *_exc: object) -> None:
        asyncio.events.Handle._run = self._original  # type: ignore[method-assign]


async def first_paint_minimal(app_class: type[MinimalApp] = MinimalApp) -> float:
    start = time.perf_counter()
    app = app_class()
    async with app.run_test(size=SIZE):
        pass
    return app.painted_at - start


async def first_paint_audit(folder: Path, repetition: int, with_opening: bool = True) -> float:
    """From opening the file (or, without ``with_opening``, from creating the app) to the first frame."""
    catalog = load_catalog()
    demo = Path(__file__).resolve().parents[1] / "assess" / "data" / "demo.yaml"
    path = folder / f"paint-{repetition}.yaml"
    path.write_text(demo.read_text(encoding="utf-8"), encoding="utf-8")
    start = time.perf_counter()
    opened = session.open_or_create(path, catalog, "nl")
    if not with_opening:
        start = time.perf_counter()
    app = TimedAuditApp(opened, catalog, "nl")
    async with app.run_test(size=SIZE):
        pass
    app.autosaver.close()
    return app.painted_at - start


async def keystrokes(app: App[Any], keys: list[str], warm_up: bool = True, pause: float = 0.0,
                     between: list[float] | None = None) -> list[float]:
    """UI-thread busy time (ms) for each key; ``pause``: seconds after each key (once Pilot found the app idle),
    as a person reading between keys, the busy time (ms) of each pause added to ``between``."""
    times = []
    async with app.run_test(size=SIZE) as pilot:
        if warm_up:
            await pilot.press(keys[0])
        for key in keys:
            with LoopBusyMeter() as meter:
                await pilot.press(key)
            times.append(meter.busy * 1000)
            if pause:
                with LoopBusyMeter() as meter:
                    await asyncio.sleep(pause)
                if between is not None:
                    between.append(meter.busy * 1000)
        if isinstance(app, AuditApp):
            await app.saved()
    return times


async def context_keys(rounds: int) -> dict[str, list[float]]:
    """UI-thread busy time (ms) of :class:`MinimalContextApp`'s keys, ``rounds`` times each."""
    times: dict[str, list[float]] = {label: [] for label, _ in CONTEXT_KEYS}
    async with MinimalContextApp().run_test(size=SIZE) as pilot:
        await pilot.press("t", "e", "escape")  # warm up
        for _ in range(rounds):
            for label, key in CONTEXT_KEYS:
                with LoopBusyMeter() as meter:
                    await pilot.press(key)
                times[label].append(meter.busy * 1000)
    return times


ALL_SETTINGS = "settings: [outreach, non-specialised, outpatient, short-term-inpatient, long-term-residential]"
AFTER_LANGUAGE = ", first after a change of language"
ANOTHER_NORM = "edit form (e), on the next norm"  # another norm than the form was last opened on
# the rounds of ANOTHER_NORM apart: its text takes as many lines as the last one's (a repaint), or others (a layout)
SAME_LINES = "  ... its text as many lines (a repaint)"
OTHER_LINES = "  ... its text other lines (a layout)"
# Each round: every kind of key with the screens last opened in the language they open in now (the common
# case: l pressed twice, there and back), then l once and the summary, the edit form and the palette again,
# each the first open since the change of language (the summary and the palette are relabelled as they open; the
# edit form of that language opens as it was last shown, on the norm of an earlier round).
SCORE = "score (m, p)"  # m in one round, p in the next: each press changes the answer (and saves it)
KEYS = [(SCORE, ["m"]), ("move (j)", ["j"]), ("move (k)", ["k"]), ("summary (s)", ["s"]),
        ("summary back (s)", ["s"]), ("edit form (e)", ["e"]), ("edit cancel (escape)", ["escape"]),
        ("move (j)", ["j"]), (ANOTHER_NORM, ["e"]), ("edit cancel (escape)", ["escape"]), ("move (k)", ["k"]),
        ("language (l)", ["l"]), ("language (l)", ["l"]), ("palette (ctrl+p)", ["ctrl+p"]),
        ("palette close (escape)", ["escape"]),
        ("language (l)", ["l"]), (f"summary (s){AFTER_LANGUAGE}", ["s"]), ("summary back (s)", ["s"]),
        (f"edit form (e){AFTER_LANGUAGE}", ["e"]), ("edit cancel (escape)", ["escape"]),
        (f"palette (ctrl+p){AFTER_LANGUAGE}", ["ctrl+p"]), ("palette close (escape)", ["escape"])]


def demo_with_all_settings(folder: Path, name: str) -> Path:
    demo = Path(__file__).resolve().parents[1] / "assess" / "data" / "demo.yaml"
    text, count = re.subn(r"^settings: \[[^\]\n]*\]$", ALL_SETTINGS, demo.read_text(encoding="utf-8"), count=1,
                          flags=re.MULTILINE)
    assert count == 1, "the demo's settings line has changed"
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


async def profiled(pilot: Pilot[None], what: str, presses: list[list[str]]) -> None:
    """Print the top functions (cumulative) of ``presses``, the profiler on only while keys are handled."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    for keys in presses:
        profiler.enable()
        await pilot.press(*keys)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
    print(f"\nProfile of {what} (cumulative; waiting in select left out):")
    print("\n".join(line for line in out.getvalue().splitlines()
                    if line.strip() and "select" not in line and "epoll" not in line)[:7000])


async def every_key(folder: Path, rounds: int, profile: bool, profile_keys: bool = False) -> dict[str, list[float]]:
    """UI-thread busy time (ms) of each kind of key, ``rounds`` times each, on the demo with all settings."""
    catalog = load_catalog()
    opened = session.open_or_create(demo_with_all_settings(folder, "keys.yaml"), catalog, "nl")
    app = AuditApp(opened, catalog, "nl")
    times: dict[str, list[float]] = {label: [] for label, _ in KEYS}
    for kind in (SAME_LINES, OTHER_LINES):
        times[kind] = []
    text_layouts = -1  # how often the edit form's norm text was laid out, when last seen
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "k")  # warm up
        for round_number in range(rounds):
            for label, keys in KEYS:
                if label == SCORE:
                    keys = ["p"] if round_number % 2 else ["m"]
                with LoopBusyMeter() as meter:
                    await pilot.press(*keys)
                times[label].append(meter.busy * 1000)
                if isinstance(app.screen, EditScreen):
                    layouts = app.screen.query_one("#norm-text")._layout_updates
                    if label == ANOTHER_NORM:
                        times[SAME_LINES if layouts == text_layouts else OTHER_LINES].append(meter.busy * 1000)
                    text_layouts = layouts
            await pilot.press("k")  # back to where the round began (the score moved on)
        if profile:
            # `a` asks why: enter goes on (else the keys after it would be typed into the reason)
            scoring = [keys for i in range(30) for keys in ([["a"], ["enter"]] if i % 4 == 3 else [["mpn"[i % 4]]])]
            await profiled(pilot, "30 scoring keystrokes", scoring)
        if profile_keys:
            for label, keys in dict(KEYS).items():
                await profiled(pilot, f"{label}, 5 times", [keys] * 5)
                if label == SCORE:
                    await pilot.press("k")
        await app.saved()
    app.autosaver.close()
    return times


def first_frame_on_pty(command: list[str], mark: str, env: dict[str, str], timeout: float = 30.0,
                       quit_key: bool = True) -> float:
    """Seconds from spawning ``command`` on a new 80x24 pseudo-terminal until ``mark`` is in its output;
    then it is asked to quit (ctrl+q; without ``quit_key`` it is not) and, if it does not, killed."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    wanted = mark.encode()
    output = bytearray()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
                               close_fds=True, cwd=ROOT)
    os.close(slave)
    try:
        while wanted not in output:
            if time.perf_counter() - start > timeout or process.poll() is not None:
                raise RuntimeError(f"{command}: no {mark!r} on the terminal: {output[-400:]!r}")
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                output += os.read(master, 65536)
        elapsed = time.perf_counter() - start
        if not quit_key:
            return elapsed  # killed below
        os.write(master, b"\x11")  # ctrl+q
        deadline = time.perf_counter() + 10
        while process.poll() is None and time.perf_counter() < deadline:
            if select.select([master], [], [], 0.05)[0]:
                with contextlib.suppress(OSError):
                    os.read(master, 65536)
        return elapsed
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)


def pty_first_paint(folder: Path, pairs: int, headless: bool = False) -> tuple[list[float], list[float]]:
    """Paired runs, alternating (minimal app, then the audit), each a whole new process on a pty; ``headless``:
    run by ``headless_first_paint.py`` on Textual's headless driver, timed to the Ready event (the first frame
    drawn), which the in-process figures time too (the pty is only there for the audit's check for a terminal)."""
    script = folder / "minimal_app.py"
    script.write_text(MINIMAL_SCRIPT, encoding="utf-8")
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(SIZE[0]), "LINES": str(SIZE[1]),
           "XDG_STATE_HOME": str(folder / "state")}
    env.pop("ASSESS_KEYMAP", None)
    # As after `pip install`: with bytecode (written by the first, uncounted pair), as Textual's is compiled at
    # install; a PYTHONDONTWRITEBYTECODE in this shell would have assess's sources compiled on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runner = [sys.executable]
    if headless:
        runner.append(str(Path(__file__).with_name("headless_first_paint.py")))
    minimal, audit = [], []
    for index in range(-1, pairs):  # the first pair warms the disk cache and the catalog cache; not counted
        name = f"{'headless' if headless else 'pty'}-paint-{index + 1}.yaml"
        path = demo_with_all_settings(folder, name)
        took_minimal = first_frame_on_pty([*runner, str(script)], HEADLESS_MARK if headless else MINIMAL_MARK, env,
                                          quit_key=not headless)
        took_audit = first_frame_on_pty([*runner, "-m", "assess", "audit", str(path), "--lang", "nl"],
                                        HEADLESS_MARK if headless else name, env, quit_key=not headless)
        if index >= 0:
            minimal.append(took_minimal)
            audit.append(took_audit)
    return minimal, audit


def load_text() -> str:
    load = os.getloadavg()
    return f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {len(os.sched_getaffinity(0))} CPUs"


def spread(seconds: list[float]) -> str:
    return (f"{statistics.median(seconds) * 1000:6.1f} ms  (min {min(seconds) * 1000:.1f}, "
            f"max {max(seconds) * 1000:.1f})")


def whole_process_figures(how: str, short: str, labels: tuple[str, str], minimal: list[float],
                          audit: list[float]) -> tuple[str, bool]:
    """Print the paired whole-process first paints (``how`` they were run) and give their goal line."""
    ratio = statistics.median(audit) / statistics.median(minimal)
    print(f"\nWhole process to first frame {how} [{load_text()}]")
    print(f"  {labels[0]} {spread(minimal)}")
    print(f"  {labels[1]} {spread(audit)}  ratio {ratio:.2f}")
    per_pair = [a / m for a, m in zip(audit, minimal, strict=True)]
    print(f"  ratio per pair: median {statistics.median(per_pair):.2f}, "
          f"min {min(per_pair):.2f}, max {max(per_pair):.2f}")
    return (f"first paint, whole process {short}: {ratio:.2f}x the minimal app (goal <= {PAINT_RATIO_GOAL}x)",
            ratio <= PAINT_RATIO_GOAL)


def print_context(title: str, times: dict[str, list[float]], width: int, base: float) -> None:
    """Print keys measured for context (no goal) against ``base``, the minimal app's key, with the load now."""
    print(f"  for context (no goal), {title} [{load_text()}]:")
    for label, values in times.items():
        print(f"    {label:<{width - 2}} median {statistics.median(values):6.1f} ms  "
              f"max {max(values):6.1f} ms  {statistics.median(values) / base:5.1f}x the minimal app")


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def describe(name: str, values: list[float]) -> str:
    return (f"{name}: median {statistics.median(values):.1f} ms, p90 {statistics.quantiles(values, n=10)[-1]:.1f} ms, "
            f"max {max(values):.1f} ms (n={len(values)})")


async def main(repeat: int, rounds: int = 15, profile: bool = False, pty_pairs: int = 7,
               profile_keys: bool = False, keys_only: bool = False) -> int:
    catalog = load_catalog()
    goals: list[tuple[str, bool]] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print(f"[{load_text()} at the start]")
        if keys_only:
            repeat, pty_pairs = 0, 0
        # Warm both once: imports and Textual's caches are not what is measured.
        await first_paint_minimal()
        await first_paint_audit(folder, -1)
        await first_paint_minimal(MinimalTextApp)
        minimal, texty, audit, app_only = [], [], [], []
        for i in range(repeat):  # interleaved, so a busy moment of the machine hits all alike
            minimal.append(await first_paint_minimal())
            texty.append(await first_paint_minimal(MinimalTextApp))
            audit.append(await first_paint_audit(folder, i))
            app_only.append(await first_paint_audit(folder, i + repeat, with_opening=False))
        if repeat:
            paint_ratio = statistics.median(audit) / statistics.median(minimal)
            app_ratio = statistics.median(app_only) / statistics.median(minimal)
            # No goal here: the goal for the first paint is the whole process (on a pty and headless,
            # below), of which this in-process figure after a warm-up leaves out the imports and the start.
            print(f"Time to first paint in this process (headless, 80x24, after a warm-up, medians of {repeat}; "
                  f"no goal, for context) [{load_text()}]")
            print(f"  minimal Textual app (a Static and a Footer):      {statistics.median(minimal) * 1000:6.1f} ms")
            print(f"  assess audit, demo file opened and validated too: {statistics.median(audit) * 1000:6.1f} ms"
                  f"  ratio {paint_ratio:.2f}")
            print(f"  assess audit, file already opened (the TUI only):  {statistics.median(app_only) * 1000:6.1f} ms"
                  f"  ratio {app_ratio:.2f}")
            print(f"  for context, the minimal app with a screenful of text: {statistics.median(texty) * 1000:6.1f} ms"
                  f"  (the TUI only is {statistics.median(app_only) / statistics.median(texty):.2f}x that)")

        if pty_pairs:
            goals.append(whole_process_figures(
                f"in a pseudo-terminal (80x24, {pty_pairs} pairs, alternating, medians)", "on a pty",
                ("python minimal_app.py (the minimal app):           ",
                 "python -m assess audit FILE (the demo, 5 settings):"),
                *pty_first_paint(folder, pty_pairs)))
            goals.append(whole_process_figures(
                f"headless (Textual's headless driver, to its Ready event; 80x24, {pty_pairs} pairs, alternating, "
                "medians)", "headless",
                ("the minimal app:                                 ",
                 "assess audit FILE (the demo, 5 settings):        "),
                *pty_first_paint(folder, pty_pairs, headless=True)))

        assessed = len(norms := catalog.principle_norms)
        if not keys_only:
            norms = catalog.principle_norms
            path = folder / "all.yaml"
            opened = session.open_or_create(path, catalog, "nl")
            app = AuditApp(opened, catalog, "nl")
            # `a` asks why the norm does not apply: enter goes on without a reason (a keystroke of its own,
            # measured too). The warm-up key is a met on the first norm, as before `a` asked.
            keys = ["m"] + [k for i in range(len(norms)) for k in (["a", "enter"] if i % 4 == 3 else ["mpn"[i % 4]])]
            # the minimal app's keys before and after the audit's, pooled (as for the demo's keys below)
            minimal_before = await keystrokes(MinimalApp(), ["m"] * len(norms))
            start = time.perf_counter()
            timed = await keystrokes(app, keys, warm_up=False)
            score_keys = [ms for key, ms in zip(keys[1:], timed[1:], strict=True) if key != "enter"]
            enter_keys = [ms for key, ms in zip(keys[1:], timed[1:], strict=True) if key == "enter"]
            audit_keys = score_keys + enter_keys
            total = time.perf_counter() - start
            app.autosaver.close()
            saved = session.read(path, catalog).assessment
            assessed = sum(1 for n in norms if saved.result(n.id))
            minimal_after = await keystrokes(MinimalApp(), ["m"] * len(norms))
            minimal_keys = minimal_before + minimal_after
            slowest = max(audit_keys)
            print(f"\nScoring all {len(norms)} norms of a new file through Pilot (each norm scored once): "
                  f"{total:.2f} s in all ({assessed} assessed on disk afterwards) [{load_text()}]")
            print("  UI-thread busy time per keystroke:")
            print("  " + describe("assess audit", audit_keys))
            print("  " + describe("  score keys", score_keys))
            print("  " + describe("  enter after a", enter_keys))
            print("  " + describe("minimal app ", minimal_keys) + f"  (before the audit's keys "
                  f"{statistics.median(minimal_before):.1f}, after them {statistics.median(minimal_after):.1f})")
            score_ratio = statistics.median(score_keys) / statistics.median(minimal_keys)
            print(f"  score keys {score_ratio:.1f}x the minimal app (medians); slowest keystroke {slowest:.1f} ms")
            goals.append((f"scoring a new file: score keys {score_ratio:.1f}x the minimal app "
                          f"(goal <= {KEY_RATIO_GOAL:.0f}x)", score_ratio <= KEY_RATIO_GOAL))
            goals.append((f"scoring a new file: score keys median {statistics.median(score_keys):.1f} ms "
                          f"(goal <= {FRAME_MS:.0f} ms, on a quiet machine)",
                          statistics.median(score_keys) <= FRAME_MS))
            # for context: the same keys as a reader presses them, the norm pane's next norm made between them
            paced_opened = session.open_or_create(folder / "paced.yaml", catalog, "nl")
            paced_app = AuditApp(paced_opened, catalog, "nl")
            paced_between: list[float] = []
            paced = await keystrokes(paced_app, keys, warm_up=False, pause=READER_PAUSE, between=paced_between)
            paced_app.autosaver.close()
            paced_score = [ms for key, ms in zip(keys[1:], paced[1:], strict=True) if key != "enter"]
            paced_minimal = await keystrokes(MinimalApp(), ["m"] * len(norms), pause=READER_PAUSE)
            print(f"  for context (no goal), the same keys {READER_PAUSE:.2f} s apart, as a reader presses them "
                  f"[{load_text()}]:")
            print("  " + describe("  score keys", paced_score))
            print("  " + describe("minimal app ", paced_minimal))
            print(f"  score keys {statistics.median(paced_score) / statistics.median(paced_minimal):.1f}x the minimal "
                  f"app; the audit's work between two keys (saving, the next norm's lines made ahead): "
                  f"median {statistics.median(paced_between):.1f} ms")

        # the minimal app's key before and after the demo's keys, pooled: a slower stretch of the machine
        # (or the collection of the demo app's garbage) does not make the floor of one side alone
        gc.collect()
        floor_before = await keystrokes(MinimalApp(), ["m"] * rounds)
        per_key = await every_key(folder, rounds, profile, profile_keys)
        gc.collect()
        floor_after = await keystrokes(MinimalApp(), ["m"] * rounds)
        floor = floor_before + floor_after
        base = statistics.median(floor)
        print(f"\nEvery key on the demo with all 5 settings chosen, {rounds} times each, UI-thread busy time "
              f"[{load_text()}]:")
        width = max(len(label) for label in per_key)
        print(f"  {'minimal app (m)':<{width}} median {base:6.1f} ms  max {max(floor):6.1f} ms  (before the demo's "
              f"keys {statistics.median(floor_before):.1f}, after them {statistics.median(floor_after):.1f})")
        for label, values in per_key.items():
            if not values:  # every round's norm text of one kind
                print(f"  {label:<{width}} (no round)")
                continue
            median = statistics.median(values)
            print(f"  {label:<{width}} median {median:6.1f} ms  max {max(values):6.1f} ms  "
                  f"{median / base:5.1f}x the minimal app  "
                  f"{'within a frame' if median <= FRAME_MS else 'OVER A FRAME'}")
            goals.append((f"{label}: {median / base:.1f}x the minimal app (goal <= {KEY_RATIO_GOAL:.0f}x)",
                          median / base <= KEY_RATIO_GOAL))
            goals.append((f"{label}: median {median:.1f} ms (goal <= {FRAME_MS:.0f} ms, on a quiet machine)",
                          median <= FRAME_MS))
        print_context("the minimal app with a screenful of text", await context_keys(rounds), width, base)
        print_context("the audit's e opening a kept empty dialog, or one of one widget, instead of the edit form",
                      await floor_form_keys(folder, rounds), width, base)
        print(f"\nGoals [{load_text()} at the end]:")
        for text, met in goals:
            print(f"  {verdict(met):<8} {text}")
        return 0 if all(met for _, met in goals) and assessed == len(norms) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=15, help="presses of each kind of key (default 15)")
    parser.add_argument("--pty-pairs", type=int, default=7,
                        help="pairs of whole-process runs on a pseudo-terminal (default 7; 0: none)")
    parser.add_argument("--profile", action="store_true", help="profile 30 scoring keystrokes")
    parser.add_argument("--profile-keys", action="store_true", help="profile each other kind of key too")
    parser.add_argument("--keys-only", action="store_true",
                        help="only the keys on the demo (no first paint, no scoring of a new file)")
    options = parser.parse_args()
    sys.exit(asyncio.run(main(options.repeat, options.rounds, options.profile, options.pty_pairs,
                              options.profile_keys, options.keys_only)))
