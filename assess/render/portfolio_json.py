"""portfolio.json: the portfolio (:class:`assess.analysis.portfolio.PortfolioData`) for programs, language-neutral.

Written piece by piece through a ``write`` function, one service at a time, so the portfolio of thousands of
services is never held in memory as one text.
"""

from __future__ import annotations

from collections.abc import Callable
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
    """portfolio.json without its ``services`` (which :func:`write` appends last, one by one)."""
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
        "not_counted": [{"file": s.path, "name": s.name, "date": s.date.isoformat() if s.date else None,
                         "reason": s.reason, "counted": s.counted_path} for s in data.superseded],
        "not_processed": [{"file": f.path, "problems": [{"file": p.file, "line": p.line, "message": p.message,
                                                         "text": str(p)} for p in f.problems]}
                          for f in data.failures],
        "norms_not_met": [{"id": c.id, "section": c.section, "critical": c.critical, "not_met": c.not_met,
                           "applicable": c.applicable, "share": c.share, "partial": c.partial}
                          for c in data.norms_not_met],
    }


def write(data: PortfolioData, write: Write) -> None:
    """portfolio.json: language-neutral; ``services`` last, in the order of portfolio.md."""
    head = json_text.dumps(portfolio_head(data))
    write(head[:-2] + ",\n" if head.endswith("\n}") else head[:-1])  # reopen the object
    if not data.services:
        write('  "services": []\n}\n')
        return
    write('  "services": [\n')
    last = len(data.services)
    for rank, entry in enumerate(data.services, 1):
        text = json_text.dumps(_service_json(rank, entry, data.formats))
        write("    " + text.replace("\n", "\n    ") + (",\n" if rank < last else "\n"))
    write("  ]\n}\n")
