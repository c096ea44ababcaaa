"""The ``assess`` command line. Each subcommand is a module in ``assess.commands``.

A command module defines ``NAME``, ``HELP``, ``ORDER``, ``configure(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from assess import __version__, commands
from assess.errors import InputError
from assess.terminal_text import say, visible

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from _typeshed import SupportsWrite


def _command_modules() -> list[ModuleType]:
    import pkgutil

    modules = [importlib.import_module(f"assess.commands.{info.name}")
               for info in pkgutil.iter_modules(commands.__path__) if not info.name.startswith("_")]
    modules = [m for m in modules if hasattr(m, "NAME")]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.NAME))


def _named_module(argv: list[str]) -> ModuleType | None:
    """The command module that ``argv`` names first, when its module is named like the command (``report``:
    ``assess.commands.report``); None otherwise (then every command is loaded, as ``--help`` needs)."""
    name = argv[0] if argv else ""
    if not name.isidentifier() or name.startswith("_"):
        return None
    try:
        module = importlib.import_module(f"assess.commands.{name}")
    except ImportError:
        return None
    return module if getattr(module, "NAME", None) == name else None


class _Parser(argparse.ArgumentParser):
    """argparse quotes arguments in its messages (``invalid choice: '...'``): shown with control characters
    escaped, like every other message."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(visible(message), file)

    def _get_formatter(self) -> argparse.HelpFormatter:
        # Given no width, HelpFormatter imports shutil (and with it bz2 and lzma) for the terminal's; argparse
        # makes one for every add_argument, so the width is given, found the same way. (typeshed's protocol for
        # formatter_class names prog only; every HelpFormatter, RawDescriptionHelpFormatter too, takes width.)
        return self.formatter_class(prog=self.prog, width=help_width())  # type: ignore[call-arg]


def help_width() -> int:
    """``shutil.get_terminal_size().columns - 2``, the width HelpFormatter takes when given none: ``COLUMNS``
    when it is a positive number, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns - 2


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given ``argv`` that starts with a command, a parser with only that command (it
    parses ``argv`` exactly as the whole one does, without importing and configuring the other ten)."""
    parser = _Parser(
        prog="assess",
        description="Self-assessment against the UNODC/WHO International Standards for the Treatment "
                    "of Drug Use Disorders (2020). Zelfevaluatie aan de hand van de internationale normen.",
    )
    parser.add_argument("--version", action="version", version=f"assess {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = _named_module(argv) if argv is not None else None
    for module in [named] if named is not None else _command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except InputError as error:
        for problem in error.problems:
            say(problem, sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. `assess norms | head`): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
