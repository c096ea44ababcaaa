"""The batch's main process keeps nothing per input (issue 18): what it holds for 2,000 services is what it holds
for 200.

Measured in this process with tracemalloc (Python's allocations, counted exactly, not sampled over time, so the
test does not depend on the machine's load): the portfolio's builder fed 200 and then 2,000 services, and the
portfolio rendered in every text format from it; the inputs of a batch and its report names, spooled. Before the
spool, the builder alone kept about 4.6 KiB per one of these services (8 MiB more for 2,000 than for 200).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.analysis.portfolio import PortfolioBuilder, ServiceSummary, summarize
from assess.analysis.scoring import score
from assess.errors import InputError
from assess.files.discovery import spool_inputs
from assess.files.output_names import NameAllocator
from assess.files.spool import Spool, SpoolTape
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.model.catalog import Catalog
from assess.render import html_portfolio, portfolio_json, portfolio_markdown
from assess.render.tables import service_columns, service_row, stream_csv

SMALL, LARGE = 200, 2_000
# bytes, for 1,800 services more: under 300 bytes each. What varies from run to run (a row of a table making the
# peak, free lists) is under 100 KiB; the builder that held every summary kept 8 MiB more for 2,000 than for 200.
SLACK = 512 * 1024


def _templates(catalog: Catalog) -> list[ServiceSummary]:
    rng = random.Random(18)
    results = ["met", "partial", "not_met", "na"]
    found = []
    for k in range(12):
        settings = (list(catalog.settings)[k % len(catalog.settings)],) if k % 3 else ()
        answers = {}
        for norm in catalog.items_for(settings):
            result = rng.choice(results)
            action = Action(f"Werkinstructie {norm.id} herzien", "Teamleider", dt.date(2027, 1, 1)) \
                if result != "met" else None
            answers[norm.id] = Answer(result, note="Nog niet besproken in het MT." if action else None, action=action)
        assessment = Assessment(catalog.id, Service(f"Dienst {k}", f"soort {k % 4}", f"Plaats {k % 5}"),
                                date=dt.date(2026, 1 + k % 12, 1), settings=settings, answers=answers)
        found.append(summarize(0, "x.yaml", score(assessment, catalog)))
    return found


def _service(templates: list[ServiceSummary], index: int) -> ServiceSummary:
    """A distinct service (name, path, score): made when it is added, never kept by the test."""
    base = templates[index % len(templates)]
    return dataclasses.replace(base, index=index, path=f"regio-{index // 100:02d}/dienst-{index:05d}.yaml",
                               name=f"{base.name} {index:05d}", location=f"Plaats {index % 7}",
                               score=None if base.score is None else round(base.score * (0.5 + index % 50 / 100), 1))


def _measure(catalog: Catalog, templates: list[ServiceSummary], count: int, folder: Path
             ) -> tuple[int, int]:
    """(what the builder keeps after ``count`` services, the peak above that while the portfolio is rendered)."""
    sink: Callable[[str], object] = lambda text: None  # noqa: E731
    spool = Spool(str(folder / f"spool-{len(list(folder.iterdir()))}.sqlite"))  # a new one each time
    try:
        start = tracemalloc.get_traced_memory()[0]
        builder = PortfolioBuilder(catalog, ("md", "json", "csv", "html"), spool)
        for index in range(count):
            builder.add(_service(templates, index), f"dienst-{index:05d}")
        kept = tracemalloc.get_traced_memory()[0] - start
        data = builder.build()
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        portfolio_markdown.write(data, catalog, "en", sink, "location")
        portfolio_json.write(data, sink)
        html_portfolio.write(data, catalog, "en", sink, "kind")
        stream_csv(service_columns(catalog), (service_row(e.summary, catalog) for e in data.services), sink)
        peak = tracemalloc.get_traced_memory()[1] - base
        del data, builder
    finally:
        spool.close()
    return kept, peak


def test_the_portfolio_keeps_nothing_per_service(catalog: Catalog, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # A table's tape holds up to IN_MEMORY rows in a list (a bound, not a share of the batch): made smaller than
    # SMALL here, both sizes hold as many and spool the rest
    monkeypatch.setattr(SpoolTape, "IN_MEMORY", SMALL // 4)
    templates = _templates(catalog)
    tracemalloc.start()
    try:
        # warm-up: templates compiled, words looked up, caches filled, and CPython's free lists (up to 2,000
        # tuples of each size, kept allocated once freed) as full as they get
        _measure(catalog, templates, LARGE, tmp_path)
        small = _measure(catalog, templates, SMALL, tmp_path)
        large = _measure(catalog, templates, LARGE, tmp_path)
    finally:
        tracemalloc.stop()
    assert large[0] - small[0] < SLACK, (small, large)  # kept while the batch runs
    assert large[1] - small[1] < SLACK, (small, large)  # the peak while the portfolio is written


def _spooled_inputs(folder: Path, count: int) -> int:
    """What the inputs and the names of ``count`` files keep in memory once spooled, and their names allocated."""
    inputs = folder / f"in-{count}"
    inputs.mkdir()
    for k in range(count):
        (inputs / f"dienst-{k:05d}.yaml").touch()
    spool = Spool(str(folder / f"spool-{count}.sqlite"))
    try:
        start = tracemalloc.get_traced_memory()[0]
        found, problems = spool_inputs([str(inputs)], spool)
        names = NameAllocator(["portfolio"], spool)
        for _ in found.paths():
            names.allocate("De Overloop")
        assert (0, 0) not in found
        kept = tracemalloc.get_traced_memory()[0] - start
        assert (len(found), problems, names.allocate("De Overloop")) == (count, [], f"de-overloop-{count + 1}")
    finally:
        spool.close()
    return kept


def test_inputs_and_names_are_spooled(tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        _spooled_inputs(tmp_path, 100)  # warm-up
        small, large = _spooled_inputs(tmp_path, SMALL), _spooled_inputs(tmp_path, 5_000)
    finally:
        tracemalloc.stop()
    # a list of 5,000 paths and a set of 5,000 names would be about 1 MiB more than for 200
    assert large - small < 128 * 1024, (small, large)


def test_a_spool_that_cannot_be_written_stops_the_batch_with_its_reason(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        Spool(str(tmp_path / "gone" / "spool.sqlite"))
    assert str(raised.value).startswith(f"{tmp_path / 'gone' / 'spool.sqlite'}: cannot keep the batch's records here: ")


def test_inputs_are_ordered_by_the_parts_pathlib_finds() -> None:
    """The inputs' order comes from their paths split into parts as ``PurePosixPath`` splits them, without
    pathlib (which would intern every part of every input)."""
    import os
    import random
    from pathlib import PurePosixPath

    from assess.files.discovery import _path_key

    if os.name != "posix":
        pytest.skip("POSIX paths")
    chance = random.Random(7)
    pieces = ["/", "//", ".", "..", "a", "é", "b c", "dienst.yaml", "."]
    paths = ["", "/", "//", "///", "//a", "///a", "./a", "a/./b", "a//b/", "../x"]
    paths += ["".join(chance.choice(pieces) for _ in range(chance.randint(1, 8))) for _ in range(3000)]
    assert [_path_key(p) for p in paths] == [PurePosixPath(p).parts for p in paths]


def _other_reports_peak(folder: Path, count: int) -> tuple[int, str]:
    """The peak memory of looking for other runs' reports in a folder of ``count`` reports of this run (and
    one of another), and the warning."""
    import io

    from assess.batch import _warn_about_other_reports
    from assess.files.spool import SpoolSet

    out = folder / f"out-{count}"
    out.mkdir()
    for k in range(count):
        (out / f"dienst-{k:05d}.md").touch()
    (out / "bravo.md").touch()
    spool = Spool(str(folder / f"written-{count}.sqlite"))
    try:
        written = SpoolSet(spool, "written")
        for k in range(count):
            written.add(f"dienst-{k:05d}")
        err = io.StringIO()
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        _warn_about_other_reports(out, ("md",), written, err)
        return tracemalloc.get_traced_memory()[1] - start, err.getvalue()
    finally:
        spool.close()


def test_looking_for_other_runs_reports_does_not_hold_the_folders_names(tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        _other_reports_peak(tmp_path, 50)  # warm-up
        small, said = _other_reports_peak(tmp_path, SMALL)
        large, _ = _other_reports_peak(tmp_path, 5_000)
    finally:
        tracemalloc.stop()
    assert said == (f"{tmp_path / f'out-{SMALL}'}: warning: 1 report file(s) here were not written by this run "
                    "(bravo.md); they may be from an earlier run\n")
    assert large - small < 64 * 1024, (small, large)  # every name held at once would be about 400 KiB more


def test_norms_not_met_are_counted_alike_over_many_blocks_of_services(catalog: Catalog) -> None:
    """The counts per norm (read from the spool a block of 1,024 services at a time) are those of a count over every
    service's (item, result) pairs, one by one."""
    templates = _templates(catalog)
    builder = PortfolioBuilder(catalog)
    expected: dict[str, list[int]] = {}  # item -> [not met, partial, applicable]
    failing, gaps = catalog.answer_set.failing_ids, catalog.answer_set.gap_ids
    for index in range(2_500):
        summary = _service(templates, index)
        builder.add(summary, f"dienst-{index:05d}")
        for item, result in summary.applicable:
            counts = expected.setdefault(item, [0, 0, 0])
            counts[0] += result in failing
            counts[1] += result in gaps and result not in failing
            counts[2] += 1
    found = {c.id: [c.not_met, c.partial, c.applicable] for c in builder.build().norms_not_met}
    assert found == {item: counts for item, counts in expected.items() if counts[0]}
    assert sum(counts[2] for counts in found.values()) > 2 * 1024
