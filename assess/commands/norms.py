"""assess norms: list the catalog."""

from __future__ import annotations

import argparse
import json

from assess.commands._common import add_force, add_lang, refuse_existing, write_output

NAME = "norms"
ORDER = 10
HELP = "list the norms of the checklist (or a setting's key requirements)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "md", "json"), default="table")
    add_lang(parser, reads_a_file=False)
    parser.add_argument("--principle", metavar="N", help="only the norms of principle N (1-7)")
    parser.add_argument("--scope", choices=("service", "system", "both"),
                        help="only norms of this scope (the assess project's reading)")
    parser.add_argument("--setting", metavar="NAME",
                        help="list a setting's key requirements instead: outreach, non-specialised, "
                             "outpatient, short-term-inpatient, long-term-residential")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_force(parser)


def run(args: argparse.Namespace) -> int:
    from assess.errors import InputError
    from assess.files.catalog_file import load_catalog
    from assess.i18n import resolve_language, t
    from assess.render.markdown_table import table
    from assess.render.text import md_escape

    refuse_existing(args.output, args.force, "list of norms")
    catalog = load_catalog()
    lang = resolve_language(args.lang)
    if args.setting:
        if args.setting not in catalog.settings:
            raise InputError.single("--setting", None, f"unknown setting {args.setting!r}; known: "
                                    + ", ".join(catalog.settings))
        items = [catalog.item(i) for i in catalog.settings[args.setting].norm_ids]
        group_key = "setting"
    else:
        known = [p.id for p in catalog.principles]
        if args.principle and args.principle not in known:
            raise InputError.single("--principle", None, f"no principle {args.principle!r}; known: {', '.join(known)}")
        items = [n for n in catalog.principle_norms if not args.principle or n.section == args.principle]
        group_key = "principle"
    if args.scope:
        items = [n for n in items if n.scope == args.scope]
    if args.format == "json":
        rows = []
        for n in items:
            row = {"id": n.id, group_key: n.section, "scope": n.scope, "critical": n.critical,
                   "text": {"nl": n.text.nl, "en": n.text.en}}
            if n.source_note:
                row["source_note"] = {"nl": n.source_note.nl, "en": n.source_note.en}
            if n.refers_to:
                row["refers_to"] = {"nl": n.refers_to.nl, "en": n.refers_to.en}
            rows.append(row)
        write_output(args.output, json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    headers = [t("col.norm", lang), t("col.scope", lang), t("col.critical", lang), t("col.text", lang)]
    if args.format == "md":
        body = [[n.id, t(f"scope.{n.scope}", lang), t("critical", lang) if n.critical else "",
                 md_escape(n.full_text(lang))] for n in items]
        write_output(args.output, table(headers, body) + "\n")
        return 0
    from assess.render.markdown_table import simple_table

    body = [[n.id, t(f"scope.{n.scope}", lang), "⚠" if n.critical else "", n.full_text(lang)] for n in items]
    write_output(args.output, simple_table(headers, body, [None, None, None, 72]) + "\n")
    return 0
