"""The Markdown summary of ``assess merge``: who was merged, agreement per section, the disputed norms."""

from __future__ import annotations

from fractions import Fraction

from assess.analysis import agreement as agr
from assess.analysis.merge import Merged
from assess.i18n import number, t
from assess.render.markdown_table import table
from assess.render.text import md_escape, result_label


def kappa_text(kappa: agr.Kappa, lang: str) -> str:
    """``0,90 (bijna volledig)``, or ``n.b. (why)`` when the kappa is undefined."""
    if kappa.value is None:
        return f"{t('merge.na', lang)} ({t('merge.kappa.' + (kappa.reason or agr.NO_ITEMS), lang)})"
    shown = number(agr.round_half_up(kappa.value, 2), lang, places=2)
    return f"{shown} ({t('merge.band.' + (agr.band(kappa.value) or 'poor'), lang)})"


def agreement_percent(value: Fraction | None, lang: str) -> str:
    """A share (0..1) as a percentage with one decimal, rounded half up: ``93,3%``; ``–`` without norms."""
    return "–" if value is None else f"{number(agr.round_half_up(100 * value, 1), lang)}%"


def method_text(merged: Merged, lang: str) -> str:
    return t("merge.cohen", lang) if merged.raters == 2 else t("merge.fleiss", lang, raters=merged.raters)


def render(merged: Merged, lang: str, output: str) -> str:
    """The summary printed after writing the consensus file ``output``."""
    c, catalog = merged.consensus, merged.catalog
    out = [t("merge.written", lang, file=md_escape(output), count=merged.raters, service=md_escape(c.service.name)),
           "- " + "\n- ".join(f"{md_escape(name)}: {md_escape(source.file)} (sha256 {source.sha256[:12]}…)"
                              for name, source in zip(merged.labels, c.merged_from, strict=True)),
           "", t("merge.counts", lang, agreed=len(merged.agreed), disputed=len(merged.disputed),
                 unassessed=len(merged.unassessed)), ""]
    out += [f"## {t('merge.agreement', lang)}", "",
            t("merge.agreement_intro", lang, method=method_text(merged, lang)), t("merge.bands", lang), ""]
    rows = []
    for entry in (merged.overall, *merged.principles, *merged.settings):
        name = t("merge.overall", lang) if entry.id is None else catalog.section(entry.id).label(lang)
        a = entry.agreement
        rows.append([md_escape(name), str(entry.norms), str(a.items), agreement_percent(a.percent, lang),
                     kappa_text(a.kappa, lang)])
    headers = [t(k, lang) for k in ("col.section", "merge.col.norms", "merge.col.by_all", "merge.col.percent",
                                    "merge.col.kappa")]
    out += [table(headers, rows, ["left", "right", "right", "right", "left"]), ""]
    out += [f"## {t('merge.disputed', lang)} ({len(merged.disputed)})", ""]
    if merged.disputed:
        headers = [t("col.norm", lang), *(md_escape(name) for name in merged.labels)]
        rows = [[d.id, *(md_escape(result_label(catalog, p.result, lang)) if p.result else
                         t("merge.not_assessed", lang) for p in d.positions)] for d in merged.disputed]
        out += [table(headers, rows), "", t("merge.settle", lang), ""]
    else:
        out += [t("merge.no_disputed", lang), ""]
    return "\n".join(out)
