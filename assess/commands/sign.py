"""assess sign: mark an assessment final; who, when and a hash of its answers are written into the file."""

from __future__ import annotations

import argparse
import datetime as dt

from assess.commands._common import add_lang, service_name

NAME = "sign"
ORDER = 37
HELP = "mark an assessment final (signed): who, when and a hash of its answers go into the file"


def _moment(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a time (YYYY-MM-DDTHH:MM:SSZ)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--by", required=True, type=service_name, metavar="NAME", help="who signs it off")
    parser.add_argument("--role", type=service_name, metavar="ROLE", help="in what role (e.g. manager)")
    parser.add_argument("--at", type=_moment, metavar="TIME", help="when, in UTC (default: now)")
    add_lang(parser)


def run(args: argparse.Namespace) -> int:
    from assess.analysis.signoff import sign
    from assess.commands._common import load_to_rewrite, rewrite_assessment
    from assess.errors import InputError
    from assess.i18n import resolve_language, t
    from assess.terminal_text import say

    catalog, loaded = load_to_rewrite(args.file, NAME)
    assessment = loaded.assessment
    lang = resolve_language(args.lang, assessment.language)
    if assessment.signed is not None:
        raise InputError.single(args.file, loaded.line_of(["signed"]), t(
            "sign.already", lang, file=args.file, who=assessment.signed.by, when=assessment.signed.at[:10]
        ).removeprefix(f"{args.file}: "))
    signed = sign(assessment, args.by, args.at or dt.datetime.now(dt.UTC), args.role)
    rewrite_assessment(args.file, loaded, catalog, signed, "before-sign")
    assert signed.signed is not None
    who = signed.signed.by + (f" ({signed.signed.role})" if signed.signed.role else "")
    say(t("sign.signed", lang, file=args.file, who=who, when=signed.signed.at[:10]))
    from assess.analysis.lint import findings

    found = findings(signed, catalog)
    if found:  # signed all the same: the manager decides; but not without being told
        import sys

        say(t("sign.findings", lang, file=args.file, count=len(found)), sys.stderr)
    return 0
