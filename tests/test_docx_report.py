"""report --format docx (issue 16): read back with python-docx: headings, real tables, repeated header rows,
user text kept as text; converted to PDF by LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from assess.analysis.scoring import score
from tests.test_html_reports import GOLDEN, HOSTILE, hostile


def _read(path: Path):
    return Document(str(path))


def test_word_report_has_headings_and_real_tables(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    status, _, err = cli("report", str(GOLDEN / "demo.yaml"), "--format", "docx", "--lang", "en", "--previous",
                         str(GOLDEN / "previous.yaml"), "-o", str(out))
    assert status == 0, err
    doc = _read(out)
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Gap report: De Overloop")
    names = [text for _, text in headings]
    for expected in ("Summary", "Most urgent gaps", "The principles at a glance", "Principles", "Gaps (29)",
                     "Action plan", "Sign-off", "Scoring rules"):
        assert expected in names
    assert all(style in ("Title", "Heading 1", "Heading 2") for style, _ in headings)
    assert len(doc.tables) >= 7
    for table in doc.tables:
        header = table.rows[0]._tr
        assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    chart = next(t for t in doc.tables if t.rows[0].cells[0].text == "Section" and len(t.columns) == 6)
    assert [c.text for c in chart.rows[0].cells] == ["Section", "Score", "Previous", "Trend", "Status",
                                                     "Completeness"]
    assert [c.text for c in chart.rows[1].cells][:4] == ["Principle 1", "66.7", "61.1", "↑ +5.6"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "De Overloop is RED: overall score 72.2" in text  # 2.3 partly met: the rights floor


def test_word_report_keeps_user_text_as_text(tmp_path: Path, catalog) -> None:
    from assess.render.docx_report import render

    out = tmp_path / "evil.docx"
    out.write_bytes(render(score(hostile(catalog), catalog), "en"))
    doc = _read(out)
    cells = {cell.text for table in doc.tables for row in table.rows for cell in row.cells}
    everything = "\n".join([*(p.text for p in doc.paragraphs), *cells])
    for value in HOSTILE:
        assert value in everything


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_word_report_converts_to_pdf_with_libreoffice(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    assert cli("report", str(GOLDEN / "demo.yaml"), "--format", "docx", "-o", str(out))[0] == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "report.pdf").stat().st_size > 10_000


def test_word_and_html_reports_are_deterministic(catalog) -> None:
    from assess.render.docx_report import render as render_docx
    from assess.render.html_report import render as render_html

    card = score(hostile(catalog), catalog)
    assert render_docx(card, "nl") == render_docx(card, "nl")
    assert render_html(card, "nl") == render_html(card, "nl")
    assert _core_created(render_docx(card, "en")) == "2000-01-01T00:00:00Z"


def _core_created(data: bytes) -> str:
    import io
    import re
    import zipfile

    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode("utf-8")
    return re.search(r"<dcterms:created[^>]*>([^<]+)<", core).group(1)  # type: ignore[union-attr]
