"""Control characters in user text never reach the terminal raw; files keep the text as written."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from assess import batch
from assess.terminal_text import for_stream, visible
from tests.conftest import assessment_text

HOSTILE = "a\x1b]0;pwned\x07b\x1b[2Jc\x9bd\x7fe\x00f\u202eg\u200bh"
RAW = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + ["\u202e", "\u200b"]


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ch in RAW]


def test_visible_escapes_controls_and_keeps_layout() -> None:
    assert visible(HOSTILE) == "a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9bd\\x7fe\\x00f\\u202eg\\u200bh"
    assert visible("line 1\n\tline 2 – één") == "line 1\n\tline 2 – één"
    assert visible("cr\rhere") == "cr\\x0dhere"
    assert visible("bad \udcff byte") == "bad \\udcff byte"


def test_the_quick_path_for_printable_text_leaves_out_no_character_that_is_escaped() -> None:
    """visible() gives back a text Python counts as printable untouched: so no printable character may be one
    that it escapes (every code point checked), and text that is not printable still goes through the escapes."""
    from assess.terminal_text import _shown_escaped

    printable = "".join(ch for ch in map(chr, range(0x110000)) if ch.isprintable())
    assert len(printable) > 100_000
    assert _shown_escaped().search(printable) is None
    assert visible(printable) == printable
    for kept in ("soft\u00adhyphen", "tab\tand\nnewline", "no-break\u00a0space"):  # not printable, not escaped
        assert not kept.isprintable() and visible(kept) == kept
    assert visible("één \u202e twee") == "één \\u202e twee"
    from markupsafe import Markup

    assert type(visible(Markup("<b>x</b>"))) is str  # markup comes back as plain text (a page escapes it)


def test_for_stream_escapes_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert for_stream(HOSTILE, io.StringIO()) == HOSTILE
    assert for_stream(HOSTILE, Tty()) == visible(HOSTILE)


def test_a_file_name_with_escapes_is_shown_escaped(cli, tmp_path: Path) -> None:
    name = str(tmp_path / "x\x1b]0;title\x07.yaml")
    status, _, err = cli("validate", name)
    assert status == 2
    assert err == visible(name) + ": no such file\n"
    assert not raw_controls(err)


def test_validate_ok_line_and_problems_are_escaped(cli, write) -> None:
    path = write("svc\x1b[2J.yaml", assessment_text('"1.1": met'))
    status, out, _ = cli("validate", str(path))
    assert status == 0 and "\\x1b[2J" in out and not raw_controls(out)
    bad = write("bad\x1b[2J.yaml", assessment_text('"1.1": wrong'))
    status, _, err = cli("validate", str(bad))
    assert status == 2 and "\\x1b[2J" in err and not raw_controls(err)


def _note_file(write) -> Path:
    note = HOSTILE.replace("\x00", "")  # NUL is not allowed in YAML at all
    escaped = note.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    return write("n.yaml", assessment_text(f'"1.1": {{result: not_met, note: "{escaped}"}}'))


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_report_on_a_terminal_is_escaped_and_a_data_file_keeps_the_text(cli, write, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   fmt: str) -> None:
    path = _note_file(write)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status, out, err = cli("report", str(path), "--format", fmt)
    assert status == 0, err
    assert not raw_controls(out)
    if fmt != "json":  # JSON writes \u001b itself
        assert "\\x1b" in out and "pwned" in out
    target = tmp_path / f"r.{fmt}"
    cli("report", str(path), "--format", fmt, "-o", str(target))
    written = target.read_text(encoding="utf-8")
    # CSV keeps the note as written; Markdown is read on terminals (cat), so it is escaped there too, and JSON
    # writes every control as a \\u escape (the same note once read)
    kept = {"md": "\\x1b\\]0;pwned\\x07", "csv": "\x1b]0;pwned\x07", "json": "\\u001b]0;pwned\\u0007"}[fmt]
    assert kept in written and (fmt == "csv" or not raw_controls(written))


def test_report_piped_keeps_the_text(cli, write) -> None:
    status, out, _ = cli("report", str(_note_file(write)), "--format", "csv")
    assert status == 0 and "\x1b]0;pwned" in out


def test_import_output_is_escaped(cli, tmp_path: Path) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text("service,norm,result\n\"De \x1b[2JOverloop\",1.1,met\n", encoding="utf-8")
    status, out, err = cli("import", str(sheet), "-o", str(tmp_path / "out"))
    assert status == 0, err
    assert "De \\x1b[2JOverloop" in out and not raw_controls(out)
    from assess.files.assessment_file import load
    from assess.files.catalog_file import load_catalog

    written = load(str(next((tmp_path / "out").iterdir())), load_catalog())
    assert written.assessment.service.name == "De \x1b[2JOverloop"  # the file keeps the name as written


def test_merge_summary_on_a_terminal_is_escaped(cli, write, monkeypatch: pytest.MonkeyPatch) -> None:
    a = write("a.yaml", assessment_text('"1.1": met', extra='assessors: ["A\\e[2J"]\n'))
    b = write("b.yaml", assessment_text('"1.1": not_met', extra='assessors: ["B"]\n'))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status, out, err = cli("merge", str(a), str(b), "-o", str(a.parent / "c.yaml"))
    assert status == 0, err
    assert "A\\x1b\\[2J" in out and not raw_controls(out)


def test_merge_summary_piped_is_markdown_with_no_raw_control(cli, write) -> None:
    """The summary is Markdown (``assess merge ... > summary.md``): names and files escaped as in the reports."""
    a = write("a_1.yaml", assessment_text('"1.1": met', extra='assessors: ["A\\e]0;t\\a*"]\n'))
    b = write("b.yaml", assessment_text('"1.1": not_met', extra='assessors: ["B"]\n'))
    status, out, err = cli("merge", str(a), str(b), "-o", str(a.parent / "c.yaml"))
    assert status == 0, err
    assert "A\\x1b\\]0;t\\x07\\*" in out and "a\\_1.yaml" in out and not raw_controls(out)


def test_argparse_messages_are_escaped(cli) -> None:
    status, _, err = cli("report", "x.yaml", "--format", "\x1b[2J")
    assert status == 2 and "\\x1b[2J" in err and not raw_controls(err)


def test_batch_messages_and_progress_are_escaped(write, tmp_path: Path) -> None:
    bad = write("in/bad\x1b]0;x\x07.yaml", "not: [valid")
    write("in/ok\x1b[2J.yaml", assessment_text('"1.1": met'))
    err = io.StringIO()
    outcome = batch.run([str(bad.parent)], str(tmp_path / "out"), stderr=err, progress=True)
    assert outcome.exit_code == 2
    shown = err.getvalue().replace("\r\x1b[K", "")  # the progress line's own clearing is layout
    assert "bad\\x1b]0;x\\x07.yaml" in shown and "ok\\x1b[2J" in shown
    assert not raw_controls(shown)


def test_shown_line_escapes_line_breaks_too() -> None:
    from assess.terminal_text import shown_line

    assert shown_line("a\nb\rc\x1bd\te") == "a\\nb\\x0dc\\x1bd\te"
    assert shown_line("plain – één") == "plain – één"


def test_a_file_name_with_a_line_break_gives_one_line(cli, write) -> None:
    """Every problem and status line is one line: a newline in a file name is shown as \\n."""
    good = write("n\nl.yaml", assessment_text('"1.1": met'))
    status, out, _ = cli("validate", str(good))
    assert status == 0 and out.count("\n") == 1 and out.startswith(str(good).replace("\n", "\\n") + ": ok")
    bad = write("b\nad.yaml", "x: [\n")
    status, _, err = cli("check", str(bad))
    assert status == 2 and err.count("\n") == 1 and err.startswith(str(bad).replace("\n", "\\n") + ":")


def test_the_signed_line_escapes_every_control_of_the_role(cli, write) -> None:
    path = write("a.yaml", assessment_text('"1.1": met'))
    status, out, _ = cli("sign", str(path), "--by", "Me", "--role", "a\nb\rc\x1b[2Jd", "--at", "2026-11-30T10:00:00Z")
    assert status == 0 and out.count("\n") == 1 and "(a\\nb\\x0dc\\x1b[2Jd)" in out, out


def test_check_json_keeps_its_lines(cli) -> None:
    status, out, _ = cli("check", "--list", "--format", "json")
    assert status == 0 and out.startswith("[\n  {")
