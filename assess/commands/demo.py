"""assess demo: a fresh copy of the bundled demo assessment, opened in the audit."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "demo"
ORDER = 5
HELP = "try assess: copy the demo assessment of a fictional service and open it in the audit"
DEFAULT_NAME = "assess-demo.yaml"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?",
                        help=f"where to put the copy (default: ./{DEFAULT_NAME}, or a free name beside it); "
                             "an existing FILE is never overwritten")
    parser.add_argument("--lang", choices=("nl", "en"),
                        help="language of the screens and norm texts, switchable with l (default: the file's "
                             "language, else the system locale)")


def free_path(folder: Path, name: str = DEFAULT_NAME) -> Path:
    """``name`` in ``folder``, or ``stem-2.yaml``, ``stem-3.yaml``… when taken."""
    candidate = folder / name
    number = 2
    while candidate.exists():
        candidate = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return candidate


def run(args: argparse.Namespace) -> int:
    from assess.commands.audit import needs_terminal, run_audit
    from assess.errors import InputError
    from assess.files.paths import package_data
    from assess.files.storage import guarded_write

    target = Path(args.file) if args.file else free_path(Path.cwd())
    if args.file and target.exists():
        raise InputError.single(args.file, None, "already exists; not overwritten (name a new file, "
                                "or leave FILE out for a fresh copy)")
    if (status := needs_terminal(NAME)) is not None:
        return status
    text = (package_data("data") / "demo.yaml").read_text(encoding="utf-8")
    try:
        guarded_write(target, text, None)
    except OSError as error:
        raise InputError.single(str(target), None, f"cannot write: {error.strerror or error}") from None
    return run_audit(target, None, args.lang, announce_label="demo.copied")
