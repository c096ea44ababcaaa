"""Writes assessment files: deterministic YAML, each norm's text beside its key as a comment."""

from __future__ import annotations

import functools
import json
import re
import textwrap

from assess.model.assessment import FORMAT_VERSION, Action, Answer, Assessment, Evidence, Signature
from assess.model.catalog import Catalog

HEADER = {
    "nl": "# assess-beoordelingsbestand, formaat {version}. JSON Schema: `assess schema`.\n"
          "# Resultaten: {results} (na: noteer in een opmerking waarom).\n"
          "# Een norm zonder resultaat is niet beoordeeld. Sleutels zijn norm-id's en staan tussen aanhalingstekens.\n",
    "en": "# assess assessment file, format {version}. JSON Schema: `assess schema`.\n"
          "# Results: {results} (na: add a note saying why).\n"
          "# A norm left empty is not assessed. Keys are norm ids and stay in quotes.\n",
}


# What JSON leaves as it is but YAML reads as a line break (U+0085, U+2028, U+2029), or does not allow in a file
# even quoted (control characters, lone surrogates, U+FFFE, U+FFFF): written as escapes (the TUI or a sheet can
# hold them). JSON has escaped the control characters below U+0020 already.
_TO_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON escaping, plus YAML's own line-break and non-printable characters)."""
    return _TO_ESCAPE.sub(_escape, json.dumps(text, ensure_ascii=False))


def _evidence_item(item: Evidence) -> str:
    """A plain text as a string; a typed item as a flow mapping ``{text: …, source: …, date: …, ref: …}``."""
    if not item.typed:
        return yaml_str(item.text)
    parts = [f"text: {yaml_str(item.text)}"]
    if item.source:
        parts.append(f"source: {item.source}")
    if item.date:
        parts.append(f"date: {item.date.isoformat()}")
    if item.ref:
        parts.append(f"ref: {yaml_str(item.ref)}")
    return "{" + ", ".join(parts) + "}"


def _evidence(values: tuple[Evidence, ...], indent: str) -> list[str]:
    if len(values) == 1:
        return [f"{indent}evidence: {_evidence_item(values[0])}"]
    return [f"{indent}evidence:"] + [f"{indent}  - {_evidence_item(v)}" for v in values]


def _signature(sig: Signature, indent: str) -> list[str]:
    lines = [f"{indent}by: {yaml_str(sig.by)}"]
    if sig.role:
        lines.append(f"{indent}role: {yaml_str(sig.role)}")
    lines += [f"{indent}at: {yaml_str(sig.at)}", f"{indent}answers_sha256: {sig.answers_sha256}"]
    if not sig.norms:
        return [*lines, f"{indent}norms: {{}}"]
    return [*lines, f"{indent}norms:", *(f'{indent}  "{k}": "{v}"' for k, v in sig.norms.items())]


def _signatures(assessment: Assessment) -> list[str]:
    lines = []
    if assessment.signed:
        lines += ["signed:", *_signature(assessment.signed, "  ")]
    if assessment.signatures_history:
        lines.append("signatures_history:")
        for sig in assessment.signatures_history:
            block = _signature(sig, "    ")
            lines += ["  - " + block[0].lstrip(), *block[1:]]
    return lines


def _action(action: Action, indent: str) -> list[str]:
    lines = [f"{indent}action:", f"{indent}  description: {yaml_str(action.description)}"]
    if action.owner:
        lines.append(f"{indent}  owner: {yaml_str(action.owner)}")
    if action.due:
        lines.append(f"{indent}  due: {action.due.isoformat()}")
    if action.priority:
        lines.append(f"{indent}  priority: {action.priority}")
    if action.done:
        lines.append(f"{indent}  done: true")
    return lines


def answer_lines(norm_id: str, answer: Answer, indent: str = "  ") -> list[str]:
    key = f'{indent}"{norm_id}":'
    if answer.is_empty:
        return [key]
    if answer == Answer(result=answer.result):
        return [f"{key} {answer.result}"]
    inner = indent + "  "
    lines = [key]
    if answer.result:
        lines.append(f"{inner}result: {answer.result}")
    if answer.evidence:
        lines += _evidence(answer.evidence, inner)
    if answer.note:
        lines.append(f"{inner}note: {yaml_str(answer.note)}")
    if answer.action:
        lines += _action(answer.action, inner)
    if answer.disputed:
        lines.append(f"{inner}disputed:")
        for position in answer.disputed:
            lines.append(f"{inner}  - assessor: {yaml_str(position.assessor)}")
            if position.result:
                lines.append(f"{inner}    result: {position.result}")
            if position.evidence:
                lines += _evidence(position.evidence, inner + "    ")
            if position.note:
                lines.append(f"{inner}    note: {yaml_str(position.note)}")
    return lines


@functools.lru_cache(maxsize=4096)  # the same norm texts in every file written (wrapping is most of a dump)
def _comment(text: str, indent: str, width: int = 100) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, width=width, initial_indent=f"{indent}# ", subsequent_indent=f"{indent}#   ",
                               break_on_hyphens=False, break_long_words=False))


def dump(assessment: Assessment, catalog: Catalog, lang: str | None = None) -> str:
    """The whole file: header, metadata, then every norm of the checklist in catalog order."""
    lang = lang or assessment.language or "nl"
    lines = [HEADER[lang].format(version=FORMAT_VERSION, results=" | ".join(catalog.answer_set.ids)).rstrip("\n")]
    lines.append(f"assess: {FORMAT_VERSION}")
    lines.append(f"checklist: {assessment.checklist}")
    lines.append(f"checklist_version: {yaml_str(catalog.version)}")
    service = assessment.service
    lines.append("service:")
    lines.append(f"  name: {yaml_str(service.name)}")
    if service.kind:
        lines.append(f"  kind: {yaml_str(service.kind)}")
    if service.location:
        lines.append(f"  location: {yaml_str(service.location)}")
    if assessment.assessors:
        lines.append("assessors:")
        lines += [f"  - {yaml_str(a)}" for a in assessment.assessors]
    if assessment.date:
        lines.append(f"date: {assessment.date.isoformat()}")
    if assessment.language:
        lines.append(f"language: {assessment.language}")
    if assessment.settings:
        lines.append("settings: [" + ", ".join(assessment.settings) + "]")
    if assessment.merged_from:
        lines.append("merged_from:")
        for source in assessment.merged_from:
            lines.append(f"  - file: {yaml_str(source.file)}")
            lines.append(f"    sha256: {source.sha256}")
            if source.assessors:
                lines.append("    assessors: [" + ", ".join(yaml_str(a) for a in source.assessors) + "]")
    lines += _signatures(assessment)
    lines.append("answers:")
    for section in catalog.sections_for(assessment.settings):
        lines.append("")
        lines += _comment(f"{section.label(lang)}: {section.title[lang]}", "  ", 100)
        for norm_id in section.norm_ids:
            lines += _comment(f"{norm_id} {catalog.item(norm_id).text[lang]}", "  ")
            lines += answer_lines(norm_id, assessment.answer(norm_id))
    return "\n".join(lines) + "\n"
