"""The edit form names an evidence item's kind of source at the start of its line, and reads one typed there:
what `assess check` asks of a critical norm (two kinds of source) can be done in the audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import TextArea

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Answer, Evidence
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.norm_pane import NormPane
from assess.tui.evidence_lines import evidence_items, evidence_line
from tests.test_tui_support import open_app, run, settle, type_text, write_assessment

SOURCES = load_catalog().evidence_sources
INTERVIEW = Evidence("Gesprek teamleider", "staff-interview", dt.date(2026, 9, 1), "verslag 12")


def test_lines_show_the_source_and_read_back_into_the_same_items() -> None:
    before = (INTERVIEW, Evidence("Protocol 2026"), Evidence("observatie: zo stond het er"))
    lines = [evidence_line(item, SOURCES, "nl") for item in before]
    assert lines == ["interview medewerker: Gesprek teamleider", "Protocol 2026", "observatie: zo stond het er"]
    assert evidence_items("\n".join(lines), before, SOURCES, "nl") == before, "lines left as shown: the same items"
    assert evidence_items("\n".join(lines), before, SOURCES, "en") == before, \
        "read after a change of language: the Dutch label still names the source, the plain item stays plain"
    assert evidence_items("observatie: zo stond het er\nobservatie: nieuw", before, SOURCES, "nl") == (
        before[2], Evidence("nieuw", "observation")), "only a line typed anew is read for a source"


def test_a_source_typed_at_the_start_of_a_line_is_read_by_id_or_label_in_any_case() -> None:
    text = ("Observation: rondgang\n  DOSSIERONDERZOEK : 10 dossiers \nservice-user-interview: 3 cliënten\n"
            "anders:\nWaarom: zo\n\nstaff interview: Gesprek teamleider")
    assert evidence_items(text, (INTERVIEW,), SOURCES, "nl") == (
        Evidence("rondgang", "observation"), Evidence("10 dossiers", "record-sample"),
        Evidence("3 cliënten", "service-user-interview"), Evidence("anders:"), Evidence("Waarom: zo"),
        INTERVIEW,  # its text and source as before (typed in English): its date and reference stay
    )
    changed = evidence_items("observatie: Gesprek teamleider", (INTERVIEW,), SOURCES, "nl")
    assert changed == (Evidence("Gesprek teamleider", "observation", dt.date(2026, 9, 1), "verslag 12"),)
    assert evidence_items("Gesprek teamleider", (INTERVIEW,), SOURCES, "nl") == (
        Evidence("Gesprek teamleider", None, dt.date(2026, 9, 1), "verslag 12"),), "the source taken off"


def test_a_second_kind_of_source_typed_in_the_form_answers_the_check(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"2.1": Answer("met", (INTERVIEW,)), "1.1": Answer("met")})

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(100, 40)) as pilot:
            app.screen.current = "2.1"  # a critical norm
            await pilot.pause()
            pane = " ".join(" ".join(app.screen.query_one(NormPane).shown_lines).split())
            assert "Controle: kritieke norm 2.1 is voldaan op 1 soort(en) bron; zet in het formulier (e) een " \
                   "tweede soort vóór een bewijsregel, zoals observatie: …" in pane
            await pilot.press("e")
            assert isinstance(app.screen, EditScreen)
            area = app.screen.query_one("#evidence", TextArea)
            assert area.text == "interview medewerker: Gesprek teamleider"
            area.move_cursor(area.document.end)
            await pilot.press("enter")
            await type_text(pilot, "observatie: rondgang 12 mei")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen)
            pane = " ".join(" ".join(app.screen.query_one(NormPane).shown_lines).split())
            assert "Controle" not in pane
            assert "– interview medewerker: Gesprek teamleider – observatie: rondgang 12 mei" in pane, \
                "the pane names each item's kind of source as the form does"

    run(play())
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("2.1")
    assert answer.evidence == (INTERVIEW, Evidence("rondgang 12 mei", "observation"))


def test_lines_shown_alike_each_give_back_their_own_item() -> None:
    """Two items the form shows as the same line (the same text and source with another date or reference, or a
    plain text that reads like a typed one) come back as they were, each once: none takes the other's place."""
    first = Evidence("Rondgang", "observation", dt.date(2026, 5, 12), "foto 1")
    second = Evidence("Rondgang", "observation", dt.date(2026, 6, 2), "foto 2")
    plain_alike = Evidence("observatie: Rondgang")
    for before in ((first, second), (plain_alike, first), (first, plain_alike), (first, second, Evidence("Protocol"))):
        lines = [evidence_line(item, SOURCES, "nl") for item in before]
        assert evidence_items("\n".join(lines), before, SOURCES, "nl") == before, before
        edited = "\n".join([*lines[:-1], lines[-1] + " (bijgewerkt)"])  # another line changed: these stay
        assert evidence_items(edited, before, SOURCES, "nl")[:-1] == before[:-1], before


def test_a_field_left_as_it_was_gives_back_the_items_exactly() -> None:
    """Items a line cannot show one by one (a text with a line break, spaces around it, an empty text of a
    source) are kept as they are when the evidence field is not touched."""
    before = (Evidence("regel een\nregel twee"), Evidence("  ingesprongen "), Evidence("", "document"),
              INTERVIEW)
    text = "\n".join(evidence_line(item, SOURCES, "nl") for item in before)
    assert evidence_items(text, before, SOURCES, "nl") == before


def test_a_copied_line_with_another_source_does_not_take_the_date_of_the_line_it_was_copied_from() -> None:
    text = "interview medewerker: Gesprek teamleider\nobservatie: Gesprek teamleider"
    assert evidence_items(text, (INTERVIEW,), SOURCES, "nl") == (
        INTERVIEW, Evidence("Gesprek teamleider", "observation"))
