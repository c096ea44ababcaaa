"""Re-audits in a portfolio, and the hand-written assessments of issue 17, through the CLI.

* critical partial -> RED; disputed critical -> AMBER (disputed), never GREEN;
* two dates of one service -> counted once (the latest), the earlier listed, a trend against it;
* a consensus beside its inputs -> counted once.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.conftest import HEAD

ALL_MET = "".join(f'  "{p}.{n}": {{result: met, evidence: "e"}}\n' for p, count in
                  ((1, 10), (2, 7), (3, 10), (4, 11), (5, 7), (6, 9), (7, 8)) for n in range(1, count + 1))


def service(name: str, date: str, replace: dict[str, str] | None = None, extra: str = "",
            location: str = "Zwolle") -> str:
    body = ALL_MET
    for norm_id, line in (replace or {}).items():
        body = body.replace(f'  "{norm_id}": {{result: met, evidence: "e"}}\n', f'  "{norm_id}": {line}\n')
    head = HEAD.replace('service: {name: "Test"}', f'service: {{name: "{name}", location: "{location}"}}')
    return head + f"date: {date}\nlanguage: nl\n" + extra + "answers:\n" + body


def batch(cli, tmp_path: Path, files: dict[str, str], *args: str) -> tuple[int, dict, str, str]:
    inputs = tmp_path / "in"
    for name, text in files.items():
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        (inputs / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = cli("batch", str(inputs), "--out", str(out), "--format", "md,json", *args)
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    return status, data, (out / "portfolio.md").read_text(encoding="utf-8"), err


def test_critical_partial_is_red(cli, write) -> None:
    partial = "{result: partial, evidence: e, action: {description: x, owner: y, due: 2027-01-01}}"
    path = write("a.yaml", service("De Brug", "2026-10-01", {"2.3": partial}))
    status, out, _ = cli("report", str(path), "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["overall"]["status"] == "red" and data["overall"]["score_status"] == "green"
    assert data["critical_not_fully_met"] == ["2.3"]
    status, out, _ = cli("report", str(path))
    assert out.index("Kritieke norm niet volledig voldaan: 2.3.") < out.index("## Samenvatting")
    status, _, err = cli("report", str(path), "--fail-on-critical")
    assert status == 1 and "critical norm not fully met: 2.3" in err


def test_disputed_critical_is_not_green(cli, write) -> None:
    dispute = "{disputed: [{assessor: A, result: not_met}, {assessor: B, result: not_met}, {assessor: C, result: met}]}"
    path = write("a.yaml", service("De Brug", "2026-10-01", {"2.1": dispute}))
    status, out, _ = cli("report", str(path), "--format", "json")
    data = json.loads(out)
    assert data["overall"]["status"] == "amber" and data["overall"]["score"] == 100.0
    assert data["critical_disputed"] == ["2.1"] and data["disputed"][0]["id"] == "2.1"
    status, out, _ = cli("report", str(path), "--lang", "en")
    assert "**AMBER** (disputed)" in out and out.index("Critical norm disputed: 2.1.") < out.index("## Summary")
    assert "## Disputed norms (1)" in out
    status, out, _ = cli("check", str(path))
    assert status == 1 and "disputed-left: 2.1 is nog betwist" in out


def test_two_dates_of_one_service_count_once_with_a_trend(cli, tmp_path: Path) -> None:
    files = {"2025/zuid.yaml": service("Zuid", "2025-11-01", {"1.1": "not_met", "1.2": "partial"}),
             "2026/zuid.yaml": service("  zuid ", "2026-11-01", {"1.1": "partial"}),
             "2026/noord.yaml": service("Noord", "2026-11-01")}
    status, data, md, err = batch(cli, tmp_path, files, "--lang", "en")
    assert (status, err) == (0, "")
    names = [(s["name"], s["file"].rsplit("in/", 1)[1], s["date"]) for s in data["services"]]
    assert names == [("Noord", "2026/noord.yaml", "2026-11-01"), ("  zuid ", "2026/zuid.yaml", "2026-11-01")]
    zuid = data["services"][1]
    # 2025: 62 norms, 60 met + 1 partial + 1 not met = 60.5 / 62 = 97.6; 2026: 61.5 / 62 = 99.2 -> +1.6
    # P1 2025: 8.5 / 10 = 85.0; 2026: 9.5 / 10 = 95.0 -> +10.0
    assert zuid["trend"]["overall"] == 1.6 and zuid["trend"]["principles"]["1"] == 10.0
    assert zuid["trend"]["principles"]["2"] == 0.0 and zuid["trend"]["previous_date"] == "2025-11-01"
    assert [e.rsplit("in/", 1)[1] for e in zuid["earlier"]] == ["2025/zuid.yaml"]
    assert zuid["kind"] is None and zuid["location"] == "Zwolle" and zuid["assessors"] == []
    assert data["summary"]["processed"] == 2 and data["summary"]["not_counted"] == 1
    assert [n["reason"] for n in data["not_counted"]] == ["earlier"]
    assert "## Re-audits" in md and "| ↑ +1.6 |" in md.replace("  ", " ").replace("  ", " ")
    assert data["norms_not_met"] == []  # the 2025 not met no longer counts


def test_same_name_in_another_town_is_another_service(cli, tmp_path: Path) -> None:
    files = {"a.yaml": service("De Brug", "2025-01-01"), "b.yaml": service("De Brug", "2026-01-01", location="Ede")}
    _, data, _, _ = batch(cli, tmp_path, files)
    assert len(data["services"]) == 2 and data["not_counted"] == []


def test_a_consensus_beside_its_inputs_counts_once(cli, tmp_path: Path) -> None:
    a = service("De Brug", "2026-10-01", {"1.1": "partial"})
    b = service("De Brug", "2026-10-01", {"1.1": "not_met"})
    sha = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in (a, b)]
    merged = "merged_from:\n" + "".join(f"  - {{file: {n}, sha256: {s}}}\n" for n, s in zip("ab", sha, strict=True))
    consensus = service("De Brug", "2026-10-01", {"1.1": "partial"}, extra=merged)
    status, data, _, _ = batch(cli, tmp_path, {"a.yaml": a, "b.yaml": b, "z-consensus.yaml": consensus})
    assert status == 0 and len(data["services"]) == 1
    assert data["services"][0]["file"].endswith("z-consensus.yaml") and data["services"][0]["trend"] is None
    assert sorted(n["reason"] for n in data["not_counted"]) == ["consensus-input", "consensus-input"]


def test_the_portfolio_follows_the_files_language(cli, tmp_path: Path) -> None:
    files = {"a.yaml": service("A", "2026-01-01"), "b.yaml": service("B", "2026-01-01")}
    _, _, md, _ = batch(cli, tmp_path, files)
    assert md.startswith("# Portfolio-overzicht")
    english = service("C", "2026-01-01").replace("language: nl", "language: en")
    _, _, md, _ = batch(cli, tmp_path / "2", {**files, "c.yaml": english}, "--lang", "en")
    assert md.startswith("# Portfolio overview")


def test_batch_fail_on_critical(cli, tmp_path: Path) -> None:
    files = {"a.yaml": service("A", "2026-01-01", {"2.2": "{result: partial, evidence: e}"}),
             "b.yaml": service("B", "2026-01-01")}
    status, _, _, err = batch(cli, tmp_path, files, "--fail-on-critical")
    assert status == 1 and "a.yaml: critical norm not fully met or disputed: 2.2" in err
    status, _, _, _ = batch(cli, tmp_path / "2", {"b.yaml": files["b.yaml"]}, "--fail-on-critical")
    assert status == 0


def test_fail_under_judges_only_the_counted_assessment(cli, tmp_path: Path) -> None:
    low = {f"1.{n}": "not_met" for n in range(1, 11)} | {f"2.{n}": "not_met" for n in (4, 6, 7)}
    files = {"2025.yaml": service("Zuid", "2025-01-01", low), "2026.yaml": service("Zuid", "2026-01-01")}
    status, _, _, err = batch(cli, tmp_path, files, "--fail-under", "90")
    assert (status, err) == (0, "")
