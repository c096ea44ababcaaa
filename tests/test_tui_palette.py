"""The command palette (ctrl+p): a norm by its number or words of its text, from the audit or the summary."""

from __future__ import annotations

from pathlib import Path

from assess.files.catalog_file import load_catalog
from assess.tui.components.summary_screen import SummaryScreen
from assess.tui.palette import find
from assess.tui.session import Filter
from tests.test_tui_support import SIZE, current, open_app, run, type_text, write_assessment


def with_palette(tmp_path: Path, steps) -> None:
    """The audit of a new file (outpatient chosen), in Dutch: ``ctrl+p``, then ``await steps(app, pilot)``."""
    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outpatient",))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await steps(app, pilot)

    run(play())


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


def test_history_without_textual() -> None:
    from assess.model.assessment import Answer
    from assess.tui.history import Change, History

    history = History()
    assert history.undo() is None and history.redo() is None
    history.record(Change("1.1", Answer(), Answer("met")))
    history.record(Change("1.2", Answer(), Answer("na")))
    assert history.undo() == Change("1.2", Answer(), Answer("na"))
    history.record(Change("1.3", Answer(), Answer("met")))
    assert history.redo() is None, "a new change ends what could be redone"


def test_undo_restores_a_cleared_answer_and_redo_clears_it_again_on_disk(tmp_path: Path) -> None:
    from assess.files import assessment_file
    from assess.model.assessment import Answer
    from tests.test_tui_support import settle

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met", ("Rooster",)), "1.2": Answer("partial")})

    def on_disk(norm_id: str) -> Answer:
        return assessment_file.load(str(path), load_catalog()).assessment.answer(norm_id)

    async def play() -> None:
        app = open_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("k", "k", "u")  # 1.1: clear the result
            await settle(app, pilot)
            assert on_disk("1.1") == Answer(None, ("Rooster",))
            await pilot.press("j", "n")  # 1.2 not met, then on to 1.3
            await settle(app, pilot)
            await pilot.press("ctrl+z")
            await settle(app, pilot)
            assert current(app) == "1.2" and on_disk("1.2") == Answer("partial")
            await pilot.press("ctrl+z")
            await settle(app, pilot)
            assert current(app) == "1.1" and on_disk("1.1") == Answer("met", ("Rooster",)), "the cleared answer is back"
            await pilot.press("ctrl+y")
            await settle(app, pilot)
            assert on_disk("1.1") == Answer(None, ("Rooster",))
            await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # more than there is: said, nothing else
            await settle(app, pilot)
            assert on_disk("1.1") == Answer("met", ("Rooster",)) and on_disk("1.2") == Answer("partial")

    run(play())


def test_hits_list_the_screens_then_norms_by_number_screens_and_norms_by_words() -> None:
    from assess.model.assessment import Assessment, Service
    from assess.tui.palette import COMMANDS, hits

    catalog = load_catalog()
    assessment = Assessment(catalog.id, Service("De Overloop"), settings=("outreach",))
    assert [(h.kind, h.target) for h in hits(catalog, assessment, "  ", "nl")] == [("command", c) for c in COMMANDS]
    assert hits(catalog, assessment, "", "en")[0].text == "Summary: scores and gaps"
    by_number = hits(catalog, assessment, "4.1", "nl")
    assert [h.target for h in by_number[:2]] == ["4.1", "4.10"] and by_number[0].help == "Beginsel 4"
    # "tabel" is in the name of a screen and in norms' text: the screen comes before the norms found by words
    table = hits(catalog, assessment, "tabel", "nl")
    assert table[0] == hits(catalog, assessment, "", "nl")[1] and all(h.kind == "norm" for h in table[1:])
    assert not any(h.target.startswith("outpatient.") for h in hits(catalog, assessment, "nalox", "nl")), \
        "only the chosen settings' items"


def test_the_kept_palette_opens_empty_in_the_current_language_and_moves_with_the_arrows(tmp_path: Path) -> None:
    from textual.widgets import Input, OptionList

    from assess.tui.components.palette_screen import PaletteScreen

    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outpatient",))

    def listed(app) -> list[str]:
        return [str(option.prompt).split("\n")[0] for option in app.screen.query_one(OptionList).options]

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            palette = app.screen
            assert isinstance(palette, PaletteScreen)
            assert palette.query_one(Input).placeholder.startswith("Nummer of woorden")
            assert listed(app)[0] == "Overzicht: scores en tekortkomingen"
            await type_text(pilot, "qqqzzz")
            assert listed(app) == ["Niets gevonden"]
            await pilot.press("enter")
            assert app.screen is palette, "nothing to go to: the palette stays"
            await pilot.press("escape")
            await pilot.press("l", "ctrl+p")  # English now: the English palette, kept from now on
            english = app.screen
            assert isinstance(english, PaletteScreen) and english is not palette
            assert english.query_one(Input).placeholder.startswith("A norm's number")
            assert listed(app)[0] == "Summary: scores and gaps"
            await type_text(pilot, "zzz")
            await pilot.press("escape", "l", "ctrl+p")  # Dutch again: the Dutch palette as it was made, emptied
            assert app.screen is palette and palette.query_one(Input).value == ""
            assert listed(app)[0] == "Overzicht: scores en tekortkomingen"
            await pilot.press("escape", "l", "ctrl+p")
            assert app.screen is english and english.query_one(Input).value == ""
            await type_text(pilot, "4.1")
            assert listed(app)[0].startswith("4.1  ") and listed(app)[1].startswith("4.10  ")
            await pilot.press("down", "down", "up")
            assert english.query_one(OptionList).highlighted == 1
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is not english and current(app) == "4.10"

    run(play())


def test_a_click_on_a_hit_goes_there(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    async def steps(app, pilot) -> None:
        await type_text(pilot, "3.1")
        assert await pilot.click(app.screen.query_one(OptionList), offset=(2, 0))
        await pilot.pause()
        assert current(app) == "3.1"

    with_palette(tmp_path, steps)


def test_pasted_control_characters_are_shown_escaped_and_a_click_beside_the_palette_closes_it(tmp_path: Path) -> None:
    from textual.widgets import Input

    from assess.tui.components.palette_screen import PaletteScreen
    from tests.test_tui_support import terminal_output

    async def steps(app, pilot) -> None:
        field = app.screen.query_one(Input)
        field.insert_text_at_cursor("4.7\x1b]0;pwned\x07")
        await pilot.pause()
        assert field.value == "4.7\\x1b]0;pwned\\x07"
        assert "\x1b]0;" not in terminal_output(app) and "\x07" not in terminal_output(app)
        await pilot.click(offset=(1, SIZE[1] - 2))  # below the palette: on the dimmed audit
        await pilot.pause()
        assert not isinstance(app.screen, PaletteScreen)
        assert current(app) != "4.7", "closed, not gone to a norm"

    with_palette(tmp_path, steps)


def test_the_palette_reopens_on_its_first_line_though_the_last_open_moved_down_the_screens(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    from assess.tui.components.summary_screen import SummaryScreen

    async def steps(app, pilot) -> None:
        await pilot.press("down", "down", "down", "escape")
        await pilot.press("ctrl+p")
        assert app.screen.query_one(OptionList).highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen), "enter at once: the first line (the summary)"

    with_palette(tmp_path, steps)


def test_typing_goes_on_after_the_escaped_control_characters(tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import Input

    async def steps(app, pilot) -> None:
        field = app.screen.query_one(Input)
        app.post_message(events.Paste("4.\x1b7"))
        await pilot.pause()
        await type_text(pilot, "x")
        assert field.value == "4.\\x1b7x"

    with_palette(tmp_path, steps)


def test_tab_leaves_the_focus_in_the_field(tmp_path: Path) -> None:
    from textual.widgets import Input

    async def steps(app, pilot) -> None:
        await type_text(pilot, "4.")
        await pilot.press("tab")
        await type_text(pilot, "7")
        assert app.screen.query_one(Input).value == "4.7", "nothing typed is lost in the list"
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) == "4.7"

    with_palette(tmp_path, steps)


def test_keys_typed_at_once_after_ctrl_p_or_e_go_to_what_they_opened_and_score_nothing(tmp_path: Path) -> None:
    """A paste or a fast typist: the keys after ctrl+p (or e) reach the palette (the form), not the audit."""
    from textual import events

    from assess.files import assessment_file
    from assess.tui.components.edit_screen import EditScreen
    from tests.test_tui_support import settle, until

    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outreach",))

    def burst(app, *keys: str) -> None:
        for key in keys:
            app.post_message(events.Key(key, {"full_stop": "."}.get(key, key if len(key) == 1 else None)))

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "ctrl+p", "4", "full_stop", "7", "enter")
            await until(pilot, lambda: current(app) == "4.7")
            assert current(app) == "4.7"
            burst(app, "ctrl+p", "m", "a", "n", "escape")  # "man": no norm scored, no reason asked
            await pilot.pause(0.2)
            burst(app, "e", "m", "a", "n")
            await until(pilot, lambda: isinstance(app.screen, EditScreen)
                        and "man" in app.screen.field_values()["evidence"])
            assert app.screen.field_values()["evidence"] == "man"
            await pilot.press("escape", "escape")
            await settle(app, pilot)
            assert assessment_file.load(str(path), load_catalog()).assessment.answers == {}, "nothing scored"

    run(play())


def test_a_screen_chosen_in_the_palette_opens_from_the_summary_and_the_table_too(tmp_path: Path) -> None:
    from assess.tui.components.answers_screen import AnswersScreen
    from assess.tui.components.audit_screen import AuditScreen
    from assess.tui.components.filter_screen import FilterScreen

    path = write_assessment(tmp_path / "a.yaml", {}, settings=("outpatient",))

    def stack(app) -> list[type]:
        return [type(screen) for screen in app.screen_stack]

    async def choose(pilot, words: str) -> None:
        await pilot.press("ctrl+p")
        await type_text(pilot, words)
        await pilot.press("enter")
        await pilot.pause(0.2)

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await choose(pilot, "alle antwoorden")  # the summary closes, the table opens over the audit
            assert stack(app) == [AuditScreen, AnswersScreen]
            await choose(pilot, "alle antwoorden")  # already there: it stays as it is
            assert stack(app) == [AuditScreen, AnswersScreen]
            await choose(pilot, "filter kiezen")
            assert stack(app) == [AuditScreen, FilterScreen]
            await pilot.press("escape")
            await choose(pilot, "overzicht")
            assert stack(app) == [AuditScreen, SummaryScreen]
            await choose(pilot, "overzicht")
            assert stack(app) == [AuditScreen, SummaryScreen]

    run(play())
