"""assess reopen: take a signed assessment back to draft; the signature is kept in ``signatures_history``."""

from __future__ import annotations

import argparse

from assess.commands._common import add_lang

NAME = "reopen"
ORDER = 38
HELP = "reopen a signed assessment (back to draft); the signature moves to signatures_history"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    add_lang(parser)


def run(args: argparse.Namespace) -> int:
    from assess.analysis.signoff import reopen
    from assess.commands._common import load_to_rewrite, rewrite_assessment
    from assess.errors import InputError
    from assess.i18n import resolve_language, t
    from assess.terminal_text import say

    catalog, loaded = load_to_rewrite(args.file, NAME)
    lang = resolve_language(args.lang, loaded.assessment.language)
    if loaded.assessment.signed is None:
        raise InputError.single(args.file, None, t("sign.not_signed", lang, file=args.file)
                                .removeprefix(f"{args.file}: "))
    rewrite_assessment(args.file, loaded, catalog, reopen(loaded.assessment), "before-reopen")
    say(t("sign.reopened", lang, file=args.file))
    return 0
