"""CSV report: no formula can come alive in a spreadsheet, however the user text is built."""

from __future__ import annotations

import csv
import io
import re

import pytest

from assess.analysis.scoring import score
from assess.files.assessment_file import loads
from assess.model.catalog import Catalog
from assess.render import renderer
from assess.render.tables import csv_text as cell
from tests.conftest import assessment_text

LIVE = ("=", "+", "-", "@", "\t", "\r")


def live_formula_lines(csv_text: str) -> list[str]:
    """Every line start of every cell that a spreadsheet could read as a formula, and any NUL."""
    found = ["NUL"] if "\x00" in csv_text else []
    for row in csv.reader(io.StringIO(csv_text, newline="")):
        for value in row:
            found += [line for line in re.split(r"\r\n|\r|\n", value) if line.startswith(LIVE)]
    return found


def unquoted_breaks(csv_text: str) -> list[int]:
    """Positions of a CR, or an LF that is not the row end, outside quotes: where a spreadsheet starts a row."""
    positions, quoted = [], False
    for position, char in enumerate(csv_text):
        if char == '"':
            quoted = not quoted
        elif char == "\r" and not quoted:
            positions.append(position)
    return positions


@pytest.mark.parametrize("text", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "harmless\r=1+1", "ok\n=HYPERLINK(\"x\")", "ok\r\n+1",
    "\x00=1+1", "a\x00b", "x\n\n@y", "  =1",
])
def test_cell_guards_every_line_start(text: str) -> None:
    guarded = cell(text)
    assert "\x00" not in guarded
    assert not [line for line in re.split(r"\r\n|\r|\n", guarded) if line.startswith(LIVE)]
    assert guarded.replace("'", "") == text.replace("\x00", "").replace("'", "")  # nothing else changed


def _report(catalog: Catalog, note: str) -> str:
    escaped = note.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    loaded = loads(assessment_text(f'"1.1": {{result: not_met, note: "{escaped}", evidence: ["{escaped}"], '
                                   f'action: {{description: "{escaped}", owner: "{escaped}"}}}}'), "t.yaml", catalog)
    return renderer("csv")(score(loaded.assessment, catalog), "en")


@pytest.mark.parametrize("note", ["harmless\r=1+1", "\x00=1+1", "a\r\n=1", "x\n-2", "=cmd|' /C calc'!A0", "q\"\r@x"])
def test_a_bare_cr_is_quoted_and_no_line_is_a_formula(catalog: Catalog, note: str) -> None:
    text = _report(catalog, note)
    assert unquoted_breaks(text) == []
    assert live_formula_lines(text) == []
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 1 + len(catalog.items_for(()))  # no row was split by a break inside a field


def test_csv_cells_are_what_the_checks_in_their_first_order_give_on_random_values() -> None:
    """csv_value tests a text first (most cells are text); it must give what it gave when a text was the
    last thing tried, for every kind, with and without excel_nl."""
    import datetime as dt
    import random

    from assess.render.tables import csv_text, csv_value

    def first_order(value: object, kind: str, excel_nl: bool) -> str:
        if value is None:
            return "not_assessed" if kind == "result" else ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, int | float):
            text = f"{value:.1f}" if isinstance(value, float) else str(value)
            return text.replace(".", ",") if excel_nl else text
        assert isinstance(value, str)
        if kind == "id" and excel_nl:
            return f'="{value}"'
        if kind == "text":
            return csv_text(value)
        return value

    rng = random.Random(18)
    pieces = ["1.10", "=SUM(A1)", "+31", "-", "@x", "\t", "a\nb", "x\r=y", "\x00", ";", ",", '"', "gewoon", "é"]
    for _ in range(5000):
        value = rng.choice([None, True, False, dt.date(2026, 12, 1), 3, 72.5, 0.05,
                            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))])
        kind = rng.choice(["text", "id", "result", "date", "bool", "number", "status", "scope"])
        for excel_nl in (False, True):
            assert csv_value(value, kind, excel_nl) == first_order(value, kind, excel_nl)  # type: ignore[arg-type]


def test_a_report_table_gives_each_row_its_own_cells_though_equal_values_share_one() -> None:
    """write_csv makes each different (value, kind) once per report: True, 1 and 1.0 are equal in Python
    and must still be three cells, as must one text in a text column and in an id column. The result is
    what the row-by-row writer of portfolio.csv gives, on random rows."""
    import datetime as dt
    import random

    from assess.render.tables import Column, stream_csv, write_csv

    columns = [Column("a", "number"), Column("b", "number"), Column("c", "text"), Column("d", "id"),
               Column("e", "result"), Column("f", "bool")]
    fixed = [[True, 1, "1.10", "1.10", None, True], [1, 1.0, "=1", "=1", "met", 1],
             [1.0, True, "1.10", "1.10", "met", False], [0, False, "", "", None, 0]]
    rng = random.Random(1)
    values = [None, True, False, 0, 1, 1.0, 0.0, 72.5, dt.date(2026, 12, 1), "1.10", "1.1", "=SUM(A1)", "a\nb", ""]
    rows = fixed + [[rng.choice(values) for _ in columns] for _ in range(400)]
    for excel_nl in (False, True):
        streamed = io.StringIO()
        stream_csv(columns, rows, streamed.write, excel_nl)
        made = write_csv(columns, rows, excel_nl)
        assert made == streamed.getvalue()
        lines = made.splitlines()
        if not excel_nl:
            assert lines[1:3] == ["yes,1,1.10,1.10,not_assessed,yes", "1,1.0,'=1,=1,met,1"]
        else:
            assert lines[3].split(";")[2:4] == ["1.10", '"=""1.10"""']


def test_values_that_are_equal_but_shown_apart_get_their_own_cells() -> None:
    """-0.0 == 0.0, and two aware datetimes of one instant are equal, yet each is its own cell (as the
    row-by-row writer makes it): the cache of write_csv must not hand one the other's cell."""
    import datetime as dt

    from assess.render.tables import Column, Value, stream_csv, write_csv

    columns = [Column("n", "number"), Column("d", "date")]
    cet = dt.timezone(dt.timedelta(hours=1))
    rows: list[list[Value]] = [[0.0, dt.datetime(2026, 1, 1, 10, tzinfo=dt.UTC)],
                               [-0.0, dt.datetime(2026, 1, 1, 11, tzinfo=cet)]]
    for excel_nl in (False, True):
        streamed = io.StringIO()
        stream_csv(columns, rows, streamed.write, excel_nl)
        assert write_csv(columns, rows, excel_nl) == streamed.getvalue()
    assert write_csv(columns, rows).splitlines()[1:] == ["0.0,2026-01-01T10:00:00+00:00",
                                                         "-0.0,2026-01-01T11:00:00+01:00"]
