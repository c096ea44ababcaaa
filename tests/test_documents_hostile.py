"""The hostile corpus (tests/hostile/) through the HTML, Word and Markdown reports: every file that loads gives a
page that parses cleanly (no script, no raw control or BiDi character), a Word document python-docx reads back
and a Markdown report with no raw control or BiDi character (``cat report.md`` runs no escape sequence); a file
that does not load is refused with exit 2, never a traceback."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from assess.analysis.scoring import score
from assess.errors import InputError
from assess.files.assessment_file import load
from assess.model.assessment import Answer
from assess.render import docx_report, html_report, renderer
from tests.hostile.generate import yaml_cases
from tests.html_check import check

WORD_FIELDS = ("note", "service", "action", "assessor")
RAW = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]")


def test_every_loadable_hostile_file_makes_clean_documents(tmp_path: Path, catalog) -> None:
    rendered = words = 0
    for name, data in yaml_cases():
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(data)
        try:
            card = score(load(str(path), catalog).assessment, catalog)
        except InputError:
            continue
        page = html_report.render(card, "nl")
        assert check(page).problems == [], name
        assert not RAW.findall(page), (name, RAW.findall(page)[:3])
        markdown = renderer("md")(card, "nl")
        assert not RAW.findall(markdown), (name, RAW.findall(markdown)[:3])
        rendered += 1
        # a Word document takes ~0.2 s: the cases of the text fields it shows whole, without the formula ones
        if name.split("-", 1)[0] in WORD_FIELDS and "formula" not in name:
            Document(io.BytesIO(docx_report.render(card, "en")))  # python-docx reads it back
            words += 1
    assert rendered > 100 and words > 30


@pytest.mark.parametrize("text", ["\x01\x1b[2J", "abc\u202edcba", "zero\u200bwidth", "\x7f\x85"])
def test_control_and_invisible_characters_are_shown_as_escapes(catalog, text: str) -> None:
    from tests.test_html_reports import hostile

    card = score(hostile(catalog).with_answer("2.3", Answer("not_met", (text,), text)), catalog)
    page = html_report.render(card, "en")
    assert not RAW.findall(page)
    document = Document(io.BytesIO(docx_report.render(card, "en")))
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert not RAW.findall(cells)
    assert "\\x" in cells or "\\u" in cells  # shown as an escape, in the gap table's note
    assert "\\x" in page or "\\u" in page
    markdown = renderer("md")(card, "en")
    assert not RAW.findall(markdown)
    assert "\\x" in markdown or "\\u" in markdown
