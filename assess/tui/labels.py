"""Dutch and English words of the audit TUI (report words come from :mod:`assess.i18n`)."""

from __future__ import annotations

import errno

from assess.i18n import t
from assess.i18n.tui_words import WORDS as LABELS  # noqa: F401 (the TUI's own words, for its tests)
from assess.model.assessment import Action
from assess.model.catalog import Section

# The system's reason for a failed read or write, in the user's language (the OS says it in English).
OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("geen toestemming", "permission denied"),
    errno.EPERM: ("niet toegestaan", "operation not permitted"),
    errno.ENOSPC: ("de schijf is vol", "no space left on the disk"),
    errno.EDQUOT: ("schijfquotum overschreden", "disk quota exceeded"),
    errno.EROFS: ("alleen-lezen bestandssysteem", "read-only file system"),
    errno.ENOENT: ("bestand of map bestaat niet", "no such file or folder"),
    errno.EISDIR: ("is een map", "is a folder"),
    errno.ENOTDIR: ("is geen map", "is not a folder"),
    errno.EIO: ("invoer-/uitvoerfout van de schijf", "input/output error of the disk"),
    errno.ENAMETOOLONG: ("bestandsnaam te lang", "file name too long"),
    errno.EEXIST: ("bestaat al", "already exists"),
}


# The YAML reader's usual complaints (in English from the core), said in Dutch; the original follows in brackets.
YAML_PHRASES: dict[str, str] = {
    "mapping values are not allowed here": "hier mag geen 'naam: waarde' staan (een dubbele punt in tekst zonder "
                                           "aanhalingstekens?)",
    "could not find expected ':'": "de verwachte ':' ontbreekt",
    "found character '\\t' that cannot start any token": "een tab-teken (gebruik spaties om in te springen)",
    "found character that cannot start any token": "een teken waarmee niets kan beginnen",
    "expected <block end>, but found": "de inspringing klopt niet",
    "did not find expected key": "de inspringing klopt niet (verwachte naam ontbreekt)",
    "found unexpected end of stream": "het bestand houdt onverwacht op",
    "found undefined alias": "een onbekende verwijzing (*naam)",
    "found duplicate key": "een naam die twee keer voorkomt",
    "duplicate key": "een naam die twee keer voorkomt",
    # the core's own words (assess.files.yaml_messages)
    "a tab indents this line": "een tab springt deze regel in (YAML springt alleen met spaties in)",
    "a ':' inside a value": "een ':' in een waarde: zet de waarde tussen aanhalingstekens",
    "opened on this line is never closed": "wat op deze regel opent (haakje of aanhalingsteken), sluit nergens",
    "the structure breaks here": "de opbouw klopt hier niet: controleer de inspringing",
    "a second YAML document starts here": "hier begint een tweede YAML-document; een beoordelingsbestand is er één",
    "nested more than 40 levels deep": "meer dan 40 niveaus diep genest",
}


def file_problem(problem: object, lang: str, lead: str = "problem.read") -> str:
    """A problem with a file as the core says it (``FILE:LINE: message``, English), for the screen: in Dutch
    with a Dutch lead-in and the line (the message itself in brackets when there is no Dutch for it)."""
    file = getattr(problem, "file", None)
    line = getattr(problem, "line", None)
    message = str(getattr(problem, "message", problem))
    if lang != "nl":
        return f"{label(lead, lang, file=file or '')} {problem}"
    where = f"{file}, regel {line}" if line else (file or "")
    dutch = next((words for phrase, words in YAML_PHRASES.items() if phrase in message), None)
    said = f"{dutch} ({message})" if dutch else f"(melding: {message})"
    return f"{label(lead, lang, file=file or '')} {where}: {said}"


def section_name(section: Section, lang: str) -> str:
    """"Beginsel 3", "Behandelvorm 4.1.1" (the reports say "Setting 4.1.1"; the Dutch screens say it in Dutch)."""
    if section.kind == "setting" and lang == "nl":
        return f"Behandelvorm {section.source_section or section.id}"
    return section.label(lang)


def label(name: str, lang: str, **values: object) -> str:
    """A word of the TUI: the one lookup of :mod:`assess.i18n`, under the name the screens use."""
    return t(name, lang, **values)


def os_error(error: OSError, lang: str) -> str:
    """Why an OS call failed, in ``lang`` (the system's own words when the reason is not one we know)."""
    known = OS_ERRORS.get(error.errno or -1)
    if known:
        return known[0] if lang == "nl" else known[1]
    if lang == "nl":  # no Dutch for it: say so in Dutch, the system's words in brackets
        return f"fout van het systeem ({error.strerror or error})"
    return error.strerror or str(error)


def action_cell(action: Action | None, lang: str) -> str:
    """An action in a table's cell: ``(hoog) Rooster maken``, led by ``✓`` when done; ``–`` for none."""
    if action is None:
        return "–"
    text = action.description
    if action.priority:
        text = f"({t('priority.' + action.priority, lang)}) {text}"
    return f"✓ {text}" if action.done else text
