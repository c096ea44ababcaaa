"""Run a Textual program headless, as a whole process, and write MARK to stdout when its first frame is ready.

    python bench/headless_first_paint.py SCRIPT [ARGS...]
    python bench/headless_first_paint.py -m MODULE [ARGS...]

The program runs as it would on its own (its imports, its start-up, the file it opens), with Textual's
headless driver in place of the terminal's: App.run is given ``headless=True``. At Textual's Ready event (the
DOM ready and the first frame drawn, which the in-process bench times too) MARK is written and the process
waits to be killed. Used by ``bench/tui_bench.py`` on a pseudo-terminal, so that a program that asks whether it runs
in a terminal finds one, although nothing is drawn on it.
"""

from __future__ import annotations

import os
import runpy
import sys
import time
from typing import Any

from textual.app import App

MARK = "headless-first-frame-ready"


def _ready(_app: App[Any]) -> None:
    os.write(1, MARK.encode())  # the process's own stdout: Textual has replaced sys.stdout by now
    time.sleep(30)  # killed by the bench, which has read MARK (a pty's output is gone once its program ends)
    os._exit(0)


def main(argv: list[str]) -> None:
    original_run = App.run

    def headless_run(app: App[Any], *args: Any, **kwargs: Any) -> Any:
        kwargs["headless"] = True
        return original_run(app, *args, **kwargs)

    App.run = headless_run  # type: ignore[method-assign,assignment]
    App.on_ready = _ready  # type: ignore[attr-defined]  # Textual calls the handler of every class of the MRO
    if argv[:1] == ["-m"]:
        sys.argv = argv[1:]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = argv
        runpy.run_path(argv[0], run_name="__main__")
    raise SystemExit(f"{argv}: ended without a first frame")


if __name__ == "__main__":
    main(sys.argv[1:])
