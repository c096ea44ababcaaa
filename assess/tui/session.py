"""What the audit TUI works on, without Textual: opening the file, filters and moving between norms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from assess.errors import InputError, Problem
from assess.files import assessment_file
from assess.files.storage import fingerprint, guarded_write, write_backup
from assess.files.writer import dump
from assess.model.assessment import Answer, Assessment, Service
from assess.model.catalog import Catalog, Norm
from assess.tui import lock

STATUS_FILTERS = ("all", "unassessed", "gaps", "disputed", "findings")
PLACEHOLDER_SERVICE = {"nl": "Naam van de dienst", "en": "Name of the service"}


@dataclass(frozen=True)
class Filter:
    """Which norms the audit walks through. ``service_only`` hides norms of scope ``system``."""

    status: str = "all"
    service_only: bool = False

    def keeps(self, norm: Norm, answer: Answer, gaps: Collection[str], flagged: Collection[str] = ()) -> bool:
        """Whether the filter shows ``norm``; ``gaps`` are the answer set's results that leave a gap, ``flagged``
        the norms `assess check` has something to say of (:mod:`assess.analysis.lint`)."""
        if self.service_only and norm.scope == "system":
            return False
        if self.status == "unassessed":
            return answer.result is None
        if self.status == "gaps":
            return answer.result in gaps
        if self.status == "disputed":
            return bool(answer.disputed)
        if self.status == "findings":
            return norm.id in flagged
        return True

    @property
    def active(self) -> bool:
        return self != Filter()


@dataclass(frozen=True)
class Opened:
    """An assessment read from (or just created at) ``path``, with the fingerprint of the bytes read."""

    path: Path
    assessment: Assessment
    fingerprint: str | None
    warnings: tuple[Problem, ...] = ()
    created: bool = False
    text: str | None = field(default=None, repr=False)  # the text read; None: written by assess itself just now
    backup: Path | None = None  # where the file as read was kept before assess first replaced it at open


_last_read: tuple[Path, Catalog, str, Opened] | None = None  # the last file read, by the fingerprint of its bytes


def read(path: Path, catalog: Catalog) -> Opened:
    """Load ``path`` (raising :class:`InputError` like ``assess validate``) and fingerprint what was loaded.

    The same bytes read again (``assess audit`` reads the file, then opens it) are not loaded again: the
    last file read is kept with the fingerprint of its bytes."""
    global _last_read
    if path.is_dir():
        raise InputError.single(str(path), None, "is a folder, not an assessment file")
    for _attempt in range(3):
        try:
            before = fingerprint(path)
        except OSError as error:  # unreadable (no permission): one line, as `assess validate` says it
            raise InputError.single(str(path), None, f"cannot read: {error.strerror or error}") from None
        kept = _last_read
        if kept is not None and before is not None and kept[2] == before and kept[0] == path and kept[1] is catalog:
            return kept[3]
        loaded = assessment_file.load(str(path), catalog)
        if fingerprint(path) == before:
            opened = Opened(path, loaded.assessment, before, loaded.warnings, text=loaded.text)
            if before is not None:
                _last_read = (path, catalog, before, opened)
            return opened
    raise InputError.single(str(path), None, "the file keeps changing while it is read; try again")


def keep_as_read(opened: Opened, catalog: Catalog) -> Path | None:
    """Before assess first replaces a file a person wrote: when it holds more than the writer writes (comments,
    a layout of its own), keep it as read in ``NAME.before-audit-YYYYmmdd-HHMMSS.bak``; that backup, or None."""
    if opened.text is None or opened.text == dump(opened.assessment, catalog):
        return None
    return write_backup(opened.path, opened.text.encode("utf-8", "surrogateescape"), kind="before-audit")


def open_or_create(path: Path, catalog: Catalog, lang: str, service: str | None = None,
                   today: dt.date | None = None) -> Opened:
    """Open ``path``, or create it as a blank assessment when there is no such file.

    ``service`` names the service of a new file; on an existing file it renames the service.
    """
    if path.exists():
        opened = read(path, catalog)
        if service and service != opened.assessment.service.name:
            if lock.read_only_reason(path):
                raise InputError.single(str(path), None, "read-only: the service cannot be renamed (--service)")
            renamed = replace(opened.assessment, service=replace(opened.assessment.service, name=service))
            backup = keep_as_read(opened, catalog)
            written = guarded_write(path, dump(renamed, catalog), opened.fingerprint)
            return replace(opened, assessment=renamed, fingerprint=written, text=None, backup=backup)
        return opened
    if not path.parent.is_dir():
        raise InputError.single(str(path), None, f"folder {path.parent} does not exist")
    blank = Assessment(checklist=catalog.id, checklist_version=catalog.version,
                       service=Service(service or PLACEHOLDER_SERVICE.get(lang, PLACEHOLDER_SERVICE["en"])),
                       date=today or dt.date.today(), language=lang, answers={})
    try:
        written = guarded_write(path, dump(blank, catalog), None)
    except OSError as error:
        raise InputError.single(str(path), None, f"cannot create: {error.strerror or error}") from None
    return Opened(path, blank, written, created=True)


@dataclass(frozen=True)
class Details:
    """What the service details screen sets: the service, the assessors, the date and the chosen settings."""

    service: Service
    assessors: tuple[str, ...] = ()
    date: dt.date | None = None
    settings: tuple[str, ...] = ()

    @classmethod
    def of(cls, assessment: Assessment) -> Details:
        return cls(assessment.service, assessment.assessors, assessment.date, assessment.settings)

    def dropped_answers(self, assessment: Assessment, catalog: Catalog) -> tuple[str, ...]:
        """The answered items of settings these details no longer choose (they go with their setting)."""
        gone = [s for s in assessment.settings if s not in self.settings]
        return tuple(i for s in gone for i in catalog.settings[s].norm_ids if i in assessment.answers)

    def applied(self, assessment: Assessment, catalog: Catalog) -> Assessment:
        """``assessment`` with these details; the answers of a setting no longer chosen are removed (a file
        answering an item of a setting it does not list does not load)."""
        dropped = set(self.dropped_answers(assessment, catalog))
        answers = {i: a for i, a in assessment.answers.items() if i not in dropped}
        settings = tuple(s for s in catalog.settings if s in self.settings)  # in the catalog's order
        return replace(assessment, service=self.service, assessors=self.assessors, date=self.date,
                       settings=settings, answers=answers)


@dataclass(frozen=True)
class Walk:
    """The audit's norms in order, and the ones the filter keeps; every move is a pure function."""

    items: tuple[Norm, ...]
    kept: frozenset[str]

    @classmethod
    def of(cls, catalog: Catalog, assessment: Assessment, norm_filter: Filter) -> Walk:
        items, gaps = catalog.items_for(assessment.settings), catalog.answer_set.gap_ids
        flagged: frozenset[str] = frozenset()
        if norm_filter.status == "findings":
            from assess.analysis.lint import findings

            flagged = frozenset(f.norm for f in findings(assessment, catalog))
        return cls(items, frozenset(n.id for n in items
                                    if norm_filter.keeps(n, assessment.answer(n.id), gaps, flagged)))

    def index(self, norm_id: str) -> int:
        for position, norm in enumerate(self.items):
            if norm.id == norm_id:
                return position
        raise KeyError(norm_id)

    @property
    def visible(self) -> tuple[Norm, ...]:
        return tuple(n for n in self.items if n.id in self.kept)

    def first(self) -> str | None:
        return next((n.id for n in self.items if n.id in self.kept), None)

    def _scan(self, candidates: Sequence[Norm]) -> str | None:
        return next((n.id for n in candidates if n.id in self.kept), None)

    def next(self, norm_id: str) -> str | None:
        return self._scan(self.items[self.index(norm_id) + 1:])

    def previous(self, norm_id: str) -> str | None:
        return self._scan(self.items[:self.index(norm_id)][::-1])

    def nearest(self, norm_id: str) -> str | None:
        """``norm_id`` when kept, else the next kept norm, else the previous one."""
        if norm_id in self.kept:
            return norm_id
        return self.next(norm_id) or self.previous(norm_id)

    def next_section(self, norm_id: str) -> str | None:
        section = self.items[self.index(norm_id)].section
        after = [n for n in self.items[self.index(norm_id) + 1:] if n.section != section]
        return self._scan(after)

    def previous_section(self, norm_id: str) -> str | None:
        """The first kept norm of the nearest earlier section that has one."""
        position = self.index(norm_id)
        section = self.items[position].section
        earlier = [n for n in self.items[:position] if n.section != section and n.id in self.kept]
        if not earlier:
            return None
        target = earlier[-1].section
        return next(n.id for n in earlier if n.section == target)

    def first_in_section(self, section_id: str) -> str | None:
        return self._scan([n for n in self.items if n.section == section_id])

    def next_unassessed(self, norm_id: str, assessment: Assessment) -> str | None:
        """The next kept norm without a result, wrapping round to the start."""
        position = self.index(norm_id)
        ring = self.items[position + 1:] + self.items[:position + 1]
        return next((n.id for n in ring if n.id in self.kept and assessment.result(n.id) is None), None)

    def position(self, norm_id: str) -> tuple[int, int]:
        """1-based place of ``norm_id`` among the kept norms of its section, and their number."""
        section = self.items[self.index(norm_id)].section
        ids = [n.id for n in self.items if n.section == section and (n.id in self.kept or n.id == norm_id)]
        return ids.index(norm_id) + 1, len(ids)
