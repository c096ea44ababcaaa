"""Words of the diff output, Dutch and English: key -> (nl, en). Keys start with "diff."."""

from __future__ import annotations

# "Summary" and "Settings" are the report's words (report.summary, report.settings): the diff uses those.
WORDS: dict[str, tuple[str, str]] = {
    "diff.title": ("Vergelijking", "Comparison"),
    "diff.trend": ("Trend", "Trend"),
    "diff.previous": ("Vorige beoordeling", "Previous assessment"),
    "diff.before": ("Voor", "Before"),
    "diff.after": ("Na", "After"),
    "diff.delta": ("Verschil", "Change"),
    "diff.today": ("vandaag", "today"),
    "diff.new_date": ("datum van de nieuwe beoordeling", "date of the new assessment"),
    "diff.reference": ("Peildatum voor acties over tijd: {date} ({why}).",
                       "Reference date for overdue actions: {date} ({why})."),
    "diff.scores": ("Scores per beginsel", "Scores per principle"),
    "diff.settings_apart": ("De settings worden apart gescoord en tellen niet mee in de totaalscore.",
                            "Settings are scored apart and do not count towards the overall score."),
    "diff.not_chosen": ("niet gekozen", "not chosen"),
    "diff.changes": ("Veranderde normen", "Changed norms"),
    "diff.improved": ("Verbeterd", "Improved"),
    "diff.regressed": ("Verslechterd", "Regressed"),
    "diff.changed": ("Anders (van of naar niet van toepassing)", "Changed (to or from not applicable)"),
    "diff.newly_assessed": ("Nieuw beoordeeld", "Newly assessed"),
    "diff.no_longer_assessed": ("Niet meer beoordeeld", "No longer assessed"),
    "diff.gaps_closed": ("Tekortkomingen opgelost", "Gaps closed"),
    "diff.gaps_opened": ("Nieuwe tekortkomingen", "Gaps opened"),
    "diff.actions_completed": ("Acties afgerond", "Actions completed"),
    "diff.actions_overdue": ("Acties over tijd", "Actions overdue"),
    "diff.none": ("Geen.", "None."),
    "diff.not_assessed": ("niet beoordeeld", "not assessed"),
    "diff.from_old": ("uit de vorige beoordeling", "from the previous assessment"),
    "diff.now": ("Nu", "Now"),
    "diff.rules": ("Rekenregels", "How changes are counted"),
    "diff.rules_text": (
        "- Verschil = nieuwe min oude score, berekend met de exacte scores en afgerond op één decimaal "
        "(half naar boven).\n"
        "- Richting: voldaan > gedeeltelijk voldaan > niet voldaan. Van of naar niet van toepassing heet "
        "'anders'.\n"
        "- Een tekortkoming is opgelost als de norm nu voldaan of niet van toepassing is; een norm die niet meer "
        "beoordeeld is, staat bij 'niet meer beoordeeld'.\n"
        "- Een actie is over tijd als ze niet afgerond is, de uiterste datum vóór de peildatum ligt en de norm nog "
        "een tekortkoming is.",
        "- Change = new minus old score, computed from the exact scores and rounded to one decimal (half up).\n"
        "- Direction: met > partially met > not met. To or from not applicable is 'changed'.\n"
        "- A gap is closed when the norm is now met or not applicable; a norm no longer assessed is listed under "
        "'no longer assessed'.\n"
        "- An action is overdue when it is not done, its due date is before the reference date and its norm is "
        "still a gap.",
    ),
}
