"""assess batch: inputs, report names, errors, exit codes, determinism."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assess import batch
from assess.files import background_writer, output_names
from assess.files.background_writer import BackgroundWriter
from assess.files.batch_lock import STAGING_PREFIX
from assess.files.discovery import find_inputs
from assess.files.output_names import NameAllocator, safe_stem
from tests.conftest import assessment_text


def service_file(name: str, *answers: str, extra: str = "") -> str:
    return assessment_text(*answers, extra=extra).replace('service: {name: "Test"}', f"service: {{name: {name!r}}}")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """answers/ with two good files in nested folders, one .yml, one hidden file and a non-YAML file."""
    root = tmp_path / "answers"
    (root / "noord").mkdir(parents=True)
    (root / "zuid" / ".hidden").mkdir(parents=True)
    (root / "noord" / "a.yaml").write_text(service_file("Alfa", '"1.1": met'), encoding="utf-8")
    (root / "zuid" / "b.yml").write_text(service_file("Bravo", '"1.1": not_met'), encoding="utf-8")
    (root / "zuid" / ".hidden" / "c.yaml").write_text(service_file("Hidden", '"1.1": met'), encoding="utf-8")
    (root / "zuid" / ".d.yaml").write_text("not: [valid", encoding="utf-8")
    (root / "notes.txt").write_text("not an assessment", encoding="utf-8")
    return root


# -- report names ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "stem"), [
    ("De Overloop", "de-overloop"),
    ("Heroïnebehandeling 't Hoog", "heroinebehandeling-t-hoog"),
    ("Straße & Co.", "strasse-co"),
    ("Sint-Jan’s Gasthuis / Zuid", "sint-jans-gasthuis-zuid"),
    ("Ærø Øst", "aero-ost"),
    ("  --  ", "service"),
    ("名前", "service"),
    ("CON", "service-con"),
    ("nul", "service-nul"),
    ("Com1", "service-com1"),
    ("con-tact", "con-tact"),
])
def test_safe_stem(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


def test_safe_stem_caps_the_length_at_a_word_boundary() -> None:
    stem = safe_stem("Ambulante verslavingszorg " * 10)
    assert len(stem) <= output_names.MAX_STEM
    assert not stem.endswith("-")
    assert stem.startswith("ambulante-verslavingszorg-ambulante")


def test_name_allocator_resolves_collisions_in_call_order() -> None:
    names = NameAllocator(reserved=["portfolio"])
    assert [names.allocate(n) for n in ["De Overloop", "de overloop!", "Portfolio", "De Overloop 2", "DE OVERLOOP"]] \
        == ["de-overloop", "de-overloop-2", "portfolio-2", "de-overloop-2-2", "de-overloop-3"]


# -- inputs -------------------------------------------------------------------------------------


def test_directories_are_searched_recursively_for_yaml_and_yml(files: Path) -> None:
    paths, problems = find_inputs([str(files)])
    assert paths == [str(files / "noord" / "a.yaml"), str(files / "zuid" / "b.yml")]
    assert problems == []


def test_stdin_lists_paths_skipping_blank_and_comment_lines(files: Path) -> None:
    listing = f"\n# regio zuid\n{files / 'zuid' / 'b.yml'}\n  \n{files / 'noord'}\n{files / 'nope.yaml'}\n"
    paths, problems = find_inputs(["-"], io.StringIO(listing))
    assert paths == [str(files / "noord" / "a.yaml"), str(files / "zuid" / "b.yml")]
    assert [str(p) for p in problems] == [f"{files / 'nope.yaml'}: no such file or folder (listed on stdin line 6)"]


def test_the_same_file_twice_is_processed_once(files: Path) -> None:
    paths, _ = find_inputs([str(files / "noord"), str(files / "noord" / "a.yaml"), str(files)])
    assert paths == [str(files / "noord" / "a.yaml"), str(files / "zuid" / "b.yml")]


def test_real_paths_are_those_of_realpath_through_linked_folders_and_files(tmp_path: Path, monkeypatch) -> None:
    """Inputs keep each file's real path to drop a file named twice; it is worked out from the folder's real
    path where the file is not a link, and must be what os.path.realpath says, whatever the spelling."""
    import os
    import random

    from assess.files.discovery import Inputs
    from assess.files.spool import Spool, text

    real = tmp_path / "echt" / "regio"
    real.mkdir(parents=True)
    for name in ("a.yaml", "b.yaml", "c.yml"):
        (real / name).write_text("x", encoding="utf-8")
    (tmp_path / "link-naar-regio").symlink_to(real)
    (tmp_path / "echt" / "link-naar-a.yaml").symlink_to(real / "a.yaml")
    (real / "kapotte-link.yaml").symlink_to(tmp_path / "bestaat-niet.yaml")
    monkeypatch.chdir(tmp_path)
    spellings = [str(real / "a.yaml"), "echt/regio/b.yaml", "./echt/regio/../regio/c.yml", "link-naar-regio/a.yaml",
                 str(tmp_path / "link-naar-regio" / "b.yaml"), "echt/link-naar-a.yaml", "echt/regio/kapotte-link.yaml",
                 "link-naar-regio/../echt/regio/a.yaml", "echt/regio/nergens.yaml"]
    rng = random.Random(18)
    for _ in range(20):
        order = rng.sample(spellings, len(spellings))
        found = Inputs(Spool())
        for path in order:
            found.add(path)
        kept = {text(real_path) for (real_path,) in found.spool.rows("SELECT real FROM inputs")}
        assert kept == {os.path.realpath(path) for path in order}
        assert len(found) == len(kept)
        found.spool.close()


def test_an_empty_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    paths, problems = find_inputs([str(tmp_path / "leeg")])
    assert paths == []
    assert [p.message for p in problems] == ["no *.yaml or *.yml files in this folder"]


def test_an_unreadable_folder_is_a_problem_not_a_silent_gap(files: Path, monkeypatch) -> None:
    import os

    real_scandir = os.scandir

    def scandir(path=None):
        if os.fspath(path) == str(files / "zuid"):
            raise PermissionError(13, "Permission denied", str(files / "zuid"))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # chmod cannot do this when the tests run as root
    paths, problems = find_inputs([str(files)])
    assert paths == [str(files / "noord" / "a.yaml")]
    assert [str(p) for p in problems] == [f"{files / 'zuid'}: cannot read this folder: Permission denied"]


def test_batch_reads_a_folder_and_stdin_list(cli, files: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{files / 'zuid' / 'b.yml'}\n"))
    status, stdout, stderr = cli("batch", "-", str(files / "noord"), "--out", str(out), "--jobs", "1")
    assert (status, stdout, stderr) == (0, "", "")
    assert sorted(p.name for p in out.iterdir()) == ["alfa.md", "bravo.md", "portfolio.json", "portfolio.md"]
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in data["services"]] == ["Alfa", "Bravo"]
    assert data["services"][0]["reports"] == {"md": "alfa.md"}


# -- errors -------------------------------------------------------------------------------------


def test_one_bad_file_does_not_stop_the_others(cli, files: Path, tmp_path: Path) -> None:
    bad = files / "zuid" / "c-bad.yaml"
    bad.write_text(service_file("Charlie", '"1.1": met', '"1.2": maybe', '"9.9": met'), encoding="utf-8")
    broken = files / "noord" / "broken.yaml"
    broken.write_text("assess: 1\nanswers: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(files), str(tmp_path / "missing"), "--out", str(out), "--jobs", "1")
    assert status == 2
    lines = stderr.splitlines()
    assert lines[0] == f"{tmp_path / 'missing'}: no such file or folder"
    assert f"{broken}:2: invalid YAML: a '[' opened on this line is never closed" in lines
    assert f"{bad}:6: answers.\"1.2\": unknown result 'maybe'; expected one of met, partial, not_met, na" in lines
    assert any(line.startswith(f"{bad}:7: answers.\"9.9\": unknown norm id") for line in lines)
    # the good files were still processed
    assert (out / "alfa.md").is_file() and (out / "bravo.md").is_file()
    md = (out / "portfolio.md").read_text(encoding="utf-8")
    assert "| Inputs not processed" in md or "| Niet verwerkte invoer" in md
    section = md.split("## Not processed (3)" if "## Not processed" in md else "## Niet verwerkt (3)")[1]
    for line in lines:
        assert line in section
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert data["summary"]["processed"] == 2
    assert data["summary"]["not_processed"] == 3
    assert [f["file"] for f in data["not_processed"]] == [str(tmp_path / "missing"), str(broken), str(bad)]
    assert [p["text"] for f in data["not_processed"] for p in f["problems"]] == lines
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "the staging folder is removed"


def test_fail_under_exits_1_and_a_failed_input_wins_with_2(cli, files: Path, tmp_path: Path) -> None:
    status, _, stderr = cli("batch", str(files), "--out", str(tmp_path / "o1"), "--fail-under", "50", "-j", "1")
    assert status == 1
    assert stderr == f"{files / 'zuid' / 'b.yml'}: overall score 0.0 is under 50\n"
    status, _, _ = cli("batch", str(files), "--out", str(tmp_path / "o2"), "--fail-under", "0", "-j", "1")
    assert status == 0
    (files / "noord" / "z.yaml").write_text("{}", encoding="utf-8")
    status, _, _ = cli("batch", str(files), "--out", str(tmp_path / "o3"), "--fail-under", "50", "-j", "1")
    assert status == 2


def test_a_service_without_a_score_is_under_any_fail_under(cli, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "leeg.yaml").write_text(service_file("Leeg"), encoding="utf-8")
    status, _, stderr = cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--fail-under", "0")
    assert status == 1
    assert "overall score – is under 0" in stderr


def test_bad_arguments(cli, files: Path, tmp_path: Path) -> None:
    assert cli("batch", str(files), "--out", str(tmp_path / "o"), "--format", "md,pdf")[0] == 2
    assert cli("batch", str(files), "--out", str(tmp_path / "o"), "--jobs", "0")[0] == 2
    for pct in ("150", "-1", "nan", "abc"):  # a percentage: 150 would fail every service, nan none
        status, _, stderr = cli("batch", str(files), "--out", str(tmp_path / "o"), "--fail-under", pct)
        assert status == 2 and "argument --fail-under: " in stderr and "Traceback" not in stderr, pct
    assert not (tmp_path / "o").exists()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    status, _, stderr = cli("batch", str(files), "--out", str(tmp_path / "file"))
    assert status == 2 and stderr == f"{tmp_path / 'file'}: is not a folder\n"


def test_warnings_go_to_stderr_but_do_not_fail(cli, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    old = service_file("Oud", '"1.1": met', extra='checklist_version: "2019.1"\n')
    (tmp_path / "in" / "oud.yaml").write_text(old, encoding="utf-8")
    status, _, stderr = cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert status == 0
    assert "oud.yaml:4: warning: written against unodc-who-2020 version 2019.1" in stderr


# -- names, formats, determinism ---------------------------------------------------------------------


def test_name_collisions_are_resolved_in_path_order(cli, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for folder, name in [("b", "De Overloop"), ("a", "de overloop"), ("c", "Portfolio"), ("d", "CON")]:
        (inputs / folder).mkdir(parents=True)
        (inputs / folder / "x.yaml").write_text(service_file(name, '"1.1": met'), encoding="utf-8")
    out = tmp_path / "out"
    assert cli("batch", str(inputs), "--out", str(out), "--format", "md,json,csv", "-j", "2")[0] == 0
    reports = {json.loads(p.read_text(encoding="utf-8"))["service"]["name"]: p.stem
               for p in out.glob("*.json") if p.name != "portfolio.json"}
    assert reports == {"de overloop": "de-overloop", "De Overloop": "de-overloop-2", "Portfolio": "portfolio-2",
                       "CON": "service-con"}
    for stem in reports.values():
        assert (out / f"{stem}.md").is_file() and (out / f"{stem}.csv").is_file()


def test_reports_come_from_the_report_renderer(cli, files: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("batch", str(files), "--out", str(out), "--format", "json,md", "--lang", "en", "-j", "1")[0] == 0
    status, single, _ = cli("report", str(files / "noord" / "a.yaml"), "--lang", "en")
    assert status == 0
    assert (out / "alfa.md").read_text(encoding="utf-8") == single
    status, single, _ = cli("report", str(files / "noord" / "a.yaml"), "--format", "json")
    assert (out / "alfa.json").read_text(encoding="utf-8") == single


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _many(tmp_path: Path, catalog, count: int = 24) -> Path:
    """``count`` varied files (the bench's seeded generator: collisions, settings, evidence, actions) and two
    bad files."""
    from bench.batch_bench import generate

    inputs = tmp_path / "many"
    generate(inputs, count, seed=7, catalog=catalog)
    (inputs / "regio-00" / "kapot.yaml").write_text("assess: 1\nchecklist: [\n", encoding="utf-8")
    (inputs / "regio-00" / "fout.yaml").write_text(service_file("Fout", '"1.1": ja'), encoding="utf-8")
    return inputs


def test_output_is_byte_identical_whatever_jobs(cli, tmp_path: Path, catalog) -> None:
    inputs = _many(tmp_path, catalog)
    runs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        status, _, stderr = cli("batch", str(inputs), "--out", str(out), "--format", "md,json,csv,xlsx",
                                "--jobs", jobs)
        assert status == 2
        runs.append((_tree(out), stderr))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) == 4 * 24 + 4  # a report per format per service; portfolio .md .json .csv .xlsx


def test_end_to_end_in_a_subprocess(tmp_path: Path, catalog) -> None:
    inputs = _many(tmp_path, catalog, count=12)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        done = subprocess.run([sys.executable, "-m", "assess", "batch", str(inputs), "--out", str(out), "--lang",
                               "nl", "--jobs", jobs], capture_output=True, text=True, check=False)
        assert done.returncode == 2
        assert done.stdout == ""
        assert "\r" not in done.stderr, "no progress when stderr is not a terminal"
        assert len(done.stderr.splitlines()) == 2
        outputs.append(_tree(out))
    assert outputs[0] == outputs[1]
    assert "## Niet verwerkt (2)" in outputs[0]["portfolio.md"].decode("utf-8")


def test_batch_and_import_do_not_import_textual(tmp_path: Path, files: Path) -> None:
    code = ("import sys\nfrom assess.cli import main\n"
            f"main(['batch', {str(files)!r}, '--out', {str(tmp_path / 'o')!r}, '--jobs', '2'])\n"
            f"main(['import', '-', '-o', {str(tmp_path / 'i')!r}])\n"
            "print('TEXTUAL=' + ','.join(m for m in sys.modules if m.split('.')[0] == 'textual'))\n")
    done = subprocess.run([sys.executable, "-c", code], input="service,norm,result\nX,1.1,met\n",
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "TEXTUAL="
    assert (tmp_path / "o" / "portfolio.md").is_file() and (tmp_path / "i" / "x.yaml").is_file()


# -- progress ---------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    bar = batch.Progress(3, quiet)
    bar.step(3, "a.yaml")
    bar.clear()
    assert quiet.getvalue() == ""
    loud = _Terminal()
    bar = batch.Progress(3, loud)
    bar.step(3, "a.yaml")
    bar.clear()
    assert "3/3" in loud.getvalue() and loud.getvalue().endswith("\r\x1b[K")


def test_messages_clear_the_progress_line(tmp_path: Path, files: Path) -> None:
    (files / "noord" / "x.yaml").write_text("{}", encoding="utf-8")
    err = _Terminal()
    outcome = batch.run([str(files)], str(tmp_path / "out"), stderr=err, progress=True)
    assert outcome.exit_code == 2
    text = err.getvalue()
    assert "\r\x1b[K" + str(files / "noord" / "x.yaml") + ":1:" in text
    assert text.endswith("\r\x1b[K")


def test_reports_of_an_earlier_run_are_pointed_out(cli, files: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("batch", str(files), "--out", str(out), "--jobs", "1") == (0, "", "")
    renamed = files / "zuid" / "b.yml"
    renamed.write_text(service_file("Bravo Noord", '"1.1": not_met'), encoding="utf-8")
    (out / "notes.txt").write_text("the consultant's own notes", encoding="utf-8")
    status, _, stderr = cli("batch", str(files), "--out", str(out), "--jobs", "1")
    assert status == 0
    assert stderr == (f"{out}: warning: 1 report file(s) here were not written by this run (bravo.md); "
                      "they may be from an earlier run\n")
    assert (out / "bravo.md").exists(), "nothing is deleted"


# the writer as it starts (writing at once, while files are quick) and after a slow write (its thread writes)
WRITERS = pytest.mark.parametrize("slow_write", [float("inf"), 0.0], ids=["at once", "threaded"])


@WRITERS
def test_a_staged_report_is_written_whole_and_never_over_a_file_already_there(tmp_path: Path,
                                                                              slow_write: float) -> None:
    data = bytes(range(256)) * 12_000  # 3 MB: more than one write may take
    target = tmp_path / "7.md"
    writer = BackgroundWriter(slow_write)
    writer.write(7, str(target), data, batch._NEW_FILE)
    assert writer.wait() == {}
    assert target.read_bytes() == data
    writer.write(7, str(target), b"anders", batch._NEW_FILE)
    errors = writer.wait()
    assert isinstance(errors[7], FileExistsError)
    assert target.read_bytes() == data
    writer.close()


@WRITERS
def test_the_writer_keeps_order_and_tells_each_key_its_own_first_error(tmp_path: Path, monkeypatch,
                                                                      slow_write: float) -> None:
    writer = BackgroundWriter(slow_write)
    assert writer.wait() == {}, "nothing queued: nothing to wait for"
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
    for k in range(200):
        writer.write("a", str(tmp_path / "log"), f"{k}\n".encode(), flags)
    writer.write("b", str(tmp_path / "missing" / "x.md"), b"x", batch._NEW_FILE)
    writer.write("b", str(tmp_path / "b2.md"), b"x", batch._NEW_FILE)  # b has failed: not written
    writer.write("c", str(tmp_path / "c.md"), b"c", batch._NEW_FILE)
    errors = writer.wait()
    assert (tmp_path / "log").read_text() == "".join(f"{k}\n" for k in range(200))
    assert list(errors) == ["b"] and isinstance(errors["b"], FileNotFoundError)
    assert not (tmp_path / "b2.md").exists() and (tmp_path / "c.md").read_bytes() == b"c"
    assert writer.wait() == {}, "errors are told once"

    def broken(*_args: object) -> None:
        raise MemoryError("no room")

    monkeypatch.setattr(background_writer, "write_whole", broken)
    writer.write("d", str(tmp_path / "d.md"), b"d", batch._NEW_FILE)
    assert isinstance(writer.wait()["d"], MemoryError), "any error is told: wait never waits on a dead thread"
    assert writer.threaded == (slow_write == 0.0)
    writer.close()


def test_the_writer_writes_at_once_while_files_are_quick_and_hands_over_to_its_thread_after_a_slow_one(
        tmp_path: Path, monkeypatch) -> None:
    real = background_writer.write_whole
    threads: list[int] = []

    def timed(path: str, data: bytes, flags: int) -> None:
        threads.append(threading.get_ident())
        if "slow" in path:
            time.sleep(0.01)  # a disk that takes 10 ms to create a file
        real(path, data, flags)

    monkeypatch.setattr(background_writer, "write_whole", timed)
    writer = BackgroundWriter(slow_write=0.005)  # this test's folder may be slower than a batch's is
    for k in range(20):
        writer.write(k, str(tmp_path / f"{k}.md"), b"x", batch._NEW_FILE)
    assert not writer.threaded and set(threads) == {threading.get_ident()}, "quick files: written at once"
    writer.write("s", str(tmp_path / "slow-0.md"), b"s", batch._NEW_FILE)
    assert not writer.threaded, "one slow write (the process preempted, say) is not a slow disk"
    for k in range(1, 6):
        writer.write("s", str(tmp_path / f"slow-{k}.md"), b"s", batch._NEW_FILE)
    assert not writer.threaded, "the median of the last writes is still quick"
    for k in range(6, 20):
        writer.write("s", str(tmp_path / f"slow-{k}.md"), b"s", batch._NEW_FILE)
        if writer.threaded:
            break
    assert writer.threaded and k == 7, "the median of the last 15 writes is slow: the thread takes over"
    for k in range(20, 40):
        writer.write(k, str(tmp_path / f"{k}.md"), str(k).encode(), batch._NEW_FILE)
    assert writer.wait() == {}
    assert len(threads) == 48 and threading.get_ident() not in threads[28:], "after the slow ones: by the thread"
    assert [(tmp_path / f"{k}.md").read_bytes() for k in range(20, 40)] == [str(k).encode() for k in range(20, 40)]
    writer.close()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_report_that_cannot_be_written_fails_its_service_only(cli, files: Path, tmp_path: Path, monkeypatch,
                                                                jobs: str) -> None:
    """The disk full while the JSON report of Bravo is written: Bravo is not processed, Alfa is, exit 2."""
    real = background_writer.write_whole

    def full_disk(path: str, data: bytes, flags: int) -> None:
        if b'"Bravo"' in data:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data, flags)

    monkeypatch.setattr(background_writer, "write_whole", full_disk)  # forked workers inherit it
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(files), "--out", str(out), "--format", "md,json", "--jobs", jobs)
    assert status == 2
    assert stderr == f"{files / 'zuid' / 'b.yml'}: report not written: {os.strerror(errno.ENOSPC)}\n"
    assert sorted(p.name for p in out.iterdir()) == ["alfa.json", "alfa.md", "portfolio.json", "portfolio.md"]
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert data["summary"]["processed"] == 1 and data["summary"]["not_processed"] == 1


def test_a_portfolio_that_cannot_be_written_is_told_in_one_line(cli, files: Path, tmp_path: Path,
                                                                 monkeypatch) -> None:
    """The disk full while portfolio.md is written: its one-line reason, exit 2, and no "Exception ignored"
    traceback later from the spool's rows left half read (their cursor closed after the spool)."""
    import gc

    real = batch.publish

    def full_disk(target: Path, staging: str, produce: Callable[[Callable[[str], object]], None]) -> None:
        def produce_until_full(write: Callable[[str], object]) -> None:
            def full(piece: str) -> None:
                if "Bravo" in piece:  # the services are being read from the spool
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                write(piece)
            produce(full)

        real(target, staging, produce_until_full if target.name == "portfolio.md" else produce)

    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(batch, "publish", full_disk)
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(files), "--out", str(out), "-j", "1")
    gc.collect()
    assert (status, stderr) == (2, f"{out / 'portfolio.md'}: cannot write: {os.strerror(errno.ENOSPC)}\n")
    assert unraisable == []


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """40 services of 4 kinds in 3 places, some assessed twice (a trend), some with a critical gap."""
    root = tmp_path / "many"
    root.mkdir()
    results = ["met", "partial", "not_met", "na"]
    for k in range(40):
        extra = f"date: 2026-0{1 + k % 2}-15\n"
        text = service_file(f"Dienst {k % 30}", *(f'"{norm}": {results[(k + j) % 4]}'
                                                  for j, norm in enumerate(("1.1", "1.2", "2.1", "3.4"))),
                            extra=extra)
        text = text.replace("service: {name:", f"service: {{kind: soort {k % 4}, location: Plaats {k % 3}, name:")
        (root / f"{k:02d}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.skipif(sys.platform != "linux", reason="the portfolio's other formats are written beside on Linux")
def test_the_portfolio_is_the_same_written_beside_or_in_turn(cli, many: Path, tmp_path: Path, monkeypatch) -> None:
    """portfolio.json, .csv and .html written by a forked child beside portfolio.md (reading the spool through its
    own connection) are byte for byte those written one after the other in this process."""
    from assess.files import beside

    outputs = {}
    real = beside.Beside.__init__
    for fork in (True, False):
        forked: list[bool] = []

        def recorded(self: beside.Beside[object], function: Callable[[], object], fork_: bool | None = None,
                     forked: list[bool] = forked) -> None:
            forked.append(bool(fork_))
            real(self, function, fork_)

        monkeypatch.setattr(beside, "can_fork", lambda fork=fork: fork)
        monkeypatch.setattr(beside.Beside, "__init__", recorded)
        out = tmp_path / f"out-{fork}"
        status, _, stderr = cli("batch", str(many), "--out", str(out), "--format", "md,json,csv,html",
                                "--group-by", "location", "-j", "2")
        assert (status, forked) == (0, [fork]), stderr
        outputs[fork] = {p.name: p.read_bytes() for p in out.iterdir() if p.name.startswith("portfolio.")}
    assert sorted(outputs[True]) == ["portfolio.csv", "portfolio.html", "portfolio.json", "portfolio.md"]
    assert outputs[True] == outputs[False]
    assert b"Plaats 2" in outputs[True]["portfolio.md"] and b'"trend": {' in outputs[True]["portfolio.json"]


@pytest.mark.parametrize("fork", [True, False], ids=["beside", "in turn"])
def test_a_portfolio_format_that_cannot_be_written_stops_the_ones_after_it(cli, many: Path, tmp_path: Path,
                                                                           monkeypatch, fork: bool) -> None:
    """The disk full while portfolio.csv is written (in the child, or here): portfolio.md and .json are in place,
    .csv and .html are not, the reason in one line, exit 2 — as when the formats were written one by one."""
    from assess.files import beside
    from assess.render import tables

    if fork and sys.platform != "linux":
        pytest.skip("written beside on Linux only")

    def full_disk(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(beside, "can_fork", lambda: fork)
    monkeypatch.setattr(tables, "stream_csv", full_disk)  # a forked child inherits it
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(many), "--out", str(out), "--format", "md,json,csv,html", "-j", "2")
    assert (status, stderr) == (2, f"{out / 'portfolio.csv'}: cannot write: {os.strerror(errno.ENOSPC)}\n")
    assert sorted(p.name for p in out.glob("portfolio.*")) == ["portfolio.json", "portfolio.md"]
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)], "the staging folder is gone"


@pytest.mark.parametrize("fork", [True, False], ids=["beside", "in turn"])
def test_portfolio_json_written_here_beside_a_slow_format_stops_the_ones_after_it(cli, many: Path, tmp_path: Path,
                                                                                  monkeypatch, fork: bool) -> None:
    """With html asked for, this process writes portfolio.json after portfolio.md while the child writes the rest:
    the disk full during portfolio.json leaves portfolio.md alone in place (not the child's csv and html), the
    reason in one line, exit 2, no staging folder left."""
    from assess.files import beside
    from assess.render import portfolio_json

    if fork and sys.platform != "linux":
        pytest.skip("written beside on Linux only")
    written_by: list[int] = []

    def full_disk(*_args: object) -> None:
        written_by.append(os.getpid())
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(beside, "can_fork", lambda: fork)
    monkeypatch.setattr(portfolio_json, "write", full_disk)
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(many), "--out", str(out), "--format", "md,json,csv,html", "-j", "2")
    assert (status, stderr) == (2, f"{out / 'portfolio.json'}: cannot write: {os.strerror(errno.ENOSPC)}\n")
    assert written_by == [os.getpid()], "written by this process, beside the child or in turn"
    assert sorted(p.name for p in out.glob("portfolio.*")) == ["portfolio.md"]
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)], "the staging folder is gone"


def _nap(k: int) -> int:
    time.sleep(0.002)
    return k


def test_the_pool_does_not_wake_its_worker_handler_for_every_result(monkeypatch) -> None:
    """The stock Pool's thread that keeps the workers running wakes (and spins) at each result on the results'
    pipe; the batch's pool wakes it only for what it is there for."""
    import multiprocessing
    from multiprocessing.pool import Pool

    wakes: list[int] = []
    real = Pool._wait_for_updates

    def counted(sentinels: object, change_notifier: object, timeout: float | None = None) -> None:
        wakes.append(1)
        real(sentinels, change_notifier, timeout)  # type: ignore[call-arg]

    monkeypatch.setattr(Pool, "_wait_for_updates", staticmethod(counted))
    counts = {}
    for name, pool_class in (("stock", Pool), ("batch", batch._quiet_pool())):
        wakes.clear()
        with pool_class(2, context=multiprocessing.get_context()) as pool:
            assert list(pool.imap(_nap, range(100))) == list(range(100))
        counts[name] = len(wakes)
    assert counts["batch"] <= 5 < 25 <= counts["stock"], counts


@pytest.mark.parametrize("fork", [True, False], ids=["beside", "in turn"])
def test_a_bug_in_a_portfolio_format_still_publishes_the_formats_before_it(cli, many: Path, tmp_path: Path,
                                                                           monkeypatch, fork: bool) -> None:
    """A bug (not a full disk) while portfolio.html is written: md, json and csv are in place, as when the formats
    were written one by one, and the bug is raised (from the child: with its traceback as a note)."""
    from assess.files import beside
    from assess.render import html_portfolio

    if fork and sys.platform != "linux":
        pytest.skip("written beside on Linux only")

    def buggy(*_args: object) -> None:
        raise ValueError("a bug in the HTML portfolio")

    monkeypatch.setattr(beside, "can_fork", lambda: fork)
    monkeypatch.setattr(html_portfolio, "write", buggy)
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="a bug in the HTML portfolio") as raised:
        cli("batch", str(many), "--out", str(out), "--format", "md,json,csv,html", "-j", "2")
    assert sorted(p.name for p in out.glob("portfolio.*")) == ["portfolio.csv", "portfolio.json", "portfolio.md"]
    assert ("in the process beside" in "\n".join(getattr(raised.value, "__notes__", []))) == fork


@pytest.mark.skipif(sys.platform != "linux", reason="written beside on Linux only")
def test_a_child_killed_while_writing_the_portfolio_is_stood_in_for(cli, many: Path, tmp_path: Path,
                                                                    monkeypatch) -> None:
    """The child that writes portfolio.json and the rest killed (out of memory, say): this process writes them
    itself, the same bytes, exit 0."""
    from assess.files import beside
    from assess.render import portfolio_json

    parent, real = os.getpid(), portfolio_json.write

    def killed_in_the_child(*args: object) -> None:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        real(*args)  # type: ignore[arg-type]

    expected_out = tmp_path / "expected"
    assert cli("batch", str(many), "--out", str(expected_out), "--format", "md,json,csv")[0] == 0
    monkeypatch.setattr(beside, "can_fork", lambda: True)
    monkeypatch.setattr(portfolio_json, "write", killed_in_the_child)
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(many), "--out", str(out), "--format", "md,json,csv")
    assert (status, stderr) == (0, "")
    for name in ("portfolio.md", "portfolio.json", "portfolio.csv"):
        assert (out / name).read_bytes() == (expected_out / name).read_bytes()


@pytest.mark.skipif(sys.platform != "linux", reason="written beside on Linux only")
def test_a_child_killed_while_writing_portfolio_html_is_stood_in_for(cli, many: Path, tmp_path: Path,
                                                                     monkeypatch) -> None:
    """With html asked for, this process writes portfolio.json itself and the child the csv and the html: the child
    killed while writing the html, this process writes the child's formats (not the json again), the same bytes."""
    from assess.files import beside
    from assess.render import html_portfolio, portfolio_json

    parent, real_html, real_json = os.getpid(), html_portfolio.write, portfolio_json.write
    json_writers: list[int] = []

    def killed_in_the_child(*args: object, **kwargs: object) -> None:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        real_html(*args, **kwargs)  # type: ignore[arg-type]

    def json_here(*args: object) -> None:
        json_writers.append(os.getpid())
        real_json(*args)  # type: ignore[arg-type]

    formats = "md,json,csv,html"
    expected_out = tmp_path / "expected"
    assert cli("batch", str(many), "--out", str(expected_out), "--format", formats)[0] == 0
    monkeypatch.setattr(beside, "can_fork", lambda: True)
    monkeypatch.setattr(html_portfolio, "write", killed_in_the_child)
    monkeypatch.setattr(portfolio_json, "write", json_here)
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(many), "--out", str(out), "--format", formats)
    assert (status, stderr) == (0, "")
    assert json_writers == [parent]
    for name in ("portfolio.md", "portfolio.json", "portfolio.csv", "portfolio.html"):
        assert (out / name).read_bytes() == (expected_out / name).read_bytes()
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)], "the staging folder is gone"
