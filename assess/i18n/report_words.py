"""Words of the gap reports and the CLI, Dutch and English: key -> (nl, en)."""

from __future__ import annotations

# The disclaimer the licence of the standards requires with a translation, verbatim (its own wording, in English).
DISCLAIMER = (
    "“This translation was not created by the World Health Organization (WHO) or the United Nations Office on Drugs "
    "and Crime (UNODC). Neither WHO nor UNODC are responsible for the content or accuracy of this translation. The "
    "original English edition shall be the binding and authentic edition”."
)

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "report.title": ("Gap-rapport", "Gap report"),
    "report.assessed_on": ("beoordeeld op", "assessed on"),
    "report.by": ("door", "by"),
    "report.checklist": ("Checklist", "Checklist"),
    "report.version": ("versie", "version"),
    "report.critical_lead": ("Kritieke norm niet volledig voldaan", "Critical norm not fully met"),
    "report.critical_explain": (
        "Een kritieke rechtennorm is niet volledig voldaan (gedeeltelijk of niet voldaan). Daarom is de totaalstatus ROOD, ongeacht de score.",
        "A critical rights norm is not fully met (partially met or not met). The overall status is therefore RED, whatever the score.",
    ),
    "report.summary": ("Samenvatting", "Summary"),
    "report.overall_score": ("Totaalscore", "Overall score"),
    "report.status": ("Status", "Status"),
    "report.completeness": ("Volledigheid", "Completeness"),
    "report.completeness_detail": ("{assessed} van {total} normen beoordeeld", "{assessed} of {total} norms assessed"),
    "report.counted": ("Telt mee", "Counted"),
    "report.counted_detail": (
        "{counted} normen: {met} voldaan, {partial} gedeeltelijk, {not_met} niet voldaan",
        "{counted} norms: {met} met, {partial} partially met, {not_met} not met",
    ),
    "report.excluded": ("Uitgesloten", "Excluded"),
    "report.excluded_detail": ("{na} niet van toepassing, {not_assessed} niet beoordeeld",
                               "{na} not applicable, {not_assessed} not assessed"),
    "report.principles": ("Beginselen", "Principles"),
    "report.settings": ("Settings", "Settings"),
    "report.settings_apart": (
        "De settings worden apart gescoord en tellen niet mee in de totaalscore; die is de score van de 7 beginselen.",
        "Settings are scored apart and do not count towards the overall score, which is the score of the 7 principles.",
    ),
    "report.provisional": (
        "\\* = voorlopig: niet elke norm is beoordeeld; de score telt alleen de beoordeelde normen.",
        "\\* = provisional: not every norm was assessed; the score counts only the assessed norms.",
    ),
    "report.provisional_plain": (
        "* = voorlopig: niet elke norm is beoordeeld; de score telt alleen de beoordeelde normen.",
        "* = provisional: not every norm was assessed; the score counts only the assessed norms.",
    ),
    "report.bars": ("Score per onderdeel", "Score per section"),
    "report.gaps": ("Tekortkomingen", "Gaps"),
    "report.no_gaps": ("Geen tekortkomingen bij de beoordeelde normen.", "No gaps among the assessed norms."),
    "report.gaps_intro": (
        "Beoordeelde, toepasselijke normen die niet of gedeeltelijk voldaan zijn: kritiek eerst, dan niet voldaan, dan prioriteit van de actie, dan normvolgorde.",
        "Assessed, applicable norms that are not met or partially met: critical first, then not met, then action priority, then norm order.",
    ),
    "report.action_plan": ("Actieplan", "Action plan"),
    "report.no_actions": ("Er zijn nog geen acties vastgelegd bij de tekortkomingen.", "No actions have been recorded for the gaps yet."),
    "report.gaps_without_action": ("Tekortkomingen zonder actie: {ids}", "Gaps without an action: {ids}"),
    "report.na": ("Niet van toepassing", "Not applicable"),
    "report.na_none": ("Geen normen als niet van toepassing gemarkeerd.", "No norms marked not applicable."),
    "report.na_no_reason": ("⚠ geen reden opgegeven", "⚠ no reason given"),
    "report.not_assessed": ("Niet beoordeeld", "Not assessed"),
    "report.all_assessed": ("Alle normen zijn beoordeeld.", "All norms have been assessed."),
    "report.rules": ("Rekenregels", "Scoring rules"),
    "report.rules_text": (
        "- Waarden: voldaan 1, gedeeltelijk voldaan 0,5, niet voldaan 0. Niet van toepassing en niet beoordeeld tellen niet mee.\n"
        "- Score van een onderdeel = 100 × gemiddelde waarde van de beoordeelde, toepasselijke normen (geen: geen score, –).\n"
        "- Totaalscore = 100 × gemiddelde waarde van alle beoordeelde, toepasselijke normen van de 7 beginselen; elke norm weegt even zwaar.\n"
        "- Volledigheid = beoordeelde normen (n.v.t. inbegrepen) / alle normen.\n"
        "- Status: GROEN vanaf 80, ORANJE vanaf 50, ROOD onder 50.\n- Rechtenvloer: een kritieke norm die niet volledig voldaan is (gedeeltelijk of niet voldaan), maakt de totaalstatus ROOD, ongeacht de score, en staat bovenaan het rapport. Een kritieke norm die na een samenvoeging nog betwist is, maakt de totaalstatus ten hoogste ORANJE (betwist), nooit GROEN. Een kritieke setting-norm doet hetzelfde voor de status van die setting.\n- Betwiste normen (na `assess merge`) tellen als niet beoordeeld en worden in elk rapport apart genoemd.\n"
        "- Scores zijn afgerond op één decimaal (half naar boven).\n"
        "- Kritieke normen en de indeling service/system zijn de lezing van het assess-project, niet van de normen zelf.",
        "- Values: met 1, partially met 0.5, not met 0. Not applicable and not assessed are excluded.\n"
        "- Section score = 100 × mean value of its assessed, applicable norms (none: no score, –).\n"
        "- Overall score = 100 × mean value of all assessed, applicable norms of the 7 principles; each norm weighs the same.\n"
        "- Completeness = assessed norms (not applicable included) / all norms.\n"
        "- Status: GREEN from 80, AMBER from 50, RED below 50.\n- Rights floor: a critical norm that is not fully met (partially met or not met) makes the overall status RED, whatever the score, and leads the report. A critical norm still disputed after a merge makes the overall status at most AMBER (disputed), not GREEN. A critical setting item does the same for that setting's status.\n- Disputed norms (after `assess merge`) count as not assessed and are listed apart in every report.\n"
        "- Scores are rounded to one decimal (half up).\n"
        "- Critical norms and the service/system scope are the assess project's reading, not the standard's.",
    ),
    "report.source": (
        "Normen: UNODC/WHO, Internationale normen voor de behandeling van stoornissen in het gebruik van drugs: "
        "herziene editie met opname van de resultaten van praktijktesten (2020), CC BY-NC-SA 3.0 IGO. De Nederlandse "
        "tekst volgt het brondocument; de Engelse is een onofficiële vertaling van het assess-project. Verklaring die de "
        "licentie bij een vertaling voorschrijft: " + DISCLAIMER,
        "Norms: UNODC/WHO, International standards for the treatment of drug use disorders: revised edition "
        "incorporating results of field-testing (2020), CC BY-NC-SA 3.0 IGO. The Dutch text follows the source "
        "document; the English text is an unofficial translation by the assess project. The disclaimer the licence "
        "requires for a translation: " + DISCLAIMER,
    ),
    "col.section": ("Onderdeel", "Section"),
    "col.title": ("Titel", "Title"),
    "col.score": ("Score", "Score"),
    "col.status": ("Status", "Status"),
    "col.complete": ("Volledig", "Complete"),
    "col.met": ("Voldaan", "Met"),
    "col.partial": ("Gedeelt.", "Partial"),
    "col.not_met": ("Niet v.", "Not met"),
    "col.na": ("N.v.t.", "N/A"),
    "col.not_assessed": ("Niet beoord.", "Not assessed"),
    "col.norm": ("Norm", "Norm"),
    "col.text": ("Tekst", "Text"),
    "col.result": ("Resultaat", "Result"),
    "col.evidence": ("Bewijs", "Evidence"),
    "col.note": ("Opmerking", "Note"),
    "col.action": ("Actie", "Action"),
    "col.owner": ("Eigenaar", "Owner"),
    "col.due": ("Uiterlijk", "Due"),
    "col.priority": ("Prioriteit", "Priority"),
    "col.reason": ("Reden", "Reason"),
    "col.scope": ("Reikwijdte", "Scope"),
    "col.critical": ("Kritiek", "Critical"),
    "status.green": ("GROEN", "GREEN"),
    "status.amber": ("ORANJE", "AMBER"),
    "status.red": ("ROOD", "RED"),
    "status.none": ("geen score", "no score"),
    "priority.high": ("hoog", "high"),
    "priority.medium": ("middel", "medium"),
    "priority.low": ("laag", "low"),
    "action.done": ("afgerond", "done"),
    "action.overdue": ("over tijd", "overdue"),
    "action.open": ("open", "open"),
    "critical": ("kritiek", "critical"),
    "scope.service": ("dienst", "service"),
    "scope.system": ("systeem", "system"),
    "scope.both": ("beide", "both"),
}
