"""A list of services in a CSV (``assess template --services services.csv``): one row per service with
``name`` (or ``service``/``dienst``/``naam``), and optionally ``kind``, ``location`` and ``settings``.

Read with the CSV import's conventions: UTF-8 (with or without a byte-order mark), ``,`` ``;`` or tab,
Dutch headers (``soort``, ``locatie``); problems as ``FILE:LINE: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assess.errors import InputError, Problem
from assess.files.answer_sheet import _column_key, _delimiter
from assess.files.csv_text import csv_records, decode
from assess.model.catalog import Catalog

COLUMNS = ("service", "kind", "location", "settings")


@dataclass(frozen=True)
class ListedService:
    name: str
    kind: str | None
    location: str | None
    settings: tuple[str, ...]
    line: int


def _key(header: str) -> str:
    key = _column_key(header)
    return "service" if key == "name" else key


def parse(text: str, name: str, catalog: Catalog) -> list[ListedService]:
    import csv

    try:
        records = list(csv_records(text, _delimiter(text.split("\n", 1)[0])))
    except csv.Error as err:
        raise InputError.single(name, None, f"not a readable CSV file: {err}") from None
    if not records or not any(c.strip() for c in records[0][1]):
        raise InputError.single(name, 1, "the first line must be the header (name, kind, location, settings)")
    keys = [_key(c) for c in records[0][1]]
    problems: list[Problem] = []
    if "service" not in keys:
        problems.append(Problem(name, records[0][0], "missing column 'name' (the service's name); the columns are "
                                                     "name, kind, location and settings"))
    for cell, key in zip(records[0][1], keys, strict=True):
        if cell.strip() and key not in COLUMNS:
            problems.append(Problem(name, records[0][0], f"column {cell.strip()!r}: unknown column; the columns are "
                                                         "name, kind, location and settings"))
    if problems:
        raise InputError(problems)
    services: list[ListedService] = []
    seen: dict[str, int] = {}
    for line, cells in records[1:]:
        if not any(c.strip() for c in cells):
            continue
        row = {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(keys)}
        service = " ".join(row.get("service", "").split())
        if not service:
            problems.append(Problem(name, line, "column 'name': empty; every row needs the service's name"))
            continue
        if service.casefold() in seen:
            problems.append(Problem(name, line, f"column 'name': {service!r} is already on line "
                                                f"{seen[service.casefold()]}"))
            continue
        seen[service.casefold()] = line
        settings = []
        for setting in re.split(r"[,;\s]+", row.get("settings", "")):
            if not setting:
                continue
            if setting not in catalog.settings:
                problems.append(Problem(name, line, f"column 'settings': unknown setting {setting!r}; known: "
                                                    + ", ".join(catalog.settings)))
            elif setting not in settings:
                settings.append(setting)
        services.append(ListedService(service, row.get("kind") or None, row.get("location") or None,
                                      tuple(s for s in catalog.settings if s in settings), line))
    if not services and not problems:
        problems.append(Problem(name, None, "no services: the file has a header but no rows"))
    if problems:
        raise InputError(problems)
    return services


def read(path: str, catalog: Catalog) -> list[ListedService]:
    from assess.files import input_file

    # as every input: a FIFO or a device refused at once (it hung, or grew without end from /dev/zero), 10 MB
    data = input_file.read_bytes(path, "a list of services")
    return parse(decode(data, path), path, catalog)
