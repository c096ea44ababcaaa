"""HTML documents (issue 16): report, diff and portfolio pages; structure, escaping, content, links."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from assess.analysis.compare import compare
from assess.analysis.portfolio import PortfolioBuilder, summarize
from assess.analysis.portfolio_views import distribution, groups
from assess.analysis.scoring import score
from assess.files.assessment_file import load
from assess.files.writer import dump
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.render import html_portfolio, html_report
from assess.render.html_diff import render as render_html
from tests.html_check import check

GOLDEN = Path(__file__).resolve().parent / "data" / "golden" / "inputs"
DASHED = re.compile(r"<polygon[^>]*stroke-dasharray")
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", '"><svg onload=alert(3)>', "&amp; <b>")


def hostile(catalog) -> Assessment:
    a, b, c, d = HOSTILE
    return Assessment(
        catalog.id, Service(d, a, b), checklist_version=catalog.version, assessors=(c,), date=dt.date(2026, 11, 2),
        language="en", settings=("outreach",),
        answers={"1.1": Answer("met"),
                 "2.3": Answer("not_met", (a, b), a, Action(b, c, dt.date(2027, 1, 1), "high")),
                 "3.1": Answer("partial", note=b), "1.2": Answer("na", note=c),
                 "outreach.2": Answer("not_met", note=d)})


@pytest.fixture
def demo(catalog):
    return score(load(str(GOLDEN / "demo.yaml"), catalog).assessment, catalog)


@pytest.fixture
def previous(catalog):
    return score(load(str(GOLDEN / "previous.yaml"), catalog).assessment, catalog)


def visible_text(page: str) -> str:
    return " ".join(check(page).text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_page_is_well_formed_and_self_contained(demo, previous, lang: str) -> None:
    for page in (html_report.render(demo, lang), html_report.render(demo, lang, previous)):
        report = check(page)
        assert report.problems == []
        assert report.tables >= 6
        assert f'<html lang="{lang}">' in page
        assert "<script" not in page and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "thead{display:table-header-group;}" in re.sub(r"\s+", "", page)


def test_report_summary_in_words_comes_first(demo) -> None:
    page = html_report.render(demo, "en")
    text = visible_text(page)
    summary = text[:text.index("The principles at a glance")]
    assert "De Overloop is RED: overall score 72.2, 98.4% of the norms assessed (61 of 62)." in summary
    urgent = [g.norm.id for g in demo.gaps[:3]]
    assert all(norm_id in summary for norm_id in urgent)
    first_action = demo.gaps[0].answer.action
    assert first_action is not None and first_action.description in summary
    # full norm texts, not the Markdown's shortened ones
    assert demo.gaps[-1].norm.text["en"] in text


def test_radar_has_a_text_alternative_and_the_previous_drawn_over_it(demo, previous) -> None:
    page = html_report.render(demo, "nl", previous)
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'role="img"' in svg and "aria-label=" in svg and "<title>" in svg
    assert len(DASHED.findall(svg)) == 1  # the previous assessment
    assert DASHED.findall(html_report.render(demo, "nl").split("</svg>")[0]) == []
    text = visible_text(page)
    for entry in demo.principles:  # the table of the chart's numbers
        assert f"{entry.section.label('nl')} {str(entry.score).replace('.', ',')}" in text
    assert "Trend" in text and "↑ +5,6" in text


def test_status_is_never_colour_alone(demo) -> None:
    page = html_report.render(demo, "en")
    for match in re.finditer(r'class="badge (st-\w+)">([^<]*)<', page):
        assert match.group(2).strip() in ("GREEN", "AMBER", "RED", "no score")


def test_user_text_is_escaped_everywhere(catalog) -> None:
    card = score(hostile(catalog), catalog)
    pages = [html_report.render(card, "en"), html_report.render(card, "nl", card),
             render_html(compare(hostile(catalog), hostile(catalog), catalog), "en")]
    builder = PortfolioBuilder(catalog, ("md", "html"))
    builder.add(summarize(0, "x.yaml", card), "x")
    pages.append(html_portfolio.render(builder.build(), catalog, "en", "location"))
    for page in pages:
        report = check(page)
        assert report.problems == []  # no script, no event handler, no img: they are text
        assert "<script>alert" not in page and "<img" not in page and "<svg onload" not in page
        assert "&amp;amp; &lt;b&gt;" in page  # the service's name, escaped once, exactly
    for page in pages[:2]:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in pages[3]  # the location, a group's title
    text = visible_text(pages[0])
    for value in HOSTILE:
        assert value in text  # shown as the characters typed


def test_diff_page(catalog) -> None:
    old = load(str(GOLDEN / "previous.yaml"), catalog).assessment
    new = load(str(GOLDEN / "demo.yaml"), catalog).assessment
    page = render_html(compare(old, new, catalog), "en")
    assert check(page).problems == []
    text = visible_text(page)
    assert "Comparison: De Overloop" in text and "Gaps closed" in text and "↑ +5.2" in text
    assert len(DASHED.findall(page)) == 1


def _portfolio(catalog, tmp_path: Path, group_by: str | None = None):
    builder = PortfolioBuilder(catalog, ("md", "html"))
    for index, (name, kind, where, result) in enumerate([("A", "inloop", "Zwolle", "met"),
                                                          ("B", "inloop", "Utrecht", "not_met"),
                                                          ("C", None, "zwolle", "partial"), ("D", None, None, None)]):
        answers = {n.id: Answer(result) for n in catalog.principle_norms} if result else {}
        a = Assessment(catalog.id, Service(name, kind, where), answers=answers)
        builder.add(summarize(index, f"{name}.yaml", score(a, catalog)), name.lower())
    data = builder.build()
    return data, html_portfolio.render(data, catalog, "en", group_by)


def test_portfolio_heat_map_has_the_status_word_in_every_cell(catalog, tmp_path: Path) -> None:
    data, page = _portfolio(catalog, tmp_path)
    assert check(page).problems == []
    cells = re.findall(r'<td class="num (st-\w+)"[^>]*>(.*?)</td>', page)
    assert len(cells) == 4 * 8  # 7 principles and the overall score per service
    for _css, content in cells:
        word = re.search(r'<span class="cell-status">([^<]+)</span>', content)
        assert word and word.group(1) in ("GREEN", "AMBER", "RED", "no score"), content
    assert "size: A4 landscape" in page
    assert [b.count for b in distribution(data).bands][-1] == 1 and distribution(data).no_score == 1


def test_portfolio_groups_by_location_case_folded(catalog, tmp_path: Path) -> None:
    data, page = _portfolio(catalog, tmp_path, "location")
    names = [(g.name, [e.summary.name for e in g.entries]) for g in groups(data, "location")]
    assert names == [("Utrecht", ["B"]), ("Zwolle", ["A", "C"]), (None, ["D"])]
    text = visible_text(page)
    assert text.index("Location: Utrecht") < text.index("Location: Zwolle") < text.index("Location: (not given)")
    _, by_kind = _portfolio(catalog, tmp_path, "kind")
    assert "Kind: inloop" in visible_text(by_kind)


def _golden_batch(cli, tmp_path: Path, *options: str) -> str:
    """A batch of the golden demo, its English twin and its earlier assessment into ``tmp_path/out`` (md and
    html, one process): its portfolio.html, checked to be well formed."""
    work = tmp_path / "in"
    shutil.copytree(GOLDEN, work)
    status, _, err = cli("batch", str(work / "demo.yaml"), str(work / "english.yaml"), str(work / "previous.yaml"),
                         "--out", str(tmp_path / "out"), "--format", "md,html", "--jobs", "1", *options)
    assert status == 0, err
    page = (tmp_path / "out" / "portfolio.html").read_text(encoding="utf-8")
    assert check(page).problems == []
    return page


def test_batch_html_links_work_from_the_folder(cli, tmp_path: Path) -> None:
    page = _golden_batch(cli, tmp_path, "--group-by", "kind")
    everything = re.findall(r'href="([^"]+)"', page)
    links = [link for link in everything if not link.startswith("#")]
    for anchor in {link[1:] for link in everything if link.startswith("#")}:
        assert f'id="{anchor}"' in page, f"#{anchor} goes somewhere on the page"
    # previous.yaml is an earlier assessment of De Overloop: it has its report but the portfolio counts the latest
    assert sorted(set(links)) == ["de-overloop.html", "het-anker.html"]
    assert (tmp_path / "out" / "de-overloop-2.html").is_file()
    for link in links:
        assert "/" not in link and (tmp_path / "out" / link).is_file()
        assert check((tmp_path / "out" / link).read_text(encoding="utf-8")).problems == []
    assert "portfolio.md" in {p.name for p in (tmp_path / "out").iterdir()}


def test_batch_html_portfolio_says_what_is_not_counted_the_trend_and_the_settings(cli, tmp_path: Path) -> None:
    """portfolio.html tells a board what portfolio.md tells: the earlier assessment not counted and why, the
    trend against it, and the settings scored apart, with the numbers of portfolio.json."""
    import json

    page = _golden_batch(cli, tmp_path, "--lang", "en")
    data = json.loads((tmp_path / "out" / "portfolio.json").read_text(encoding="utf-8"))
    text = " ".join(visible_text(page).split())
    gone = data["not_counted"]
    assert len(gone) == 1 and gone[0]["reason"] == "earlier"
    assert f"Not counted (re-assessed) {len(gone)} ( Re-audits )" in text
    assert f"{gone[0]['file']} {gone[0]['name']} {gone[0]['date']} earlier assessment {gone[0]['counted']}" in text
    overloop = next(s for s in data["services"] if s["trend"])
    trend = overloop["trend"]

    def change(value: float | None) -> str:
        return "–" if value is None else "=" if value == 0 else ("↑ +" if value > 0 else "↓ ") + f"{value:.1f}"

    row = " ".join([overloop["name"], "·", overloop["location"], trend["previous_date"], overloop["date"],
                    change(trend["overall"]), *(change(trend["principles"].get(p)) for p in map(str, range(1, 8)))])
    assert row in text, row
    heat = page[page.index('id="heatmap"'):page.index('id="reaudits"')]
    assert ">Trend</th>" in heat and f">{change(trend['overall'])}</td>" in heat
    settings = page[page.index('id="settings"'):page.index('id="norms"')]
    for service in data["services"]:
        for row in service["setting_scores"]:
            assert f">{row['id']} (" in settings
    assert "do not count towards the overall score" in text
    assert "`" not in text, "Markdown code marks are not shown in the page"
    critical = page[page.index('id="critical"'):page.index('id="not-processed"')]
    assert f"{overloop['name']}</a> · {overloop['location']}</th>" in critical, "a service with its place"


def test_cli_html_report_diff_and_refusals(cli, tmp_path: Path, catalog) -> None:
    out = tmp_path / "r.html"
    status, _, err = cli("report", str(GOLDEN / "demo.yaml"), "--format", "html", "--previous",
                         str(GOLDEN / "previous.yaml"), "-o", str(out))
    assert status == 0, err
    assert "stroke-dasharray" in out.read_text(encoding="utf-8")
    status, page, _ = cli("diff", str(GOLDEN / "previous.yaml"), str(GOLDEN / "demo.yaml"), "--format", "html")
    assert status == 0 and page.startswith("<!DOCTYPE html>")
    status, _, err = cli("report", str(GOLDEN / "demo.yaml"), "--format", "docx")
    assert status == 2 and "-o FILE.docx" in err
    status, _, err = cli("batch", str(GOLDEN / "demo.yaml"), str(GOLDEN / "english.yaml"), "--out",
                         str(tmp_path / "o"), "--group-by", "location", "--jobs", "1", "--lang", "nl")
    assert status == 0, err
    markdown = (tmp_path / "o" / "portfolio.md").read_text(encoding="utf-8")
    assert markdown.index("### Plaats: Dordrecht") < markdown.index("### Plaats: Zwolle")
    assert markdown.count("### Plaats: ") == 2 and markdown.count("[De Overloop](de-overloop.md)") >= 1


def test_a_hostile_file_through_the_cli(cli, tmp_path: Path, catalog) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(dump(dataclasses.replace(hostile(catalog)), catalog), encoding="utf-8")
    status, page, err = cli("report", str(path), "--format", "html")
    assert status == 0, err
    assert check(page).problems == [] and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_status_colours_have_enough_contrast(demo) -> None:
    """White text on each status colour: at least 4.5:1 (WCAG AA for normal text)."""
    page = html_report.render(demo, "en")
    found = dict(re.findall(r"\.(st-\w+) \{ background: (#[0-9a-f]{6}); color: #fff; \}", page))
    assert sorted(found) == ["st-amber", "st-green", "st-none", "st-red"]
    for colour in found.values():
        assert 1.05 / (_luminance(colour) + 0.05) >= 4.5, colour


def test_portfolio_of_failures_only(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("checklist: [<script>]\n", encoding="utf-8")
    status, _, _ = cli("batch", str(bad), "--out", str(tmp_path / "out"), "--format", "html", "--group-by", "kind")
    assert status == 2
    page = (tmp_path / "out" / "portfolio.html").read_text(encoding="utf-8")
    assert check(page).problems == []
    text = visible_text(page)
    assert "No services processed." in text or "Geen diensten verwerkt." in text
    assert "bad.yaml" in text and "<script>" not in page.split("<style>")[0] + page.split("</style>")[1]


def test_portfolio_page_lists_the_norms_still_disputed_critical_first_and_marks_the_service(catalog) -> None:
    from assess.model.assessment import Position

    dispute = (Position("A. Jansen", "met"), Position("B. Smit", "not_met"))
    answers = {n.id: Answer("met") for n in catalog.principle_norms}
    answers["1.4"] = Answer(None, disputed=dispute)
    answers["2.1"] = Answer(None, disputed=dispute)  # a critical norm: the status is at most amber
    builder = PortfolioBuilder(catalog, ("html",))
    for index, place in enumerate(("Utrecht", "Zwolle")):  # one name in two places: told apart by the place
        assessment = Assessment(catalog.id, Service("De Brug", location=place), answers=answers)
        builder.add(summarize(index, f"brug-{index}.yaml", score(assessment, catalog)), f"de-brug-{index}")
    data = builder.build()
    page = html_portfolio.render(data, catalog, "en")
    assert check(page).problems == []
    text = " ".join(visible_text(page).split())
    assert "Services with a disputed critical norm 2" in text
    disputed = page[page.index('id="disputed"'):page.index('id="not-processed"')]
    assert "De Brug</a> · Utrecht</th>" in disputed and "De Brug</a> · Zwolle</th>" in disputed
    assert disputed.index(">2.1 ⚠ critical</td>") < disputed.index(">1.4</td>"), "critical first, marked"
    assert " ⚖<span" in page[page.index('id="heatmap"'):], "the service's overall score is marked"
    assert "⚖ = a critical norm is disputed" in text


def test_plain_words_are_the_words_as_a_template_escapes_them(monkeypatch) -> None:
    """``L[key]`` in a template stands for ``w(key)``: each word the templates look up that way is what Jinja2
    would show for it (control characters made visible, then HTML-escaped), in both languages."""
    from markupsafe import Markup, escape

    from assess.i18n import t
    from assess.render import html_page
    from assess.terminal_text import visible

    keys = {key for template in html_page.TEMPLATES.glob("*.html.j2")
            for key in re.findall(r'L\["([a-z_.]+)"\]', template.read_text(encoding="utf-8"))}
    assert len(keys) > 60
    for lang in ("nl", "en"):
        words = html_page.plain_words(lang)
        for key in sorted(keys):
            assert words[key] == escape(visible(t(key, lang))) and isinstance(words[key], Markup), (lang, key)
    monkeypatch.setitem(html_page.t.__globals__["LABELS"], "test.hostile", ("<b>\x1b&", "<i>\u202e"))
    assert html_page.PlainWords("nl")["test.hostile"] == "&lt;b&gt;\\x1b&amp;"
    assert html_page.PlainWords("en")["test.hostile"] == "&lt;i&gt;\\u202e"



@pytest.mark.parametrize("word", ["kritiek\n  ", "\nkritiek", "  ", "{{ x }}", "100%", "#1", "<b>&"])
def test_a_word_written_into_a_template_shows_as_its_lookup_would(monkeypatch, demo, word: str) -> None:
    """The per-language templates write each plain word in as text: a word with a line break beside a tag (which
    trim_blocks and lstrip_blocks would take away), template syntax, or only spaces stays a lookup; either way
    the page is the one the lookup alone makes."""
    from assess.render import html_page

    monkeypatch.setitem(html_page.t.__globals__["LABELS"], "critical", (word, word))

    def page(written_in: bool) -> str:
        html_page.environment.cache_clear()
        html_page.plain_words.cache_clear()
        if not written_in:
            monkeypatch.setattr(html_page, "_PLAIN_WORD", re.compile("(?!)"))  # matches nothing: every word a lookup
        try:
            return html_report.render(demo, "nl")
        finally:
            html_page.environment.cache_clear()
            html_page.plain_words.cache_clear()

    assert page(True) == page(False)
