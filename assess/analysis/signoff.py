"""Sign-off (``assess sign`` / ``assess reopen``): hashes of the answers, and whether they changed since.

The hash of an answer is the sha256 of a canonical JSON of everything the answer says (result, evidence
with its kinds, dates and references, note, action, disputed positions). A signature keeps the hash of all
answers and, per assessed norm, the first 16 hex digits of its own, so the norms changed after sign-off
can be named. Plain data; the words are the renderers'.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

from assess.model.assessment import Action, Answer, Assessment, Evidence, Signature, is_signed

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["SignState", "answer_hashes", "answers_sha256", "is_signed", "reopen", "sign", "sign_state"]

SHORT = 16


def _evidence(items: tuple[Evidence, ...]) -> list[Any]:
    return [[e.text, e.source, e.date.isoformat() if e.date else None, e.ref] for e in items]


def _action(action: Action | None) -> list[Any] | None:
    if action is None:
        return None
    return [action.description, action.owner, action.due.isoformat() if action.due else None, action.priority,
            action.done]


def _canonical(answer: Answer) -> str:
    data = [answer.result, _evidence(answer.evidence), answer.note, _action(answer.action),
            [[p.assessor, p.result, _evidence(p.evidence), p.note] for p in answer.disputed]]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def answer_hashes(assessment: Assessment) -> dict[str, str]:
    """Per answered norm (in the file's order of answers, sorted by id for stability), its short hash."""
    return {norm_id: hashlib.sha256(_canonical(answer).encode("utf-8")).hexdigest()[:SHORT]
            for norm_id, answer in sorted(assessment.answers.items()) if not answer.is_empty}


def answers_sha256(assessment: Assessment) -> str:
    """The sha256 of all answers: each norm id with the canonical JSON of its answer, sorted by id."""
    canonical = {norm_id: _canonical(answer) for norm_id, answer in sorted(assessment.answers.items())
                 if not answer.is_empty}
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(assessment: Assessment, by: str, at: dt.datetime, role: str | None = None) -> Assessment:
    """A copy signed by ``by`` at ``at``; an earlier signature must be reopened first (the caller checks)."""
    signature = Signature(by, utc_stamp(at), answers_sha256(assessment), answer_hashes(assessment), role)
    return replace(assessment, signed=signature)


def reopen(assessment: Assessment) -> Assessment:
    """A copy no longer signed; its signature is appended to ``signatures_history``."""
    if assessment.signed is None:
        return assessment
    return replace(assessment, signed=None, signatures_history=(*assessment.signatures_history, assessment.signed))


def _differing(signed: Mapping[str, str], now: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(n for n in sorted(set(signed) | set(now)) if signed.get(n) != now.get(n))


@dataclass(frozen=True)
class SignState:
    """``final`` (signed, answers as signed), ``changed`` (signed, answers changed since) or ``draft``."""

    state: str
    signature: Signature | None = None
    changed: tuple[str, ...] = ()  # norms whose answers differ from those signed

    @property
    def signed_on(self) -> str | None:
        return self.signature.at[:10] if self.signature else None


def sign_state(assessment: Assessment) -> SignState:
    signature = assessment.signed
    if signature is None:
        return SignState("draft")
    if answers_sha256(assessment) == signature.answers_sha256:
        return SignState("final", signature)
    changed = _differing(signature.norms, answer_hashes(assessment))
    return SignState("changed", signature, changed)
