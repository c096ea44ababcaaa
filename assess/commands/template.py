"""assess template: a blank assessment to fill in by hand."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from assess.commands._common import add_lang, not_an_input, service_name, write_output

if TYPE_CHECKING:
    from assess.model.catalog import Catalog

NAME = "template"
ORDER = 20
HELP = "write a blank assessment file listing every norm, or a workbook (.xlsx) services fill in"

PLACEHOLDER = {"nl": "Naam van de dienst", "en": "Name of the service"}
GUIDE = {
    "nl": "# Vul per norm in: {results}, of een blok met result, evidence, note en action.\n",
    "en": "# Per norm fill in: {results}, or a block with result, evidence, note and action.\n",
}  # results: the checklist's answer set, as the file's header names them


if TYPE_CHECKING:
    from assess.model.assessment import Assessment
    from assess.model.catalog import Catalog


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--service", metavar="NAME", type=service_name, help="the service's name")
    add_lang(parser, reads_a_file=False)
    parser.add_argument("--setting", metavar="NAME", action="append", default=[],
                        help="include a setting's key requirements (repeatable)")
    parser.add_argument("--format", choices=("yaml", "xlsx"), default="yaml",
                        help="yaml: an assessment file (default); xlsx: a workbook to fill in, with dropdowns "
                             "(needs -o FILE)")
    parser.add_argument("--services", metavar="CSV",
                        help="xlsx: one sheet per service listed in CSV (columns name, kind, location, settings)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def blank(catalog: Catalog, service: str, lang: str, settings: tuple[str, ...], today: dt.date) -> Assessment:
    from assess.model.assessment import Assessment, Service

    return Assessment(checklist=catalog.id, checklist_version=catalog.version, service=Service(service),
                      date=today, language=lang, settings=settings, answers={})


def run(args: argparse.Namespace) -> int:
    from assess.errors import InputError
    from assess.files.catalog_file import load_catalog
    from assess.files.writer import dump
    from assess.i18n import resolve_language

    catalog = load_catalog()
    lang = resolve_language(args.lang)
    for setting in args.setting:
        if setting not in catalog.settings:
            raise InputError.single("--setting", None, f"unknown setting {setting!r}; known: "
                                    + ", ".join(catalog.settings))
    if args.output not in (None, "-") and Path(args.output).exists() and not args.force:
        raise InputError.single(args.output, None, "already exists; not overwritten (use --force)")
    settings = tuple(dict.fromkeys(args.setting))  # a setting given twice is listed once
    if args.format == "xlsx":
        return _workbook(args, catalog, lang, settings)
    if args.services:
        raise InputError.single("--services", None, "a list of services makes a workbook: add --format xlsx")
    assessment = blank(catalog, args.service or PLACEHOLDER[lang], lang, settings, dt.date.today())
    guide = GUIDE[lang].format(results=" | ".join(catalog.answer_set.ids))
    write_output(args.output, guide + dump(assessment, catalog, lang))
    return 0


def _workbook(args: argparse.Namespace, catalog: Catalog, lang: str, settings: tuple[str, ...]) -> int:
    """``--format xlsx``: the fill-in workbook, for ``--service`` or every service of ``--services``."""
    from assess.errors import InputError
    from assess.render.xlsx.form import FormService, build

    if args.output in (None, "-") or not args.output.strip():
        raise InputError.single("-o", None, "a workbook is written to a file: give -o FILE.xlsx")
    if args.services:
        from assess.files import service_list

        if args.service:
            raise InputError.single("--service", None, "give either --service or --services, not both")
        not_an_input(args.output, [args.services], "workbook")
        services = [FormService(s.name, s.kind, s.location, tuple(x for x in catalog.settings
                                                                   if x in s.settings or x in settings))
                    for s in service_list.read(args.services, catalog)]
    else:
        services = [FormService(args.service or PLACEHOLDER[lang],
                                settings=tuple(x for x in catalog.settings if x in settings))]
    write_output(args.output, build(services, catalog, lang, Path(args.output).name))
    return 0
