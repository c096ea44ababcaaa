"""The audit says beside an answer what `assess check` would say of it (met without evidence, a gap without an
action, an overdue action...), in the user's language, and stops saying it once the answer is mended."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assess.model.assessment import Action, Answer
from assess.tui.components.norm_pane import NormPane
from tests.test_tui_support import SIZE, open_app, run, settle, type_text, write_assessment


def pane_text(app: object) -> str:
    return " ".join(" ".join(app.screen.query_one(NormPane).shown_lines).split())  # type: ignore[attr-defined]


def test_findings_of_the_norm_are_shown_and_go_when_mended(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {
        "1.1": Answer("partial", action=Action("Rooster", "J. Jansen", dt.date(2020, 1, 1))),
    })

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("k")  # it opens on 1.2, the first not assessed
            await pilot.pause()
            assert "Controle: de actie bij 1.1 is over tijd (uiterlijk 2020-01-01" in pane_text(app)
            await pilot.press("j", "m")  # 1.2 met, without evidence
            await settle(app, pilot)
            await pilot.press("k")
            await pilot.pause()
            assert "Controle: 1.2 is voldaan zonder bewijs" in pane_text(app)
            await pilot.press("e")
            await type_text(pilot, "Protocol 2026")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert "1.2" in pane_text(app) and "Controle" not in pane_text(app), "mended: nothing to say"
            await pilot.press("j", "n")  # 1.3 not met, no action
            await settle(app, pilot)
            await pilot.press("k")
            await pilot.pause()
            assert "Controle: 1.3 is niet voldaan zonder verbeteractie" in pane_text(app)
            app.lang = "en"
            await pilot.pause()
            assert "Check: 1.3 is not met without an improvement action" in pane_text(app)

    run(play())


def test_a_reason_missing_for_not_applicable_is_said_once(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("na")})

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k")
            await pilot.pause()
            text = pane_text(app)
            assert "Not applicable: add a note saying why" in text
            assert "Check:" not in text, "the pane's own line says it; the finding is not repeated"

    run(play())


def test_the_check_filter_walks_only_the_norms_the_check_flags(tmp_path: Path) -> None:
    from assess.analysis.lint import findings
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog
    from assess.tui.components.title_bar import TitleBar
    from assess.tui.session import Filter
    from tests.test_tui_support import text

    path = write_assessment(tmp_path / "a.yaml", {
        "1.1": Answer("met", ("Protocol",)), "1.2": Answer("met"), "1.3": Answer("na"),
        "1.4": Answer("not_met", action=Action("Bellen", "J. Jansen", dt.date(2027, 1, 1))),
        "2.1": Answer("partial"),
    })
    catalog = load_catalog()
    flagged = sorted({f.norm for f in findings(assessment_file.load(str(path), catalog).assessment, catalog)},
                     key=[n.id for n in catalog.principle_norms].index)
    assert flagged == ["1.2", "1.3", "2.1"]

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f", "5")
            await pilot.pause()
            assert app.norm_filter == Filter("findings")
            assert "filter: controle" in text(app.screen.query_one(TitleBar))
            assert app.walk().kept == set(flagged)
            assert app.screen.current == "2.1", "the nearest flagged norm after where the audit was (1.5)"
            seen = [app.screen.current]
            for _ in range(3):
                await pilot.press("k")
                seen.append(app.screen.current)
            assert seen == ["2.1", "1.3", "1.2", "1.2"], "moving stays within the filter"
            await pilot.press("e")
            await type_text(pilot, "Rondgang")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert "1.2" not in app.walk().kept, "mended: out of the filter"

    run(play())
