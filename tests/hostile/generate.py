"""Hostile inputs made on the fly: the large ones are generated, never committed.

:func:`yaml_cases` and :func:`csv_cases` give ``(name, bytes)`` pairs: hostile text in every place a user
(or another program) can put text, and broken structure of every kind the parsers meet. With the small
handmade files in ``tests/hostile/files/`` they make the corpus that ``tests/test_hostile_corpus.py`` runs
through every command.
"""

from __future__ import annotations

from pathlib import Path

HEAD = 'assess: 1\nchecklist: unodc-who-2020\nservice: {name: "Generated"}\n'
FILES = Path(__file__).resolve().parent / "files"

# Hostile text, as a YAML double-quoted scalar body (escapes are YAML's).
STRINGS: dict[str, str] = {
    "osc-title": r"\e]0;pwned\a",
    "csi-clear": r"\e[2J\e[H",
    "c1-csi": r"\x9b2J",
    "del-bel": r"a\x7fb\x07c",
    "bidi-override": r"prijs \u202e001 euro",
    "bidi-isolate": r"\u2066x\u2069",
    "zero-width": r"a\u200bb\ufeffc",
    "formula-eq": "=1+1",
    "formula-cmd": r"=cmd|' /C calc'!A0",
    "formula-plus": "+31 6 1234",
    "formula-minus": "-2+3",
    "formula-at": "@SUM(A1:A9)",
    "formula-tab": r"\t=1+1",
    "formula-after-cr": r"harmless\r=1+1",
    "formula-after-lf": r"ok\n=HYPERLINK(\"http://x\")",
    "formula-after-nul": r"\0=1+1",
    "nul-inside": r"a\0b",
    "rich-markup": "Q1 [/2027] [b]vet[/b] [/x]",
    "markdown-table": "a | b\\\\n|---|\\n# kop",
    "html": "<script>alert(1)</script>",
    "crlf-mix": r"a\r\nb\rc\nd",
    "long": "x" * 20_000,
    "emoji-accents": "Heroïne 💊 't Hoog ẞ",
}

PLACES: dict[str, str] = {
    "note": 'answers:\n  "1.1": {result: not_met, note: "%s"}\n',
    "service": 'answers:\n  "1.1": met\n',  # the service name is replaced in yaml_cases
    "evidence": 'answers:\n  "1.1": {result: partial, evidence: ["%s", "ok"]}\n',
    "action": 'answers:\n  "1.1": {result: not_met, action: {description: "%s", owner: "%s"}}\n',
    "unknown-key": 'answers:\n  "1.1": met\n"%s": 1\n',
    "version": 'checklist_version: "%s"\nanswers:\n  "1.1": met\n',
    "result": 'answers:\n  "1.1": "%s"\n',
    "assessor": 'assessors: ["%s"]\nanswers:\n  "1.1": met\n',
}

STRUCTURE: dict[str, bytes] = {
    "empty": b"",
    "only-dashes": b"---\n",
    "list-root": b"- a\n- b\n",
    "scalar-root": b"just text\n",
    "alias": (HEAD + 'answers:\n  "1.1": &a met\n  "1.2": *a\n').encode(),
    "lone-anchor": (HEAD + 'answers:\n  "1.1": &a met\n').encode(),
    "merge-key": (HEAD + 'x: &b {result: met}\nanswers:\n  "1.1": {<<: *b}\n').encode(),
    "duplicate-key": (HEAD + 'answers:\n  "1.1": met\n  "1.1": not_met\n').encode(),
    "tab-indent": (HEAD + 'answers:\n\t"1.1": met\n').encode(),
    "two-documents": (HEAD + "answers: {}\n---\nanswers: {}\n").encode(),
    "huge-int": (HEAD + 'answers:\n  "1.1": {result: met, note: ' + "9" * 5000 + "}\n").encode(),
    "huge-float": (HEAD + 'answers:\n  "1.1": {result: met, note: 1.' + "9" * 5000 + "e99999}\n").encode(),
    "not-utf8": HEAD.encode() + b'answers:\n  "1.1": {result: met, note: "\xff\xfe"}\n',
    "bom": b"\xef\xbb\xbf" + (HEAD + 'answers:\n  "1.1": met\n').encode(),
    "raw-esc-byte": HEAD.encode() + b'answers:\n  "1.1": {result: met, note: "\x1b[2J"}\n',
    "raw-nul-byte": HEAD.encode() + b'answers:\n  "1.1": {result: met, note: "a\x00b"}\n',
    "raw-c1-bytes": HEAD.encode() + b'answers:\n  "1.1": {result: met, note: "\xc2\x9b2J"}\n',
    "cr-only": (HEAD + 'answers:\n  "1.1": met\n').replace("\n", "\r").encode(),
    "crlf": (HEAD + 'answers:\n  "1.1": met\n').replace("\n", "\r\n").encode(),
    "binary": bytes(range(256)) * 4,
    "deep-flow": (HEAD + 'answers:\n  "1.1": {result: met, evidence: ' + "[" * 60 + "]" * 60 + "}\n").encode(),
    "impossible-date": (HEAD + 'date: 2027-02-30\nanswers:\n  "1.1": met\n').encode(),
    "bad-due": (HEAD + 'answers:\n  "1.1": {result: not_met, action: {description: a, due: "Q1 [/2027]"}}\n').encode(),
    "unknown-ids-1000": b"",  # filled in by yaml_cases
    "unknown-fields-1000": b"",
    "python-tag": (HEAD + 'answers:\n  "1.1": !!python/object/apply:os.system ["echo hi"]\n').encode(),
    "key-with-bidi": (HEAD + 'answers:\n  "1.1\\u202e": met\n').encode(),
    "key-with-escape": (HEAD + 'answers:\n  "\\e]0;x\\a": met\n').encode(),
    "null-everything": b"assess: null\nchecklist: null\nservice: null\nanswers: null\n",
    "wrong-types": b"assess: [1]\nchecklist: {a: 1}\nservice: 7\nanswers: [met]\n",
    "settings-hostile": (HEAD + 'settings: ["\\e[2J", "=1+1"]\nanswers: {}\n').encode(),
    "disputed-hostile": (HEAD + 'answers:\n  "1.1": {result: met, disputed: [{assessor: "\\e[2J=1", result: '
                                'not_met, note: "=2"}]}\n').encode(),
}


def unknown_ids(count: int) -> str:
    """An assessment with ``count`` unknown norm ids (40,000 make about 650 KB)."""
    return HEAD + "answers:\n" + "".join(f'  "99.{k}": met\n' for k in range(1, count + 1))


def unknown_fields(count: int) -> str:
    """One answer with ``count`` unknown fields."""
    return HEAD + 'answers:\n  "1.1":\n    result: met\n' + "".join(f"    field{k}: x\n" for k in range(count))


def bad_answers(count: int) -> str:
    """``count`` answers that are mappings with a wrong result and an unknown field (each explained by
    jsonschema)."""
    return HEAD + "answers:\n" + "".join(f'  "1.{k}": {{result: wrong, x: 1}}\n' for k in range(1, count + 1))


def _placed(place: str, body: str) -> str:
    if place == "service":
        return HEAD.replace('"Generated"', f'"{body}"') + PLACES[place]
    template = PLACES[place]
    return HEAD + template % ((body,) * template.count("%s"))


def yaml_cases() -> list[tuple[str, bytes]]:
    """Every hostile string in every place, the broken structures, and the committed files."""
    cases = [(f"{place}-{name}", _placed(place, body).encode("utf-8"))
             for name, body in STRINGS.items() for place in PLACES]
    structure = dict(STRUCTURE)
    structure["unknown-ids-1000"] = unknown_ids(1000).encode()
    structure["unknown-fields-1000"] = unknown_fields(1000).encode()
    cases += sorted(structure.items())
    cases += [(path.stem, path.read_bytes()) for path in sorted(FILES.glob("*.yaml"))]
    return cases


CSV_HEADER = "service;norm;result;evidence;note;action;owner;due;priority\n"


def csv_cases() -> list[tuple[str, bytes]]:
    """Spreadsheets: hostile cells in every column, broken files, and the committed ones."""
    cells = {name: body.replace("\\e", "\x1b").encode().decode("unicode_escape") for name, body in STRINGS.items()
             if name not in ("long",)}
    cases: list[tuple[str, bytes]] = []
    for name, cell in cells.items():
        quoted = '"' + cell.replace('"', '""') + '"'
        cases.append((f"csv-cells-{name}", (CSV_HEADER + f"{quoted};1.1;niet voldaan;{quoted};{quoted};{quoted};"
                                            f"{quoted};;hoog\n").encode("utf-8", "surrogatepass")))
    cases += [
        ("csv-cr-only", CSV_HEADER.replace("\n", "\r").encode() + b"X;1.1;voldaan;;;;;;\rX;1.2;;;;;;;\r"),
        ("csv-nul", CSV_HEADER.encode() + b"X;1.1;vol\x00daan;;;;;;\n"),
        ("csv-bom-crlf", b"\xef\xbb\xbf" + CSV_HEADER.replace("\n", "\r\n").encode() + b"X;1.1;voldaan;;;;;;\r\n"),
        ("csv-not-utf8", CSV_HEADER.encode() + b"X\xff;1.1;voldaan;;;;;;\n"),
        ("csv-unbalanced-quote", CSV_HEADER.encode() + b'"X;1.1;voldaan;;;;;;\n'),
        ("csv-empty", b""),
        ("csv-header-only", CSV_HEADER.encode()),
        ("csv-dutch-typos", b"dienst;norm;resultaat;opmerkng;bewijss;eigenar;opmerkingen;acties\nX;1.1;voldaan\n"),
        ("csv-empty-then-answer", CSV_HEADER.encode() + b"X;1.1;;;;;;;\nX;1.1;voldaan;;;;;;\n"),
        ("csv-decimal-comma", b"service,norm,result\nX,1,3,met\n"),
        ("csv-wide-hostile", b"service,1.1,1.10,=1+1,\x1b[2J\n\"\x1b]0;t\x07\",met,partial,x,y\n"),
        ("csv-many-columns", (";".join(f"c{k}" for k in range(3000)) + "\n").encode()),
        ("csv-binary", bytes(range(256)) * 4),
        ("csv-formula-service", CSV_HEADER.encode() + b"=HYPERLINK(\"x\");1.1;voldaan;;;;;;\n"),
    ]
    cases += [(path.stem, path.read_bytes()) for path in sorted(FILES.glob("*.csv"))]
    return cases
