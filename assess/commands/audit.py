"""assess audit: the interactive audit (a Textual TUI), saved after every keystroke."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from assess.commands._common import service_name
from assess.terminal_text import say

NAME = "audit"
ORDER = 25
HELP = "walk through the norms in an interactive audit; every change is saved at once (creates FILE if needed)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="assessment file; created when it does not exist")
    parser.add_argument("--service", metavar="NAME", type=service_name,
                        help="the service's name (for a new file; on an existing file it renames the service)")
    parser.add_argument("--lang", choices=("nl", "en"),
                        help="language of the screens and norm texts, switchable with l (default: the file's "
                             "language, else the system locale)")
    parser.add_argument("--force", action="store_true",
                        help="edit FILE although another assess audit has it open (after a warning; changes "
                             "saved by the other are then reported as a conflict)")


def needs_terminal(command: str) -> int | None:
    """Exit status 2 with a message when stdin or stdout is not a terminal (the TUI would hang)."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return None
    say(f"assess {command}: needs an interactive terminal (stdin and stdout); "
        "in scripts use `assess validate` or `assess report`", sys.stderr)
    return 2


def run_audit(file: str | os.PathLike[str], service: str | None, lang_option: str | None,
              announce_label: str | None = None, force: bool = False) -> int:
    """Open (or create) ``path`` and run the TUI on it; raises InputError for a file that does not load."""
    # No garbage collection until the first frame, where AuditApp.on_ready freezes what exists (the modules,
    # the catalog, the widgets) and enables it again: the start makes few cycles, and a full collection of
    # Textual's and assess's freshly imported objects took some 25 ms of it.
    gc.disable()
    try:
        return _run_audit(file, service, lang_option, announce_label, force)
    finally:
        gc.enable()


def _run_audit(file: str | os.PathLike[str], service: str | None, lang_option: str | None,
               announce_label: str | None, force: bool) -> int:
    from pathlib import Path

    from assess.files.catalog_file import load_catalog
    from assess.i18n import resolve_language
    from assess.tui import session
    from assess.tui.keymap import load_keymap

    catalog = load_catalog()
    path = Path(file)
    existing = session.read(path, catalog) if path.exists() else None
    if (status := needs_terminal(NAME)) is not None:
        return status
    keymap = load_keymap()
    lang = resolve_language(lang_option, existing.assessment.language if existing else None)
    if announce_label:
        from assess.tui.labels import label

        say(label(announce_label, lang, path=path))
    opened = session.open_or_create(path, catalog, lang, service)

    from assess.tui import lock
    from assess.tui.app import AuditApp

    if force and lock.read_only_reason(path) is None and lock.is_locked(path):
        from assess.tui.labels import label

        say(label("exit.forced", lang, path=path, holder=lock.holder(path)), sys.stderr)
    from assess.tui import paste_guard

    paste_guard.install()  # a paste with an ESC in it stays a paste (Textual sent the rest as keys)
    app = AuditApp(opened, catalog, lang, keymap, force=force)
    try:
        app.run()
    finally:
        app.autosaver.close()
    from assess.tui.labels import label

    if app.autosaver.unsaved:  # the user quit anyway after a failed save or an unresolved conflict
        say(label("exit.unsaved", app.lang, path=path), sys.stderr)
        return 1
    card = app.card
    if app.read_only:  # nothing was changed (or saved) by this audit
        say(label("exit.read_only", app.lang, path=path, assessed=card.overall.assessed, total=card.overall.total))
        return app.return_code or 0
    say(label("exit.saved", app.lang, path=path, assessed=card.overall.assessed, total=card.overall.total))
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    return run_audit(args.file, args.service, args.lang, force=args.force)
