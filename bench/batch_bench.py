"""Benchmark of `assess batch` (issues 5 and 18), paired and whole-process.

Generates N realistic assessment files (fictional Dutch services, written with assess.files.writer.dump), then
measures, in pairs run in turn (A B A B ...), each a whole process started from here:

  --jobs 1:      (a) `assess batch DIR --out OUT --jobs 1`  against  (b) a process that parses the same
                 files with yaml.load(..., Loader=yaml.CSafeLoader), one after the other;
  default jobs:  (a) `assess batch DIR --out OUT`           against  (b) the same parse in as many processes
                 (a multiprocessing pool of the same size, as the batch uses);

and prints the median of each side, the median of the pairs' ratios a/b and every ratio (goals: at most 2
with --jobs 1, at most 1.0 with the default jobs), with the machine's load (os.getloadavg) and CPU count
before and after; with --jobs 1 also each side's CPU seconds (user and system, from getrusage of the
children) and their ratio, which tell the work from the waiting on a shared machine. Beside the
whole-process figures it prints the parse time inside (b)'s process alone, and
a breakdown per stage (read, parse, validate, score, render per format, write, summary) timed in this process.

The reports cost a file each, and what creating a file costs depends on the disk and its state more than on the
program (on the bench's VM 0.06 ms in one folder, 1.1 ms in another, after many files were deleted there). So
the bench prints that cost where the reports go, before and after the pairs (200 new files of 30 KiB in a
folder beside the output folder, the median), and --out-dir puts the output folder elsewhere, such as on a
RAM disk (/dev/shm), to tell the program's time from the disk's.

It also gives, each on request or by default:
  - the ratio per report format (md, json, csv, xlsx) with --jobs 1, paired the same way (--formats);
  - the time to validate files with 5k, 20k and 80k problems, to show the slope (--no-problems skips);
  - the memory of the whole job: the peak of the sum of PSS (/proc/PID/smaps_rollup) over the main process
    and its workers, sampled while it runs, the main process and the largest worker, for N and each --mem-n,
    with the verdict (under 100 MiB at the largest N, within 20% of the next largest). Those files are distinct
    assessments generated in folders of 1,000 (in parallel, from a seed per folder); with --dir they are kept and
    reused by the next run.

    python bench/batch_bench.py                      # N = 1000: pairs, formats, problems, memory at 1k and 10k
    python bench/batch_bench.py --n 200 --repeat 3 --mem-n 0 --formats md
    python bench/batch_bench.py --only-memory --mem-n 10000,50000 --dir /tmp/assess-bench   # 1k, 10k, 50k
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml

from assess.files.catalog_file import load_catalog
from assess.files.writer import dump
from assess.model.assessment import Action, Answer, Assessment, Evidence, Service
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
        answers[norm.id] = Answer(result, tuple(Evidence(text) for text in evidence), note, action)
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


BLOCK = 1000  # files per folder of the memory sets


def _generate_block(job: tuple[str, int, int, int]) -> int:
    """One folder of a memory set: files ``start`` .. ``start + count - 1``, from their own seed, so blocks can
    be made in parallel and a set of 50,000 reuses the blocks of a set of 10,000."""
    root, block, count, seed = job
    folder = Path(root) / f"block-{block:03d}"
    stamp = folder / f".done-{seed}-{count}"  # hidden: discovery skips it
    if stamp.exists():
        return 0
    shutil.rmtree(folder, ignore_errors=True)
    catalog = load_catalog()
    rng = random.Random(f"{seed}-{block}")
    folder.mkdir(parents=True)
    for number in range(block * BLOCK, block * BLOCK + count):
        (folder / f"dienst-{number:05d}.yaml").write_text(dump(make_assessment(rng, catalog), catalog),
                                                          encoding="utf-8")
    stamp.write_text("", encoding="ascii")
    return count


def memory_set(root: Path, size: int, seed: int) -> list[str]:
    """The inputs of ``assess batch`` for ``size`` distinct files (each its own generated assessment, none a
    copy): whole blocks as folders, a partial last block as files. Blocks already made (``--dir``) are kept."""
    import multiprocessing

    blocks = [(str(root), b, min(BLOCK, size - b * BLOCK), seed) for b in range(-(-size // BLOCK))]
    with multiprocessing.get_context().Pool(nproc()) as pool:
        made = sum(pool.imap_unordered(_generate_block, blocks))
    if made:
        print(f"  (generated {made} files for the memory sets)")
    inputs = [str(root / f"block-{block:03d}") for _, block, count, _ in blocks if count == BLOCK]
    if size % BLOCK:
        last = root / f"block-{size // BLOCK:03d}"
        inputs += sorted(str(p) for p in last.glob("dienst-*.yaml"))
    return inputs


# ----------------------------------------------------------------------------------------------
# Whole processes, paired


def nproc() -> int:
    return len(os.sched_getaffinity(0))


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {nproc()} CPUs"


def create_cost(near: Path, files: int = 200) -> str:
    """The median time to create and write a new file of 30 KiB in a new folder beside ``near``, as text."""
    probe = Path(tempfile.mkdtemp(prefix="assess-bench-probe-", dir=near.parent))
    data = b"x" * 30 * 1024
    seconds = []
    try:
        for k in range(files):
            start = time.perf_counter()
            fd = os.open(probe / f"{k}.md", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            os.write(fd, data)
            os.close(fd)
            seconds.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return f"creating a file where the reports go ({near.parent}): {statistics.median(seconds) * 1000:.3f} ms"


def batch_command(inputs: list[str], out: Path, jobs: int | None, formats: str = "md") -> list[str]:
    command = [sys.executable, "-m", "assess", "batch", *inputs, "--out", str(out), "--format", formats]
    return command + (["--jobs", str(jobs)] if jobs else [])


_PARSE = """
import sys, time
t0 = time.perf_counter()
import yaml
def parse(path):
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
with open(sys.argv[1], encoding="utf-8") as handle:
    paths = handle.read().split("\\n")
jobs = int(sys.argv[2])
t1 = time.perf_counter()
if jobs <= 1:
    for path in paths:
        parse(path)
else:
    import multiprocessing
    with multiprocessing.get_context().Pool(jobs) as pool:
        for _ in pool.imap(parse, paths, chunksize=max(1, min(8, len(paths) // (jobs * 16)))):
            pass
print(time.perf_counter() - t1)
"""


def child_environment(work: Path) -> dict[str, str]:
    """What every measured process runs with: bytecode written and used (as after `pip install`; a
    PYTHONDONTWRITEBYTECODE in this shell would make assess compile its sources on every run while PyYAML's
    are compiled at install), and a cache folder of the bench's own, warmed by a first run."""
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environ["XDG_CACHE_HOME"] = str(work / "cache")
    return environ


CHILD_ENV: dict[str, str] | None = None


CPU_SECONDS: list[tuple[float, float]] = []  # (user, system) of each run_timed, with the workers it waited for


def run_timed(command: list[str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=CHILD_ENV)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append((after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime))
    if done.returncode != 0:
        sys.exit(f"{command[:4]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


def parse_command(listing: Path, jobs: int) -> list[str]:
    return [sys.executable, "-c", _PARSE, str(listing), str(jobs)]


def paired(a_command: Callable[[], list[str]], b_command: list[str], repeat: int, out: Path
           ) -> tuple[list[float], list[float], list[float], list[tuple[float, float, float, float]]]:
    """A B A B ...: the whole-process seconds of each side, (b)'s parse time inside its process, and the CPU
    seconds of each pair: (a) user, (a) system, (b) user, (b) system."""
    a_runs, b_runs, b_inside, cpu = [], [], [], []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        a_runs.append(run_timed(a_command())[0])
        seconds, printed = run_timed(b_command)
        b_runs.append(seconds)
        b_inside.append(float(printed.split()[-1]))
        cpu.append((*CPU_SECONDS[-2], *CPU_SECONDS[-1]))
    return a_runs, b_runs, b_inside, cpu


def _unpack(found: tuple[list[float], list[list[float]]]) -> tuple[list[float], list[float], list[float]]:
    a_runs, (one, many) = found
    return a_runs, one, many


def interleaved(a_command: Callable[[], list[str]], b_commands: list[list[str]], repeat: int, out: Path
                ) -> tuple[list[float], list[list[float]]]:
    """A B1 B2 A B1 B2 ...: the whole-process seconds of (a) and of each (b)."""
    a_runs: list[float] = []
    b_runs: list[list[float]] = [[] for _ in b_commands]
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        a_runs.append(run_timed(a_command())[0])
        for runs, command in zip(b_runs, b_commands, strict=True):
            runs.append(run_timed(command)[0])
    return a_runs, b_runs


def default_jobs_verdict(n: int, a_runs: list[float], one: list[float], many: list[float]) -> float:
    """The default jobs against the bare parse in one process (the goal: no slower, a/b <= 1.0), and, for what
    it says about the parallel part, against the same parse in as many processes."""
    jobs = nproc()
    against_one = [a / b for a, b in zip(a_runs, one, strict=True)]
    against_many = [a / b for a, b in zip(a_runs, many, strict=True)]
    ratio = statistics.median(against_one)
    print(f"default --jobs ({jobs}), N={n}, runs A B1 B{jobs} in turn:")
    print(f"  (a)  assess batch                    median {statistics.median(a_runs):7.2f} s")
    print(f"  (b1) CSafeLoader, one process        median {statistics.median(one):7.2f} s")
    print(f"  (b{jobs}) CSafeLoader, {jobs} processes        median {statistics.median(many):7.2f} s")
    print(f"  a/b1 per run: {', '.join(f'{x:.2f}' for x in against_one)}; median {ratio:.2f} (goal <= 1.0): "
          f"{'met' if ratio <= 1.0 else 'NOT met'}")
    print(f"  a/b{jobs} per run: {', '.join(f'{x:.2f}' for x in against_many)}; median "
          f"{statistics.median(against_many):.2f} (no goal: the same number of processes on both sides)   "
          f"[{load_text()}]")
    return ratio


def instruction_ratio(small: list[Path], work: Path) -> None:
    """Instructions per file (valgrind's count, the same on every run however loaded the machine): the batch
    with --jobs 1 against the bare parse, each as a whole process, over 1 and over 101 files, so that
    start-up cancels out."""
    if not shutil.which("valgrind"):
        print("\ninstructions: valgrind is not installed; skipped")
        return
    one, many = work / "ir-1", work / "ir-101"
    for folder, size in ((one, 1), (many, 101)):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for path in small[:size]:
            shutil.copy(path, folder / path.name)
    from instructions import instructions  # bench/instructions.py, beside this script

    environ = dict(CHILD_ENV or os.environ)

    def count(command: list[str]) -> int:
        return instructions(command, environ)

    def listing(folder: Path) -> Path:
        target = work / f"{folder.name}.txt"
        target.write_text("\n".join(str(p) for p in sorted(folder.glob("*.yaml"))), encoding="utf-8")
        return target

    counts = {}
    for name, folder in (("1", one), ("101", many)):
        out = work / f"out-{name}"
        shutil.rmtree(out, ignore_errors=True)
        counts["batch", name] = count(batch_command([str(folder)], out, 1))
        counts["bare", name] = count(parse_command(listing(folder), 1))
    batch = (counts["batch", "101"] - counts["batch", "1"]) / 100
    bare = (counts["bare", "101"] - counts["bare", "1"]) / 100
    print(f"\ninstructions per file (valgrind; whole processes over 101 files less over 1): batch --jobs 1 "
          f"{batch / 1e6:.1f} M, bare parse {bare / 1e6:.1f} M: {batch / bare:.2f}x; start-up "
          f"{counts['batch', '1'] / 1e6:.0f} M against {counts['bare', '1'] / 1e6:.0f} M")


def verdict(label: str, a_runs: list[float], b_runs: list[float], b_inside: list[float],
            cpu: list[tuple[float, float, float, float]], goal: float) -> float:
    """Prints the pairs' wall-clock ratios (the goal) and, to tell the machine's noise from the work, their CPU
    seconds (user and system, workers included) and CPU ratio."""
    ratios = [a / b for a, b in zip(a_runs, b_runs, strict=True)]
    ratio = statistics.median(ratios)
    print(f"{label}")
    def runs(values: list[float]) -> str:
        return ", ".join(f"{x:.2f}" for x in values)

    print(f"  (a) assess batch     median {statistics.median(a_runs):7.2f} s  (runs {runs(a_runs)})")
    print(f"  (b) CSafeLoader      median {statistics.median(b_runs):7.2f} s  (runs {runs(b_runs)}); "
          f"inside its process {statistics.median(b_inside):.2f} s")
    judged = (f"(goal <= {goal:g}): {'met' if ratio <= goal else 'NOT met'}" if math.isfinite(goal) else
              "(no goal: a workbook is openpyxl's writing of its cells, most of its time)")
    print(f"  a/b per pair: {', '.join(f'{x:.2f}' for x in ratios)}; median {ratio:.2f} {judged}   [{load_text()}]")
    cpu_ratios = [(au + asys) / (bu + bsys) for au, asys, bu, bsys in cpu]
    print(f"  CPU seconds (user + system), medians: (a) {statistics.median(c[0] for c in cpu):.2f} + "
          f"{statistics.median(c[1] for c in cpu):.2f}, (b) {statistics.median(c[2] for c in cpu):.2f} + "
          f"{statistics.median(c[3] for c in cpu):.2f}; CPU a/b per pair: {runs(cpu_ratios)}; median "
          f"{statistics.median(cpu_ratios):.2f} (no goal: the time the processes ran, not the time waited)")
    return ratio


# ----------------------------------------------------------------------------------------------
# Stages in this process


def breakdown(paths: list[Path], catalog: Catalog, formats: tuple[str, ...], sample: int) -> dict[str, float]:
    """Seconds per file for each stage of the batch path, timed in this process over a sample of files (with
    the batch's garbage-collector threshold, as in its workers; the bare parse it is compared with too)."""
    import gc

    from assess.batch import GC_THRESHOLD

    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        return _breakdown(paths, catalog, formats, sample)
    finally:
        gc.set_threshold(*before)


def _breakdown(paths: list[Path], catalog: Catalog, formats: tuple[str, ...], sample: int) -> dict[str, float]:
    from assess.analysis.portfolio import summarize
    from assess.analysis.scoring import score
    from assess.files import assessment_file, strict_yaml
    from assess.files.compiled_schema import schema_accepts
    from assess.i18n import resolve_language
    from assess.render import renderer

    accepts = schema_accepts("assessment")
    renderers = {fmt: renderer(fmt) for fmt in formats}
    chosen = paths[:sample]
    stages = dict.fromkeys(["read", "parse", "validate", "score", *(f"render {fmt}" for fmt in formats),
                            "write", "summary"], 0.0)
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
            stages["read"] += t1 - t0
            stages["parse"] += t2 - t1
            stages["validate"] += t3 - t2
            stages["score"] += t4 - t3
            lang = resolve_language(None, loaded.assessment.language)
            rendered = {}
            for fmt, render in renderers.items():
                t5 = clock()
                rendered[fmt] = render(card, lang)
                stages[f"render {fmt}"] += clock() - t5
            t6 = clock()
            for fmt, body in rendered.items():
                if fmt != "md":
                    continue  # the write of a md-only batch
                staged = scratch / f"{index}.{fmt}"
                with open(staged, "wb") as handle:
                    handle.write(body if isinstance(body, bytes) else body.encode("utf-8"))
                os.replace(staged, scratch / f"final-{index}.{fmt}")
            t7 = clock()
            summarize(index, str(path), card, loaded.warnings)
            stages["write"] += t7 - t6
            stages["summary"] += clock() - t7
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return {key: seconds / len(chosen) for key, seconds in stages.items()}


def bare_parse_per_file(paths: list[Path]) -> float:
    import gc

    from assess.batch import GC_THRESHOLD

    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        start = time.perf_counter()
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)
        return (time.perf_counter() - start) / len(paths)
    finally:
        gc.set_threshold(*before)


# ----------------------------------------------------------------------------------------------
# Problems: the slope


def problems_slope(work: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.hostile.generate import unknown_fields, unknown_ids

    print(f"\nvalidating files with many problems (`assess validate`, whole process, median of 3) [{load_text()}]")
    for make in (unknown_ids, unknown_fields):
        previous = None
        for count in (5_000, 20_000, 80_000):
            path = work / f"{make.__name__}-{count}.yaml"
            path.write_text(make(count), encoding="utf-8")
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "assess", "validate", str(path)], capture_output=True,
                                      text=True)
                runs.append(time.perf_counter() - start)
                assert done.returncode == 2 and "more problems" in done.stderr.splitlines()[-1]
            seconds = statistics.median(runs)
            growth = f"  x{seconds / previous:.1f} for 4x the problems" if previous else ""
            print(f"  {make.__name__:<15} {count:>6} problems ({path.stat().st_size / 1e6:5.1f} MB): {seconds:6.2f} s "
                  f"({seconds / count * 1e6:5.1f} us per problem){growth}")
            previous = seconds


# ----------------------------------------------------------------------------------------------
# Memory of the whole job


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(x) for x in handle.read().split()]
    except OSError:
        pass
    return found


def _pss_kib(pid: int) -> tuple[int, int, int]:
    """(Pss, Rss, Private) of one process in KiB, from /proc/PID/smaps_rollup; zeros when it has gone. Private
    (Private_Clean + Private_Dirty, the process's own pages) does not depend on what else runs on the machine;
    PSS adds a share of each page it has in common with other processes, which moves with them."""
    pss = rss = private = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith(("Private_Clean:", "Private_Dirty:")):
                    private += int(line.split()[1])
    except OSError:
        pass
    return pss, rss, private


@dataclass
class JobMemory:
    """Peaks over a run, in MiB, sampled every 20 ms: the sum of PSS over the main process and all its
    descendants (the whole job), the same sum of private memory, the main process's PSS, the largest worker's PSS,
    the largest RSS of any one."""

    total: float = 0.0
    private: float = 0.0
    main: float = 0.0
    worker: float = 0.0
    rss: float = 0.0
    processes: int = 0
    seconds: float = 0.0


def job_memory(command: list[str]) -> JobMemory:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = JobMemory()
    seen: set[int] = set()
    while process.poll() is None:
        pids, queue = [], [process.pid]
        while queue:
            pid = queue.pop()
            pids.append(pid)
            queue += _children(pid)
        seen.update(pids)
        sizes = {pid: _pss_kib(pid) for pid in pids}
        peak.total = max(peak.total, sum(p for p, _, _ in sizes.values()) / 1024)
        peak.private = max(peak.private, sum(u for _, _, u in sizes.values()) / 1024)
        peak.main = max(peak.main, sizes[process.pid][0] / 1024)
        peak.worker = max([peak.worker, *(p / 1024 for pid, (p, _, _) in sizes.items() if pid != process.pid)])
        peak.rss = max([peak.rss, *(r / 1024 for _, r, _ in sizes.values())])
        time.sleep(0.02)
    peak.seconds = time.perf_counter() - start
    peak.processes = len(seen)
    if process.returncode != 0:
        sys.exit(f"assess batch failed ({process.returncode}) while measuring memory: "
                 f"{process.stderr.read().decode()[-500:] if process.stderr else ''}")
    return peak


MEMORY_GOAL_MIB = 100  # the whole job at the largest N (issue 18)
MEMORY_GROWTH = 0.20  # at most 20% more from the second largest N to the largest


def memory(work: Path, sizes: list[int], seed: int) -> None:
    """The whole job's memory at each size in ``sizes`` (distinct generated files, see :func:`memory_set`), with
    --jobs 1 and the default, and the verdict: under the goal at the largest size, flat within 20% from the
    second largest to the largest."""
    out = work / "out"
    print(f"\nmemory of the whole job (peaks, sampled every 20 ms: the sum of PSS over the main process and its "
          f"workers, the same sum of private memory, the main's PSS, the largest worker's PSS, the largest RSS; "
          f"PSS includes a share of the pages in common with other processes, so it moves with what else runs "
          f"here, private memory does not) [{load_text()}]:")
    found: dict[tuple[int, int], JobMemory] = {}
    for size in sizes:
        inputs = memory_set(work / "mem", size, seed)
        for jobs in (1, nproc()):
            shutil.rmtree(out, ignore_errors=True)
            peak = job_memory(batch_command(inputs, out, jobs))
            found[(size, jobs)] = peak
            print(f"  N={size:<6} --jobs {jobs}: {peak.total:6.1f} MiB PSS in all {peak.processes} processes, "
                  f"{peak.private:6.1f} private (main {peak.main:5.1f}, largest worker {peak.worker:5.1f}); "
                  f"largest RSS {peak.rss:5.1f} MiB; {peak.seconds:6.1f} s   [{load_text()}]")
    shutil.rmtree(out, ignore_errors=True)
    if len(sizes) < 2:
        return
    small, large = sorted(sizes)[-2:]
    for jobs in (1, nproc()):
        top, before = found[(large, jobs)], found[(small, jobs)]
        growth, private_growth = top.total / before.total - 1, top.private / before.private - 1
        verdict = "met" if top.total < MEMORY_GOAL_MIB and growth <= MEMORY_GROWTH else "NOT met"
        print(f"  verdict --jobs {jobs}: {top.total:.1f} MiB PSS at N={large} (goal < {MEMORY_GOAL_MIB}), "
              f"{growth:+.1%} from N={small} (goal within {MEMORY_GROWTH:.0%}): {verdict}; private memory "
              f"{top.private:.1f} MiB, {private_growth:+.1%}   [{load_text()}]")


# ----------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="number of assessment files (default 1000)")
    parser.add_argument("--mem-n", default=None,
                        help="larger Ns for the memory of the whole job, comma-separated (default 10 N; 0 skips "
                             "memory), e.g. 10000,50000; measured at N too")
    parser.add_argument("--only-memory", action="store_true", help="measure the memory only (no timings)")
    parser.add_argument("--repeat", type=int, default=5, help="pairs of runs (a, b) per comparison (default 5)")
    parser.add_argument("--formats", default="md,json,csv,xlsx,html",
                        help="formats whose ratio is measured with --jobs 1 (default md,json,csv,xlsx,html; '' none)")
    parser.add_argument("--sample", type=int, default=300, help="files timed stage by stage (default 300)")
    parser.add_argument("--dir", help="work folder (default: a temporary folder, removed afterwards)")
    parser.add_argument("--out-dir", help="where the output folder of the batch goes (default: the work folder)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-problems", action="store_true", help="skip the slope of validation")
    parser.add_argument("--also-n", type=int, default=0,
                        help="also measure both ratios at this N (such as 10000; fewer pairs)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions per file with valgrind (the same however loaded the machine)")
    args = parser.parse_args()
    mem_n = [10 * args.n] if args.mem_n is None else [int(x) for x in args.mem_n.split(",") if int(x)]
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="assess-bench-"))
    catalog = load_catalog()
    formats = tuple(f for f in args.formats.split(",") if f)
    try:
        if args.only_memory:
            memory(work, sorted({args.n, *mem_n}), args.seed + 1)
            return 0
        small = work / "inputs"
        for folder in (small, work / "out"):
            shutil.rmtree(folder, ignore_errors=True)
        t0 = time.perf_counter()
        paths = generate(small, args.n, args.seed, catalog)
        listing = work / "inputs.txt"
        listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
        size = sum(p.stat().st_size for p in paths)
        print(f"generated {args.n} files ({size / args.n / 1024:.1f} KiB each on average) in "
              f"{time.perf_counter() - t0:.1f} s; python {sys.version.split()[0]}; {load_text()}")
        print(f"whole processes, {args.repeat} pairs A B A B; times are wall-clock seconds from start to exit\n")

        out = Path(args.out_dir) / "assess-bench-out" if args.out_dir else work / "out"
        print(create_cost(out))
        global CHILD_ENV
        CHILD_ENV = child_environment(work)
        run_timed(batch_command([str(small)], out, 1))  # warm-up: bytecode and the cache written
        verdicts: list[tuple[int, float, float]] = []
        sizes = [(args.n, small, listing)]
        if args.also_n:
            big = work / "inputs-big"
            shutil.rmtree(big, ignore_errors=True)
            big_paths = paths + generate(big, args.also_n - args.n, args.seed + 2, catalog, start=args.n)
            big_listing = work / "inputs-big.txt"
            big_listing.write_text("\n".join(str(p) for p in big_paths), encoding="utf-8")
            sizes.append((args.also_n, big, big_listing))
        for n, folder, names in sizes:
            inputs = [str(small)] if folder is small else [str(small), str(folder)]
            repeat = args.repeat if folder is small else max(3, args.repeat // 2)
            one = verdict(f"--jobs 1 against one parsing process, N={n}:",
                          *paired(partial(batch_command, inputs, out, 1), parse_command(names, 1),
                                  repeat, out), goal=2)
            many = default_jobs_verdict(n, *_unpack(interleaved(partial(batch_command, inputs, out, None),
                                                                [parse_command(names, 1),
                                                                 parse_command(names, nproc())], repeat, out)))
            verdicts.append((n, one, many))
        if args.instructions:
            instruction_ratio(paths, work)

        per_file = breakdown(paths, catalog, ("md", "json", "csv", *(f for f in formats if f in ("html", "xlsx"))),
                             min(args.sample, len(paths)))
        bare = bare_parse_per_file(paths[:min(args.sample, len(paths))])
        md_total = sum(v for k, v in per_file.items() if not k.startswith("render ") or k == "render md")
        print(f"\nwhere the time goes (stages timed in this process over {min(args.sample, len(paths))} files; "
              f"ms per file; % of a md-only batch) [{load_text()}]:")
        for stage, seconds in per_file.items():
            share = f"{100 * seconds / md_total:5.1f}%" if not stage.startswith("render ") or stage == "render md" \
                else "   (other format)"
            print(f"  {stage:<12}{seconds * 1000:8.2f}  {share}")
        print(f"  {'total (md)':<12}{md_total * 1000:8.2f}   bare CSafeLoader parse: {bare * 1000:.2f} ms per file")

        for fmt in formats:
            verdict(f"--format {fmt} --jobs 1 against one parsing process:",
                    *paired(partial(batch_command, [str(small)], out, 1, fmt), parse_command(listing, 1),
                            max(3, args.repeat // 2), out), goal=2 if fmt != "xlsx" else float("inf"))

        if not args.no_problems:
            problems_slope(work)

        if mem_n:
            memory(work, sorted({args.n, *mem_n}), args.seed + 1)
        print(f"\n{create_cost(out)}")
        for n, one, many in verdicts:
            print(f"\nverdict N={n}: --jobs 1 a/b {one:.2f} (goal <= 2: {'met' if one <= 2 else 'NOT met'}), "
                  f"default jobs a/b1 {many:.2f} (goal <= 1.0: {'met' if many <= 1.0 else 'NOT met'}) "
                  f"[{load_text()}]")
    finally:
        if args.out_dir:
            shutil.rmtree(Path(args.out_dir) / "assess-bench-out", ignore_errors=True)
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
