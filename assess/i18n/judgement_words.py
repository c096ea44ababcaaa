"""Words of the judgements around the numbers, Dutch and English: key -> (nl, en).

The rights floor (critical norms not fully met, disputed norms), the kinds of evidence behind a norm, and
sign-off (``assess sign`` / ``assess reopen``), as the reports and the CLI say them.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "floor.disputed_lead": ("Kritieke norm betwist", "Critical norm disputed"),
    "floor.disputed_explain": (
        "Een kritieke rechtennorm is na de samenvoeging nog betwist: de beoordelaars zijn het niet eens. "
        "Daarom is de totaalstatus ten hoogste ORANJE (betwist), nooit GROEN, tot het team de norm beoordeelt.",
        "A critical rights norm is still disputed after the merge: the assessors disagree. The overall status is "
        "therefore at most AMBER (disputed), never GREEN, until the team scores the norm.",
    ),
    "floor.setting_lead": ("Kritieke setting-norm niet volledig voldaan", "Critical setting item not fully met"),
    "floor.setting_explain": (
        "De status van die setting is daarom ROOD; settings tellen niet mee in de totaalscore.",
        "That setting's status is therefore RED; settings do not count towards the overall score.",
    ),
    "floor.setting_disputed_lead": ("Kritieke setting-norm betwist", "Critical setting item disputed"),
    "floor.disputed_status": ("betwist", "disputed"),
    "floor.disputed": ("Betwiste normen", "Disputed norms"),
    "floor.disputed_intro": (
        "Na `assess merge` nog niet beslecht: de beoordelaars gaven verschillende antwoorden. Deze normen tellen "
        "als niet beoordeeld tot het team ze beoordeelt.",
        "Not yet settled after `assess merge`: the assessors gave different answers. These norms count as not "
        "assessed until the team scores them.",
    ),
    "floor.col.positions": ("Standpunten", "Positions"),
    "floor.no_result": ("geen antwoord", "no answer"),
    "evidence.col.sources": ("Soorten bron", "Kinds of source"),
    "evidence.none": ("geen bewijs", "no evidence"),
    "evidence.untyped": ("soort niet vermeld", "kind not given"),
    "sign.final": ("Definitief, ondertekend door {who} op {when}", "Final, signed by {who} on {when}"),
    "sign.draft": ("Concept", "Draft"),
    "sign.draft_detail": ("nog niet ondertekend (`assess sign`)", "not signed yet (`assess sign`)"),
    "sign.changed_head": ("Gewijzigd na ondertekening door {who} op {when}",
                          "Changed after sign-off by {who} on {when}"),
    "sign.changed": (
        "de antwoorden wijken af van wat is ondertekend, bij {ids}. Onderteken opnieuw (`assess reopen`, dan "
        "`assess sign`) of zet de antwoorden terug.",
        "the answers differ from those signed, at {ids}. Sign again (`assess reopen`, then `assess sign`) or put "
        "the answers back.",
    ),
    "sign.label": ("Vaststelling", "Sign-off"),
    "sign.signed": ("{file}: ondertekend door {who} op {when}", "{file}: signed by {who} on {when}"),
    "sign.findings": ("{file}: let op: `assess check` heeft nog {count} bevinding(en); `assess check {file}` noemt ze",
                      "{file}: note: `assess check` still has {count} finding(s); `assess check {file}` lists them"),
    "sign.reopened": ("{file}: heropend; de ondertekening staat in signatures_history",
                      "{file}: reopened; the signature is kept in signatures_history"),
    "sign.already": ("{file}: is al ondertekend door {who} op {when}; heropen het eerst met `assess reopen`",
                     "{file}: is already signed by {who} on {when}; reopen it first with `assess reopen`"),
    "sign.not_signed": ("{file}: is niet ondertekend", "{file}: is not signed"),
}
