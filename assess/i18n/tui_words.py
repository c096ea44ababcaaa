"""Words of the audit TUI, Dutch and English: key -> (nl, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    # key bindings (footer, help)
    "key.score": ("", ""),  # the result row of the pane names each score key
    "key.met": ("Voldaan", "Met"),
    "key.partial": ("Gedeeltelijk voldaan", "Partially met"),
    "key.not_met": ("Niet voldaan", "Not met"),
    "key.na": ("Niet van toepassing", "Not applicable"),
    "key.clear": ("Beoordeling wissen", "Clear the answer"),
    "key.norm": ("Norm", "Norm"),
    "key.next": ("Volgende norm", "Next norm"),
    "key.previous": ("Vorige norm", "Previous norm"),
    "key.section": ("Onderdeel", "Section"),
    "key.next_section": ("Volgend onderdeel", "Next section"),
    "key.previous_section": ("Vorig onderdeel", "Previous section"),
    "key.next_open": ("Open", "To do"),
    "key.next_open_long": ("Volgende norm die nog niet beoordeeld is", "Next norm not yet assessed"),
    "key.edit": ("Bewerk", "Edit"),
    "key.edit_long": ("Bewijs, opmerking en actie bewerken", "Edit evidence, note and action"),
    "key.summary": ("Scores", "Summary"),
    "key.summary_long": ("Overzicht: scores en tekortkomingen", "Summary: scores and gaps"),
    "key.filter": ("Filter", "Filter"),
    "key.details": ("Dienst", "Service"),
    "key.details_long": ("Gegevens van de dienst en behandelvormen", "Service details and settings"),
    "key.overview": ("Alle antwoorden", "All answers"),
    "key.overview_long": ("Alle antwoorden in een tabel (enter: naar de norm)",
                          "Every answer in a table (enter: go to the norm)"),
    "key.filter_long": ("Filter kiezen", "Choose a filter"),
    "key.describe": ("Uitleg", "About"),
    "key.describe_long": ("Beschrijving van het onderdeel tonen of verbergen", "Show or hide the section's description"),
    "key.language": ("EN", "NL"),
    "key.language_long": ("Taal wisselen (Nederlands/Engels)", "Switch language (Dutch/English)"),
    "key.help": ("Hulp", "Help"),
    "key.quit": ("Stop", "Quit"),
    "key.quit_long": ("Stoppen (alles is al opgeslagen)", "Quit (everything is already saved)"),
    "key.page_down": ("Tekst omlaag scrollen", "Scroll the text down"),
    "key.page_up": ("Tekst omhoog scrollen", "Scroll the text up"),
    "key.back": ("Terug", "Back"),
    "key.undo": ("Ongedaan maken", "Undo"),
    "key.undo_long": ("Laatste wijziging van een antwoord ongedaan maken", "Undo the last change to an answer"),
    "key.redo": ("Opnieuw doen", "Redo"),
    "key.redo_long": ("Ongedaan gemaakte wijziging opnieuw doen", "Redo the change undone"),
    "undo.done": ("Ongedaan gemaakt: norm {norm}.", "Undone: norm {norm}."),
    "undo.redone": ("Opnieuw gedaan: norm {norm}.", "Redone: norm {norm}."),
    "undo.nothing": ("Niets om ongedaan te maken.", "Nothing to undo."),
    "undo.nothing_redo": ("Niets om opnieuw te doen.", "Nothing to redo."),
    "key.export": ("Exporteer", "Export"),
    "key.export_long": ("Rapport exporteren (md, json, csv)", "Export the report (md, json, csv)"),
    "key.save": ("Opslaan", "Save"),
    "key.cancel": ("Annuleren", "Cancel"),
    "key.reload": ("Schijfversie laden", "Load disk version"),
    "key.reload_long": ("Conflict: de versie op schijf laden (de uwe wordt als reservekopie bewaard)",
                        "Conflict: load the version on disk (yours is kept as a backup)"),
    "key.keep": ("Mijn versie houden", "Keep mine"),
    "key.keep_long": ("Conflict: uw versie opslaan over die op schijf (die wordt als reservekopie bewaard)",
                      "Conflict: save yours over the one on disk (that one is kept as a backup)"),
    "key.retry": ("Opnieuw proberen", "Try again"),
    "key.later": ("Later kiezen", "Decide later"),
    "key.later_long": ("Conflict: later kiezen (opslaan blijft gepauzeerd)",
                       "Conflict: decide later (saving stays paused)"),
    "key.take_over": ("Toch bewerken", "Edit anyway"),
    "key.take_over_long": ("Toch bewerken, hoewel een andere assess het bestand open heeft",
                           "Edit anyway, although another assess has the file open"),
    "key.palette": ("Zoeken", "Search"),
    "key.palette_long": ("Zoeken: norm op nummer of woorden", "Search: a norm by number or words"),
    "palette.summary": ("Overzicht: scores en tekortkomingen", "Summary: scores and gaps"),
    "palette.filter": ("Filter kiezen", "Choose a filter"),
    "palette.details": ("Gegevens van de dienst en behandelvormen", "Service details and settings"),
    "palette.overview": ("Alle antwoorden in een tabel", "Every answer in a table"),
    "palette.help": ("Toetsen (hulp)", "Keys (help)"),
    "palette.language": ("Taal wisselen (Nederlands/Engels)", "Switch language (Dutch/English)"),
    "palette.placeholder": ("Nummer of woorden van een norm, of een scherm", "A norm's number or words, or a screen"),
    "palette.keys": ("↑↓ kiezen · enter gaan · esc sluiten", "↑↓ choose · enter go · esc close"),
    "palette.nothing": ("Niets gevonden", "Nothing found"),
    "palette.close_form": ("Sluit eerst het formulier (ctrl+s of esc).", "Close the form first (ctrl+s or esc)."),
    "key.conflict": ("Conflict", "Conflict"),
    "key.conflict_long": ("Het conflict met de schijf oplossen", "Resolve the conflict with the file on disk"),
    # top bar
    "bar.saved": ("✓ opgeslagen", "✓ saved"),
    "bar.conflict": ("⚠ bestand gewijzigd op schijf", "⚠ file changed on disk"),
    "bar.failed": ("⚠ niet opgeslagen", "⚠ not saved"),
    "bar.paused": ("⚠ gewijzigd op schijf: opslaan gepauzeerd ({key}: kiezen)",
                   "⚠ changed on disk: saving paused ({key}: decide)"),
    "bar.filter": ("filter", "filter"),
    "bar.read_only.file": ("alleen-lezen: bestand schrijfbeveiligd", "read-only: the file is write-protected"),
    "bar.read_only.folder": ("alleen-lezen: map niet schrijfbaar", "read-only: the folder is not writable"),
    "bar.read_only.signed": ("alleen-lezen: ondertekend (assess reopen om te wijzigen)",
                             "read-only: signed off (assess reopen to change it)"),
    "bar.read_only.locked": ("alleen-lezen: elders geopend ({key}: toch bewerken)",
                             "read-only: open elsewhere ({key}: edit anyway)"),
    # audit screen
    "audit.assessed": ("{assessed}/{total} beoordeeld", "{assessed}/{total} assessed"),
    "audit.settings_apart": ("Behandelvormen (apart gescoord)", "Settings (scored apart)"),
    "audit.provisional": ("* = voorlopige score", "* = provisional score"),  # the sidebar is 26 wide at 80
    "audit.provisional_long": ("* = voorlopig: niet elke norm is beoordeeld; de score telt alleen de beoordeelde "
                               "normen", "* = provisional: not every norm was assessed; the score counts only the "
                               "assessed norms"),
    "audit.position": ("{index} van {total}", "{index} of {total}"),
    "audit.critical": ("⚠ kritiek", "⚠ critical"),
    "audit.scope": ("reikwijdte: {scope}", "scope: {scope}"),
    "audit.result": ("Resultaat", "Result"),
    "audit.not_assessed": ("nog niet beoordeeld", "not assessed yet"),
    "audit.evidence": ("Bewijs", "Evidence"),
    "audit.note": ("Opmerking", "Note"),
    "audit.action": ("Actie", "Action"),
    "audit.edit_hint": ("{key}: bewijs, opmerking en actie bewerken", "{key}: edit evidence, note and action"),
    "audit.describe_hint": ("{key}: uitleg bij dit onderdeel", "{key}: about this section"),
    "audit.describe_hide": ("{key}: uitleg verbergen", "{key}: hide the section's description"),
    "audit.check": ("Controle", "Check"),
    "audit.check_sources": (
        "kritieke norm {norm} is voldaan op {count} soort(en) bron; zet in het formulier ({key}) een tweede soort "
        "vóór een bewijsregel, zoals observatie: …",
        "critical norm {norm} is met on {count} kind(s) of source; in the form ({key}), put a second kind before an "
        "evidence line, as in observation: …"),
    "audit.na_needs_note": ("Niet van toepassing: leg in een opmerking uit waarom ({key}).",
                            "Not applicable: add a note saying why ({key})."),
    "audit.disputed": ("Betwist: de beoordelaars waren het oneens", "Disputed: the assessors disagreed"),
    "audit.source_note": ("Bronnoot", "Source note"),
    "audit.all_assessed": ("Alle normen in beeld zijn beoordeeld. Druk op {key} voor het overzicht.",
                           "Every norm in view is assessed. Press {key} for the summary."),
    "audit.at_end": ("Laatste norm in beeld.", "Last norm in view."),
    "audit.at_start": ("Eerste norm in beeld.", "First norm in view."),
    "reason.ask": ("Waarom is {norm} niet van toepassing?", "Why does {norm} not apply?"),
    "reason.keys": ("enter bewaart · esc overslaan", "enter keeps · esc skips"),
    "problem.read": ("Kan het bestand niet lezen:", "Cannot read the file:"),
    "problem.warning": ("Let op bij het lezen:", "While reading:"),
    "audit.warning": ("Waarschuwing", "Warning"),
    # read-only
    "readonly.file": ("{file} is schrijfbeveiligd: geopend als alleen-lezen, er wordt niets opgeslagen.",
                      "{file} is write-protected: opened read-only, nothing will be saved."),
    "readonly.folder": ("De map van {file} is niet schrijfbaar: geopend als alleen-lezen, er wordt niets opgeslagen.",
                        "The folder of {file} is not writable: opened read-only, nothing will be saved."),
    "readonly.signed": ("{file} is definitief ondertekend: geopend als alleen-lezen. Wie het wil wijzigen, typt eerst "
                        "assess reopen {file} (de handtekening blijft in de geschiedenis bewaard).",
                        "{file} is signed off as final: opened read-only. To change it, first run assess reopen {file} "
                        "(the signature is kept in its history)."),
    "readonly.locked": ("{file} is al geopend in een andere assess ({holder}): geopend als alleen-lezen; wat daar "
                        "wordt opgeslagen verschijnt hier. {key}: toch bewerken.",
                        "{file} is already open in another assess ({holder}): opened read-only; what is saved "
                        "there shows here. {key}: edit anyway."),
    "paused.recovered": ("Wijzigingen die de vorige keer niet opgeslagen konden worden (het bestand was op schijf "
                         "gewijzigd) staan in {backup}. Vergelijk: assess diff {file} {backup}",
                         "Changes that could not be saved last time (the file had changed on disk) are in {backup}. "
                         "Compare: assess diff {file} {backup}"),
    "saved.kept_as_written": ("{file} had opmerkingen of een eigen opmaak, die assess bij opslaan niet bewaart: het "
                              "bestand zoals het was staat in {backup}.",
                              "{file} held comments or a layout of its own, which assess does not keep when it "
                              "saves: the file as it was is kept in {backup}."),
    "draft.failed": ("Concept niet bewaard: {error}", "Draft not kept: {error}"),
    "draft.stale": ("{what} is in het bestand gewijzigd sinds dit concept is bewaard (door iemand anders?). "
                    "Opslaan vervangt die wijziging; het bestand zoals het nu is, staat in {backup}.",
                    "{what} changed in the file since this draft was kept (by someone else?). Saving replaces "
                    "that change; the file as it is now is kept in {backup}."),
    "draft.stale_details": ("De dienstgegevens", "The service details"),
    "draft.stale_no_backup": ("Dit deel is in het bestand gewijzigd sinds dit concept is bewaard, en er kon geen "
                              "reservekopie gemaakt worden ({error}): opslaan vervangt die wijziging.",
                              "This part changed in the file since this draft was kept, and no backup could be "
                              "made ({error}): saving replaces that change."),
    "readonly.forced": ("{file} is ook geopend in een andere assess ({holder}); met --force toch te bewerken. "
                        "Wat de ander opslaat, wordt als conflict gemeld.",
                        "{file} is also open in another assess ({holder}); editable anyway with --force. What the "
                        "other saves is reported as a conflict."),
    "readonly.refused": ("Alleen-lezen: er wordt niets gewijzigd of opgeslagen.",
                         "Read-only: nothing is changed or saved."),
    "readonly.take_over_confirm": ("Druk nogmaals op {key} om toch te bewerken; wat de andere assess opslaat, "
                                   "wordt dan als conflict gemeld.",
                                   "Press {key} again to edit anyway; what the other assess saves is then "
                                   "reported as a conflict."),
    "readonly.taken_over": ("U kunt dit bestand nu bewerken.", "You can now edit this file."),
    # filters
    "filter.title": ("Filter", "Filter"),
    "filter.all": ("alle normen", "all norms"),
    "filter.unassessed": ("alleen nog niet beoordeeld", "only not yet assessed"),
    "filter.gaps": ("alleen tekortkomingen (niet of gedeeltelijk voldaan)", "only gaps (not met or partially met)"),
    "filter.disputed": ("alleen betwist (na assess merge)", "only disputed (after assess merge)"),
    "filter.findings": ("alleen waar de controle iets over zegt (assess check)",
                        "only where the check has something to say (assess check)"),
    "filter.service_only": ("alleen dienstnormen (verbergt reikwijdte systeem)",
                            "only service norms (hides scope system)"),
    "filter.short.unassessed": ("open", "to do"),
    "filter.short.gaps": ("tekortkomingen", "gaps"),
    "filter.short.disputed": ("betwist", "disputed"),
    "filter.short.findings": ("controle", "check"),
    "filter.short.service": ("dienst", "service"),
    "filter.keys": ("1-5 of enter kiest · 6 zet aan/uit · esc annuleert", "1-5 or enter chooses · 6 toggles · esc cancels"),
    "filter.none_match": ("Geen normen voldoen aan dit filter; filter niet toegepast.",
                          "No norms match this filter; filter not applied."),
    # edit form
    "edit.title": ("Norm {norm} bewerken", "Edit norm {norm}"),
    "edit.evidence": ("Bewijs (één per regel; de bron ervoor, zoals observatie: …)",
                      "Evidence (one per line; its source first, as in observation: …)"),
    "edit.note": ("Opmerking", "Note"),
    "edit.action": ("Actie: wat gaat er gebeuren?", "Action: what will be done?"),
    "edit.owner": ("Eigenaar", "Owner"),
    "edit.due": ("Uiterlijk", "Due"),
    "edit.date_format": ("JJJJ-MM-DD", "YYYY-MM-DD"),
    "edit.priority": ("Prioriteit", "Priority"),
    "edit.no_priority": ("geen", "none"),
    "edit.done": ("Actie afgerond", "Action done"),
    "edit.settle": ("Geschil beslecht: standpunten van de beoordelaars verwijderen",
                    "Dispute settled: remove the assessors' positions"),
    "edit.bad_date": ("{value!r} is geen datum (JJJJ-MM-DD)", "{value!r} is not a date (YYYY-MM-DD)"),
    "edit.needs_description": ("Een actie heeft een beschrijving nodig.", "An action needs a description."),
    "edit.discard": ("Nog niet opgeslagen: ctrl+s slaat op, nogmaals drukken gooit uw wijzigingen weg.",
                     "Not saved yet: ctrl+s saves, pressing again discards your changes."),
    "edit.draft_restored": ("Concept van {when} teruggezet (nog niet opgeslagen): ctrl+s slaat op, esc gooit het weg.",
                            "Draft of {when} put back (not saved yet): ctrl+s saves, esc throws it away."),
    "edit.keys": ("ctrl+s opslaan · esc annuleren · tab volgend veld", "ctrl+s save · esc cancel · tab next field"),
    # service details
    "details.title": ("Gegevens van de dienst", "Service details"),
    "details.name": ("Naam van de dienst", "Name of the service"),
    "details.kind": ("Soort dienst", "Kind of service"),
    "details.kind_example": ("bijv. medicatiepoli, outreach", "e.g. outpatient clinic, outreach"),
    "details.location": ("Plaats", "Location"),
    "details.assessors": ("Beoordelaars (één per regel)", "Assessors (one per line)"),
    "details.date": ("Datum", "Date"),
    "details.settings": ("Behandelvormen (elk met een eigen checklist, apart gescoord)",
                         "Settings (each with a checklist of its own, scored apart)"),
    "details.needs_name": ("De dienst heeft een naam nodig.", "The service needs a name."),
    "details.drops": ("Uitgevinkt: {count} antwoord(en) van die behandelvorm(en) worden verwijderd ({ids}). "
                      "Druk nogmaals op ctrl+s om te bevestigen (ctrl+z maakt het daarna ongedaan).",
                      "Unticked: {count} answer(s) of that setting (those settings) will be removed ({ids}). "
                      "Press ctrl+s again to confirm (ctrl+z undoes it afterwards)."),
    "details.saved": ("Gegevens van de dienst opgeslagen.", "Service details saved."),
    "undo.details": ("Ongedaan gemaakt: gegevens van de dienst.", "Undone: the service details."),
    "undo.details_redone": ("Opnieuw gedaan: gegevens van de dienst.", "Redone: the service details."),
    # every answer
    "overview.title": ("Alle antwoorden", "Every answer"),
    "overview.evidence": ("Bewijs", "Evidence"),
    "overview.count": ("{shown} van {total} normen", "{shown} of {total} norms"),
    "overview.keys": ("enter: naar de norm · f: filter · esc: terug", "enter: go to the norm · f: filter · esc: back"),
    # summary
    "summary.title": ("Overzicht", "Summary"),
    "summary.critical": ("Kritieke norm niet voldaan: {ids}. De totaalstatus is daarom ROOD.",
                         "Critical norm not met: {ids}. The overall status is therefore RED."),
    "summary.principles_only": ("7 beginselen; behandelvormen tellen niet mee", "7 principles; settings do not count"),
    "summary.table_keys": ("enter: naar de norm · {key}: exporteren", "enter: go to the norm · {key}: export"),
    "summary.no_gaps": ("Geen tekortkomingen bij de beoordeelde normen.", "No gaps among the assessed norms."),
    "summary.exported": ("Rapport geschreven naar {path}", "Report written to {path}"),
    # export
    "export.title": ("Rapport exporteren", "Export the report"),
    "export.format": ("Formaat", "Format"),
    "export.file": ("Bestand", "File"),
    "export.exists": ("{path} bestaat al. Druk nogmaals op Enter om te overschrijven.",
                      "{path} already exists. Press Enter again to overwrite it."),
    "export.no_folder": ("Map {folder} bestaat niet.", "Folder {folder} does not exist."),
    "export.failed": ("Kan niet schrijven: {error}", "Cannot write: {error}"),
    "export.empty": ("Geef een bestandsnaam.", "Give a file name."),
    "export.is_assessment_open": ("{path} is het geopende beoordelingsbestand; kies een andere naam.",
                                  "{path} is the assessment file being audited; choose another name."),
    "export.is_assessment": ("{path} is een beoordelingsbestand; het wordt niet overschreven. Kies een andere naam.",
                             "{path} is an assessment file; it is not overwritten. Choose another name."),
    "export.kept_file": ("{path} is een slot of reservekopie van assess; die wordt niet overschreven. Kies een "
                         "andere naam.",
                         "{path} is a lock or a backup of assess's; it is not overwritten. Choose another name."),
    "export.read_only": ("{path} is alleen-lezen; het wordt niet overschreven. Kies een andere naam.",
                         "{path} is read-only; it is not overwritten. Choose another name."),
    "export.not_regular": ("{path} is geen gewoon bestand; kies een andere naam.",
                           "{path} is not a regular file; choose another name."),
    "export.done": ("Geschreven naar {path}. Esc sluit; een andere naam exporteert nog een keer.",
                    "Written to {path}. Esc closes; another name exports once more."),
    "export.keys": ("enter exporteren · esc sluiten", "enter export · esc close"),
    # conflict
    "conflict.title": ("Bestand gewijzigd op schijf", "File changed on disk"),
    "conflict.explain": (
        "{file} is buiten assess om gewijzigd sinds het geopend werd (met de hand bewerkt, of door een ander programma). "
        "Er is niets overschreven.",
        "{file} was changed outside assess since it was opened (edited by hand, or by another program). "
        "Nothing has been overwritten.",
    ),
    "conflict.differs": ("Verschillen tussen de schijf en uw versie: {ids}", "Differences between disk and yours: {ids}"),
    "conflict.same_answers": ("De antwoorden zijn gelijk; alleen de rest van het bestand verschilt.",
                              "The answers are the same; only the rest of the file differs."),
    "conflict.gone": ("Het bestand bestaat niet meer op schijf.", "The file no longer exists on disk."),
    "conflict.broken": ("De versie op schijf kan niet gelezen worden:", "The version on disk cannot be read:"),
    "conflict.choose": (
        "Schijfversie laden: uw wijzigingen worden vervangen. Mijn versie houden: de versie op schijf wordt "
        "overschreven. Wat vervangen wordt, wordt eerst als reservekopie naast het bestand bewaard. "
        "Esc: later kiezen (opslaan blijft gepauzeerd).",
        "Load disk version: your changes are replaced. Keep mine: the version on disk is overwritten. "
        "What is replaced is first kept as a backup beside the file. Esc: decide later (saving stays paused).",
    ),
    "conflict.disk": ("op schijf", "on disk"),
    "conflict.mine": ("uw versie", "yours"),
    "conflict.more": ("… en nog {count} normen", "… and {count} more norms"),
    "conflict.confirm_reload": ("Uw wijzigingen vervangen door de versie op schijf? Druk nogmaals op {key} "
                                "om te bevestigen (uw versie wordt als reservekopie bewaard).",
                                "Replace your changes with the version on disk? Press {key} again to confirm "
                                "(yours is kept as a backup)."),
    "conflict.confirm_keep": ("De versie op schijf overschrijven met de uwe? Druk nogmaals op {key} om te "
                              "bevestigen (die op schijf wordt als reservekopie bewaard).",
                              "Overwrite the version on disk with yours? Press {key} again to confirm "
                              "(the one on disk is kept as a backup)."),
    "conflict.reloaded": ("Versie op schijf geladen. Uw versie is bewaard als {backup}.",
                          "Loaded the version on disk. Yours is kept as {backup}."),
    "conflict.kept": ("Uw versie is opgeslagen. De versie op schijf is bewaard als {backup}.",
                      "Your version has been saved. The version on disk is kept as {backup}."),
    "conflict.kept_nothing": ("Uw versie is opgeslagen.", "Your version has been saved."),
    "conflict.backup_failed": ("Geen reservekopie kunnen maken ({error}); er is niets vervangen.",
                               "Could not write a backup ({error}); nothing was replaced."),
    "conflict.later": ("Opslaan is gepauzeerd tot u kiest: druk op {key}.",
                       "Saving is paused until you decide: press {key}."),
    "save.failed": ("Niet opgeslagen: {error}. Volgende wijziging probeert het opnieuw.",
                    "Not saved: {error}. The next change tries again."),
    "quit.unsaved": ("Uw laatste wijzigingen staan nog niet op schijf. Druk nogmaals om toch te stoppen; "
                     "ze gaan dan verloren.",
                     "Your latest changes are not on disk yet. Press again to quit anyway; they will be lost."),
    "quit.how": ("Druk op {key} om te stoppen.", "Press {key} to quit."),
    # too small a terminal
    "small.text": ("Het venster is te klein ({width}×{height}): de audit heeft minstens {min_width}×{min_height} "
                   "nodig. Maak het venster groter; er gaat niets verloren. ctrl+q stopt.",
                   "The terminal is too small ({width}×{height}): the audit needs at least {min_width}×{min_height}. "
                   "Make it larger; nothing is lost. ctrl+q quits."),
    # help
    "help.title": ("Toetsen", "Keys"),
    "help.col_keys": ("Toets", "Key"),
    "help.col_what": ("Wat", "What"),
    "help.col_id": ("Id", "Id"),
    "help.remap": (
        "Toetsen aanpassen: zet in {path} per id de gewenste toets(en), bijvoorbeeld `score-met: \"1\"`.",
        "Change keys: in {path}, give each id the key(s) you want, e.g. `score-met: \"1\"`.",
    ),
    "help.saving": (
        "Elke wijziging wordt meteen opgeslagen. Een score verschuift naar de volgende norm; na {na} (niet van "
        "toepassing) vraagt de regel onderaan waarom: enter bewaart de reden als opmerking, esc slaat over. "
        "Een score met * is voorlopig: niet elke norm van dat onderdeel is beoordeeld. ctrl+q stopt altijd.",
        "Every change is saved at once. Scoring a norm moves to the next one; after {na} (not applicable) the "
        "line at the bottom asks why: enter keeps the reason as the note, esc skips it. A score with * is "
        "provisional: not every norm of its section was assessed. ctrl+q always quits.",
    ),
    "help.close": ("esc of ? sluit", "esc or ? closes"),
    # printed in the terminal after the audit
    "exit.saved": ("{path}: {assessed} van {total} normen beoordeeld, opgeslagen. Rapport: assess report {path}",
                   "{path}: {assessed} of {total} norms assessed, saved. Report: assess report {path}"),
    "exit.unsaved": ("{path}: de laatste wijzigingen zijn NIET opgeslagen; het bestand bevat de stand van daarvoor",
                     "{path}: the last changes were NOT saved; the file holds the state before them"),
    "exit.read_only": ("{path}: alleen-lezen geopend, niets gewijzigd of opgeslagen ({assessed} van {total} normen "
                       "beoordeeld).",
                       "{path}: opened read-only, nothing changed or saved ({assessed} of {total} norms assessed)."),
    "exit.forced": ("Let op: {path} is al geopend in een andere assess ({holder}); --force opent het toch om te "
                    "bewerken. Wat de ander opslaat, wordt als conflict gemeld.",
                    "Warning: {path} is already open in another assess ({holder}); --force opens it for editing "
                    "anyway. What the other saves is reported as a conflict."),
    "demo.copied": ("assess demo: de demo is gekopieerd naar {path}", "assess demo: copied the demo to {path}"),
}
