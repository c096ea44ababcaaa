"""portfolio.json: the portfolio (:class:`assess.analysis.portfolio.PortfolioData`) for programs, language-neutral.

Written piece by piece through a ``write`` function, one service at a time, so the portfolio of thousands of
services is never held in memory as one text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from assess.analysis.portfolio import Entry, PortfolioData, SectionRow
from assess.analysis.reaudit import Trend
from assess.render import json_text

FORMAT_VERSION = 1

Write = Callable[[str], Any]


def _section_json(row: SectionRow) -> dict[str, Any]:
    return {"id": row.id, "score": row.score, "status": row.status, "completeness": row.completeness}


def _trend_json(trend: Trend | None) -> dict[str, Any] | None:
    if trend is None:
        return None
    return {"previous_file": trend.previous_path,
            "previous_date": trend.previous_date.isoformat() if trend.previous_date else None,
            "overall": trend.overall, "principles": dict(trend.principles)}


def _service_json(rank: int, entry: Entry, formats: tuple[str, ...]) -> dict[str, Any]:
    s = entry.summary
    return {
        "rank": rank, "name": s.name, "kind": s.kind, "location": s.location, "file": s.path,
        "date": s.date.isoformat() if s.date else None, "assessors": list(s.assessors), "signoff": s.signoff,
        "trend": _trend_json(entry.trend), "earlier": list(entry.earlier),
        "reports": {fmt: f"{entry.stem}.{fmt}" for fmt in formats},
        "settings": list(s.settings),
        "overall": {"score": s.score, "status": s.status, "score_status": s.score_status,
                    "completeness": s.completeness, "counted": s.counted, "met": s.met, "partial": s.partial,
                    "not_met": s.not_met, "na": s.na, "not_assessed": s.not_assessed, "total": s.total},
        "principles": [_section_json(r) for r in s.principles],
        "setting_scores": [_section_json(r) for r in s.setting_scores],
        "critical_not_fully_met": list(s.critical_not_fully_met),
        "critical_disputed": list(s.critical_disputed),
        "disputed": [{"id": item, "critical": critical} for item, critical in s.disputed],
        "critical_gaps": [{"id": g.norm, "result": g.result, "action": g.action} for g in s.critical_gaps],
    }


def portfolio_head(data: PortfolioData) -> dict[str, Any]:
    """portfolio.json before its lists that grow with the batch (``not_counted``, ``not_processed`` and
    ``services``, which :func:`write` writes one item at a time)."""
    return {
        "portfolio": FORMAT_VERSION,
        "checklist": data.catalog_id,
        "checklist_version": data.catalog_version,
        "summary": {"processed": len(data.services), "not_processed": len(data.failures),
                    "not_counted": len(data.superseded),
                    "status": data.status_counts(), "critical_not_fully_met": data.critical_services,
                    "critical_disputed": data.disputed_services},
        "rules": {
            "rights_floor": "a critical norm partially met or not met makes a service's overall status red; a critical "
                            "norm still disputed after a merge makes it at most amber (listed under disputed)",
            "scores": "copied from each service's scorecard (assess.scoring); no average across services",
            "sorted_by": "overall score (rounded, as shown), highest first; no score last; then name, then file order",
            "norms_not_met": "not_met = services that assessed the norm as not met; share = not_met / applicable, "
                             "where applicable = services that assessed the norm as met, partial or not_met "
                             "(na and not assessed excluded); share rounded half up to one decimal",
            "settings": "scored apart; never part of principle or overall scores",
            "not_processed": "inputs that failed count nowhere",
            "re_audits": "one service (same name and location, ignoring case and spacing) counts once: the latest "
                         "by date, then path; earlier ones and the inputs of a consensus in the batch (by the "
                         "sha256 in its merged_from) are listed under not_counted; trend = change of the rounded "
                         "overall and principle scores against the previous one, rounded half up",
        },
    }


def _not_counted(data: PortfolioData) -> Iterator[dict[str, Any]]:
    for s in data.superseded:
        yield {"file": s.path, "name": s.name, "date": s.date.isoformat() if s.date else None, "reason": s.reason,
               "counted": s.counted_path}


def _not_processed(data: PortfolioData) -> Iterator[dict[str, Any]]:
    for f in data.failures:
        yield {"file": f.path, "problems": [{"file": p.file, "line": p.line, "message": p.message, "text": str(p)}
                                            for p in f.problems]}


def _norms(data: PortfolioData) -> Iterator[dict[str, Any]]:
    for c in data.norms_not_met:
        yield {"id": c.id, "section": c.section, "critical": c.critical, "not_met": c.not_met,
               "applicable": c.applicable, "share": c.share, "partial": c.partial}


def _services(data: PortfolioData) -> Iterator[dict[str, Any]]:
    for entry in data.services:
        yield _service_json(entry.rank, entry, data.formats)


def _write_list(name: str, items: Iterator[dict[str, Any]], last: bool, write: Write) -> None:
    """One member of the top object whose value is a list, an item at a time, exactly as ``json.dumps(...,
    indent=2)`` writes it."""
    write(f"  {json.dumps(name)}: ")
    first = next(items, None)
    if first is None:
        write("[]")
    else:
        write("[\n")
        item: dict[str, Any] | None = first
        while item is not None:
            following = next(items, None)
            text = json_text.dumps(item)
            write("    " + text.replace("\n", "\n    ") + (",\n" if following is not None else "\n"))
            item = following
        write("  ]")
    write("\n" if last else ",\n")


def write(data: PortfolioData, write: Write) -> None:
    """portfolio.json: language-neutral; ``services`` last, in the order of portfolio.md; each list written one
    item at a time, the whole text the same as ``json.dumps(..., indent=2)`` of the whole object."""
    head = json_text.dumps(portfolio_head(data))
    write(head[:-2] + ",\n")  # reopen the object (it is never empty)
    _write_list("not_counted", _not_counted(data), False, write)
    _write_list("not_processed", _not_processed(data), False, write)
    _write_list("norms_not_met", _norms(data), False, write)
    _write_list("services", _services(data), True, write)
    write("}\n")
