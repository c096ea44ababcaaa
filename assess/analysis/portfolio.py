"""The portfolio: one overview of many services' scorecards (``assess batch``), as plain data.

Every number per service is taken from its :class:`assess.analysis.scoring.Scorecard` as is; the portfolio
recomputes no score and averages nothing across services. What it adds is counting: how many services
assessed each norm as not met, out of how many that assessed it as applicable.

The builder is fed one small :class:`ServiceSummary` at a time (in a batch, its :class:`Arrival`: the row made
in the worker that scored it) and writes it into a spool on disk
(:class:`assess.files.spool.Spool`, in the batch's staging folder), with the few columns the portfolio sorts,
groups and counts by; the built :class:`PortfolioData` reads the services back in the order each part of the
overview needs. So the main process keeps nothing per service, however many there are. Its words and layout
are the renderers' (:mod:`assess.render.portfolio_markdown`, :mod:`assess.render.portfolio_json`); nothing here
is text for people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import marshal
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from typing import Any, Generic, NamedTuple, TypeVar

from assess.analysis.reaudit import Superseded, Trend, order_day, service_key, trend
from assess.analysis.scoring import Scorecard, SectionScore, round1
from assess.analysis.signoff import sign_state
from assess.errors import Problem
from assess.files.spool import Spool, SpoolTape, key
from assess.files.spool import text as key_text
from assess.model.catalog import Catalog

# --------------------------------------------------------------------------------------------------
# What a worker sends back for one service: its summary, or the input it could not use


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be used (not read, not valid, or its reports not written), with every problem
    found in it. It counts nowhere in the portfolio, which lists it under "not processed"."""

    path: str
    problems: tuple[Problem, ...]


# SectionRow and CriticalGap are named tuples, not dataclasses: as immutable, but made at C speed when the portfolio
# reads a summary back from its spool (about eight per service, for each table that lists it; a summary read back
# took 15.4 us with them as dataclasses, 7.8 us now).
class SectionRow(NamedTuple):
    id: str
    score: float | None
    status: str | None
    completeness: float


class CriticalGap(NamedTuple):
    norm: str
    result: str
    action: str | None


@dataclass(frozen=True, slots=True)
class ServiceSummary:
    """One service's numbers for the portfolio, copied from its scorecard (small and picklable)."""

    index: int
    path: str
    name: str
    kind: str | None
    location: str | None
    settings: tuple[str, ...]
    score: float | None
    status: str | None
    score_status: str | None
    completeness: float
    counted: int
    met: int
    partial: int
    not_met: int
    na: int
    not_assessed: int
    total: int
    principles: tuple[SectionRow, ...]
    setting_scores: tuple[SectionRow, ...]
    critical_not_fully_met: tuple[str, ...]  # critical norms of the principles partially met or not met
    critical_gaps: tuple[CriticalGap, ...]
    applicable: tuple[tuple[str, str], ...] = ()  # (item id, result) for assessed, applicable items
    warnings: tuple[Problem, ...] = ()
    date: dt.date | None = None
    assessors: tuple[str, ...] = ()
    critical_disputed: tuple[str, ...] = ()  # critical norms of the principles still disputed
    disputed: tuple[tuple[str, bool], ...] = ()  # (item id, critical) of every item still disputed
    sha256: str = ""  # of the file, to find the inputs of a consensus in the same batch
    merged_from: tuple[str, ...] = ()  # sha256 of each input, for a consensus
    language: str | None = None
    signoff: str = "draft"  # final, changed (after sign-off) or draft


def _row(entry: SectionScore) -> SectionRow:
    return SectionRow(entry.section.id, entry.score, entry.status, entry.completeness)


def summarize(index: int, path: str, card: Scorecard, warnings: Iterable[Problem] = (),
              sha256: str = "") -> ServiceSummary:
    a = card.assessment
    counted_ids = {o.id for o in card.catalog.answer_set.options if not o.excluded}
    applicable = tuple((n.id, r) for n in card.catalog.items_for(a.settings)
                       if (r := a.result(n.id)) in counted_ids)
    o = card.overall
    return ServiceSummary(
        index=index, path=path, name=a.service.name, kind=a.service.kind, location=a.service.location,
        settings=tuple(a.settings), score=card.score, status=card.status, score_status=card.score_status,
        completeness=card.completeness, counted=o.counted, met=o.met, partial=o.partial, not_met=o.not_met,
        na=o.na, not_assessed=o.not_assessed, total=o.total,
        principles=tuple(_row(e) for e in card.principles), setting_scores=tuple(_row(e) for e in card.settings),
        critical_not_fully_met=tuple(n.id for n in card.critical_failures),
        critical_gaps=tuple(CriticalGap(g.norm.id, g.answer.result or "",
                                        g.answer.action.description if g.answer.action else None)
                            for g in card.gaps if g.norm.critical),
        applicable=applicable, warnings=tuple(warnings), date=a.date, assessors=tuple(a.assessors),
        critical_disputed=tuple(n.id for n in card.critical_disputed),
        disputed=tuple((n.id, n.critical) for n in card.disputed),
        sha256=sha256, merged_from=tuple(m.sha256 for m in a.merged_from), language=a.language,
        signoff=sign_state(a).state,
    )


def _rows(rows: tuple[SectionRow, ...]) -> tuple[tuple[str, float | None, str | None, float], ...]:
    return tuple((r.id, r.score, r.status, r.completeness) for r in rows)


def pack(s: ServiceSummary) -> bytes:
    """A summary as the portfolio keeps it in its spool, without ``applicable`` and ``warnings`` (counted and
    printed as it arrives): plain values in :mod:`marshal`'s format, written and read by the same process (much
    faster than pickling a dozen dataclasses)."""
    return marshal.dumps((
        s.index, s.path, s.name, s.kind, s.location, s.settings, s.score, s.status, s.score_status, s.completeness,
        s.counted, s.met, s.partial, s.not_met, s.na, s.not_assessed, s.total, _rows(s.principles),
        _rows(s.setting_scores), s.critical_not_fully_met, tuple((g.norm, g.result, g.action) for g in s.critical_gaps),
        None if s.date is None else s.date.toordinal(), s.assessors, s.critical_disputed, s.disputed, s.sha256,
        s.merged_from, s.language, s.signoff))


# the tuples unpack reads are of the right length (pack wrote them): no need for NamedTuple._make's check
_section_row, _critical_gap = partial(tuple.__new__, SectionRow), partial(tuple.__new__, CriticalGap)


def unpack(data: bytes) -> ServiceSummary:
    """The summary :func:`pack` wrote (``applicable`` and ``warnings`` empty)."""
    (index, path, name, kind, location, settings, score, status, score_status, completeness, counted, met, partial,
     not_met, na, not_assessed, total, principles, setting_scores, critical, gaps, day, assessors, critical_disputed,
     disputed, sha256, merged_from, language, signoff) = marshal.loads(data)
    return ServiceSummary(
        index, path, name, kind, location, settings, score, status, score_status, completeness, counted, met, partial,
        not_met, na, not_assessed, total, tuple(map(_section_row, principles)),
        tuple(map(_section_row, setting_scores)), critical, tuple(map(_critical_gap, gaps)),
        date=None if day is None else dt.date.fromordinal(day), assessors=assessors,
        critical_disputed=critical_disputed, disputed=disputed, sha256=sha256, merged_from=merged_from,
        language=language, signoff=signoff)


# --------------------------------------------------------------------------------------------------
# Building the portfolio: each service's summary spooled as it arrives, the portfolio read back from the spool


@dataclass(frozen=True)
class Entry:
    summary: ServiceSummary
    stem: str  # report file name without extension
    trend: Trend | None = None  # against the previous assessment of the same service in the batch
    earlier: tuple[str, ...] = ()  # paths of the earlier assessments of the same service, not counted
    rank: int = 0  # its place in the portfolio's order (by overall score), from 1


@dataclass(frozen=True)
class NormCount:
    id: str
    section: str
    critical: bool
    not_met: int
    partial: int
    applicable: int

    @property
    def exact_share(self) -> Fraction:
        return Fraction(100 * self.not_met, self.applicable)

    @property
    def share(self) -> float | None:
        return round1(self.exact_share)


T = TypeVar("T")


class Rows(Generic[T]):
    """Rows read back from the spool each time they are iterated (never all in memory), with their number."""

    def __init__(self, rows: Callable[[], Iterator[T]], count: Callable[[], int]) -> None:
        self._rows, self._count = rows, count
        self._known: int | None = None

    def __iter__(self) -> Iterator[T]:
        return self._rows()

    def __len__(self) -> int:
        if self._known is None:
            self._known = self._count()
        return self._known

    def __bool__(self) -> bool:
        return len(self) > 0


# What a section of the portfolio lists, as columns of the spool: the services with setting scores, with critical
# gaps, with a norm still disputed, with a trend (an earlier assessment in the batch).
SERVICES_WITH = {"setting_scores": "s.settings", "critical_gaps": "s.critical_gaps", "disputed": "s.disputed",
                 "trend": "f.trend IS NOT NULL"}
# The portfolio's order: by overall score (as rounded in the scorecard), highest first, no score last; then by the
# name case-folded, the name, the input order (Python's order of (score is None, -score, casefold, name, index)).
_ORDER = "s.score IS NULL, s.score DESC, s.name_fold, s.name, s.idx"


class Services(Rows[Entry]):
    """The services the portfolio counts, in its order (by overall score, highest first; no score last; then
    name, then input order), read from the spool each time."""

    _FROM = "p_ranked r JOIN p_services s ON s.idx = r.idx JOIN p_fate f ON f.idx = r.idx"

    def __init__(self, spool: Spool, where: str = "", parameters: tuple[Any, ...] = (), order: str = "r.rank"
                 ) -> None:
        self._spool, self._where, self._parameters, self._order = spool, where, parameters, order
        super().__init__(self._entries, lambda: int(spool.one(f"SELECT COUNT(*) FROM {self._FROM} {where}",
                                                              parameters)[0]))

    def _entries(self) -> Iterator[Entry]:
        sql = (f"SELECT r.rank, s.stem, s.record, f.trend, f.earlier FROM {self._FROM} {self._where} "
               f"ORDER BY {self._order}")
        for rank, stem, record, change, earlier in self._spool.rows(sql, self._parameters):
            yield Entry(unpack(record), stem, pickle.loads(change) if change else None,
                        pickle.loads(earlier) if earlier else (), rank)

    def having(self, what: str) -> Services:
        """Those with ``what`` (a key of :data:`SERVICES_WITH`), in the same order."""
        return Services(self._spool, f"WHERE {SERVICES_WITH[what]}")

    def tape(self) -> SpoolTape:
        """Somewhere in the same spool to keep a table's rows between its two passes."""
        return SpoolTape(self._spool)

    def in_input_order(self) -> Services:
        return Services(self._spool, self._where, self._parameters, "s.idx")

    def scores(self) -> Iterator[float | None]:
        """The overall score of each (None: no score), in no particular order."""
        return (score for (score,) in self._spool.rows(f"SELECT s.score FROM {self._FROM}"))

    def index_groups(self, by: str) -> None:
        """The indexes through which each group of :meth:`grouped` is read, not by a pass over every service."""
        column = {"kind": "kind", "location": "location"}[by]
        self._spool.execute(f"CREATE INDEX IF NOT EXISTS p_services_{column} ON p_services ({column}_key)")
        self._spool.execute("CREATE INDEX IF NOT EXISTS p_ranked_idx ON p_ranked (idx)")

    def grouped(self, by: str) -> list[tuple[str | None, Services]]:
        """A group per value of ``by`` (kind or location; case and runs of spaces folded), by that value, not given
        last; each group named by the first spelling in the portfolio's order, its services in that order."""
        column = {"kind": "kind", "location": "location"}[by]
        if not (self._spool.read_only or self._spool.shared):  # then it has them already (PortfolioBuilder.build)
            self.index_groups(by)
        sql = (f"SELECT s.{column}_key, s.{column}_shown, MIN(r.rank) FROM {self._FROM} GROUP BY s.{column}_key "
               f"ORDER BY s.{column}_key IS NULL, s.{column}_key")
        return [(None if value is None else key_text(shown),
                 Services(self._spool, f"WHERE s.{column}_key IS ?", (value,)))
                for value, shown, _ in self._spool.rows(sql)]


@dataclass(frozen=True)
class Counts:
    """What the summary of the portfolio counts over the services it counts."""

    statuses: tuple[tuple[str, int], ...] = ()  # (green, amber, red or none; services), as met in the order
    critical_services: int = 0  # with a critical norm not fully met (their overall status is red)
    disputed_services: int = 0  # with a critical norm still disputed
    languages: tuple[str | None, ...] = ()  # the languages of the services' files (at most two: one, or several)
    flags: frozenset[str] = frozenset()  # the keys of SERVICES_WITH that one or more services have, and "partial"


@dataclass(frozen=True)
class PortfolioData:
    """The built portfolio, as the renderers read it: services in their order, the counts, the norms most often
    not met and the inputs not processed. Plain data (the services, the inputs not processed and the
    assessments not counted are read back from the spool as they are iterated); the words are the renderers'."""

    catalog_id: str
    catalog_version: str
    formats: tuple[str, ...]
    services: Services  # sorted by overall score
    norms_not_met: tuple[NormCount, ...]  # norms not met at one or more services, most often first
    critical_ids: tuple[str, ...]
    failures: Rows[Failure]  # in input order
    superseded: Rows[Superseded]  # assessments not counted: earlier ones, inputs of a consensus; by path
    counts: Counts = Counts()

    def reading(self, spool: Spool) -> PortfolioData:
        """The same portfolio, read through ``spool``: another connection to the one it was built in (in another
        process, after :meth:`Spool.share`)."""
        return dataclasses.replace(self, services=Services(spool), failures=_failures(spool),
                                   superseded=_superseded(spool))

    @property
    def language(self) -> str | None:
        """The language of the services' files when they all name the same one, else None."""
        return self.counts.languages[0] if len(self.counts.languages) == 1 else None

    @property
    def problems(self) -> Rows[Problem]:
        return Rows(lambda: (p for f in self.failures for p in f.problems),
                    lambda: sum(len(f.problems) for f in self.failures))

    def status_counts(self) -> dict[str, int]:
        counts = {"green": 0, "amber": 0, "red": 0, "none": 0}
        for status, count in self.counts.statuses:
            counts[status] = counts.get(status, 0) + count
        return counts

    @property
    def critical_services(self) -> int:
        """Services with a critical norm not fully met (their overall status is red)."""
        return self.counts.critical_services

    @property
    def disputed_services(self) -> int:
        """Services with a critical norm still disputed."""
        return self.counts.disputed_services

    def has(self, what: str) -> bool:
        """Whether any service has ``what``: a key of :data:`SERVICES_WITH`, or "partial" (a principle's score over
        part of its norms)."""
        return what in self.counts.flags


def _service(summary: ServiceSummary) -> bytes:
    """The assessments of one service have the same value (:func:`assess.analysis.reaudit.service_key`)."""
    name, location = service_key(summary)
    return key(f"{len(name)}\0{name}\0{location}")


def _folded(value: str | None) -> tuple[bytes | None, bytes]:
    """A kind or location as grouped (case and runs of spaces folded; None when not given) and as shown."""
    shown = " ".join((value or "").split())
    return (key(shown.casefold()) if shown else None), key(shown)


_TABLES = """
CREATE TABLE p_services (idx INTEGER PRIMARY KEY, stem TEXT, record BLOB, codes TEXT, score REAL, name_fold BLOB,
    name BLOB, service BLOB, day TEXT, path BLOB, sha TEXT, status TEXT, critical INTEGER, critical_disputed INTEGER,
    language BLOB, settings INTEGER, critical_gaps INTEGER, disputed INTEGER, partial INTEGER, kind_key BLOB,
    kind_shown BLOB, location_key BLOB, location_shown BLOB);
CREATE TABLE p_merged (sha TEXT, holder INTEGER);
CREATE TABLE p_failures (seq INTEGER PRIMARY KEY, record BLOB);
CREATE TABLE p_consensus_input (idx INTEGER PRIMARY KEY, holder INTEGER);
CREATE TABLE p_fate (idx INTEGER PRIMARY KEY, trend BLOB, earlier BLOB);
CREATE TABLE p_superseded (seq INTEGER PRIMARY KEY, path BLOB, record BLOB);
CREATE TABLE p_ranked (rank INTEGER PRIMARY KEY, idx INTEGER);
"""


class Arrival(NamedTuple):
    """A service as it reaches the main process of a batch: what the run needs of it there, and its row for the
    portfolio's spool already made (:meth:`SpoolRows.arrival`, in the worker that scored it). A tuple of plain
    values: quick to pickle across processes, where a :class:`ServiceSummary` of a dozen dataclasses is not."""

    number: int  # its place in the batch's sorted list of inputs (ServiceSummary.index)
    path: str
    name: str
    warnings: tuple[Problem, ...]
    row: tuple[Any, ...]  # the columns of p_services after idx and stem
    merged_from: tuple[str, ...]


class SpoolRows:
    """How a service is written into the portfolio's spool: its row of columns, and its results as one letter
    per item of the catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.items = [n.id for n in catalog.items_for(tuple(catalog.settings))]
        self.position = {item: k for k, item in enumerate(self.items)}
        counted = [o.id for o in catalog.answer_set.options if not o.excluded]
        self.code = {result: chr(ord("a") + k) for k, result in enumerate(counted)}

    def _codes(self, applicable: Iterable[tuple[str, str]]) -> str:
        """The (item, result) pairs of a service as one letter per item of the catalog (``.``: not counted)."""
        codes = ["."] * len(self.items)
        for item, result in applicable:
            codes[self.position[item]] = self.code[result]
        return "".join(codes)

    def arrival(self, summary: ServiceSummary) -> Arrival:
        s = summary
        kind, location = _folded(s.kind), _folded(s.location)
        row = (pack(s), self._codes(s.applicable), s.score,
               key(s.name.casefold()), key(s.name), _service(s), order_day(s), key(s.path), s.sha256,
               s.status or "none", bool(s.critical_not_fully_met), bool(s.critical_disputed),
               None if s.language is None else key(s.language), bool(s.setting_scores), bool(s.critical_gaps),
               bool(s.disputed), any(r.score is not None and r.completeness < 100 for r in s.principles),
               *kind, *location)
        return Arrival(s.index, s.path, s.name, s.warnings, row, s.merged_from)


class PortfolioBuilder:
    """Takes services one at a time (in input order) and failures; :meth:`build` gives the portfolio.

    Each service's summary goes into ``spool`` as it arrives (a compact copy, with the columns the portfolio
    orders, groups and counts by), and so does each failure: the builder itself keeps nothing per service. The
    built :class:`PortfolioData` reads the spool, which must stay open while it is rendered. Without a spool, an
    in-memory one is used."""

    def __init__(self, catalog: Catalog, formats: tuple[str, ...] = ("md",), spool: Spool | None = None) -> None:
        self.catalog = catalog
        self.formats = formats
        self.spool = spool if spool is not None else Spool()
        for statement in _TABLES.split(";"):
            if statement.strip():
                self.spool.execute(statement)
        self._failing, self._gaps = catalog.answer_set.failing_ids, catalog.answer_set.gap_ids
        self.rows = SpoolRows(catalog)

    def add(self, summary: ServiceSummary, stem: str) -> None:
        self.arrive(self.rows.arrival(summary), stem)

    def arrive(self, arrival: Arrival, stem: str) -> None:
        """A service whose row was made already (in a worker), under its report name ``stem``."""
        self.spool.execute(
            "INSERT INTO p_services VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (arrival.number, stem, *arrival.row))
        if arrival.merged_from:
            self.spool.executemany("INSERT INTO p_merged VALUES (?, ?)",
                                   ((sha, arrival.number) for sha in arrival.merged_from))

    def fail(self, failure: Failure) -> None:
        """An input that could not be used: listed, counted nowhere."""
        self.spool.execute("INSERT INTO p_failures (record) VALUES (?)",
                           (pickle.dumps(failure, pickle.HIGHEST_PROTOCOL),))

    def _supersede(self, summary: ServiceSummary, reason: str, counted_path: str) -> None:
        gone = Superseded(summary.path, summary.name, summary.date, reason, counted_path)
        self.spool.execute("INSERT INTO p_superseded (path, record) VALUES (?, ?)",
                           (key(summary.path), pickle.dumps(gone, pickle.HIGHEST_PROTOCOL)))

    def _resolve(self) -> None:
        """Which assessments count (:mod:`assess.analysis.reaudit`): an input of a consensus in the batch does not;
        of one service's assessments, the latest does (by date, then path), with a trend against the one before."""
        spool = self.spool
        spool.execute("CREATE INDEX p_merged_sha ON p_merged (sha, holder)")
        spool.execute("INSERT INTO p_consensus_input SELECT idx, holder FROM (SELECT s.idx, (SELECT MIN(m.holder) "
                      "FROM p_merged m WHERE m.sha = s.sha) AS holder FROM p_services s WHERE s.sha != '') "
                      "WHERE holder IS NOT NULL AND holder != idx")
        for record, holder in spool.rows("SELECT s.record, h.path FROM p_consensus_input c JOIN p_services s ON "
                                         "s.idx = c.idx JOIN p_services h ON h.idx = c.holder"):
            self._supersede(unpack(record), "consensus-input", key_text(holder))
        group: list[tuple[int, bytes, bytes]] = []  # (idx, service, record) of the current service's assessments

        def close(group: list[tuple[int, bytes, bytes]]) -> None:
            latest = unpack(group[-1][2])
            earlier = [unpack(record) for _, _, record in group[:-1]]
            spool.execute("INSERT INTO p_fate VALUES (?, ?, ?)",
                          (group[-1][0], pickle.dumps(trend(latest, earlier[-1]), pickle.HIGHEST_PROTOCOL),
                           pickle.dumps(tuple(s.path for s in earlier), pickle.HIGHEST_PROTOCOL)))
            for summary in earlier:
                self._supersede(summary, "earlier", latest.path)

        spool.execute("CREATE INDEX p_services_reaudit ON p_services (service, day, path)")  # sorts the keys only
        counted = "FROM p_services WHERE idx NOT IN (SELECT idx FROM p_consensus_input)"
        # a service assessed once (most of them) counts, without a trend: one statement for them all
        spool.execute(f"INSERT INTO p_fate SELECT idx, NULL, NULL {counted} AND service IN "
                      f"(SELECT service {counted} GROUP BY service HAVING COUNT(*) = 1)")
        for row in spool.rows(f"SELECT idx, service, record {counted} AND service IN "
                              f"(SELECT service {counted} GROUP BY service HAVING COUNT(*) > 1) "
                              "ORDER BY service, day, path"):
            if group and group[-1][1] != row[1]:
                close(group)
                group = []
            group.append(row)
        if group:
            close(group)
        spool.execute(f"INSERT INTO p_ranked SELECT ROW_NUMBER() OVER (ORDER BY {_ORDER}), s.idx "
                      "FROM p_fate f JOIN p_services s ON s.idx = f.idx")

    def _norm_counts(self) -> tuple[NormCount, ...]:
        not_met: Counter[int] = Counter()
        partial: Counter[int] = Counter()
        applicable: Counter[int] = Counter()
        failing = [code for result, code in self.rows.code.items() if result in self._failing]
        gaps = [code for result, code in self.rows.code.items() if result in self._gaps and result not in self._failing]
        rows = self.spool.rows("SELECT s.codes FROM p_ranked r JOIN p_services s ON s.idx = r.idx")
        # a block of services at a time, each item's letters counted as one string (at C speed, not letter by letter)
        while block := [codes for (codes,) in itertools.islice(rows, 1024)]:
            for position, letters in enumerate(map("".join, zip(*block, strict=True))):
                counted = len(letters) - letters.count(".")
                if counted:
                    applicable[position] += counted
                    if found := sum(map(letters.count, failing)):
                        not_met[position] += found
                    if found := sum(map(letters.count, gaps)):
                        partial[position] += found
        counts = []
        for position, count in not_met.items():
            norm = self.catalog.item(self.rows.items[position])
            counts.append(NormCount(norm.id, norm.section, norm.critical, count, partial[position],
                                    applicable[position]))
        counts.sort(key=lambda c: (-c.not_met, -c.exact_share, self.rows.position[c.id]))
        return tuple(counts)

    def _counts(self) -> Counts:
        spool = self.spool
        joined = "p_ranked r JOIN p_services s ON s.idx = r.idx JOIN p_fate f ON f.idx = r.idx"
        statuses = tuple((status, count) for status, count, _ in spool.rows(
            f"SELECT s.status, COUNT(*), MIN(r.rank) AS first FROM {joined} GROUP BY s.status ORDER BY first"))
        critical, disputed, *flags = spool.one(
            "SELECT TOTAL(s.critical), TOTAL(s.critical_disputed), MAX(s.settings), MAX(s.critical_gaps), "
            f"MAX(s.disputed), MAX(f.trend IS NOT NULL), MAX(s.partial) FROM {joined}")
        languages = tuple(None if language is None else key_text(language) for (language,) in
                          spool.rows(f"SELECT DISTINCT s.language FROM {joined} LIMIT 2"))
        names = (*SERVICES_WITH, "partial")
        return Counts(statuses, int(critical), int(disputed), languages,
                      frozenset(name for name, flag in zip(names, flags, strict=True) if flag))

    def build(self, group_by: str | None = None) -> PortfolioData:
        """The portfolio; ``group_by`` (kind or location): with the indexes its groups are read through."""
        catalog, spool = self.catalog, self.spool
        self._resolve()
        data = PortfolioData(
            catalog_id=catalog.id, catalog_version=catalog.version, formats=self.formats,
            services=Services(spool), norms_not_met=self._norm_counts(),
            critical_ids=tuple(n.id for n in catalog.items_for(tuple(catalog.settings)) if n.critical),
            failures=_failures(spool), superseded=_superseded(spool), counts=self._counts(),
        )
        if group_by is not None:
            data.services.index_groups(group_by)
        return data


def _superseded(spool: Spool) -> Rows[Superseded]:
    return Rows(lambda: (pickle.loads(record) for (record,) in spool.rows("SELECT record FROM p_superseded "
                                                                         "ORDER BY path, seq")),
                lambda: int(spool.one("SELECT COUNT(*) FROM p_superseded")[0]))


def _failures(spool: Spool) -> Rows[Failure]:
    return Rows(lambda: (pickle.loads(record) for (record,) in spool.rows("SELECT record FROM p_failures "
                                                                         "ORDER BY seq")),
                lambda: int(spool.one("SELECT COUNT(*) FROM p_failures")[0]))
