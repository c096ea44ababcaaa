"""The gap report as an editable Word document (``assess report --format docx -o FILE.docx``).

The same content as the HTML page, from the same :class:`assess.render.html_report.ReportView`: headings,
real tables whose header rows repeat on every page, the radar chart's numbers as a native table (no image:
that would need a rasterizer). python-docx is imported only here, when a Word document is asked for.
Text goes into Word as text (runs), never as markup, so a note ``<script>`` stays those characters.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from assess.analysis.scoring import Scorecard
from assess.i18n import t
from assess.render.html_report import ReportView, SectionLine, view


def _table(doc: DocumentObject, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table with a bold header row that Word repeats at the top of every page."""
    table: Table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table._tbl.tblPr.style = "TableGrid"  # the style's id: looking a style up by name costs ~2 ms each time
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for number, row in enumerate(rows, 1):
        for cell, text in zip(table.rows[number].cells, row, strict=True):
            cell.text = text
    return table


def _item(doc: DocumentObject, style_id: str) -> Paragraph:
    """A list paragraph, its style set by id (``ListBullet``, ``ListNumber`` of python-docx's template)."""
    paragraph = doc.add_paragraph()
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _section_rows(lines: Sequence[SectionLine], with_trend: bool) -> list[list[str]]:
    rows = []
    for s in lines:
        row = [s.label, s.title, s.cell.score, s.cell.status, s.completeness, *(str(n) for n in s.counts)]
        if with_trend:
            row.insert(3, s.trend or "–")
        rows.append(row)
    return rows


def _section_headers(lang: str, with_trend: bool) -> list[str]:
    keys = ["col.section", "col.title", "col.score", "col.status", "col.complete", "col.met", "col.partial",
            "col.not_met", "col.na", "col.not_assessed"]
    if with_trend:
        keys.insert(3, "diff.trend")
    return [t(k, lang) for k in keys]


def build(v: ReportView) -> DocumentObject:
    lang = v.lang
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    props = doc.core_properties
    props.title, props.language, props.author, props.comments = v.title[:255], lang, "assess", ""  # Word: at most 255
    props.created = props.modified = FIXED
    doc.add_heading(v.title, level=0)
    if v.meta:
        doc.add_paragraph(v.meta)
    doc.add_paragraph(v.checklist)

    doc.add_heading(t("report.summary", lang), level=1)
    lead = doc.add_paragraph()
    lead.add_run(v.status.status).bold = True
    lead.add_run(" " + v.summary)
    doc.add_paragraph(v.critical_sentence)
    for norm_id, text in v.critical:
        item = _item(doc, "ListBullet")
        item.add_run(norm_id).bold = True
        item.add_run(" " + text)
    if v.previous_sentence:
        doc.add_paragraph(v.previous_sentence)
    doc.add_heading(t("html.urgent", lang), level=2)
    doc.add_paragraph(v.gaps_sentence)
    for g in v.urgent:
        item = _item(doc, "ListNumber")
        item.add_run(g.id).bold = True
        item.add_run(f" ({g.result}): {g.brief} — {t('col.action', lang)}: {g.action or t('html.no_action', lang)}")
    doc.add_heading(t("html.key_figures", lang), level=2)
    _table(doc, ["", ""], [list(pair) for pair in v.figures])

    doc.add_heading(t("html.radar", lang), level=1)
    headers = [t("col.section", lang), t("col.score", lang)]
    if v.has_previous:
        headers += [t("html.previous_short", lang), t("diff.trend", lang)]
    headers += [t("col.status", lang), t("report.completeness", lang)]
    rows = []
    for s in (*v.principles, *v.settings, v.overall):
        rows.append([s.label, s.cell.score, *([s.previous or "–", s.trend or "–"] if v.has_previous else []),
                     s.cell.status, f"{s.completeness} ({s.detail})"])
    _table(doc, headers, rows)

    doc.add_heading(t("report.principles", lang), level=1)
    _table(doc, _section_headers(lang, v.has_previous), _section_rows(v.principles, v.has_previous))
    if v.settings:
        doc.add_heading(t("report.settings", lang), level=2)
        doc.add_paragraph(t("report.settings_apart", lang))
        _table(doc, _section_headers(lang, v.has_previous), _section_rows(v.settings, v.has_previous))

    doc.add_heading(f"{t('report.gaps', lang)} ({len(v.gaps)})", level=1)
    if v.gaps:
        doc.add_paragraph(t("report.gaps_intro", lang))
        gap_headers = [t(k, lang) for k in ("col.norm", "col.text", "col.result", "col.evidence", "col.note",
                                            "col.action")]
        _table(doc, gap_headers, [[g.id + (f" ⚠ {t('critical', lang)}" if g.critical else ""), g.text, g.result,
                                   "\n".join(g.evidence) or "–", g.note or "–", g.action or "–"] for g in v.gaps])
    else:
        doc.add_paragraph(t("report.no_gaps", lang))

    doc.add_heading(t("report.action_plan", lang), level=1)
    if v.plan:
        plan_headers = [t(k, lang) for k in ("col.priority", "col.norm", "col.action", "col.owner", "col.due",
                                             "col.status")]
        _table(doc, plan_headers, [[p.priority, p.norm, p.action, p.owner, p.due, p.status] for p in v.plan])
        if v.without_action:
            doc.add_paragraph(v.without_action)
    else:
        doc.add_paragraph(t("report.no_actions", lang))

    doc.add_heading(f"{t('report.na', lang)} ({len(v.not_applicable)})", level=2)
    if v.not_applicable:
        _table(doc, [t("col.norm", lang), t("col.text", lang), t("col.reason", lang)],
               [[i, text, reason or t("report.na_no_reason", lang)] for i, text, reason in v.not_applicable])
    else:
        doc.add_paragraph(t("report.na_none", lang))
    doc.add_heading(f"{t('report.not_assessed', lang)} ({len(v.not_assessed)})", level=2)
    for norm_id, text in v.not_assessed:
        item = _item(doc, "ListBullet")
        item.add_run(norm_id).bold = True
        item.add_run(" " + text)
    if not v.not_assessed:
        doc.add_paragraph(t("report.all_assessed", lang))

    doc.add_heading(t("html.signoff", lang), level=1)
    doc.add_paragraph(t("html.signoff_intro", lang))
    _table(doc, ["", ""], [[t("html.assessors", lang), ", ".join(v.assessors) or "–"],
                           [t("html.date", lang), v.date or "–"]])
    doc.add_paragraph()
    _table(doc, [t(k, lang) for k in ("html.name", "html.role", "html.date", "html.signature")],
           [[name, "", "", ""] for name in (*v.assessors, "")])

    doc.add_heading(t("report.rules", lang), level=1)
    for line in v.rules:
        _item(doc, "ListBullet").add_run(line)
    doc.add_paragraph(v.source)
    return doc


FIXED = dt.datetime(2000, 1, 1)  # the time stamped in the document, so the same input gives the same bytes


def render(card: Scorecard, lang: str, previous: Scorecard | None = None) -> bytes:
    """The Word document as bytes, deterministic (every zip entry dated 2000-01-01, like the workbooks)."""
    buffer = io.BytesIO()
    build(view(card, lang, previous)).save(buffer)
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()
