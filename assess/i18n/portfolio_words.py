"""Words of the portfolio output (portfolio.md), Dutch and English: key -> (nl, en). Keys start with "portfolio.".

The portfolio also uses words of the gap reports (:mod:`assess.i18n.report_words`: ``report.*``, ``col.*``,
``status.*``, ``critical``); a word the two share is defined there only.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "portfolio.title": ("Portfolio-overzicht", "Portfolio overview"),
    "portfolio.processed": ("Verwerkte diensten", "Services processed"),
    "portfolio.failed": ("Niet verwerkte invoer", "Inputs not processed"),
    "portfolio.see_below": ("zie „Niet verwerkt”", "see “Not processed”"),
    "portfolio.status_counts": ("Totaalstatus", "Overall status"),
    "portfolio.critical_services": ("Diensten met een kritieke norm niet volledig voldaan",
                                    "Services with a critical norm not fully met"),
    "portfolio.disputed_services": ("Diensten met een betwiste kritieke norm", "Services with a disputed critical norm"),
    "portfolio.disputed_intro": (
        "Normen die na `assess merge` nog betwist zijn, per dienst; ze tellen als niet beoordeeld. Een betwiste "
        "kritieke norm maakt de totaalstatus van de dienst ten hoogste ORANJE.",
        "Norms still disputed after `assess merge`, per service; they count as not assessed. A disputed critical "
        "norm makes the service's overall status at most AMBER.",
    ),
    "portfolio.not_counted": ("Niet meegeteld (herbeoordeeld)", "Not counted (re-assessed)"),
    "portfolio.reaudits": ("Herbeoordelingen", "Re-audits"),
    "portfolio.reaudits_intro": (
        "Een dienst die meer dan eens is beoordeeld (zelfde naam en locatie), telt één keer: de laatste beoordeling, "
        "op datum en dan op bestandsnaam. Een consensus (`assess merge`) telt in plaats van zijn invoer. De trend is "
        "de verandering van de afgeronde scores ten opzichte van de vorige beoordeling.",
        "A service assessed more than once (same name and location) counts once: the latest assessment, by date and "
        "then by file name. A consensus (`assess merge`) counts instead of its inputs. The trend is the change of "
        "the rounded scores against the previous assessment.",
    ),
    "portfolio.col.previous": ("Vorige", "Previous"),
    "portfolio.col.latest": ("Laatste", "Latest"),
    "portfolio.col.file": ("Bestand", "File"),
    "portfolio.col.date": ("Datum", "Date"),
    "portfolio.col.why": ("Waarom niet meegeteld", "Why not counted"),
    "portfolio.col.counted": ("Meegeteld in plaats daarvan", "Counted instead"),
    "portfolio.reason.earlier": ("eerdere beoordeling", "earlier assessment"),
    "portfolio.reason.consensus-input": ("invoer van een consensus", "input of a consensus"),
    "portfolio.matrix": ("Scores per beginsel", "Scores per principle"),
    "portfolio.matrix_intro": (
        "Per dienst de score en status van elk beginsel, de totaalscore met de totaalstatus, en de volledigheid. "
        "Gesorteerd op totaalscore, hoogste eerst; diensten zonder score staan onderaan.",
        "Per service the score and status of each principle, the overall score with the overall status, and the "
        "completeness. Sorted by overall score, highest first; services without a score come last.",
    ),
    "portfolio.col.service": ("Dienst", "Service"),
    "portfolio.col.principle": ("B{id}", "P{id}"),
    "portfolio.col.overall": ("Totaal", "Overall"),
    "portfolio.col.setting": ("Setting", "Setting"),
    "portfolio.col.not_met": ("Niet voldaan", "Not met"),
    "portfolio.col.applicable": ("Van (toepasselijk beoordeeld)", "Out of (assessed as applicable)"),
    "portfolio.col.share": ("Aandeel", "Share"),
    "portfolio.col.partial": ("Gedeeltelijk", "Partially met"),
    "portfolio.legend": ("{col} = {label}: {title}", "{col} = {label}: {title}"),
    "portfolio.partial_mark": (
        "\\* = niet elke norm van dit beginsel is beoordeeld: de score telt alleen de beoordeelde normen; "
        "de volledigheid per beginsel staat in het rapport van de dienst en in portfolio.json.",
        "\\* = not every norm of this principle was assessed: the score counts only the assessed norms; "
        "the completeness per principle is in the service's report and in portfolio.json.",
    ),
    "portfolio.critical_mark": (
        "⚠ = een kritieke norm is niet volledig voldaan: de totaalstatus is ROOD, ongeacht de score; ⚖ = een kritieke norm is betwist: de totaalstatus is ten hoogste ORANJE.",
        "⚠ = a critical norm is not fully met: the overall status is RED, whatever the score; ⚖ = a critical norm is disputed: the overall status is at most AMBER.",
    ),
    "portfolio.settings": ("Settings (apart gescoord)", "Settings (scored apart)"),
    "portfolio.norms": ("Normen die het vaakst niet voldaan zijn", "Norms most often not met"),
    "portfolio.norms_intro": (
        "„Niet voldaan” telt de diensten die de norm als niet voldaan beoordeelden. „Van” is de noemer van het "
        "aandeel: de diensten die de norm als toepasselijk beoordeelden (voldaan, gedeeltelijk of niet voldaan); "
        "niet van toepassing en niet beoordeeld tellen niet mee. Aandeel = niet voldaan / van. Een setting-norm "
        "telt alleen bij de diensten die die setting kozen. Gesorteerd op aantal, dan aandeel, dan normvolgorde.",
        "“Not met” counts the services that assessed the norm as not met. “Out of” is the denominator of the "
        "share: the services that assessed the norm as applicable (met, partially met or not met); not applicable "
        "and not assessed are excluded. Share = not met / out of. A setting's norm counts only at the services "
        "that chose that setting. Sorted by count, then share, then norm order.",
    ),
    "portfolio.norms_more": (
        "Nog {n} normen zijn bij ten minste één dienst niet voldaan; portfolio.json bevat de volledige lijst.",
        "{n} more norms are not met at one or more services; portfolio.json has the full list.",
    ),
    "portfolio.norms_none": ("Geen enkele norm is bij een dienst als niet voldaan beoordeeld.",
                      "No norm was assessed as not met at any service."),
    "portfolio.critical": ("Kritieke tekortkomingen per dienst", "Critical gaps by service"),
    "portfolio.critical_intro": (
        "Kritieke normen ({ids}; de lezing van het assess-project) die niet of gedeeltelijk voldaan zijn. "
        "Een kritieke norm die niet volledig voldaan is, maakt de totaalstatus van de dienst ROOD; een betwiste kritieke norm maakt die ten hoogste ORANJE.",
        "Critical norms ({ids}; the assess project's reading) that are not met or partially met. "
        "A critical norm not fully met makes the service's overall status RED; a disputed critical norm makes it at most AMBER.",
    ),
    "portfolio.critical_none": ("Geen kritieke tekortkomingen.", "No critical gaps."),
    "portfolio.not_processed": ("Niet verwerkt", "Not processed"),
    "portfolio.not_processed_intro": (
        "Deze invoer kon niet worden gebruikt en telt nergens mee. Per regel: BESTAND:REGEL: melding.",
        "These inputs could not be used and count nowhere. One per line: FILE:LINE: message.",
    ),
    "portfolio.all_processed": ("Alle invoer is verwerkt.", "All inputs were processed."),
    "portfolio.no_services": ("Geen diensten verwerkt.", "No services processed."),
    "portfolio.rules_portfolio": ("Portfolio", "Portfolio"),
    "portfolio.rules_text": (
        "- Elke dienst is gescoord zoals in zijn eigen gap-rapport, met de rekenregels hierboven. Het portfolio rekent "
        "geen scores opnieuw uit en berekent geen gemiddelde over diensten.\n"
        "- Een cel B1–B7 is de score van dat beginsel met de status van die score. „Totaal” is de totaalscore (de 7 "
        "beginselen, zonder settings) met de totaalstatus, die ROOD is als een kritieke norm niet volledig voldaan is (gedeeltelijk of niet voldaan) en ten hoogste ORANJE als een kritieke norm betwist is.\n"
        "- Settings worden apart gescoord en tellen nergens in de beginselscores of de totaalscore mee.\n"
        "- Sortering: totaalscore (afgerond, zoals getoond), hoogste eerst; zonder score onderaan; bij gelijke score "
        "op naam, dan op bestandsvolgorde.\n"
        "- Normen die het vaakst niet voldaan zijn: aantal = diensten met niet voldaan; noemer = diensten die de "
        "norm als toepasselijk beoordeelden; aandeel afgerond op één decimaal (half naar boven).\n"
        "- Niet verwerkte invoer telt nergens mee: niet in de aantallen, niet in de noemers.",
        "- Each service is scored as in its own gap report, with the scoring rules above. The portfolio recomputes no "
        "score and computes no average across services.\n"
        "- A cell P1–P7 is that principle's score with that score's status. “Overall” is the overall score (the 7 "
        "principles, without settings) with the overall status, which is RED when a critical norm is not fully met (partially met or not met) and at most AMBER when a critical norm is disputed.\n"
        "- Settings are scored apart and never count towards principle scores or the overall score.\n"
        "- Sorting: overall score (rounded, as shown), highest first; no score last; equal scores by name, then "
        "by file order.\n"
        "- Norms most often not met: count = services with not met; denominator = services that assessed the norm "
        "as applicable; share rounded to one decimal (half up).\n"
        "- Inputs not processed count nowhere: not in the counts, not in the denominators.",
    ),
}
