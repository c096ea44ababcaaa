"""The Markdown table writer against tabulate itself (the oracle): byte for byte on random tables."""

from __future__ import annotations

import random

import pytest
import tabulate as tabulate_module

from assess.files.spool import Spool, SpoolTape
from assess.render.markdown_table import table, table_lines

WORDS = ["", " ", "a", "–", "…", "↑", "↓", "⚠", "⚠️", "ë", "Heroïne", "e\u0301", "漢字", "ｗｉｄｅ", "\u00a0x\u00a0",
         "  padded  ", "62.5", "1,000", "-3", "1e5", "True", "False", "None", "nan", "0x1F", "72,5 AMBER",
         "[De Overloop](de-overloop.md) · Dordrecht", r"a\|b", "x<br>y", "█████░░░░░", "·" * 20, "x" * 31]
SPECIAL = ["a\nb", "\x1b[31mred\x1b[0m", "\x01", "c\r"]


def oracle(headers: list[str], rows: list[list[str]], align: list[str]) -> str:
    return tabulate_module.tabulate(rows, headers=headers, tablefmt="pipe", disable_numparse=True, colalign=align)


@pytest.fixture(autouse=True)
def _code_points(monkeypatch: pytest.MonkeyPatch) -> None:
    """tabulate measures with wcwidth when it is installed; the reports count code points, as the locked
    install (without wcwidth) does."""
    monkeypatch.setattr(tabulate_module, "WIDE_CHARS_MODE", False)


@pytest.mark.parametrize("seed", range(4))
def test_random_tables_are_tabulates_pipe_format(seed: int) -> None:
    rng = random.Random(seed)
    tape = SpoolTape(Spool())  # one tape for table after table, as portfolio.md uses it
    for _ in range(500):
        width = rng.randint(1, 6)
        headers = [rng.choice(WORDS) for _ in range(width)]
        rows = [[rng.choice(WORDS) for _ in range(width)] for _ in range(rng.randint(0, 6))]
        align = [rng.choice(["left", "right", "center"]) for _ in range(width)]
        expected = oracle(headers, rows, align)
        assert table(headers, rows, align) == expected, (headers, rows, align)
        assert "\n".join(table_lines(headers, lambda rows=rows: iter(rows), align)) == expected
        assert "\n".join(table_lines(headers, lambda rows=rows: iter(rows), align, tape)) == expected
        if align == ["left"] * width:
            assert table(headers, rows) == expected


def test_tables_tabulate_writes_itself_are_still_its_own() -> None:
    """Line breaks, ANSI codes, the separating-line mark and ragged rows take tabulate's own path."""
    rng = random.Random(9)
    for _ in range(200):
        width = rng.randint(1, 4)
        headers = [rng.choice(WORDS + SPECIAL) for _ in range(width)]
        rows = [[rng.choice(WORDS + SPECIAL) for _ in range(width)] for _ in range(rng.randint(1, 4))]
        align = [rng.choice(["left", "right"]) for _ in range(width)]
        expected = oracle(headers, rows, align)
        assert table(headers, rows, align) == expected
        assert "\n".join(table_lines(headers, lambda rows=rows: iter(rows), align)) == expected
        assert "\n".join(table_lines(headers, lambda rows=rows: iter(rows), align, SpoolTape(Spool()))) == expected
    ragged = [["a", "b"], ["c"]]
    assert table(["x", "y"], ragged) == oracle(["x", "y"], ragged, ["left", "left"])


def test_with_a_tape_the_rows_are_made_once_and_read_back_in_order() -> None:
    made = []

    def rows() -> list[list[str]]:
        made.append(1)
        return [[f"service {k}", "ë" * (k % 7), "|".join("x" * k)] for k in range(1000)]

    tape = SpoolTape(Spool())
    with_tape = list(table_lines(["a", "b", "c"], rows, ["left", "right", "center"], tape))
    assert len(made) == 1 and tape.whole
    assert with_tape == list(table_lines(["a", "b", "c"], rows, ["left", "right", "center"]))
    assert list(tape) == rows()


def test_a_tape_holds_a_small_table_in_memory_and_spills_a_large_one_to_the_spool() -> None:
    spool = Spool()
    tape = SpoolTape(spool)
    tape.IN_MEMORY, tape.BATCH = 10, 4  # type: ignore[misc]  # small, to cross both limits with a few rows

    def stored() -> int:
        return int(spool.one("SELECT COUNT(*) FROM scratch.tape")[0])

    for count in (1003, 7, 10, 11, 0, 25):
        rows = [[f"row {k}", "ë" * (k % 5)] for k in range(count)]
        assert list(tape.keep(iter(rows))) == rows and tape.whole
        assert list(tape) == rows
        assert stored() == (count if count > 10 else 0)  # held in a list up to IN_MEMORY rows, else all spooled
    assert list(table_lines(["a", "b"], lambda: iter(rows), ["left", "right"], tape)) == \
        list(table_lines(["a", "b"], lambda: iter(rows), ["left", "right"]))


def test_a_tape_left_part_read_is_not_whole_and_the_next_table_starts_it_afresh() -> None:
    tape = SpoolTape(Spool())
    kept = tape.keep([["1"], ["2"], ["3"]])
    assert next(kept) == ["1"] and not tape.whole
    assert list(tape.keep([["x", "y"]])) == [["x", "y"]] and tape.whole
    assert list(tape) == [["x", "y"]]
    # a table whose widths pass stops early (a row of another length) is made again for tabulate
    assert "\n".join(table_lines(["a"], lambda: iter([["1"], ["2", "3"]]), ["left"], tape)) == \
        oracle(["a"], [["1"], ["2", "3"]], ["left"])


def test_reports_do_not_import_tabulate() -> None:
    import subprocess
    import sys

    code = ("import sys; from assess.render.markdown_table import table; "
            "table(['a', 'b'], [['ë', '⚠']], ['left', 'right']); print('tabulate' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_md_escape_fast_path_changes_nothing_it_would_have_changed() -> None:
    """md_escape returns plain text as it is after one scan; on everything else it escapes as before."""
    from assess.render import text
    from assess.terminal_text import visible

    def two_step(value: str) -> str:
        escaped = text._MD_SPECIAL.sub(r"\\\1", value.replace("\r\n", "\n").replace("\r", "\n"))
        return visible(escaped).replace("\n", "<br>")

    invisible = [chr(c) for c in range(0x2000, 0x2070)] + ["\u061c", "\ufeff", "\ufeff"[:0] + "\u00ad"]
    invisible += ["\x1b", "\x9b", "\x7f", "\x00", "\x07", "\ud800"]  # controls and a lone surrogate
    chars = [*"ab ë…↑⚠漢\\`*_[]<>|#~\r\n\t-+1.", *invisible]
    rng = random.Random(11)
    for _ in range(20_000):
        value = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        assert text.md_escape(value) == two_step(value), repr(value)


def _norms_tables() -> list[tuple[list[str], list[list[str]]]]:
    """Every terminal table `assess norms` prints: both languages, each principle and setting, each scope."""
    from assess.files.catalog_file import load_catalog
    from assess.i18n import t

    catalog = load_catalog()
    tables = []
    for lang in ("nl", "en"):
        norms = catalog.principle_norms
        groups = [list(norms), *([n for n in norms if n.section == p.id] for p in catalog.principles),
                  *([catalog.item(i) for i in s.norm_ids] for s in catalog.settings.values())]
        for items in groups:
            for scope in (None, "service", "system", "both"):
                chosen = [n for n in items if scope is None or n.scope == scope]
                headers = [t("col.norm", lang), t("col.scope", lang), t("col.critical", lang), t("col.text", lang)]
                tables.append((headers, [[n.id, t(f"scope.{n.scope}", lang), "⚠" if n.critical else "",
                                          n.text[lang]] for n in chosen]))
    return tables


def simple_oracle(headers: list[str], rows: list[list[str]], wrap: list[int | None]) -> str:
    return tabulate_module.tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                                    maxcolwidths=wrap)


def test_every_norms_table_is_tabulates_simple_format() -> None:
    from assess.render.markdown_table import simple_table

    for headers, rows in _norms_tables():
        wrap: list[int | None] = [None, None, None, 72]
        assert simple_table(headers, rows, wrap) == simple_oracle(headers, rows, wrap)


def test_random_wrapped_tables_are_tabulates_simple_format() -> None:
    from assess.render.markdown_table import simple_table

    rng = random.Random(21)
    words = [*WORDS, "zelf-evaluatie", "lang-" * 20, "x" * 90, "a b", "  ", "end.", "(één)", "—", "True", "1.10",
             *SPECIAL]
    for _ in range(400):
        width = rng.randint(1, 4)
        headers = [rng.choice(WORDS) for _ in range(width)]
        rows = [[" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))) for _ in range(width)]
                for _ in range(rng.randint(0, 4))]
        wrap = [rng.choice([None, 10, 30, 72]) for _ in range(width)]
        try:
            expected = simple_oracle(headers, rows, wrap)
        except ValueError:  # tabulate's wrapper fails on some cells ("1,000" alone); ours writes them
            continue
        assert simple_table(headers, rows, wrap) == expected, (headers, rows, wrap)
