"""Typed evidence: {text, source, date, ref} beside plain texts, in files, reports and the CSV import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from assess.analysis.scoring import score
from assess.errors import InputError
from assess.files import assessment_file, writer
from assess.files.paths import norms_directory
from assess.files.schema_files import schema_contents
from assess.files.strict_yaml import parse
from assess.model.assessment import Answer, Evidence
from assess.model.catalog import Catalog
from assess.render import gap_json, gap_markdown
from tests.conftest import assessment_text

TYPED = assessment_text(
    '"2.2":',
    "    result: met",
    "    evidence:",
    '      - {text: "Toestemmingsformulier", source: document, date: 2025-03-01, ref: "TF-3"}',
    '      - {text: "Gesprek met twee cliënten", source: service-user-interview}',
    '      - "Intakeprotocol"',
    '"2.3": {result: partial, evidence: {text: "Convenant politie", source: record-sample}}',
    extra="date: 2026-10-14\nlanguage: nl\n",
)


def test_typed_evidence_loads(write, catalog: Catalog) -> None:
    a = assessment_file.load(str(write("a.yaml", TYPED)), catalog).assessment
    evidence = a.answer("2.2").evidence
    assert evidence[0] == Evidence("Toestemmingsformulier", "document", dt.date(2025, 3, 1), "TF-3")
    assert evidence[2] == Evidence("Intakeprotocol") and evidence[2] == "Intakeprotocol"  # plain stays plain
    assert a.answer("2.2").sources == ("document", "service-user-interview")
    assert a.answer("2.3").evidence == (Evidence("Convenant politie", "record-sample"),)


def test_writer_round_trips_typed_evidence(write, catalog: Catalog) -> None:
    a = assessment_file.load(str(write("a.yaml", TYPED)), catalog).assessment
    text = writer.dump(a, catalog)
    assert '- {text: "Toestemmingsformulier", source: document, date: 2025-03-01, ref: "TF-3"}' in text
    assert '    evidence: "Intakeprotocol"' not in text and '      - "Intakeprotocol"' in text
    again = assessment_file.loads(text, "b.yaml", catalog).assessment
    assert again.answers == a.answers and writer.dump(again, catalog) == text


def test_plain_strings_still_work_in_the_model() -> None:
    answer = Answer("met", ("Werkinstructie",))  # type: ignore[arg-type]
    assert answer.evidence == (Evidence("Werkinstructie"),) and answer.evidence_texts == ("Werkinstructie",)
    assert answer.sources == ()


def test_an_unknown_source_is_refused_with_its_line(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1": {result: met, evidence: {text: "x", source: gerucht}}'))
    try:
        assessment_file.load(str(path), catalog)
    except InputError as error:
        assert any(p.line == 5 and "source" in p.message for p in error.problems), error.problems
    else:
        raise AssertionError("an unknown source loaded")


def test_an_impossible_evidence_date_is_named(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1": {result: met, evidence: [{text: "x", date: 2025-02-30}]}'))
    try:
        assessment_file.load(str(path), catalog)
    except InputError as error:
        assert [p.line for p in error.problems] == [5] and "not a date" in error.problems[0].message
    else:
        raise AssertionError("an impossible date loaded")


def test_the_sources_are_data_and_the_schema_agrees(catalog: Catalog) -> None:
    ids = [s.id for s in catalog.evidence_sources]
    assert ids == ["document", "observation", "staff-interview", "service-user-interview", "record-sample", "other"]
    assert [s.label.nl for s in catalog.evidence_sources] == [
        "document", "observatie", "interview medewerker", "interview cliënt", "dossieronderzoek", "anders"]
    enum = schema_contents("assessment")["$defs"]["typed_evidence"]["properties"]["source"]["enum"]
    assert enum == ids
    data = parse((norms_directory() / "evidence-sources.yaml").read_text(encoding="utf-8"), "e").data
    assert [s["id"] for s in data["evidence_sources"]] == ids


def test_reports_show_the_kinds_of_source(write, catalog: Catalog) -> None:
    a = assessment_file.load(str(write("a.yaml", TYPED)), catalog).assessment
    card = score(a, catalog)
    md = gap_markdown.render(card, "nl")
    assert "Convenant politie (dossieronderzoek)" in md
    data = gap_json.report_data(card)
    assert data["evidence_sources"] == {"2.2": ["document", "service-user-interview"], "2.3": ["record-sample"]}
    gap = data["gaps"][0]
    assert gap["sources"] == ["record-sample"] and gap["evidence_items"][0]["source"] == "record-sample"
    json.dumps(data)


def test_csv_import_reads_a_source_column(cli, tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("service,norm,result,evidence,source\n"
                    'De Kade,2.2,met,"Formulier\nGesprek","document\ninterview cliënt"\n'
                    "De Kade,2.1,met,Huisregels,Observation\n", encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = cli("import", str(path), "-o", str(out))
    assert status == 0, err
    a = assessment_file.load(str(out / "de-kade.yaml"), catalog).assessment
    assert a.answer("2.2").evidence == (Evidence("Formulier", "document"),
                                        Evidence("Gesprek", "service-user-interview"))
    assert a.answer("2.1").sources == ("observation",)


def test_csv_import_refuses_an_unknown_source(cli, tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("service,norm,result,evidence,source\nDe Kade,2.2,met,Formulier,hearsay\n"
                    'De Kade,2.1,met,"a\nb\nc","document\nobservation"\n', encoding="utf-8")
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert "answers.csv:2: column 'source': 'hearsay' is not a kind of source" in err
    assert "answers.csv:3: column 'source': 2 sources for 3 evidence lines" in err
