"""The HTML documents in a real browser (issue 16): headless Chromium prints them to A4 PDF, the pages are
counted, and no table is wider than the page, at phone width (390 px) and at the printed page's width.

The shipped pages have no JavaScript. To measure, the test renders a *copy* with a small script of its own
injected, which writes the widths it finds into the page; ``--dump-dom`` gives the page back after it ran.
A screenshot at phone width is kept as an artifact in the test's temporary folder. Without Chromium (Debian's
``chromium``; ``.ci/run`` installs it when apt is available) the tests skip and say why.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.html_check import check
from tests.test_html_reports import GOLDEN

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(name)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium: install Debian's chromium package "
                                "(apt-get install chromium) to run the browser tests")

A4_TEXT_WIDTH = 703  # px at 96 dpi: 210 mm less the page margins of 12 mm each side
A4_LANDSCAPE_TEXT_WIDTH = 1032  # 297 mm less 2 x 12 mm
PHONE = 390

PROBE = """<script>
window.addEventListener("load", function () {
  var width = document.documentElement.clientWidth, clipped = [];
  document.querySelectorAll("table").forEach(function (table, i) {
    var box = table.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1 || table.scrollWidth > table.clientWidth + 1) {
      clipped.push(i + ": " + Math.round(box.left) + ".." + Math.round(box.right) + " of " + width);
    }
  });
  var narrow = [];  // a cell squeezed to a sliver (a letter per line) is as unreadable as a clipped one
  document.querySelectorAll("td, th").forEach(function (cell) {
    var head = cell.closest("thead");
    if (head && getComputedStyle(head).position === "absolute") { return; }  // the phone layout's hidden header
    var text = cell.textContent.trim();
    if (text.length > 3 && cell.getBoundingClientRect().width < 36) {
      narrow.push(text.slice(0, 20) + " " + Math.round(cell.getBoundingClientRect().width) + "px");
    }
  });
  if (narrow.length) { clipped.push("narrow cells: " + narrow.slice(0, 5).join(" | ")); }
  if (document.documentElement.scrollWidth > width + 1) {
    clipped.push("page " + document.documentElement.scrollWidth + " of " + width);
  }
  parent.document.getElementById("probe").textContent = JSON.stringify(
    {width: width, tables: document.querySelectorAll("table").length, clipped: clipped});
});
</script>"""


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def page_count(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def print_pdf(tmp_path: Path, page: Path) -> Path:
    pdf = tmp_path / (page.stem + ".pdf")
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def clipped_tables(tmp_path: Path, page: Path, width: int) -> dict[str, object]:
    """The probe's findings for ``page`` laid out ``width`` pixels wide.

    The page (with the probe) is the ``srcdoc`` of an iframe exactly ``width`` wide in a wrapper page made
    here: the iframe is its viewport, so the page's media queries see ``width`` (a headless window is never
    narrower than 500 px), and the probe writes what it finds into the wrapper, which ``--dump-dom`` prints.
    """
    probed = page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>")
    wrapper = tmp_path / f"wrapper-{width}-{page.name}"
    wrapper.write_text(f'<!DOCTYPE html><html><body style="margin:0"><pre id="probe">none</pre>'
                       f'<iframe style="width:{width}px;height:900px;border:0" '
                       f'srcdoc="{html.escape(probed, quote=True)}"></iframe></body></html>', encoding="utf-8")
    dom = chromium(tmp_path, "--window-size=1200,1000", "--virtual-time-budget=5000", "--dump-dom",
                   wrapper.as_uri()).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found and found.group(1) != "none", dom[:500]
    result: dict[str, object] = json.loads(html.unescape(found.group(1)))
    assert result["width"] == width
    return result


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A report (with --previous), a diff and a portfolio of 15 services with their reports, as HTML."""
    from assess.cli import main

    work = tmp_path_factory.mktemp("html-pages")
    inputs = work / "in"
    for copy in range(5):
        shutil.copytree(GOLDEN, inputs / f"r{copy}", ignore=shutil.ignore_patterns("*.csv", "assessor-b.yaml"))
    report, diff = work / "report.html", work / "diff.html"
    assert main(["report", str(GOLDEN / "demo.yaml"), "--format", "html", "--previous",
                 str(GOLDEN / "previous.yaml"), "-o", str(report)]) == 0
    assert main(["diff", str(GOLDEN / "previous.yaml"), str(GOLDEN / "demo.yaml"), "--format", "html",
                 "-o", str(diff)]) == 0
    assert main(["batch", str(inputs), "--out", str(work / "out"), "--format", "md,html", "--group-by", "kind",
                 "--jobs", "1", "--lang", "nl"]) == 0
    return {"report": report, "diff": diff, "portfolio": work / "out" / "portfolio.html"}


def test_report_prints_to_a4_and_nothing_is_cut_off(tmp_path: Path, pages: dict[str, Path]) -> None:
    pdf = print_pdf(tmp_path, pages["report"])
    count = page_count(pdf)
    print(f"report: {count} A4 pages")
    assert 6 <= count <= 30, count  # sections start on a new page; 29 gaps with their full texts
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Ondertekening" in text and "beoord." in text  # the last section, the last column


def test_portfolio_prints_landscape_with_every_column(tmp_path: Path, pages: dict[str, Path]) -> None:
    pdf = print_pdf(tmp_path, pages["portfolio"])
    count = page_count(pdf)
    print(f"portfolio of 15 services: {count} A4 landscape pages")
    assert 3 <= count <= 20, count
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        width, height = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
        assert width > height  # landscape
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        heat = text[text.index("Heatmap"):]
        assert "B7" in heat and "Settings" in heat and "GROEN" in heat


@pytest.mark.parametrize(("name", "width"), [(name, width) for name in ("report", "diff", "portfolio")
                                             for width in (PHONE, A4_TEXT_WIDTH)]
                         + [("portfolio", A4_LANDSCAPE_TEXT_WIDTH)])  # only the portfolio prints landscape
def test_no_table_is_clipped(tmp_path: Path, pages: dict[str, Path], name: str, width: int) -> None:
    result = clipped_tables(tmp_path, pages[name], width)
    assert result["tables"] and result["clipped"] == [], result


def test_pages_are_well_formed_and_a_phone_screenshot_is_kept(tmp_path: Path, pages: dict[str, Path]) -> None:
    for page in pages.values():
        assert check(page.read_text(encoding="utf-8")).problems == []
    shot = tmp_path / "report-phone.png"
    chromium(tmp_path, f"--window-size={PHONE},2400", f"--screenshot={shot}", pages["report"].as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")
