"""Words of the workbooks, Dutch and English: key -> (nl, en). Keys start with "sheet.", "xl." or "form."
(the answers come from the catalog's answer set)."""

from __future__ import annotations

from assess.i18n.report_words import DISCLAIMER

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "sheet.instructions": ("Instructies", "Instructions"),
    "sheet.summary": ("Samenvatting", "Summary"),
    "sheet.norms": ("Normen", "Norms"),
    "sheet.actions": ("Acties", "Actions"),
    "sheet.services": ("Diensten", "Services"),
    "sheet.gaps": ("Tekortkomingen", "Gaps"),
    "sheet.plan": ("Actieplan", "Action plan"),
    "sheet.not_processed": ("Niet verwerkt", "Not processed"),
    # the service block of a form sheet, and the columns of the tables
    "xl.service": ("Dienst", "Service"),
    "xl.kind": ("Soort", "Kind"),
    "xl.location": ("Locatie", "Location"),
    "xl.assessor": ("Beoordelaars", "Assessors"),
    "xl.assessors": ("Beoordelaars", "Assessors"),
    "xl.date": ("Datum", "Date"),
    "xl.settings": ("Settings", "Settings"),
    "xl.language": ("Taal", "Language"),
    "xl.id": ("Norm", "Norm"),
    "xl.principle": ("Beginsel", "Principle"),
    "xl.setting": ("Setting", "Setting"),
    "xl.section": ("Onderdeel", "Section"),
    "xl.critical": ("Kritiek", "Critical"),
    "xl.scope": ("Reikwijdte", "Scope"),
    "xl.text": ("Tekst", "Text"),
    "xl.result": ("Resultaat", "Result"),
    "xl.evidence": ("Bewijs", "Evidence"),
    "xl.evidence_sources": ("Soorten bron", "Kinds of source"),
    "xl.source": ("Soort bron", "Source"),
    "xl.note": ("Opmerking", "Note"),
    "xl.action": ("Actie", "Action"),
    "xl.owner": ("Eigenaar", "Owner"),
    "xl.due": ("Uiterlijk", "Due"),
    "xl.priority": ("Prioriteit", "Priority"),
    "xl.action_owner": ("Eigenaar", "Owner"),
    "xl.action_due": ("Uiterlijk", "Due"),
    "xl.action_priority": ("Prioriteit", "Priority"),
    "xl.action_done": ("Afgerond", "Done"),
    "xl.action_state": ("Stand", "State"),
    "xl.score": ("Totaalscore", "Overall score"),
    "xl.status": ("Status", "Status"),
    "xl.completeness": ("Volledigheid (%)", "Completeness (%)"),
    "xl.critical_not_fully_met": ("Kritiek niet volledig voldaan", "Critical not fully met"),
    "xl.disputed": ("Betwist", "Disputed"),
    "xl.principle_n": ("B{id}", "P{id}"),
    "xl.setting_n": ("Setting {id}", "Setting {id}"),
    "xl.file": ("Bestand", "File"),
    "xl.line": ("Regel", "Line"),
    "xl.problem": ("Melding", "Problem"),
    "xl.yes": ("ja", "yes"),
    "xl.no": ("nee", "no"),
    "xl.not_assessed": ("niet beoordeeld", "not assessed"),
    "xl.checklist": ("Checklist", "Checklist"),
    "xl.counted": ("Telt mee (normen)", "Counted (norms)"),
    "xl.na_count": ("Niet van toepassing", "Not applicable"),
    "xl.not_assessed_count": ("Niet beoordeeld", "Not assessed"),
    "xl.score_status": ("Status op score alleen", "Status by score alone"),
    "xl.gaps_count": ("Tekortkomingen", "Gaps"),
    "xl.complete": ("Volledig (%)", "Complete (%)"),
    "xl.total": ("Normen", "Norms"),
    # the fill-in form
    "form.title": ("Zelfevaluatie: {name}", "Self-assessment: {name}"),
    "form.placeholder": ("Naam van de dienst", "Name of the service"),
    "form.error_result": ("Kies een antwoord uit de lijst.", "Choose an answer from the list."),
    "form.error_priority": ("Kies een prioriteit uit de lijst.", "Choose a priority from the list."),
    "form.error_date": ("Vul een datum in, zoals 2027-03-01.", "Enter a date, such as 2027-03-01."),
    "form.error_title": ("Ongeldige invoer", "Not allowed"),
    "form.prompt_result": ("Kies een antwoord; laat het leeg als de norm niet beoordeeld is.",
                           "Choose an answer; leave it empty when not assessed."),
    "form.assessors_hint": ("meerdere namen scheiden met ;", "separate several names with ;"),
    "form.instructions": (
        "Zelfevaluatie aan de hand van de UNODC/WHO International Standards for the Treatment of Drug Use "
        "Disorders (herziene editie met opname van de resultaten van praktijktesten, 2020)\n"
        "\n"
        "Hoe vult u dit formulier in\n"
        "1. Elk tabblad na dit tabblad is één dienst: {sheets}.\n"
        "2. Vul bovenaan het tabblad de beoordelaars (meerdere namen scheiden met ;) en de datum in. Klopt de "
        "soort of de locatie niet, verbeter die dan.\n"
        "3. Kies per norm in de kolom Resultaat een antwoord uit de lijst: {answers}. Laat het leeg als u de norm "
        "(nog) niet beoordeelt. Bij niet van toepassing: schrijf in Opmerking waarom.\n"
        "4. Bewijs: documenten, afspraken of waarnemingen die het resultaat onderbouwen; één per regel "
        "(Alt+Enter begint een nieuwe regel in de cel).\n"
        "5. Is een norm niet of gedeeltelijk voldaan, schrijf dan een verbeteractie op, met eigenaar, uiterlijke "
        "datum (zoals 2027-03-01) en prioriteit ({priorities}). Eigenaar, datum en prioriteit horen bij een actie.\n"
        "6. De kolommen Norm, Onderdeel, Tekst, Kritiek en Reikwijdte zijn beveiligd (zonder wachtwoord): verander "
        "de normnummers, de tabbladnamen en de kopregel niet; daaraan leest assess het formulier terug.\n"
        "7. Sla het bestand op als Excel-werkmap (.xlsx) en stuur het terug.\n"
        "\n"
        "Kritiek: de normen {critical} (rechten van cliënten). Is een kritieke norm niet volledig voldaan (gedeeltelijk of niet voldaan), dan "
        "is de totaalstatus ROOD, ongeacht de score. Dit is de lezing van het assess-project, niet van de normen "
        "zelf; evenals de reikwijdte (dienst: de dienst kan er zelf iets aan doen; systeem: vooral gemeente of "
        "netwerk; beide).\n"
        "\n"
        "Voor de consulent: assess import {file} -o antwoorden/ maakt er één beoordelingsbestand per dienst van.\n"
        "\n"
        "Normen: UNODC/WHO, International Standards for the Treatment of Drug Use Disorders, herziene editie met "
        "opname van de resultaten van praktijktesten (2020), CC BY-NC-SA 3.0 IGO. De Nederlandse tekst volgt het "
        "brondocument. " + DISCLAIMER,
        "Self-assessment against the UNODC/WHO International Standards for the Treatment of Drug Use Disorders "
        "(revised edition incorporating results of field-testing, 2020)\n"
        "\n"
        "How to fill in this form\n"
        "1. Each sheet after this one is one service: {sheets}.\n"
        "2. At the top of the sheet, fill in the assessors (separate several names with ;) and the date. Correct "
        "the kind or the location if they are wrong.\n"
        "3. For each norm choose an answer from the list in the Result column: {answers}. Leave it empty if you do "
        "not assess the norm (yet). For not applicable, say why in Note.\n"
        "4. Evidence: documents, agreements or observations behind the result; one per line (Alt+Enter starts a "
        "new line in the cell).\n"
        "5. When a norm is not met or partially met, write an improvement action, with its owner, due date (such "
        "as 2027-03-01) and priority ({priorities}). Owner, due date and priority belong to an action.\n"
        "6. The columns Norm, Section, Text, Critical and Scope are protected (no password): do not change the norm "
        "numbers, the sheet names or the header row; assess reads the form back by them.\n"
        "7. Save the file as an Excel workbook (.xlsx) and send it back.\n"
        "\n"
        "Critical: norms {critical} (clients' rights). When a critical norm is not fully met (partially met or not met), the overall "
        "status is RED whatever the score. This is the assess project's reading, not the standard's; so is the "
        "scope (service: the service itself can act on it; system: mostly the municipality or the network; both).\n"
        "\n"
        "For the consultant: assess import {file} -o answers/ turns it into one assessment file per service.\n"
        "\n"
        "Norms: UNODC/WHO, International Standards for the Treatment of Drug Use Disorders, revised edition "
        "incorporating results of field-testing (2020), CC BY-NC-SA 3.0 IGO. The English text is an unofficial "
        "translation by the assess project. " + DISCLAIMER,
    ),
}
