"""Words of the merge output, Dutch and English: key -> (nl, en). Keys start with "merge.".

Words the gap reports already have are looked up there (``col.section``, ``col.norm``, and in the notes
on extra actions ``col.action``, ``col.owner``, ``col.due``, ``col.priority``, ``priority.*``,
``action.done``), never defined again.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "merge.written": ("Consensus geschreven naar {file}: {count} beoordelingen van {service}.",
                      "Consensus written to {file}: {count} assessments of {service}."),
    "merge.counts": ("{agreed} normen eensgezind, {disputed} betwist, {unassessed} door niemand beoordeeld.",
                     "{agreed} norms agreed, {disputed} disputed, {unassessed} assessed by nobody."),
    "merge.agreement": ("Overeenstemming", "Agreement"),
    "merge.agreement_intro": (
        "Berekend over de normen die door alle beoordelaars beoordeeld zijn; n.v.t. telt als eigen categorie. "
        "Totaal: de normen van de 7 beginselen; settings apart. {method}.",
        "Computed over the norms every assessor assessed; not applicable counts as a category of its own. "
        "Overall: the norms of the 7 principles; settings apart. {method}.",
    ),
    "merge.cohen": ("Cohens kappa (twee beoordelaars)", "Cohen's kappa (two assessors)"),
    "merge.fleiss": ("Fleiss' kappa ({raters} beoordelaars)", "Fleiss' kappa ({raters} assessors)"),
    "merge.bands": ("Duiding volgens Landis & Koch (1977).", "Interpretation after Landis & Koch (1977)."),
    "merge.col.norms": ("Normen", "Norms"),
    "merge.col.by_all": ("Door allen", "By all"),
    "merge.col.percent": ("Overeenstemming", "Agreement"),
    "merge.col.kappa": ("Kappa", "Kappa"),
    "merge.overall": ("Totaal (7 beginselen)", "Overall (7 principles)"),
    "merge.na": ("n.b.", "n/a"),
    # why a kappa is undefined: "merge.kappa." + Kappa.reason
    "merge.kappa.no_items": ("geen normen die door alle beoordelaars beoordeeld zijn",
                             "no norms assessed by every assessor"),
    "merge.kappa.chance_is_one": ("alle antwoorden in één categorie, kansovereenstemming is 1",
                                  "all answers in one category, chance agreement is 1"),
    # Landis & Koch bands: "merge.band." + agreement.band(kappa)
    "merge.band.poor": ("slecht", "poor"),
    "merge.band.slight": ("gering", "slight"),
    "merge.band.fair": ("matig", "fair"),
    "merge.band.moderate": ("redelijk", "moderate"),
    "merge.band.substantial": ("aanzienlijk", "substantial"),
    "merge.band.almost_perfect": ("bijna volledig", "almost perfect"),
    "merge.disputed": ("Betwiste normen", "Disputed norms"),
    "merge.no_disputed": ("Geen: alle beoordelaars waren het eens.", "None: the assessors agreed on every norm."),
    "merge.settle": (
        "Beslis elke betwiste norm in het consensusbestand: vul result in en verwijder de lijst disputed "
        "(neem eerst over wat u van het bewijs en de opmerkingen wilt houden).",
        "Settle each disputed norm in the consensus file: give it a result and delete its disputed list "
        "(first copy what you want to keep of the evidence and notes).",
    ),
    "merge.not_assessed": ("niet beoordeeld", "not assessed"),
}
