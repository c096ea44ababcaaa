"""A strict structure check of the HTML pages with the stdlib parser (used by the HTML and browser tests).

Every non-void tag closed in order, one h1, headings never skip a level, every table has th cells (row or
column headers with ``scope``), no script, nothing fetched (no src, link, @import or url()).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_SELF_CLOSING = {"polygon", "line", "circle", "rect", "path"}


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    tables: int = 0
    text: list[str] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.report = Report()
        self.stack: list[str] = []
        self.table_th: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        r = self.report
        r.tags[tag] = r.tags.get(tag, 0) + 1
        names = {name for name, _ in attrs}
        if tag == "script" or any(name.startswith("on") for name in names):
            r.problems.append(f"script or event handler: <{tag} {sorted(names)}>")
        if "src" in names or tag in ("link", "iframe", "object", "embed", "img"):
            r.problems.append(f"fetches something: <{tag}>")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(tag[1])
            if r.headings and level > r.headings[-1] + 1:
                r.problems.append(f"heading skips a level: h{r.headings[-1]} then {tag}")
            r.headings.append(level)
        if tag == "table":
            r.tables += 1
            self.table_th.append(0)
        if tag == "th" and self.table_th:
            self.table_th[-1] += 1
            if "scope" not in names and (self.stack and "thead" not in self.stack and "tr" in self.stack):
                r.problems.append("th without scope")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in SVG_SELF_CLOSING:
            self.report.problems.append(f"self-closed <{tag}/>")
        self.report.tags[tag] = self.report.tags.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.report.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "table" and self.table_th.pop() == 0:
            self.report.problems.append("a table without th")

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            if "@import" in data or "url(" in data:
                self.report.problems.append("the CSS fetches something")
            return
        self.report.text.append(data)


def check(page: str) -> Report:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    report = checker.report
    if checker.stack:
        report.problems.append(f"not closed: {checker.stack}")
    if report.headings.count(1) != 1 or (report.headings and report.headings[0] != 1):
        report.problems.append(f"not exactly one h1 first: {report.headings[:5]}")
    if not page.startswith("<!DOCTYPE html>"):
        report.problems.append("no doctype")
    return report
