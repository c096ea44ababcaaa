"""Spreadsheet import: answers collected in a CSV become assessment files (``assess import``).

Two layouts, told apart by the header:

* **LONG** (the primary one): one row per service per norm, with the columns ``service``, ``norm``,
  ``result`` and optionally ``evidence`` (``source``: its kind of source), ``note``, ``action``, ``owner``,
  ``due``, ``priority``, plus the
  service's ``kind``, ``location``, ``assessor``, ``date``, ``language`` and ``settings``. This is what
  form and survey tools export (one response row per question) and it has room for evidence, a note and
  an action per norm.
* **WIDE**: one row per service and a column per norm id holding the result (``service, kind, 1.1, 1.2,
  ...``). Quick to fill in by hand, but results only.

Everything is checked before anything is written; every problem is reported as
``answers.csv:LINE: column 'NAME': message``. Norm ids are text: ``1.10`` stays ``1.10``. A spreadsheet
that turned ``1.10`` into the number ``1.1`` is caught (the same norm twice for a service, or a decimal
comma) and explained.

A workbook (.xlsx) goes through the same checks: :mod:`assess.files.workbook_reader` feeds each sheet to
:meth:`_Reader.table` as text records, with a :class:`Locator` that names ``FILE:SHEET!CELL`` instead of lines.

Why one module of about 450 lines: every check of a sheet's cells belongs to one ``_Reader``, which
collects all problems of a file in one pass so that one run names every one; split across modules, the
checks would pass that state around. Reading the file (:mod:`assess.files.answer_import`) and the CSV text
(:mod:`assess.files.csv_text`) are apart.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Protocol

from assess.errors import InputError, Problem
from assess.files.csv_text import csv_records, delimiter, first_line, refuse_nul
from assess.files.evidence_column import typed_evidence
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.model.catalog import Catalog
from assess.terminal_text import lines

SERVICE_COLUMNS = ("kind", "location", "date", "language")
LONG_COLUMNS = ("service", "norm", "result", "evidence", "source", "note", "action", "owner", "due", "priority",
                "kind", "location", "assessor", "date", "language", "settings")
WIDE_COLUMNS = ("service", "kind", "location", "assessor", "date", "language", "settings")
ALIASES = {
    # Dutch headers and common variants -> column
    "dienst": "service", "service_name": "service", "voorziening": "service", "naam": "service",
    "norm_id": "norm", "normnummer": "norm", "id": "norm",
    "resultaat": "result", "antwoord": "result", "uitkomst": "result", "score": "result",
    "bewijs": "evidence", "onderbouwing": "evidence",
    "bron": "source", "soort_bron": "source", "evidence_source": "source",
    "opmerking": "note", "toelichting": "note", "notitie": "note", "notes": "note",
    "actie": "action", "verbeteractie": "action",
    "eigenaar": "owner", "verantwoordelijke": "owner",
    "uiterlijk": "due", "deadline": "due", "due_date": "due", "datum_gereed": "due",
    "prioriteit": "priority",
    "soort": "kind", "type": "kind", "locatie": "location", "plaats": "location",
    "beoordelaar": "assessor", "assessors": "assessor", "beoordelaars": "assessor",
    "datum": "date", "taal": "language", "setting": "settings",
}
RESULTS = {
    "met": "met", "voldaan": "met",
    "partial": "partial", "partially_met": "partial", "gedeeltelijk": "partial", "gedeeltelijk_voldaan": "partial",
    "not_met": "not_met", "niet_voldaan": "not_met",
    "na": "na", "n/a": "na", "n.v.t.": "na", "nvt": "na", "n.v.t": "na", "not_applicable": "na",
    "niet_van_toepassing": "na",
}
PRIORITIES = {"high": "high", "hoog": "high", "medium": "medium", "middel": "medium", "gemiddeld": "medium",
              "low": "low", "laag": "low"}
_NORM_LIKE = re.compile(r"^(\d+[.,]\d+|[a-z][a-z-]*\.\d+)$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")


def _column_key(header: str) -> str:
    key = re.sub(r"[\s\-]+", "_", header.strip().lower())
    return ALIASES.get(key, key)


def _result_key(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


@dataclass
class _Service:
    """What the rows say about one service, gathered before anything is built."""

    name: str
    line: int
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)  # column -> (value, line)
    assessors: list[str] = field(default_factory=list)
    settings: list[str] = field(default_factory=list)
    answers: dict[str, tuple[Answer, int]] = field(default_factory=dict)  # norm id -> (answer, line)
    rows: dict[str, int] = field(default_factory=dict)  # norm id -> first line, empty rows too


@dataclass(frozen=True)
class Sheet:
    """A parsed, checked spreadsheet: one assessment per service, in order of first appearance."""

    layout: str  # "long" or "wide"
    assessments: tuple[Assessment, ...]
    warnings: tuple[Problem, ...] = ()


class Locator(Protocol):
    """Where a record's cell is, for messages: a CSV names the line, a workbook the sheet and cell."""

    def at(self, line: int | None, position: int | None) -> tuple[str, int | None]:
        """(file part, line part) of a :class:`Problem` about the cell at ``position`` (1-based) of ``line``."""
        ...

    def place(self, line: int) -> str:
        """``line`` in a sentence: "line 3" (CSV), "row 12 of sheet 'De Brug'" (workbook)."""
        ...


@dataclass(frozen=True)
class LineLocator:
    """A CSV file: every problem is ``FILE:LINE``."""

    name: str

    def at(self, line: int | None, position: int | None) -> tuple[str, int | None]:
        return self.name, line

    def place(self, line: int) -> str:
        return f"line {line}"


class _Reader:
    def __init__(self, name: str, catalog: Catalog, locator: Locator | None = None) -> None:
        self.name = name
        self.catalog = catalog
        self.locator: Locator = locator or LineLocator(name)
        self._problems: list[tuple[int, Problem]] = []
        self.warnings: list[Problem] = []
        self.services: dict[str, _Service] = {}
        self.positions: dict[str, int] = {}  # column (as messages name it) -> position in the record
        self.layout = "long"

    @property
    def problems(self) -> list[Problem]:
        """Every problem, by line, each once (a workbook's service cell may be named by every row)."""
        ordered = [p for _, p in sorted(self._problems, key=lambda lp: lp[0])]
        return list(dict.fromkeys(ordered))

    def locate(self, line: int | None, column: str | None, message: str, position: int | None = None) -> Problem:
        where = f"column {column!r}: " if column else ""
        file, at_line = self.locator.at(line, position or (self.positions.get(column) if column else None))
        return Problem(file, at_line, where + message)

    def problem(self, line: int | None, column: str | None, message: str, position: int | None = None) -> None:
        self._problems.append((line or 0, self.locate(line, column, message, position)))

    def warn(self, line: int, column: str | None, message: str, position: int | None = None) -> None:
        problem = self.locate(line, column, message, position)
        self.warnings.append(Problem(problem.file, problem.line, "warning: " + problem.message))

    # -- cells ---------------------------------------------------------------------------------

    def norm_id(self, raw: str, line: int, column: str) -> str | None:
        norm = raw.strip()
        if not norm:
            self.problem(line, column, "empty; every row needs a norm id such as 1.10")
            return None
        if _DECIMAL_COMMA.match(norm):
            self.problem(line, column, f"{norm!r} has a decimal comma: the spreadsheet read the norm id as a number "
                                       f"(1.10 may have become 1,1); format the column as text and type the ids again")
            return None
        if not self.catalog.has_item(norm):
            hint = self.catalog.suggest(norm)
            self.problem(line, column, f"unknown norm id {norm!r}" + (f"; did you mean {hint!r}?" if hint else ""))
            return None
        return norm

    def result(self, raw: str, line: int, column: str) -> tuple[bool, str | None]:
        if not raw.strip():
            return True, None
        key = _result_key(raw)
        result = self.labels.get(key) or RESULTS.get(key)
        if result not in self.catalog.answer_set.ids:  # a spelling of RESULTS is taken only for a result there is
            ids = self.catalog.answer_set.ids
            listed = f"{', '.join(ids[:-1])} or {ids[-1]}" if len(ids) > 1 else ids[0]
            self.problem(line, column, f"{raw.strip()!r} is not a result; use {listed} "
                                       f"(or leave it empty: not assessed)")
            return False, None
        return True, result

    def date(self, raw: str, line: int, column: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            self.problem(line, column, f"{raw.strip()!r} is not a date (YYYY-MM-DD); format the column as text "
                                       f"or as yyyy-mm-dd")
            return None

    def service(self, row: dict[str, str], line: int) -> _Service | None:
        name = " ".join(row.get("service", "").split())
        if not name:
            self.problem(line, "service", "empty; every row needs the service's name")
            return None
        if name not in self.services:
            alike = next((known for known in self.services if known.casefold() == name.casefold()), None)
            if alike is not None:
                self.warn(line, "service", f"{name!r} differs from {alike!r} "
                                           f"({self.locator.place(self.services[alike].line)}) only in capitals; "
                                           "they become two services")
        entry = self.services.setdefault(name, _Service(name, line))
        for column in SERVICE_COLUMNS:
            value = row.get(column, "").strip()
            if not value:
                continue
            if column == "date" and self.date(value, line, column) is None:
                continue
            if column == "language" and value.lower() not in ("nl", "en"):
                self.problem(line, column, f"{value!r} is not a language; use nl or en")
                continue
            value = value.lower() if column == "language" else value
            known = entry.meta.get(column)
            if known is None:
                entry.meta[column] = (value, line)
            elif known[0] != value:
                self.problem(line, column, f"{value!r} differs from {known[0]!r} given for service {name!r} "
                                           f"on {self.locator.place(known[1])}")
        for assessor in re.split(r"[;\n]", row.get("assessor", "")):
            assessor = assessor.strip()
            if assessor and assessor not in entry.assessors:
                entry.assessors.append(assessor)
        for setting in re.split(r"[,;\s]+", row.get("settings", "").strip()):
            if not setting:
                continue
            if setting not in self.catalog.settings:
                known_settings = ", ".join(self.catalog.settings)
                self.problem(line, "settings", f"unknown setting {setting!r}; known: {known_settings}")
            elif setting not in entry.settings:
                entry.settings.append(setting)
        return entry

    def add_answer(self, entry: _Service, norm: str, answer: Answer, line: int, column: str) -> None:
        """Record ``answer`` (an empty one only counts as a row: ``X;1.1;`` then ``X;1.1;voldaan`` is still a
        norm given twice, most likely 1.10 turned into 1.1)."""
        if norm in entry.rows:
            first = entry.rows[norm]
            trap = ""
            if self.catalog.has_item(norm + "0"):
                trap = (f"; a spreadsheet may have turned {norm}0 into {norm}: format the norm column as text "
                        f"and check both rows")
            self.problem(line, column, f"norm {norm!r} given twice for service {entry.name!r} "
                                       f"(first on {self.locator.place(first)})" + trap)
            return
        entry.rows[norm] = line
        if not answer.is_empty:
            entry.answers[norm] = (answer, line)

    # -- layouts -------------------------------------------------------------------------------

    def long_row(self, row: dict[str, str], line: int) -> None:
        entry = self.service(row, line)
        norm = self.norm_id(row.get("norm", ""), line, "norm")
        ok, result = self.result(row.get("result", ""), line, "result")
        texts = tuple(e.strip() for e in lines(row.get("evidence", "")) if e.strip())
        evidence, source_problem = typed_evidence(texts, row.get("source", ""), self.catalog)
        if source_problem:
            self.problem(line, "source", source_problem)
        note = row.get("note", "").strip() or None
        action = self.action(row, line)
        if entry is None or norm is None or not ok or source_problem:
            return
        self.add_answer(entry, norm, Answer(result, evidence, note, action), line, "norm")  # empty: not assessed

    def split_norm(self, cells: list[str], header: list[str], position: int, line: int) -> bool:
        """Whether a norm id with a decimal comma was split in two by the ``,`` separator (``1,3`` -> ``1``, ``3``).

        ``position`` is the norm column's (1-based). The split pushes every later cell one column on, so the row
        may have one cell more than the header: this is checked before that, to explain the actual mistake.
        """
        first = cells[position - 1].strip() if position <= len(cells) else ""
        second = cells[position].strip() if position < len(cells) else ""
        if not (first.isdigit() and second.isdigit()):
            return False
        where = f"under {_column_key(header[position])!r}" if position < len(header) else "in an extra cell"
        self.problem(line, "norm", f"{first!r}, then {second!r} {where}: a norm id written with a decimal comma "
                                   f"({first},{second}) was split into two cells; format the norm column as text "
                                   f"and write {first}.{second}")
        return True

    def action(self, row: dict[str, str], line: int) -> Action | None:
        description = row.get("action", "").strip()
        owner = row.get("owner", "").strip() or None
        due_text = row.get("due", "").strip()
        priority_text = row.get("priority", "").strip()
        due = self.date(due_text, line, "due") if due_text else None
        priority = None
        if priority_text:
            priority = PRIORITIES.get(priority_text.lower())
            if priority is None:
                self.problem(line, "priority", f"{priority_text!r} is not a priority; use high, medium or low")
        if not description:
            for column, value in (("owner", owner), ("due", due_text), ("priority", priority_text)):
                if value:
                    self.problem(line, column, "given without an action (column 'action' is empty)")
            return None
        return Action(description, owner, due, priority)

    def wide_row(self, row: dict[str, str], line: int, results: list[tuple[str, str, str]]) -> None:
        """``results``: (column header, norm id, cell) for each norm column."""
        name = " ".join(row.get("service", "").split())
        if name in self.services:
            self.problem(line, "service", f"service {name!r} is already on "
                                          f"{self.locator.place(self.services[name].line)}; "
                                          f"the WIDE layout has one row per service")
            return
        entry = self.service(row, line)
        for header, norm, cell in results:
            ok, result = self.result(cell, line, header)
            if entry is not None and ok and result is not None:
                self.add_answer(entry, norm, Answer(result), line, header)

    # -- the result ------------------------------------------------------------------------------

    def build(self) -> list[Assessment]:
        out = []
        catalog = self.catalog
        for entry in self.services.values():
            settings = list(entry.settings)
            for norm in entry.answers:
                section = catalog.item(norm).section
                if section in catalog.settings and section not in settings:
                    settings.append(section)
            ordered = tuple(s for s in catalog.settings if s in settings)
            meta = {column: value for column, (value, _) in entry.meta.items()}
            out.append(Assessment(
                checklist=catalog.id, checklist_version=catalog.version,
                service=Service(entry.name, meta.get("kind"), meta.get("location")),
                assessors=tuple(entry.assessors),
                date=dt.date.fromisoformat(meta["date"]) if "date" in meta else None,
                language=meta.get("language"), settings=ordered,
                answers={norm: answer for norm, (answer, _) in sorted(
                    entry.answers.items(), key=lambda kv: self._order[kv[0]])},
            ))
        return out

    # -- tables -------------------------------------------------------------------------------

    def table(self, records: list[tuple[int, list[str]]]) -> None:
        """Check one table (a header record, then rows) and gather its answers into ``self``.

        Header problems are raised at once (the rows cannot be read without the header); row problems are
        collected. A CSV is one table; a workbook may hold several (a sheet each).
        """
        catalog = self.catalog
        header_line = records[0][0]
        header = [c.strip() for c in records[0][1]]
        keys = [_column_key(c) for c in header]
        layout = "long" if "norm" in keys else "wide" if any(_NORM_LIKE.match(c) for c in header) else "long"
        self.layout = layout
        allowed = LONG_COLUMNS if layout == "long" else WIDE_COLUMNS
        columns: dict[str, int] = {}
        norm_columns: list[tuple[int, str]] = []  # WIDE: (column position, norm id)
        seen_norms: dict[str, int] = {}
        self.positions = {}
        before = len(self._problems)  # of the tables read before this one
        for position, (cell, key) in enumerate(zip(header, keys, strict=True), 1):
            if layout == "wide" and _NORM_LIKE.match(cell):
                self.positions[cell] = position
                norm = self.norm_id(cell, header_line, cell)
                if norm is None:
                    continue
                if norm in seen_norms:
                    trap = (f"; a spreadsheet may have turned {norm}0 into {norm}: format the header row as text"
                            if catalog.has_item(norm + "0") else "")
                    self.problem(header_line, cell, f"norm {norm!r} has two columns ({seen_norms[norm]} and "
                                                    f"{position}){trap}", position)
                    continue
                seen_norms[norm] = position
                norm_columns.append((position, norm))
            elif key in allowed:
                if key in columns:
                    self.problem(header_line, cell, f"column {key!r} appears twice (columns {columns[key]} and "
                                                    f"{position})", position)
                columns[key] = position
            elif cell:  # a typo of an English or a Dutch column name is an error, not a column silently dropped
                names = [*allowed, *(alias for alias, column in ALIASES.items() if column in allowed)]
                close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
                if close:
                    self.problem(header_line, cell, f"unknown column; did you mean {close[0]!r}?", position)
                else:
                    self.warn(header_line, None, f"column {cell!r} is not used", position)
        required = ("service", "norm", "result") if layout == "long" else ("service",)
        for column in required:
            if column not in columns:
                self.problem(header_line, None, f"missing column {column!r}; the LONG layout has one row per service "
                                                f"per norm with the columns service, norm, result (and optionally "
                                                f"evidence, note, action, owner, due, priority, kind, location, "
                                                f"assessor, date, language, settings); the WIDE layout has a column "
                                                f"service and a column per norm id", 1)
        if layout == "wide" and not norm_columns and len(self._problems) == before:
            self.problem(header_line, None, "no norm columns (such as 1.1, 1.2, ..., 1.10)", 1)
        if len(self._problems) > before:
            raise InputError(self.problems + self.warnings)  # the warnings too: not only once all is fixed
        self.positions.update(columns)
        width = len(header)
        for line, cells in records[1:]:
            if not any(c.strip() for c in cells):
                continue  # blank lines and rows of empty cells, as spreadsheets export them
            if layout == "long" and self.split_norm(cells, header, columns["norm"], line):
                continue
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                self.problem(line, None, f"{len(cells)} cells, but the header has {width}; is a value missing quotes?",
                             width + 1)
                continue
            cells = cells + [""] * (width - len(cells))
            row = {key: cells[position - 1] for key, position in columns.items()}
            if layout == "long":
                self.long_row(row, line)
            else:
                self.wide_row(row, line, [(header[position - 1], norm, cells[position - 1])
                                          for position, norm in norm_columns])

    def finish(self) -> Sheet:
        if not self.services and not self.problems:
            self.problem(None, None, "no answers: the file has a header but no rows")
        if self.problems:
            raise InputError(sorted(self.problems + self.warnings, key=lambda p: p.line or 0))
        return Sheet(self.layout, tuple(self.build()), tuple(self.warnings))

    @property
    def labels(self) -> dict[str, str]:
        """The answer set's ids and its own labels in both languages (``gedeeltelijk voldaan``, ``not
        applicable``) -> id."""
        if not hasattr(self, "_labels_cache"):
            options = self.catalog.answer_set.options
            self._labels_cache = {_result_key(o.label[lang]): o.id for o in options for lang in ("nl", "en")}
            self._labels_cache.update({_result_key(o.id): o.id for o in options})
        return self._labels_cache

    @property
    def _order(self) -> dict[str, int]:
        if not hasattr(self, "_order_cache"):
            items = self.catalog.items_for(tuple(self.catalog.settings))
            self._order_cache = {n.id: i for i, n in enumerate(items)}
        return self._order_cache


def _known_column(cell: str) -> bool:
    key = _column_key(cell)
    return key in LONG_COLUMNS or key in WIDE_COLUMNS or bool(_NORM_LIKE.match(cell.strip()))


def _delimiter(first: str) -> str:
    """The separator of an answers sheet's header line: the one that finds its known columns."""
    return delimiter(first, _known_column)


def parse(text: str, name: str, catalog: Catalog) -> Sheet:
    """Check a whole CSV and turn it into assessments; raises :class:`InputError` with every problem."""
    reader = _Reader(name, catalog)
    refuse_nul(text, name)
    try:
        records = list(csv_records(text, _delimiter(first_line(text))))
    except csv.Error as err:
        raise InputError.single(name, None, f"not a readable CSV file: {err}") from None
    if not records or not any(c.strip() for c in records[0][1]):
        raise InputError.single(name, 1, "the first line must be the header (service, norm, result, ...)")
    reader.table(records)
    return reader.finish()
