"""assess sign / assess reopen: final, draft, changed after sign-off (naming the norms), the history."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from assess.analysis.signoff import answer_hashes, answers_sha256, reopen, sign, sign_state
from assess.files import assessment_file, writer
from assess.model.assessment import Answer, Assessment, Service, is_signed
from assess.model.catalog import Catalog
from tests.conftest import assessment_text

AT = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)
FILE = assessment_text('"1.1": met', '"1.2": {result: partial, note: "Alleen Nederlands"}',
                       extra="date: 2026-11-23\nlanguage: nl\n")


def test_sign_then_change_names_the_norms(catalog: Catalog) -> None:
    a = Assessment(catalog.id, Service("S"), answers={"1.1": Answer("met"), "1.2": Answer("partial")})
    assert sign_state(a).state == "draft" and not is_signed(a)
    signed = sign(a, "A. Jansen", AT, "manager")
    assert is_signed(signed) and signed.signed is not None
    assert signed.signed.at == "2026-11-30T10:00:00Z" and signed.signed.answers_sha256 == answers_sha256(a)
    assert set(signed.signed.norms) == {"1.1", "1.2"} and signed.signed.norms == answer_hashes(a)
    assert sign_state(signed).state == "final"
    changed = signed.with_answer("1.2", Answer("met")).with_answer("2.1", Answer("met"))
    state = sign_state(changed)
    assert (state.state, state.changed) == ("changed", ("1.2", "2.1"))
    back = reopen(changed)
    assert back.signed is None and back.signatures_history == (signed.signed,)
    assert sign_state(back).state == "draft"


def test_a_note_or_evidence_change_counts(catalog: Catalog) -> None:
    a = Assessment(catalog.id, Service("S"), answers={"1.1": Answer("met", ("x",))})  # type: ignore[arg-type]
    signed = sign(a, "B", AT)
    assert sign_state(signed.with_answer("1.1", Answer("met", ("y",)))).changed == ("1.1",)  # type: ignore[arg-type]


def test_cli_sign_report_reopen(write, cli, catalog: Catalog) -> None:
    path = write("a.yaml", FILE)
    status, out, err = cli("sign", str(path), "--by", "A. Jansen", "--role", "manager", "--at", "2026-11-30T10:00:00Z")
    assert status == 0 and out == f"{path}: ondertekend door A. Jansen (manager) op 2026-11-30\n"
    # 1.1 met without evidence, 1.2 partial without an action: signed, and told
    assert err == f"{path}: let op: `assess check` heeft nog 2 bevinding(en); `assess check {path}` noemt ze\n"
    text = path.read_text(encoding="utf-8")
    assert 'signed:\n  by: "A. Jansen"\n  role: "manager"\n  at: "2026-11-30T10:00:00Z"\n' in text
    loaded = assessment_file.load(str(path), catalog)
    assert writer.dump(loaded.assessment, catalog) == text  # the signed block round-trips
    status, out, _ = cli("report", str(path))
    assert "**Definitief, ondertekend door A. Jansen (manager) op 2026-11-30**" in out
    status, out, _ = cli("report", str(path), "--lang", "en", "--format", "json")
    assert json.loads(out)["signoff"]["state"] == "final"
    status, _, err = cli("sign", str(path), "--by", "X")
    assert status == 2 and "is al ondertekend door A. Jansen op 2026-11-30" in err
    path.write_text(text.replace('"1.1": met', '"1.1": not_met'), encoding="utf-8")
    status, out, _ = cli("report", str(path), "--lang", "en")
    assert "Changed after sign-off by A. Jansen (manager) on 2026-11-30**: the answers differ from those signed, " \
           "at 1.1." in out
    status, out, _ = cli("report", str(path), "--format", "json")
    assert json.loads(out)["signoff"] == {"state": "changed", "by": "A. Jansen", "role": "manager",
                                          "at": "2026-11-30T10:00:00Z", "changed": ["1.1"], "history": []}
    status, out, _ = cli("reopen", str(path), "--lang", "en")
    assert status == 0 and out == f"{path}: reopened; the signature is kept in signatures_history\n"
    reopened = assessment_file.load(str(path), catalog).assessment
    assert reopened.signed is None and [s.by for s in reopened.signatures_history] == ["A. Jansen"]
    status, out, _ = cli("report", str(path), "--lang", "en")
    assert "**Draft** · not signed yet" in out
    status, _, err = cli("reopen", str(path))
    assert status == 2 and "is niet ondertekend" in err


def test_an_unsigned_file_still_round_trips_byte_for_byte(tmp_path: Path, catalog: Catalog) -> None:
    from assess.files.paths import package_data

    text = (package_data("data") / "demo.yaml").read_text(encoding="utf-8")
    loaded = assessment_file.loads(text, "demo.yaml", catalog)
    again = writer.dump(loaded.assessment, catalog)
    assert assessment_file.loads(again, "d.yaml", catalog).assessment.answers == loaded.assessment.answers
    assert writer.dump(assessment_file.loads(again, "d.yaml", catalog).assessment, catalog) == again


def test_signing_keeps_what_a_person_wrote_and_refuses_a_read_only_file(write, cli, catalog: Catalog) -> None:
    """sign rewrites the file with the writer: a hand-written comment would go, so that version is kept first."""
    path = write("a.yaml", FILE.replace("answers:", "# noted by hand: ask the GGD about 1.2\nanswers:"))
    before = path.read_bytes()
    assert cli("sign", str(path), "--by", "A. Jansen")[0] == 0
    (backup,) = path.parent.glob("a.yaml.before-sign-*.bak")
    assert backup.read_bytes() == before and b"noted by hand" not in path.read_bytes()
    assert cli("reopen", str(path))[0] == 0
    assert not list(path.parent.glob("a.yaml.before-reopen-*.bak"))  # the writer's own text: nothing to keep
    path.chmod(0o444)
    try:
        unchanged = path.read_bytes()
        status, _, err = cli("sign", str(path), "--by", "X")
        assert status == 2 and err == f"{path}: is read-only (write-protected); not changed\n"
        assert path.read_bytes() == unchanged
    finally:
        path.chmod(0o644)


def test_signing_a_file_the_check_has_nothing_to_say_of_prints_no_warning(write, cli) -> None:
    path = write("b.yaml", assessment_text('"1.1": {result: met, evidence: ["Rooster 2026"]}',
                                           extra="date: 2026-11-23\nlanguage: en\n"))
    status, out, err = cli("sign", str(path), "--by", "A. Jansen", "--at", "2026-11-30T10:00:00Z")
    assert (status, err) == (0, "") and out == f"{path}: signed by A. Jansen on 2026-11-30\n"


def test_the_signed_line_is_one_line_whatever_the_role(write, cli) -> None:
    path = write("a.yaml", FILE)
    status, out, _ = cli("sign", str(path), "--by", "A. Jansen", "--role", "a\nb", "--at", "2026-11-30T10:00:00Z")
    assert status == 0 and out == f"{path}: ondertekend door A. Jansen (a\\nb) op 2026-11-30\n"
