"""The Markdown report's parts about judgement: the rights floor that leads it and the disputed norms."""

from __future__ import annotations

from assess.analysis.scoring import Scorecard
from assess.i18n import t
from assess.model.assessment import Answer, Evidence
from assess.model.catalog import Norm
from assess.render.markdown_table import table
from assess.render.text import md_escape, result_label, short


def signoff_lines(card: Scorecard, lang: str) -> list[str]:
    """Final (signed by … on …), changed after sign-off (with the norms that differ), or draft."""
    if card.assessment.signed is None:  # a draft: no hashes to compare
        return [f"**{t('sign.draft', lang)}** · {t('sign.draft_detail', lang)}", ""]
    from assess.analysis.signoff import sign_state

    state = sign_state(card.assessment)
    if state.signature is None:
        return [f"**{t('sign.draft', lang)}** · {t('sign.draft_detail', lang)}", ""]
    sig = state.signature
    who = md_escape(sig.by + (f" ({sig.role})" if sig.role else ""))
    if state.state == "changed":
        return [f"> ⚠ **{t('sign.changed_head', lang, who=who, when=state.signed_on)}**: "
                f"{t('sign.changed', lang, ids=', '.join(state.changed) or '–')}", ""]
    return [f"**{t('sign.final', lang, who=who, when=state.signed_on)}**", ""]


def _norm_lines(card: Scorecard, norms: tuple[Norm, ...], lang: str, with_result: bool) -> list[str]:
    lines = []
    for norm in norms:
        result = card.assessment.result(norm.id)
        label = f" ({md_escape(result_label(card.catalog, result, lang))})" if with_result and result else ""
        lines.append(f"> - **{norm.id}**{label} {md_escape(norm.text[lang])}")
    return lines


def _lead(card: Scorecard, norms: tuple[Norm, ...], lead: str, explain: str, lang: str,
          with_result: bool) -> list[str]:
    if not norms:
        return []
    ids = ", ".join(n.id for n in norms)
    return [f"> **{t(lead, lang)}: {ids}.** {t(explain, lang)}", ">",
            *_norm_lines(card, norms, lang, with_result), ""]


def floor_lead(card: Scorecard, lang: str) -> list[str]:
    """The rights floor, before everything else: critical norms not fully met, then critical norms disputed,
    then the same for the settings."""
    return [
        *_lead(card, card.critical_failures, "report.critical_lead", "report.critical_explain", lang, True),
        *_lead(card, card.critical_disputed, "floor.disputed_lead", "floor.disputed_explain", lang, False),
        *_lead(card, card.critical_setting_failures, "floor.setting_lead", "floor.setting_explain", lang, True),
        *_lead(card, card.critical_setting_disputed, "floor.setting_disputed_lead", "floor.disputed_explain",
               lang, False),
    ]


def evidence_item_text(card: Scorecard, item: Evidence, lang: str) -> str:
    """An evidence item with what it says of itself: ``Werkinstructie (document, 2025-03-01, WI-12)``."""
    about = [card.catalog.evidence_source(item.source).label[lang]] if item.source else []
    about += [item.date.isoformat()] if item.date else []
    about += [item.ref] if item.ref else []
    return item.text + (f" ({', '.join(about)})" if about else "")


def evidence_cell(card: Scorecard, answer: Answer, lang: str) -> str:
    """The evidence of a norm, each item with its kind of source, for a table cell."""
    return "<br>".join(md_escape(evidence_item_text(card, e, lang)) for e in answer.evidence) or "–"


def status_cell(card: Scorecard, lang: str, status_text: str) -> str:
    """The overall status, with "(disputed)" when a disputed critical norm holds it below green."""
    if card.critical_disputed and not card.critical_failures:
        return f"**{status_text}** ({t('floor.disputed_status', lang)})"
    return f"**{status_text}**"


def positions_text(card: Scorecard, norm: Norm, lang: str) -> str:
    parts = []
    for position in card.assessment.answer(norm.id).disputed:
        result = result_label(card.catalog, position.result, lang) if position.result else t("floor.no_result", lang)
        parts.append(f"{md_escape(position.assessor)}: {md_escape(result)}")
    return "; ".join(parts)


def disputed_section(card: Scorecard, lang: str) -> list[str]:
    """Every norm still disputed, critical ones first, each with the assessors' answers."""
    if not card.disputed:
        return []
    ordered = sorted(card.disputed, key=lambda n: not n.critical)
    rows = [[md_escape(n.id + (f" ⚠ {t('critical', lang)}" if n.critical else "")), md_escape(short(n.text[lang])),
             positions_text(card, n, lang)] for n in ordered]
    return [f"## {t('floor.disputed', lang)} ({len(card.disputed)})", "", t("floor.disputed_intro", lang), "",
            table([t("col.norm", lang), t("col.text", lang), t("floor.col.positions", lang)], rows), ""]
