"""Words of the HTML and Word documents (report, diff, portfolio), Dutch and English: key -> (nl, en).

Keys start with "html.". A word these documents share with the Markdown reports (``report.*``, ``col.*``,
``status.*``, ``diff.*``, ``portfolio.*``) is taken from there and not defined again.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "html.summary_status": (
        "{service} staat op {status}: totaalscore {score}, {completeness} van de normen beoordeeld ({assessed} van {total}).",
        "{service} is {status}: overall score {score}, {completeness} of the norms assessed ({assessed} of {total}).",
    ),
    "html.summary_no_score": (
        "{service} heeft nog geen totaalscore: {completeness} van de normen beoordeeld ({assessed} van {total}).",
        "{service} has no overall score yet: {completeness} of the norms assessed ({assessed} of {total}).",
    ),
    "html.summary_critical": (
        "Kritieke normen niet volledig voldaan: {ids}. Daardoor is de status ROOD, ongeacht de score.",
        "Critical norms not fully met: {ids}. The status is therefore RED, whatever the score.",
    ),
    "html.summary_no_critical": ("Alle kritieke normen die beoordeeld zijn, zijn voldaan.",
                                 "Every critical norm that was assessed is met."),
    "html.summary_gaps": ("{n} tekortkomingen; de meest urgente:", "{n} gaps; the most urgent:"),
    "html.summary_previous": ("Vorige beoordeling{when}: {score}, {status}; verschil {delta}.",
                              "Previous assessment{when}: {score}, {status}; change {delta}."),
    "html.previous_value": ("{score}{when}, {status}; verschil {delta}", "{score}{when}, {status}; change {delta}"),
    "html.urgent": ("Meest urgente tekortkomingen", "Most urgent gaps"),
    "html.no_action": ("nog geen actie vastgelegd", "no action recorded yet"),
    "html.key_figures": ("Kerncijfers", "Key figures"),
    "html.radar": ("Beginselen in één oogopslag", "The principles at a glance"),
    "html.radar_title": ("Radardiagram: score per beginsel (0–100)", "Radar chart: score per principle (0–100)"),
    "html.radar_desc": ("Dezelfde getallen staan in de tabel onder het diagram.",
                        "The same numbers are in the table below the chart."),
    "html.current": ("Deze beoordeling", "This assessment"),
    "html.previous_short": ("Vorige", "Previous"),
    "html.chart_numbers": ("De getallen van het diagram", "The chart's numbers"),
    "html.bars_intro": ("Elke score met de volledigheid ernaast: hoeveel normen van het onderdeel beoordeeld zijn.",
                        "Every score with its completeness beside it: how many of the section's norms were assessed."),
    "html.gap_heading": ("{id} · {result}", "{id} · {result}"),
    "html.signoff": ("Ondertekening", "Sign-off"),
    "html.signoff_intro": (
        "Vastgesteld door de beoordelaars en gezien door het bestuur.",
        "Agreed by the assessors and seen by the board.",
    ),
    "html.assessors": ("Beoordelaars", "Assessors"),
    "html.date": ("Datum", "Date"),
    "html.name": ("Naam", "Name"),
    "html.role": ("Functie", "Role"),
    "html.signature": ("Handtekening", "Signature"),
    "html.distribution": ("Verdeling van de totaalscores", "Distribution of overall scores"),
    "html.distribution_title": ("Staafdiagram: aantal diensten per scoreklasse",
                                "Bar chart: number of services per score band"),
    "html.band": ("Scoreklasse", "Score band"),
    "html.services_count": ("Diensten", "Services"),
    "html.no_score_band": ("geen score", "no score"),
    "html.heatmap": ("Heatmap: diensten × beginselen", "Heat map: services × principles"),
    "html.heatmap_intro": (
        "Elke cel toont de score en de status in woorden; de kleur herhaalt alleen de status. "
        "Een * betekent dat niet elke norm van het beginsel beoordeeld is.",
        "Every cell shows the score and the status in words; the colour only repeats the status. "
        "A * means not every norm of the principle was assessed.",
    ),
    "html.group": ("{what}: {name}", "{what}: {name}"),
    "html.group_kind": ("Soort", "Kind"),
    "html.group_location": ("Plaats", "Location"),
    "html.group_none": ("(niet opgegeven)", "(not given)"),
    "html.generated": ("Gemaakt met assess; alle getallen komen uit de rekenregels hieronder.",
                       "Made with assess; every number follows the scoring rules below."),
}
