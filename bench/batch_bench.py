"""Benchmark of `assess batch` (issue 5).

Generates N realistic assessment files (fictional Dutch services, written with assess.files.writer.dump), then
measures in one run:

  (a) `assess batch DIR --out OUT` in a subprocess, with the default --jobs;
  (b) merely parsing the same files with yaml.load(..., Loader=yaml.CSafeLoader) in this process;

and prints a/b (goal: <= 3), a breakdown of where the time goes (import, parse, validate, score, render,
write; timed stage by stage in this process), and the peak RSS of `assess batch` for two values of N
(resource.getrusage(RUSAGE_CHILDREN) in a fresh wrapper process per run), to show memory stays flat.

    python bench/batch_bench.py                 # N = 1000, memory at N and 4 N
    python bench/batch_bench.py --n 200 --mem-n 800 --repeat 1

It also reports the cost of ``--format xlsx`` (a workbook per service plus portfolio.xlsx) per service: the
batch run again with ``--format md,xlsx``, and the workbook stages timed in one process (``--no-xlsx`` skips it);
and the cost of ``--format html`` (a page per service plus portfolio.html) the same way (``--no-html`` skips it):

    python bench/batch_bench.py --n 200 --mem-n 400 --repeat 3 --no-xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from assess.files.catalog_file import load_catalog
from assess.files.writer import dump
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.model.catalog import Catalog

KINDS = [  # (kind, name prefixes, settings)
    ("gebruiksruimte", ["Gebruiksruimte", "Huiskamer", "Inloop"], []),
    ("medicatiepoli", ["Medicatiepoli", "Methadonpost", "Verstrekkingspunt"], ["outpatient"]),
    ("heroïnebehandeling", ["Heroïnebehandeling", "Heroïnepoli"], ["outpatient"]),
    ("outreach team", ["Outreachteam", "Straatteam", "Bemoeizorgteam"], ["outreach"]),
    ("ambulante verslavingszorg", ["Ambulante verslavingszorg", "Polikliniek verslavingszorg"], ["outpatient"]),
    ("kortdurende klinische opname", ["Detox", "Kliniek"], ["short-term-inpatient"]),
    ("beschermd wonen", ["Beschermd wonen", "Woonvoorziening"], ["long-term-residential"]),
    ("huisartsenzorg", ["Huisartsenpraktijk", "Gezondheidscentrum"], ["non-specialised"]),
]
NAMES = ["De Overloop", "Het Anker", "De Brug", "Kompas", "'t Veer", "De Haven", "Het Baken", "De Sluis",
         "Sint-Jansgasthuis", "De Kaap", "Het Dok", "De Boei", "Noord", "Zuid", "Oost", "West", "Centrum"]
CITIES = ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
          "Breda", "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Apeldoorn", "'s-Hertogenbosch", "Zwolle",
          "Leeuwarden", "Maastricht", "Dordrecht", "Zaandam", "Heerlen", "Den Helder", "Leiden", "Delft",
          "Deventer", "Emmen", "Venlo", "Súdwest-Fryslân"]
TOPICS = ["naloxon", "privacy", "intake", "agressie", "meldcode", "medicatieverstrekking", "hepatitis C-screening",
          "nazorg", "cliëntparticipatie", "klachtenregeling", "dubbele diagnose", "zwangerschap en gebruik"]
PARTNERS = ["de gemeente", "de GGD", "de politie", "het wijkteam", "de huisartsen", "de reclassering",
            "het ziekenhuis", "de woningcorporatie"]
OWNERS = ["Teamleider", "Medisch manager", "Kwaliteitsfunctionaris", "Manager bedrijfsvoering", "M. de Vries",
          "S. Bakker", "J. Jansen", "A. El Amrani", "P. van den Berg", "Verpleegkundig specialist"]
EVIDENCE = ["Werkinstructie {topic} ({year})", "Jaarverslag {year}, paragraaf {n}",
            "Cliënttevredenheidsonderzoek {year}: rapportcijfer {grade}", "Protocol {topic}, vastgesteld {date}",
            "Convenant met {partner}", "Verslag cliëntenraad {date}", "Scholingsoverzicht {topic} {year}",
            "Audit {topic} door kwaliteitsfunctionaris ({date})"]
NOTES = ["Wordt besproken in het MT van {month}.", "Alleen op werkdagen; in het weekend niet geregeld.",
         "Afhankelijk van financiering door {partner}.", "Staat op papier, maar wordt in de praktijk wisselend "
         "uitgevoerd.", "Nog geen afspraken met {partner} over {topic}.", "Ervaringsdeskundigen geven aan dat dit "
         "beter kan; zie verslag cliëntenraad.", "Systeemnorm: hoort bij de gemeente en het zorgkantoor."]
ACTIONS = ["Werkinstructie {topic} herzien en vaststellen", "Scholing {topic} voor alle medewerkers",
           "Afspraken over {topic} vastleggen met {partner}", "Proef met avondopenstelling, zes maanden",
           "Evaluatie {topic} met de cliëntenraad"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "september", "oktober", "november"]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(topic=rng.choice(TOPICS), partner=rng.choice(PARTNERS), month=rng.choice(MONTHS),
                           year=rng.choice([2023, 2024, 2025, 2026]), n=rng.randint(1, 9),
                           grade=f"{rng.uniform(6, 9):.1f}".replace(".", ","),
                           date=dt.date(2026, rng.randint(1, 10), rng.randint(1, 28)).isoformat())


def make_assessment(rng: random.Random, catalog: Catalog) -> Assessment:
    kind, prefixes, settings = rng.choice(KINDS)
    city = rng.choice(CITIES)
    name = f"{rng.choice(prefixes)} {rng.choice(NAMES)}" if rng.random() < 0.6 else f"{rng.choice(prefixes)} {city}"
    maturity = rng.uniform(0.3, 0.95)
    skip = rng.choice([0.0, 0.0, 0.05, 0.15, 0.4])
    answers: dict[str, Answer] = {}
    for norm in catalog.items_for(settings):
        roll = rng.random()
        if roll < skip:
            continue
        if (norm.scope == "system" and rng.random() < 0.5) or rng.random() < 0.04:
            answers[norm.id] = Answer("na", note=_fill(rng, rng.choice(NOTES)))
            continue
        roll = rng.random()
        if norm.critical:
            roll = roll ** 2  # critical norms are met more often, but not always
        result = "met" if roll < maturity else "partial" if roll < maturity + (1 - maturity) / 2 else "not_met"
        evidence = tuple(_fill(rng, rng.choice(EVIDENCE)) for _ in range(rng.choice([0, 1, 1, 2])))
        note = _fill(rng, rng.choice(NOTES)) if result != "met" and rng.random() < 0.5 else None
        action = None
        if result != "met" and rng.random() < 0.4:
            action = Action(_fill(rng, rng.choice(ACTIONS)), rng.choice(OWNERS),
                            dt.date(2027, rng.randint(1, 12), rng.randint(1, 28)),
                            rng.choice(["high", "medium", "low", None]))
        answers[norm.id] = Answer(result, evidence, note, action)
    return Assessment(
        checklist=catalog.id, checklist_version=catalog.version, service=Service(name, kind, city),
        assessors=tuple(rng.sample(OWNERS, rng.randint(1, 3))), date=dt.date(2026, rng.randint(1, 11), 1),
        language="nl" if rng.random() < 0.9 else "en", settings=tuple(settings), answers=answers,
    )


def generate(directory: Path, count: int, seed: int, catalog: Catalog, start: int = 0) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for number in range(start, start + count):
        folder = directory / f"regio-{number // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"dienst-{number:05d}.yaml"
        assessment = make_assessment(rng, catalog)
        path.write_text(dump(assessment, catalog), encoding="utf-8")
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------------------------


def batch_command(inputs: list[str], out: Path, jobs: int | None, formats: str = "md") -> list[str]:
    command = [sys.executable, "-m", "assess", "batch", *inputs, "--out", str(out), "--format", formats]
    return command + (["--jobs", str(jobs)] if jobs else [])


def time_batch(inputs: list[str], out: Path, jobs: int | None, formats: str = "md") -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(batch_command(inputs, out, jobs, formats), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"assess batch failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def time_parse(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


_RSS_WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run(json.loads(sys.argv[1]), capture_output=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "maxrss_kb": usage.ru_maxrss}))
"""


def peak_rss(inputs: list[str], out: Path, jobs: int | None) -> int:
    """Peak RSS (KiB) of the largest process of one `assess batch` run (main process or a worker)."""
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, json.dumps(batch_command(inputs, out, jobs))],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    if result["rc"] != 0:
        sys.exit(f"assess batch failed ({result['rc']}) while measuring memory")
    return result["maxrss_kb"]


_IMPORT_PROBE = """
import time
t0 = time.perf_counter()
import assess.cli, assess.batch, assess.analysis.portfolio, assess.files.assessment_file, assess.analysis.scoring
from assess.render import renderer
renderer("md")
assess.cli.build_parser()
t1 = time.perf_counter()
from assess.files.catalog_file import load_catalog
load_catalog()
assess.files.compiled_schema.schema_accepts("assessment")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def breakdown(paths: list[Path], catalog: Catalog, formats: tuple[str, ...], sample: int) -> dict[str, float]:
    """Seconds per file for each stage of the batch path, timed in this process over a sample of files."""
    from assess.analysis.portfolio import summarize
    from assess.analysis.scoring import score
    from assess.files import assessment_file, strict_yaml
    from assess.files.compiled_schema import schema_accepts
    from assess.i18n import resolve_language
    from assess.render import renderer

    accepts = schema_accepts("assessment")
    renderers = {fmt: renderer(fmt) for fmt in formats}
    chosen = paths[:sample]
    stages = dict.fromkeys(["read", "parse", "validate", "score", "render", "write", "summary",
                            "validate (jsonschema only, for comparison)"], 0.0)
    scratch = Path(tempfile.mkdtemp(prefix="assess-bench-write-"))
    clock = time.perf_counter
    try:
        for index, path in enumerate(chosen):
            t0 = clock()
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            t1 = clock()
            doc = strict_yaml.parse(text, str(path))
            t2 = clock()
            loaded = assessment_file.from_document(doc, catalog, schema_ok=accepts)
            t3 = clock()
            card = score(loaded.assessment, catalog)
            t4 = clock()
            lang = resolve_language(None, loaded.assessment.language)
            rendered = {fmt: render(card, lang) for fmt, render in renderers.items()}
            t5 = clock()
            for fmt, body in rendered.items():
                staged = scratch / f"{index}.{fmt}"
                with open(staged, "wb") as handle:
                    handle.write(body.encode("utf-8"))
                os.replace(staged, scratch / f"final-{index}.{fmt}")
            t6 = clock()
            summarize(index, str(path), card, loaded.warnings)
            t7 = clock()
            # the same load with the compiled check refused, so that jsonschema does the validating
            assessment_file.from_document(strict_yaml.parse(text, str(path)), catalog, schema_ok=lambda _data: False)
            t8 = clock()
            for key, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6,
                                             t8 - t7 - (t2 - t1)), strict=True):
                stages[key] += seconds
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return {key: seconds / len(chosen) for key, seconds in stages.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="number of assessment files (default 1000)")
    parser.add_argument("--mem-n", type=int, default=None, help="second N for the memory check (default 4 N)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of (a) and (b); the best is kept (default 3)")
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs to assess batch (default: its default)")
    parser.add_argument("--sample", type=int, default=300, help="files timed stage by stage (default 300)")
    parser.add_argument("--dir", help="work folder (default: a temporary folder, removed afterwards)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-xlsx", action="store_true", help="skip the cost of --format xlsx")
    parser.add_argument("--no-html", action="store_true", help="skip the cost of --format html")
    args = parser.parse_args()
    mem_n = args.mem_n or 4 * args.n
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="assess-bench-"))
    catalog = load_catalog()
    try:
        small, extra = work / "inputs", work / "inputs-extra"
        for folder in (small, extra, work / "out"):
            shutil.rmtree(folder, ignore_errors=True)
        t0 = time.perf_counter()
        paths = generate(small, args.n, args.seed, catalog)
        size = sum(p.stat().st_size for p in paths)
        print(f"generated {args.n} files ({size / args.n / 1024:.1f} KiB each on average) "
              f"in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} CPUs")

        b_runs, a_runs = [], []
        for _ in range(args.repeat):
            b_runs.append(time_parse(paths))
            a_runs.append(time_batch([str(small)], work / "out", args.jobs))
        a, b = min(a_runs), min(b_runs)
        print(f"\n(a) assess batch, default --jobs{'' if not args.jobs else f' (--jobs {args.jobs})'}: "
              f"{a:.2f} s   (runs: {', '.join(f'{x:.2f}' for x in a_runs)})")
        print(f"(b) yaml.load(CSafeLoader), one process:  {b:.2f} s   (runs: {', '.join(f'{x:.2f}' for x in b_runs)})")
        print(f"a/b = {a / b:.2f}   (goal <= 3)   {'OK' if a / b <= 3 else 'OVER THE GOAL'}")

        probe = subprocess.run([sys.executable, "-c", _IMPORT_PROBE], capture_output=True, text=True, check=True)
        imports, catalog_load = (float(x) for x in probe.stdout.split())
        startup = statistics.median(
            _timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True)) for _ in range(5))
        per_file = breakdown(paths, catalog, ("md",), min(args.sample, len(paths)))
        compare = per_file.pop("validate (jsonschema only, for comparison)")
        total = sum(per_file.values())
        jobs = args.jobs or len(os.sched_getaffinity(0))
        print(f"\nwhere the time goes (stages timed in one process over {min(args.sample, len(paths))} files):")
        print(f"  {'python start-up':<34}{startup * 1000:8.1f} ms once")
        print(f"  {'import (cli, batch, reports)':<34}{imports * 1000:8.1f} ms once")
        print(f"  {'load + check catalog, compile schema':<34}{catalog_load * 1000:8.1f} ms once "
              "(per worker if not forked)")
        for stage, seconds in per_file.items():
            print(f"  {stage:<34}{seconds * 1000:8.2f} ms per file  {100 * seconds / total:5.1f}%")
        print(f"  {'total per file':<34}{total * 1000:8.2f} ms per file")
        print(f"  (validation with jsonschema alone would take {compare * 1000:.2f} ms per file, "
              f"{compare / max(per_file['validate'], 1e-9):.0f}x the compiled check)")
        predicted = startup + imports + catalog_load + args.n * total / jobs
        print(f"  predicted for N={args.n} on {jobs} processes: {predicted:.2f} s; measured (a) {a:.2f} s "
              f"(the difference: pool start-up, passing results, the portfolio, scheduling)")
        print(f"  parsing alone, (b): {b / args.n * 1000:.2f} ms per file")

        if not args.no_xlsx:
            xlsx_report(paths, catalog, small, work / "out", args, a)
        if not args.no_html:
            html_report(paths, catalog, small, work / "out", args, a)

        generate(extra, mem_n - args.n, args.seed + 1, catalog, start=args.n)
        rss_small = peak_rss([str(small)], work / "out", args.jobs)
        rss_large = peak_rss([str(small), str(extra)], work / "out", args.jobs)
        print("\npeak RSS of assess batch (largest process: main or worker; getrusage of children):")
        print(f"  N={args.n:<6} {rss_small / 1024:7.1f} MiB")
        print(f"  N={mem_n:<6} {rss_large / 1024:7.1f} MiB   ({(rss_large - rss_small) / 1024:+.1f} MiB for "
              f"{mem_n - args.n} more files)")
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def xlsx_report(paths: list[Path], catalog: Catalog, inputs: Path, out: Path, args: argparse.Namespace,
                md_seconds: float) -> None:
    """The cost of ``--format xlsx``: the whole batch with and without it, and per file in one process."""
    from assess.analysis.portfolio import PortfolioBuilder, summarize
    from assess.analysis.scoring import score
    from assess.files import assessment_file, strict_yaml
    from assess.render.xlsx.portfolio import dump_rows
    from assess.render.xlsx.portfolio import render as render_portfolio
    from assess.render.xlsx.report import render

    runs = [time_batch([str(inputs)], out, args.jobs, "md,xlsx") for _ in range(args.repeat)]
    with_xlsx = min(runs)
    n = len(paths)
    print(f"\n--format md,xlsx (a service's workbook + portfolio.xlsx): {with_xlsx:.2f} s for N={n} "
          f"(runs: {', '.join(f'{x:.2f}' for x in runs)}); md alone {md_seconds:.2f} s")
    print(f"  cost of xlsx: {(with_xlsx - md_seconds) / n * 1000:.1f} ms per service (wall clock, default --jobs)")
    sample = paths[:min(args.sample, n)]
    cards = [score(assessment_file.from_document(strict_yaml.read(str(p)), catalog).assessment, catalog)
             for p in sample]
    report_s = _timed(lambda: [render(card, "nl") for card in cards]) / len(cards)
    rows_s = _timed(lambda: [dump_rows(card) for card in cards]) / len(cards)
    scratch = Path(tempfile.mkdtemp(prefix="assess-bench-xlsx-"))
    try:
        builder = PortfolioBuilder(catalog, ("md", "xlsx"))
        for index, card in enumerate(cards):
            (scratch / f"{index}.json").write_text(dump_rows(card), encoding="utf-8")
            builder.add(summarize(index, str(sample[index]), card), f"s{index}")
        data = builder.build()
        portfolio_s = _timed(lambda: render_portfolio(data, catalog, "nl", lambda i: str(scratch / f"{i}.json")))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"  in one process, per service: the report workbook {report_s * 1000:.1f} ms, its rows for the "
          f"portfolio {rows_s * 1000:.2f} ms, portfolio.xlsx {portfolio_s / len(cards) * 1000:.2f} ms "
          f"({portfolio_s:.2f} s for {len(cards)} services, in the main process)")


def html_report(paths: list[Path], catalog: Catalog, inputs: Path, out: Path, args: argparse.Namespace,
                md_seconds: float) -> None:
    """The cost of ``--format html``: the whole batch with and without it, and per file in one process."""
    from assess.analysis.portfolio import PortfolioBuilder, summarize
    from assess.analysis.scoring import score
    from assess.files import assessment_file, strict_yaml
    from assess.render.html_portfolio import render as render_portfolio
    from assess.render.html_report import render

    runs = [time_batch([str(inputs)], out, args.jobs, "md,html") for _ in range(args.repeat)]
    with_html = min(runs)
    n = len(paths)
    print(f"\n--format md,html (a page per service + portfolio.html): {with_html:.2f} s for N={n} "
          f"(runs: {', '.join(f'{x:.2f}' for x in runs)}); md alone {md_seconds:.2f} s")
    print(f"  cost of html: {(with_html - md_seconds) / n * 1000:.1f} ms per service (wall clock, default --jobs)")
    sample = paths[:min(args.sample, n)]
    cards = [score(assessment_file.from_document(strict_yaml.read(str(p)), catalog).assessment, catalog)
             for p in sample]
    render(cards[0], "nl")  # the templates compiled once, as in each worker
    page_s = _timed(lambda: [render(card, "nl") for card in cards]) / len(cards)
    size = sum(len(render(card, "nl").encode("utf-8")) for card in cards) / len(cards)
    builder = PortfolioBuilder(catalog, ("md", "html"))
    for index, card in enumerate(cards):
        builder.add(summarize(index, str(sample[index]), card), f"s{index}")
    data = builder.build()
    portfolio_s = _timed(lambda: render_portfolio(data, catalog, "nl", "kind"))
    print(f"  in one process, per service: the report page {page_s * 1000:.1f} ms ({size / 1024:.0f} KiB), "
          f"portfolio.html {portfolio_s / len(cards) * 1000:.2f} ms ({portfolio_s:.2f} s for {len(cards)} services, "
          "in the main process)")


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
