"""Batch mode: many assessment files in, one gap report per service and a portfolio out.

How a run goes (``assess batch``):

1. Under :class:`~assess.files.batch_lock.OutputLock` on the output folder (one batch at a time, stale staging
   removed, a note while publishing), a staging folder is made there, with a spool (:class:`~assess.files.spool.Spool`,
   SQLite in a file) for everything the run keeps per input. :func:`~assess.files.discovery.spool_inputs` puts the
   command line's files there (directories are searched recursively for ``*.yaml``/``*.yml``; ``-`` reads a list
   of paths from stdin), read back sorted by path. No output replaces an input.
2. Each file is loaded, scored (:mod:`assess.analysis.scoring`) and rendered (:func:`assess.render.renderer`) by
   :func:`process`, in worker processes when ``jobs > 1``, a chunk of files at a time (:func:`process_chunk`). A
   worker's reports are written into the staging folder by a thread of its own while it renders the next file
   (:mod:`assess.files.background_writer`); a chunk's results go back once its reports are on disk, each only a
   small :class:`~assess.analysis.portfolio.Arrival`: the service's summary already made into its row for the
   portfolio's spool, in the worker, so the main process (which publishes every report) neither unpickles nor
   packs it.
3. The main process takes the results **in input order** (``Pool.imap``, fed from the sorted list a few chunks
   ahead), gives each service its report name (:class:`NameAllocator`: collisions resolved in path order, the
   names taken kept in the spool), moves the staged reports into place (an atomic rename) and writes the summary
   into the spool (:class:`~assess.analysis.portfolio.PortfolioBuilder`). The portfolio is then read back from the
   spool in the order each of its formats needs: portfolio.md by the main process, the other formats (on Linux)
   by a forked child beside it (:mod:`assess.files.beside`), so that both CPUs of the workers work at the end
   too (:func:`_publish_portfolio`). So the output is the same whatever ``jobs`` is, and the main process's
   memory does not grow with the number of files.

Schema validation on this path uses :func:`assess.files.compiled_schema.schema_accepts`, the assessment JSON Schema
compiled to plain Python checks. It accepts exactly what the schema accepts; only when it does not accept a
file does the (much slower) ``jsonschema`` pass run, to explain the problems with lines. No check is skipped.

Why one module of about 540 lines: it is the run itself (workers, the ordered publication, the portfolio
and its formats, the exit rules), each step handing its state to the next; finding inputs, writing into
the output folder, report names and the lock are already modules of their own under ``assess.files``.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Container, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from assess.analysis.portfolio import Arrival, Failure, PortfolioData, SpoolRows, summarize
from assess.errors import InputError, Problem
from assess.files import beside
from assess.files.background_writer import SWITCH_INTERVAL, BackgroundWriter, short_switches
from assess.files.batch_lock import STAGING_PREFIX, OutputLock
from assess.files.compiled_schema import schema_accepts
from assess.files.discovery import read_list, spool_inputs
from assess.files.output_folder import move_into_place, publish, refuse_an_input, stage, stage_binary
from assess.files.output_names import NameAllocator
from assess.files.spool import Spool, SpoolSet
from assess.files.storage import refuse_replacing
from assess.terminal_text import shown_line

PORTFOLIO_STEM = "portfolio"

# --------------------------------------------------------------------------------------------------
# One file (runs in a worker process)


@dataclass(frozen=True)
class Config:
    """What every worker needs; picklable."""

    staging: str
    formats: tuple[str, ...]
    lang: str | None
    excel_nl: bool = False  # CSV reports for a Dutch Excel (``--excel-nl``)


_worker: dict[str, Any] = {}


def init_worker(config: Config) -> None:
    """Load the catalog and prepare the renderers, once per worker process."""
    from assess.files.catalog_file import load_catalog
    from assess.render import renderer

    _worker["config"] = config
    _worker["writer"] = BackgroundWriter()
    _worker["catalog"] = load_catalog()
    _worker["accepts"] = schema_accepts("assessment", _worker["catalog"].answer_set.ids)
    _worker["renderers"] = {fmt: renderer(fmt) for fmt in config.formats}
    _worker["spool_rows"] = SpoolRows(_worker["catalog"])


def staged_path(config: Config, index: int, fmt: str) -> str:
    return os.path.join(config.staging, f"{index}.{fmt}")


def staged_rows(config: Config, index: int) -> str:
    """A service's norms, gaps and actions for ``portfolio.xlsx`` (:mod:`assess.render.xlsx.portfolio`)."""
    return os.path.join(config.staging, f"{index}.rows.json")


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_staged(index: int, path: str, data: bytes) -> None:
    """A new file in the staging folder, written whole by the worker's :class:`BackgroundWriter` (done by the
    end of :func:`process_chunk`). Without ``open()``'s buffered file object, which asks the system three more
    things per file (its size, whether it is a terminal, the position): a batch writes a file per report."""
    _worker["writer"].write(index, path, data, _NEW_FILE)


def process_chunk(tasks: list[tuple[int, str]]) -> list[Arrival | Failure]:
    """:func:`process` for each task while their reports are written; returned once every report is on disk,
    a service whose report could not be written as a failure."""
    results = [process(task) for task in tasks]
    errors = _worker["writer"].wait()
    return [_not_written(path, errors[index]) if index in errors and not isinstance(result, Failure) else result
            for (index, path), result in zip(tasks, results, strict=True)]


def _not_written(path: str, error: Exception) -> Failure:
    reason = (error.strerror if isinstance(error, OSError) else None) or error
    return Failure(path, (Problem(path, None, f"report not written: {reason}"),))


def process(task: tuple[int, str]) -> Arrival | Failure:
    """Load, score and render one file; queue its reports for the staging folder (see :func:`write_staged`);
    return its summary, as the row it gets in the portfolio's spool (:class:`~assess.analysis.portfolio.Arrival`)."""
    from assess.analysis.scoring import score
    from assess.files import assessment_file, strict_yaml
    from assess.i18n import resolve_language

    index, path = task
    config: Config = _worker["config"]
    catalog = _worker["catalog"]
    try:
        loaded = assessment_file.from_document(strict_yaml.read(path), catalog, schema_ok=_worker["accepts"])
    except InputError as error:
        return Failure(path, error.problems)
    try:
        card = score(loaded.assessment, catalog)
        lang = resolve_language(config.lang, loaded.assessment.language)
        for fmt, render in _worker["renderers"].items():
            body = render(card, lang, excel_nl=True) if fmt == "csv" and config.excel_nl else render(card, lang)
            write_staged(index, staged_path(config, index, fmt),
                         body if isinstance(body, bytes) else body.encode("utf-8"))
        if "xlsx" in config.formats:
            from assess.render.xlsx.portfolio import dump_rows

            write_staged(index, staged_rows(config, index), dump_rows(card).encode("utf-8"))
    except Exception as error:  # a bug must not stop the other files
        return Failure(path, (Problem(path, None, f"internal error, please report it: "
                                                  f"{type(error).__name__}: {error}"),))
    from assess.files.storage import digest

    spool_rows: SpoolRows = _worker["spool_rows"]
    return spool_rows.arrival(summarize(index, path, card, loaded.warnings, digest(loaded.text)))


IN_FLIGHT = 8  # chunks per worker process sent ahead of the results taken (see _results)
GC_THRESHOLD = (20_000, 20, 20)  # a file makes ~100,000 short-lived objects; collect less often
ONE_PROCESS_CHUNK = 16  # files per process_chunk with --jobs 1: the writes of all but the last overlap


def _init_pool_worker(config: Config) -> None:
    import signal

    # Ctrl+C reaches every process of the terminal's group: the main process stops the pool and exits 130; a
    # worker stopped by it too would print its traceback on the terminal.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops a worker with it: not the main process's handler
    gc.set_threshold(*GC_THRESHOLD)  # a worker process is ours alone
    sys.setswitchinterval(SWITCH_INTERVAL)  # see assess.files.background_writer
    init_worker(config)


def _quiet_pool() -> type[Any]:
    """multiprocessing's Pool, without one wasted wake-up per result: its thread that keeps the workers running waits
    on the results' pipe among other things (CPython 3.11-3.13), so from each result's arrival until the thread that
    reads results has read it, that thread spins (at 1,000 files, 60 ms of CPU taken from the workers). It needs
    no waking for results: a worker that exits, a change of state and the last result taken each wake it anyway."""

    from multiprocessing.pool import Pool

    class QuietPool(Pool):
        def _get_sentinels(self) -> list[Any]:
            return [self._change_notifier._reader]  # type: ignore[attr-defined]  # Pool's own, since 3.8

    return QuietPool


def chunked(tasks: Iterable[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(tasks: Iterable[tuple[int, str]], count: int, config: Config, jobs: int) -> Generator[Any, None, None]:
    """Results of :func:`process` in the order of ``tasks`` (``count`` of them, read as they are sent to the
    workers), whatever the number of processes; each with its reports in the staging folder."""
    if jobs <= 1 or count <= 1:
        init_worker(config)
        before = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLD)
        try:
            with short_switches():
                for chunk in chunked(tasks, ONE_PROCESS_CHUNK):
                    yield from process_chunk(chunk)
        finally:
            gc.set_threshold(*before)
            _worker["writer"].close()
        return
    import multiprocessing

    processes = min(jobs, count)
    chunksize = max(1, min(8, count // (processes * 16)))
    gc.freeze()  # forked workers then share the parent's objects without copying them (see gc.freeze)
    try:
        pool = _quiet_pool()(processes, initializer=_init_pool_worker, initargs=(config,),
                             context=multiprocessing.get_context())
    finally:
        gc.unfreeze()
    # At most this many chunks between being read from the list and their results being taken here: the pool's
    # thread that feeds the workers waits for room, so results never pile up in memory if this process is slower.
    window = threading.Semaphore(IN_FLIGHT * processes)
    stop = threading.Event()

    def fed() -> Iterator[list[tuple[int, str]]]:  # runs in the pool's task thread
        for chunk in chunked(tasks, chunksize):
            while not window.acquire(timeout=0.1):
                if stop.is_set():
                    return
            yield chunk

    try:
        for results in pool.imap(process_chunk, fed()):
            window.release()
            yield from results
        pool.close()
    finally:
        stop.set()
        pool.terminate()
        pool.join()


# --------------------------------------------------------------------------------------------------
# The whole run (main process)


class Progress:
    """``done/total`` on one line of stderr, only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool | None = None) -> None:
        self.total, self.stream = total, stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self._shown = False
        self._last = 0.0

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def step(self, done: int, path: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and done < self.total):
            return
        self._last = now
        path = shown_line(path)
        tail = path if len(path) <= 50 else "…" + path[-49:]
        self.stream.write(f"\r\x1b[K{done}/{self.total}  {tail}")
        self.stream.flush()
        self._shown = True


@dataclass
class Outcome:
    processed: int = 0
    failed: int = 0
    under: int = 0
    critical: int = 0  # counted services with a critical norm not fully met or disputed (--fail-on-critical)

    @property
    def exit_code(self) -> int:
        """2 when any input failed, else 1 when a service is under --fail-under or (with --fail-on-critical)
        has a critical norm not fully met or disputed, else 0."""
        return 2 if self.failed else 1 if self.under or self.critical else 0


def run(inputs: Sequence[str], out_dir: str, formats: Sequence[str] = ("md",), lang: str | None = None,
        jobs: int = 1, fail_under: float | None = None, stdin: TextIO | None = None,
        stderr: TextIO | None = None, progress: bool | None = None, excel_nl: bool = False,
        group_by: str | None = None, fail_on_critical: bool = False) -> Outcome:
    """Run a batch; write reports and the portfolio into ``out_dir``; report problems on ``stderr``.

    ``group_by`` (kind or location) makes sections of the services in ``portfolio.md`` and ``portfolio.html``.
    SIGTERM (``kill``, ``timeout``, a stopped CI job) stops it as Ctrl+C does, cleaned up, with exit status 143."""
    with _stopped_cleanly_by_sigterm():
        return _run(inputs, out_dir, formats, lang, jobs, fail_under, stdin, stderr, progress, excel_nl, group_by,
                    fail_on_critical)


@contextmanager
def _stopped_cleanly_by_sigterm() -> Iterator[None]:
    """While a batch runs, SIGTERM exits through the ``finally`` blocks: the workers stopped (else they outlive
    the main process and print tracebacks as their pipes break), the staging folder removed, the lock freed."""
    import signal

    def stop(_signum: int, _frame: object) -> None:
        raise SystemExit(128 + signal.SIGTERM)

    try:
        before = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a test, an embedding program): signals are not ours to take
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _run(inputs: Sequence[str], out_dir: str, formats: Sequence[str], lang: str | None, jobs: int,
         fail_under: float | None, stdin: TextIO | None, stderr: TextIO | None, progress: bool | None,
         excel_nl: bool, group_by: str | None, fail_on_critical: bool) -> Outcome:
    from assess.files.catalog_file import load_catalog

    err = stderr if stderr is not None else sys.stderr
    catalog = load_catalog()  # before the pool starts: forked workers inherit it
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError.single(out_dir, None, "is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError.single(out_dir, None, f"cannot create the output folder: {error.strerror or error}") from None
    with OutputLock(out) as lock:
        try:
            staging = tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out)
        except OSError as error:
            raise InputError.single(str(out), None, f"cannot create the output folder: {error.strerror or error}") \
                from None
        spool = Spool(os.path.join(staging, SPOOL_NAME))
        try:
            outcome = _run_locked(inputs, stdin, out, lock, staging, spool, formats, lang, jobs, fail_under, err,
                                  progress, catalog, excel_nl, group_by, fail_on_critical)
        finally:
            spool.close()
            shutil.rmtree(staging, ignore_errors=True)
    return outcome


SPOOL_NAME = "spool.sqlite"  # in the staging folder: the inputs, the names taken, the summaries (assess.files.spool)
INPUT_LIST = "inputs.list"  # in the staging folder: the sorted inputs, for the thread that feeds the workers


def _run_locked(inputs: Sequence[str], stdin: TextIO | None, out: Path, lock: OutputLock, staging: str,
                spool: Spool, formats: Sequence[str], lang: str | None, jobs: int, fail_under: float | None,
                err: TextIO, progress: bool | None, catalog: Any, excel_nl: bool,
                group_by: str | None = None, fail_on_critical: bool = False) -> Outcome:
    """The run proper, while ``lock`` is held on ``out``; what it keeps per input is in ``spool``."""
    from assess.analysis.portfolio import PortfolioBuilder
    from assess.i18n import resolve_language

    found, input_problems = spool_inputs(inputs, spool, stdin)
    for fmt in ("md", "json", *(f for f in ("csv", "xlsx", "html") if f in formats)):
        refuse_an_input(out / f"{PORTFOLIO_STEM}.{fmt}", found)
    for warning in lock.warnings:
        print(shown_line(warning), file=err)
    config = Config(staging=staging, formats=tuple(formats), lang=lang, excel_nl=excel_nl)
    portfolio = PortfolioBuilder(catalog, tuple(formats), spool)
    outcome = Outcome()
    for problem in input_problems:
        print(shown_line(str(problem)), file=err)
        portfolio.fail(Failure(problem.file, (problem,)))
        outcome.failed += 1
    names = NameAllocator(reserved=[PORTFOLIO_STEM], spool=spool)
    written = SpoolSet(spool, "written")  # stems of the reports this run put in place
    listing = os.path.join(staging, INPUT_LIST)
    found.write_list(listing)
    bar = Progress(len(found), err, progress)
    results = _results(enumerate(read_list(listing)), len(found), config, jobs)
    try:
        for done, result in enumerate(results, 1):
            messages: list[str] = []
            if not isinstance(result, Failure):
                stem = names.allocate(result.name)
                try:
                    for fmt in formats:
                        refuse_an_input(out / f"{stem}.{fmt}", found)
                    for fmt in formats:  # a report someone froze (chmod 444), a FIFO or a device stays as it is
                        refuse_replacing(out / f"{stem}.{fmt}")
                    lock.publishing()
                    for fmt in formats:
                        os.replace(staged_path(config, result.number, fmt), out / f"{stem}.{fmt}")
                except InputError as error:
                    result = Failure(result.path, error.problems)
                except OSError as error:
                    message = f"report not written: {out / f'{stem}.{fmt}'}: {error.strerror or error}"
                    result = Failure(result.path, (Problem(result.path, None, message),))
            if isinstance(result, Failure):
                outcome.failed += 1
                portfolio.fail(result)
                messages += [str(p) for p in result.problems]
            else:
                outcome.processed += 1
                messages += [str(w) for w in result.warnings]
                portfolio.arrive(result, stem)
                written.add(stem)
            if messages:
                bar.clear()
                for message in messages:
                    print(shown_line(message), file=err)
            bar.step(done, result.path)
        bar.clear()
        _warn_about_other_reports(out, formats, written, err)
        data = portfolio.build(group_by)
        _judge(data, outcome, fail_under, fail_on_critical, err)
        lock.publishing()
        _publish_portfolio(data, out, staging, spool, catalog, resolve_language(lang, data.language), config,
                           group_by)
        lock.published()
    finally:
        # at once, however the loop ended (Ctrl+C, SIGTERM, an error): the pool stopped and the queued writes
        # done before the staging folder goes, not whenever the generator happens to be collected
        results.close()
        bar.clear()
    return outcome


Produce = Callable[[PortfolioData, Any], None]  # writes a format of the portfolio through a write or a handle


def _publish_portfolio(data: PortfolioData, out: Path, staging: str, spool: Spool, catalog: Any, lang: str,
                       config: Config, group_by: str | None) -> None:
    """The portfolio in each format, moved into place in the order md, json, csv, xlsx, html: portfolio.md written
    by this process while another (:mod:`assess.files.beside`) writes the other formats into the staging folder,
    each moved into place after portfolio.md, as far as the first that could not be written. When the other
    process has a slow format to write (xlsx, html), this one writes portfolio.json too, after portfolio.md:
    the two processes then end at about the same time."""
    from assess.render import portfolio_json, portfolio_markdown

    others: list[tuple[Path, bool, Produce]] = [
        (out / f"{PORTFOLIO_STEM}.json", False, lambda data, write: portfolio_json.write(data, write))]
    if "csv" in config.formats:
        def csv(data: PortfolioData, write: Any) -> None:
            from assess.render.tables import service_columns, service_row, stream_csv

            rows = (service_row(entry.summary, catalog) for entry in data.services)
            stream_csv(service_columns(catalog), rows, write, config.excel_nl)

        others.append((out / f"{PORTFOLIO_STEM}.csv", False, csv))
    if "xlsx" in config.formats:
        def xlsx(data: PortfolioData, handle: Any) -> None:
            from assess.render.xlsx.portfolio import write as write_xlsx

            write_xlsx(data, catalog, lang, lambda index: staged_rows(config, index), handle)

        others.append((out / f"{PORTFOLIO_STEM}.xlsx", True, xlsx))
    if "html" in config.formats:
        def html(data: PortfolioData, write: Any) -> None:
            from assess.render import html_portfolio

            html_portfolio.write(data, catalog, lang, write, group_by)

        others.append((out / f"{PORTFOLIO_STEM}.html", False, html))
    fork = beside.can_fork() and spool.path is not None
    if fork:
        spool.share()
    spool_path = spool.path

    here = others[:1] if fork and {"xlsx", "html"} & set(config.formats) else []  # portfolio.json
    others = others[len(here):]

    def stage_all(formats: list[tuple[Path, bool, Produce]], reading: PortfolioData
                  ) -> tuple[list[tuple[Path, str]], Exception | None]:
        """``formats`` staged, as far as the first that failed, and its error (an InputError, or a bug)."""
        staged: list[tuple[Path, str]] = []
        for target, binary, produce in formats:
            try:
                staged.append((target, (stage_binary if binary else stage)(target, staging,
                                                                         partial(produce, reading))))
            except Exception as error:
                return staged, beside.remembered(error)
        return staged, None

    writing = beside.Beside(
        lambda: stage_all(others, data.reading(Spool(spool_path, read_only=True)) if fork else data), fork)
    try:
        publish(out / f"{PORTFOLIO_STEM}.md", staging,
                lambda write: portfolio_markdown.write(data, catalog, lang, write, group_by))
        staged, error = stage_all(here, data)
        if error is None:
            try:
                staged_beside, error = writing.result()
            except beside.Lost:  # the child was killed (out of memory, say): its formats written here after all
                staged_beside, error = stage_all(others, data)
            staged += staged_beside
    finally:
        writing.cancel()
    for target, path in staged:
        move_into_place(path, target)
    if error is not None:
        raise error


def _judge(data: Any, outcome: Outcome, fail_under: float | None, fail_on_critical: bool, err: TextIO) -> None:
    """--fail-under and --fail-on-critical, over the services the portfolio counts (an earlier assessment of a
    re-audited service, or an input of a consensus, does not fail the run), in input order."""
    if fail_under is None and not fail_on_critical:
        return
    for entry in data.services.in_input_order():
        s = entry.summary
        if fail_under is not None and (s.score is None or s.score < fail_under):
            outcome.under += 1
            shown = "–" if s.score is None else f"{s.score:.1f}"
            print(shown_line(f"{s.path}: overall score {shown} is under {fail_under:g}"), file=err)
        floor = s.critical_not_fully_met + s.critical_disputed
        if fail_on_critical and floor:
            outcome.critical += 1
            print(shown_line(f"{s.path}: critical norm not fully met or disputed: {', '.join(floor)}"), file=err)


def _warn_about_other_reports(out: Path, formats: Sequence[str], written: Container[str], err: TextIO) -> None:
    """One warning when ``out`` holds report-like files this run did not write (say, of a renamed service):
    the portfolio does not list them, and whoever reads the folder may take them for current."""
    portfolio = {f"{PORTFOLIO_STEM}.{fmt}" for fmt in ("md", "json", "csv", "xlsx", "html")}
    suffixes = {f".{fmt}" for fmt in formats}

    def other(entry: os.DirEntry[str]) -> bool:  # report-like, but not STEM.FMT of this run (FMT in formats)
        suffix = os.path.splitext(entry.name)[1]  # Path.suffix: ".md" alone has none
        return (suffix in suffixes and entry.name not in portfolio and entry.is_file()
                and entry.name[:-len(suffix)] not in written)

    try:
        # scandir, not iterdir: it reads the folder a chunk at a time, where iterdir lists every name at once
        # (50,000 reports: megabytes held at the end of the run)
        with os.scandir(out) as entries:
            others = sorted(entry.name for entry in entries if other(entry))
    except OSError:
        return
    if others:
        shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
        print(shown_line(f"{out}: warning: {len(others)} report file(s) here were not written by this run ({shown}); "
                      "they may be from an earlier run"), file=err)
