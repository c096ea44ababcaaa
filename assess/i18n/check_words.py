"""Words of ``assess check`` and of the reports' quality section, Dutch and English: key -> (nl, en).

``check.rule.<id>`` describes a rule (``assess check --list``); ``check.msg.<id>`` is its finding's message.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "check.rule.met-without-evidence": ("voldaan zonder bewijs", "met without evidence"),
    "check.rule.critical-single-source": (
        "kritieke norm voldaan op minder dan twee soorten bron (triangulatie; alleen getypeerd bewijs noemt zijn soort)",
        "critical norm met on fewer than two kinds of source (triangulation; only typed evidence names its kind)",
    ),
    "check.rule.na-without-reason": ("niet van toepassing zonder reden (opmerking)",
                                     "not applicable without a reason (note)"),
    "check.rule.gap-without-action": ("gedeeltelijk of niet voldaan zonder actie",
                                      "partially met or not met without an action"),
    "check.rule.action-incomplete": ("open actie zonder eigenaar of uiterste datum",
                                     "open action without an owner or a due date"),
    "check.rule.action-overdue": ("open actie over tijd (uiterlijk vóór de beoordelingsdatum)",
                                  "overdue action (due before the assessment's date)"),
    "check.rule.evidence-stale": ("bewijs van meer dan twee jaar vóór de beoordeling",
                                  "evidence dated more than two years before the assessment"),
    "check.rule.disputed-left": ("norm nog betwist na samenvoegen", "norm still disputed after a merge"),
    "check.msg.met-without-evidence": ("{norm} is voldaan zonder bewijs; noteer waarop het oordeel rust",
                                       "{norm} is met without evidence; record what the judgement rests on"),
    "check.msg.critical-single-source": (
        "kritieke norm {norm} is voldaan op {count} soort(en) bron; onderbouw met een tweede soort "
        "(bijv. observatie of interview cliënt, als `source:`)",
        "critical norm {norm} is met on {count} kind(s) of source; support it with a second kind "
        "(e.g. observation or service-user interview, as `source:`)",
    ),
    "check.msg.na-without-reason": ("{norm} is niet van toepassing zonder reden; schrijf in een opmerking waarom",
                                    "{norm} is not applicable without a reason; say why in a note"),
    "check.msg.gap-without-action": ("{norm} is {result} zonder verbeteractie",
                                     "{norm} is {result} without an improvement action"),
    "check.msg.action-incomplete": ("de actie bij {norm} heeft geen {missing}",
                                    "the action of {norm} has no {missing}"),
    "check.missing.owner": ("eigenaar", "owner"),
    "check.missing.due": ("uiterste datum", "due date"),
    "check.missing.both": ("eigenaar en geen uiterste datum", "owner and no due date"),
    "check.msg.action-overdue": ("de actie bij {norm} is over tijd (uiterlijk {date}, beoordeeld op {on})",
                                 "the action of {norm} is overdue (due {date}, assessed on {on})"),
    "check.msg.evidence-stale": ("bewijs bij {norm} is van {date}, meer dan twee jaar vóór de beoordeling ({on})",
                                 "evidence of {norm} is dated {date}, more than two years before the assessment "
                                 "({on})"),
    "check.msg.disputed-left": ("{norm} is nog betwist; beoordeel de norm als team en beslecht het geschil",
                                "{norm} is still disputed; score it as a team and settle the dispute"),
    "check.ok": ("{file}: geen bevindingen", "{file}: no findings"),
    "check.quality": ("Kwaliteit van de beoordeling", "Quality of the assessment"),
    "check.quality_intro": (
        "Bevindingen van `assess check` over deze beoordeling: wat een inspecteur zou vragen. "
        "`assess check BESTAND` geeft elke bevinding met haar regel in het bestand.",
        "Findings of `assess check` on this assessment: what an inspector would ask. "
        "`assess check FILE` gives each finding with its line in the file.",
    ),
    "check.quality_none": ("Geen bevindingen.", "No findings."),
    "check.col.rule": ("Regel", "Rule"),
    "check.col.finding": ("Bevinding", "Finding"),
    "check.col.count": ("Aantal", "Count"),
}
