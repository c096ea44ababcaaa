"""assess check: the quality of assessments, as an inspector would question it (a lint)."""

from __future__ import annotations

import argparse
import json
import sys

from assess.commands._common import add_lang

NAME = "check"
ORDER = 35
HELP = "check the quality of assessments: each finding as FILE:LINE: rule-id: message (exit 0, 1 or 2)"


def _rules(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE")
    add_lang(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--list", action="store_true", help="list the rules and exit")
    parser.add_argument("--select", type=_rules, metavar="RULE,...", help="only these rules")
    parser.add_argument("--ignore", type=_rules, metavar="RULE,...", help="all rules but these")


def _chosen(args: argparse.Namespace) -> list[str]:
    from assess.analysis.lint import RULES
    from assess.errors import InputError, Problem

    unknown = [r for r in (args.select or []) + (args.ignore or []) if r not in RULES]
    if unknown:
        raise InputError([Problem(f"--{'select' if r in (args.select or []) else 'ignore'}", None,
                                  f"unknown rule {r!r}; the rules are {', '.join(RULES)} (see --list)")
                          for r in unknown])
    chosen = [r for r in RULES if r in args.select] if args.select else list(RULES)
    return [r for r in chosen if r not in (args.ignore or [])]


def run(args: argparse.Namespace) -> int:
    from assess.analysis.lint import RULES, findings
    from assess.errors import InputError
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog
    from assess.i18n import resolve_language, t
    from assess.render.lint_text import finding_json, line_text, message
    from assess.terminal_text import say

    rules = _chosen(args)
    if args.list:
        lang = resolve_language(args.lang)
        if args.format == "json":
            say(json.dumps([{"rule": r, "description": t(f"check.rule.{r}", lang)} for r in RULES],
                           ensure_ascii=False, indent=2), block=True)
        else:
            width = max(len(r) for r in RULES)
            for rule in RULES:
                say(f"{rule.ljust(width)}  {t(f'check.rule.{rule}', lang)}")
        return 0
    if not args.files:
        raise InputError.single("assess check", None, "name one or more assessment files (or --list)")
    catalog = load_catalog()
    bad = found_any = False
    out: list[dict[str, object]] = []
    for path in dict.fromkeys(args.files):
        name = "<stdin>" if path == "-" else path
        try:
            loaded = assessment_file.load(path, catalog)
        except InputError as error:
            bad = True
            for problem in error.problems:
                say(problem, sys.stderr)
            continue
        for warning in loaded.warnings:
            say(warning, sys.stderr)
        assessment = loaded.assessment
        lang = resolve_language(args.lang, assessment.language)
        for finding in findings(assessment, catalog, rules):
            found_any = True
            text, line = message(finding, assessment, catalog, lang), loaded.line_of(finding.path)
            if args.format == "json":
                out.append(finding_json(name, line, finding, text))
            else:
                say(line_text(name, line, finding, text))
    if args.format == "json":
        say(json.dumps(out, ensure_ascii=False, indent=2), block=True)
    return 2 if bad else 1 if found_any else 0
