"""The JSON summary of ``assess merge``: the same agreement numbers as the Markdown summary, for machines."""

from __future__ import annotations

from typing import Any

from assess.analysis import agreement as agr
from assess.analysis.merge import Merged, SectionAgreement
from assess.render import json_text


def _agreement_json(entry: SectionAgreement) -> dict[str, Any]:
    a, k = entry.agreement, entry.agreement.kappa
    return {"id": entry.id, "norms": entry.norms, "assessed_by_all": a.items,
            "percent": None if a.percent is None else agr.round_half_up(100 * a.percent, 1),
            "kappa": agr.round_half_up(k.value, 3), "kappa_reason": k.reason, "band": agr.band(k.value),
            "observed": agr.round_half_up(k.observed, 3), "expected": agr.round_half_up(k.expected, 3)}


def render(merged: Merged, output: str) -> str:
    """The summary printed after writing the consensus file ``output``."""
    c = merged.consensus
    data = {
        "consensus": output,
        "service": c.service.name,
        "method": "cohen" if merged.raters == 2 else "fleiss",
        "inputs": [{"file": s.file, "sha256": s.sha256, "label": name, "assessors": list(s.assessors)}
                   for name, s in zip(merged.labels, c.merged_from, strict=True)],
        "agreed": list(merged.agreed),
        "disputed": [{"id": d.id, "positions": [{"assessor": p.assessor, "result": p.result} for p in d.positions]}
                     for d in merged.disputed],
        "unassessed": list(merged.unassessed),
        "agreement": {
            "basis": "norms assessed by every assessor; overall = the 7 principles",
            "overall": _agreement_json(merged.overall),
            "principles": [_agreement_json(e) for e in merged.principles],
            "settings": [_agreement_json(e) for e in merged.settings],
        },
    }
    return json_text.dumps(data) + "\n"
