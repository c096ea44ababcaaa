"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from assess.errors import InputError
from assess.terminal_text import for_stream, say

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from assess.analysis.scoring import Scorecard
    from assess.files.assessment_file import Loaded
    from assess.model.assessment import Assessment
    from assess.model.catalog import Catalog


def add_lang(parser: argparse.ArgumentParser, reads_a_file: bool = True) -> None:
    default = "the file's language, else the system locale" if reads_a_file else "the system locale"
    parser.add_argument("--lang", choices=("nl", "en"), help=f"language of the output (default: {default}, else en)")


def add_excel_nl(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--excel-nl", action="store_true",
                        help="CSV for a Dutch Excel, opened by double-click: a byte-order mark, ; between cells, "
                             "a decimal comma, norm ids kept as text (=\"1.10\"); without it: UTF-8, comma, "
                             "decimal point, for tools")


def percent(value: str) -> float:
    """``--fail-under``: a number from 0 to 100."""
    try:
        pct = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= pct <= 100:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{value!r} is not a percentage from 0 to 100")
    return pct


def service_name(value: str) -> str:
    """``--service``: a name with its outer spaces removed; a blank one is a usage error."""
    name = value.strip()
    if not name:
        raise argparse.ArgumentTypeError("must not be blank")
    return name


def not_an_input(target: str | None, inputs: list[str | None], what: str) -> None:
    """Refuse an output that is one of the input files (also by another path or a symlink): ``what`` written
    over an assessment would destroy it."""
    if target in (None, "-") or not target.strip():
        return
    for source in inputs:
        try:
            same = source not in (None, "-") and os.path.samefile(source, target)
        except OSError:  # either one does not exist (yet): not the same file
            same = False
        if same:
            raise InputError.single(target, None, f"is also an input ({source}); not overwritten: write the {what} "
                                    "to another file")


def add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists (never an assessment)")


def refuse_existing(target: str | None, force: bool, what: str) -> None:
    """Refuse ``-o FILE`` when FILE is a regular file already there, unless ``force``; an assessment file (``assess:``
    at its top level) is never replaced by ``what`` (a list of norms, a schema), even so. A FIFO or a device
    (``-o /dev/stdout``) is written into, as before."""
    if target in (None, "-") or not target.strip():
        return
    import stat

    try:
        mode = os.stat(target).st_mode
    except OSError:  # not there (yet): written as a new file
        return
    if not stat.S_ISREG(mode):
        return
    if looks_like_assessment(target):
        raise InputError.single(target, None, f"is an assessment file; not overwritten: write the {what} to another "
                                "file")
    if not force:
        raise InputError.single(target, None, "already exists; not overwritten (use --force)")


def looks_like_assessment(path: str) -> bool:
    """True when the regular file ``path`` begins as an assessment does: a top-level ``assess:`` key in its first
    64 KB (read without waiting: a FIFO put there since reads as nothing)."""
    import re

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            head = os.read(fd, 65536)
        finally:
            os.close(fd)
    except OSError:
        return False
    return re.search(rb"(?m)^assess:[ \t]*[\"']?\d", head) is not None


def write_output(target: str | None, text: str | bytes) -> None:
    """Write to stdout (``-`` or nothing) or atomically to a file."""
    if target in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
            return
        sys.stdout.write(for_stream(text, sys.stdout))  # escaped on a terminal; a pipe gets the text as is
        sys.stdout.flush()
        return
    if not target.strip():
        raise InputError.single("-o", None, "the output file name is empty")
    path = Path(target)
    if path.parent and not path.parent.exists():
        raise InputError.single(target, None, f"folder {path.parent} does not exist")
    from assess.files.storage import atomic_write  # only for -o: printing needs none of it

    try:
        atomic_write(path, text)
    except OSError as error:
        raise InputError.single(target, None, f"cannot write: {error.strerror or error}") from None


def print_warnings(warnings: Iterable[object]) -> None:
    for warning in warnings:
        say(warning, sys.stderr)


def assessed_summary(card: Scorecard) -> str:
    """``62 of 62 norms assessed; outreach: 9 of 10``, counted as the reports and the TUI count."""
    parts = [f"{card.overall.assessed} of {card.overall.total} norms assessed"]
    parts += [f"{entry.section.id}: {entry.tally.assessed} of {entry.tally.total}" for entry in card.settings]
    return "; ".join(parts)


def load_to_rewrite(file: str, command: str) -> tuple[Catalog, Loaded]:
    """The catalog and the loaded assessment a command will change in place (``-`` refused: it writes back)."""
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog

    if file == "-":
        raise InputError.single("<stdin>", None, f"assess {command} writes into the file: name a file, not -")
    catalog = load_catalog()
    loaded = assessment_file.load(file, catalog)
    print_warnings(loaded.warnings)
    return catalog, loaded


def rewrite_assessment(file: str, loaded: Loaded, catalog: Catalog, changed: Assessment, kind: str) -> None:
    """Replace an assessment file a person may have written by hand with ``changed`` (``assess sign``,
    ``assess reopen``).

    A read-only file is refused; nothing is written when the file changed since it was read; and when the
    file held more than the writer writes (comments, a layout of its own), it is kept first as
    ``FILE.<kind>-YYYYmmdd-HHMMSS.bak`` beside it, so nothing a person wrote is lost.
    """
    from assess.files.writer import dump

    before, as_written, text = loaded.text, dump(loaded.assessment, catalog), dump(changed, catalog)
    from assess.files.storage import ChangedOnDisk, digest, guarded_write, write_backup

    path = Path(file)
    try:
        if path.is_file() and not path.stat().st_mode & 0o222:
            raise InputError.single(file, None, "is read-only (write-protected); not changed")
        if before != as_written:
            write_backup(path, before.encode("utf-8"), kind=kind)
        guarded_write(path, text, digest(before))
    except ChangedOnDisk:
        raise InputError.single(file, None, "changed on disk while it was being read; not changed (run the "
                                "command again)") from None
    except OSError as error:
        raise InputError.single(file, None, f"cannot write: {error.strerror or error}") from None
