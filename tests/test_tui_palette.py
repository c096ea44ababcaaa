"""The command palette (ctrl+p): a norm by its number or words of its text, from the audit or the summary."""

from __future__ import annotations

from pathlib import Path

from assess.catalog import load_catalog
from assess.tui.components.summary_screen import SummaryScreen
from assess.tui.palette import find
from assess.tui.session import Filter
from tests.test_tui_support import SIZE, current, open_app, run, type_text, write_assessment


def test_find_by_id_prefix_then_by_words() -> None:
    norms = load_catalog().items_for(("outreach", "outpatient"))
    assert find(norms, "4.7", "nl")[0].norm.id == "4.7"
    assert find(norms, "outreach.3", "en")[0].norm.id == "outreach.3"
    hits = find(norms, "naloxon", "nl")
    assert hits and all("nalox" in (h.norm.text.nl + h.norm.text.en).lower() for h in hits)
    assert find(norms, "", "nl") == [] and find(norms, "qqqzzz", "nl") == []
    assert [f.norm.id for f in find(norms, "rooster weekend", "nl", {"2.3": "Rooster voor het weekend"})] == ["2.3"]


def test_the_palette_goes_to_4_7_and_to_a_norm_about_naloxone(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outpatient",))
    catalog = load_catalog()

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await type_text(pilot, "4.7")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert current(app) == "4.7"
            app.norm_filter = Filter("gaps")  # hides every norm (nothing assessed): the palette drops it
            await pilot.press("s")
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("ctrl+p")
            await type_text(pilot, "naloxon")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, SummaryScreen), "from the summary too"
            assert "nalox" in (catalog.item(current(app)).text.nl + catalog.item(current(app)).text.en).lower()
            assert app.norm_filter == Filter()

    run(play())
