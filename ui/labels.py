"""Every label of the app in Dutch and English, and safe rendering of user text.

``t(key, lang, **values)`` returns a label; ``md(text)`` escapes user or pack text for the
Markdown-rendering Streamlit elements, so no user text is ever read as Markdown or HTML.
"""

from __future__ import annotations

import re

from assessment.i18n import DEFAULT_LANGUAGE

LABELS: dict[str, tuple[str, str]] = {
    # -- app and navigation (nl, en)
    "app_title": ("IKM-gereedheid", "IKM readiness"),
    "nav_start": ("Start", "Start"),
    "nav_assess": ("Beoordelen", "Assess"),
    "nav_evidence": ("Bewijs", "Evidence"),
    "nav_results": ("Resultaten", "Results"),
    "nav_plan": ("Verbeterplan", "Improvement plan"),
    "nav_report": ("Rapport en uitwisseling", "Report and exchange"),
    "language": ("Taal", "Language"),
    "lang_nl": ("Nederlands", "Nederlands"),
    "lang_en": ("English", "English"),
    "your_name": ("Uw naam", "Your name"),
    "your_name_help": (
        "Wordt bij elke wijziging in de versiegeschiedenis bewaard.",
        "Kept with every change in the version history.",
    ),
    "your_name_placeholder": ("bijv. A. de Vries", "e.g. A. de Vries"),
    "open_assessment": ("Geopende beoordeling", "Open assessment"),
    "no_open_assessment": ("Nog geen beoordeling geopend.", "No assessment open yet."),
    "go_start": ("Naar de startpagina", "Go to the start page"),
    "empty_open_first": (
        "Open eerst een beoordeling op de startpagina, of begin een nieuwe.",
        "First open an assessment on the start page, or start a new one.",
    ),
    "not_found": (
        "Beoordeling {aid} bestaat niet (meer). Kies een andere op de startpagina.",
        "Assessment {aid} does not exist (any more). Choose another on the start page.",
    ),
    "conflict": (
        "Deze beoordeling is intussen elders gewijzigd; de pagina toont nu de nieuwste versie. "
        "Voer uw laatste wijziging zo nodig opnieuw in.",
        "This assessment was changed elsewhere in the meantime; the page now shows the newest "
        "version. Enter your last change again if needed.",
    ),
    "not_saved": ("Niet opgeslagen: {problem}", "Not saved: {problem}"),
    "saved": ("Opgeslagen", "Saved"),
    # -- start page
    "start_title": (
        "Klaar voor de pre-audit klachtenmanagement?",
        "Ready for the complaint-management pre-audit?",
    ),
    "start_intro": (
        "Beoordeel stap voor stap hoe uw organisatie ervoor staat op de drie vragen van het "
        "keurmerk: staat u open voor klachten, handelt u ze correct af en leert u ervan? "
        "Een niveau telt pas als het bewijs het onderbouwt. U krijgt een verbeterplan en een "
        "rapport voor de pre-audit. Alles wordt direct opgeslagen.",
        "Assess step by step how your organisation does on the hallmark's three questions: are "
        "you open to complaints, do you handle them correctly and do you learn from them? A "
        "level only counts when the evidence backs it. You get an improvement plan and a report "
        "for the pre-audit. Everything is saved at once.",
    ),
    "your_assessments": ("Beoordelingen", "Assessments"),
    "no_assessments": (
        "Er zijn nog geen beoordelingen. Open de demo om rond te kijken, of begin hieronder "
        "een nieuwe beoordeling.",
        "There are no assessments yet. Open the demo to look around, or start a new "
        "assessment below.",
    ),
    "open": ("Openen", "Open"),
    "opened": ("Geopend", "Open now"),
    "open_demo": ("Demo openen", "Open the demo"),
    "continue_assess": ("Verder met beoordelen", "Continue assessing"),
    "demo_help": (
        "Een ingevuld voorbeeld van een gemeente die half gereed is.",
        "A filled-in example of a municipality that is half ready.",
    ),
    "demo_failed": (
        "De demo kan niet worden geopend: {problem}",
        "The demo cannot be opened: {problem}",
    ),
    "assessed_on": ("beoordeeld op {date}", "assessed on {date}"),
    "audit_on": ("audit op {date}", "audit on {date}"),
    "changed": ("gewijzigd {when}", "changed {when}"),
    "readiness": ("Gereedheid", "Readiness"),
    "maturity": ("Volwassenheid", "Maturity"),
    "verdict": ("Oordeel", "Verdict"),
    "pack": ("Criteriaset", "Criteria pack"),
    "criteria_count": ("{n} criteria", "{n} criteria"),
    # -- new assessment
    "new_assessment": ("Nieuwe beoordeling", "New assessment"),
    "new_intro": (
        "Vul de gegevens van de organisatie in. U kunt alles later nog aanpassen.",
        "Fill in the organisation's details. You can change everything later.",
    ),
    "org_name": ("Naam van de organisatie", "Organisation name"),
    "org_sector": ("Sector", "Sector"),
    "org_size": ("Omvang (medewerkers)", "Size (staff)"),
    "org_handling": ("Klachtbehandeling", "Complaint handling"),
    "handling_none": ("niet opgegeven", "not given"),
    "handling_central": ("centraal", "central"),
    "handling_decentral": ("decentraal", "decentral"),
    "pack_choice": ("Criteriaset", "Criteria pack"),
    "pack_upload": (
        "Eigen criteriaset gebruiken (optioneel, YAML)",
        "Use your own criteria pack (optional, YAML)",
    ),
    "pack_upload_help": (
        "Alleen nodig als u niet met een ingebouwde set werkt. Een .yaml-bestand in het "
        "formaat van de criteriasets; het wordt eerst gecontroleerd.",
        "Only needed when you do not use a built-in pack. A .yaml file in the criteria-pack "
        "format; it is checked first.",
    ),
    "pack_invalid": (
        "{file} is geen geldige criteriaset. Gevonden problemen: {n}.",
        "{file} is not a valid criteria pack. Problems found: {n}.",
    ),
    "pack_valid": (
        "{file}: criteriaset '{title}' ({n} criteria) is geldig en wordt gebruikt.",
        "{file}: criteria pack '{title}' ({n} criteria) is valid and will be used.",
    ),
    "assessment_date": ("Datum van de beoordeling", "Assessment date"),
    "audit_date": ("Geplande datum van de audit", "Planned audit date"),
    "audit_date_help": (
        "Laat leeg als die nog niet bekend is.",
        "Leave empty when it is not known yet.",
    ),
    "assessors": ("Beoordelaars (één per regel)", "Assessors (one per line)"),
    "report_language": ("Taal van het rapport", "Report language"),
    "create": ("Beoordeling aanmaken", "Create assessment"),
    "name_required": ("Vul de naam van de organisatie in.", "Fill in the organisation's name."),
    "created": ("Beoordeling voor {name} aangemaakt.", "Assessment for {name} created."),
    "audit_before": (
        "De auditdatum ligt vóór de datum van de beoordeling.",
        "The audit date is before the assessment date.",
    ),
    # -- assess page
    "progress": ("{done} van {total} criteria beantwoord", "{done} of {total} criteria answered"),
    "overview": ("Overzicht", "Overview"),
    "legend": (
        "● beantwoord · ◐ bewijs ontbreekt · ○ nog open · – niet van toepassing",
        "● answered · ◐ evidence missing · ○ still open · – not applicable",
    ),
    "state_answered": ("beantwoord", "answered"),
    "state_unbacked": ("bewijs ontbreekt", "evidence missing"),
    "state_open": ("nog open", "still open"),
    "state_na": ("niet van toepassing", "not applicable"),
    "mandatory": ("verplicht", "mandatory"),
    "mandatory_help": (
        "Een knock-outcriterium: een tekort hier houdt het oordeel tegen.",
        "A knock-out criterion: a gap here holds back the verdict.",
    ),
    "target_level": ("doel: niveau {level}", "target: level {level}"),
    "weight": ("gewicht {w}", "weight {w}"),
    "guidance": ("Waar let de auditor op?", "What does the auditor look for?"),
    "levels": ("Niveaus", "Levels"),
    "level_col": ("Niveau", "Level"),
    "meaning_col": ("Wat betekent het hier", "What it means here"),
    "needs_col": ("Bewijs nodig", "Evidence needed"),
    "nothing_needed": ("geen", "none"),
    "hints": ("Voorbeelden van goed bewijs", "Examples of good evidence"),
    "refs": ("Verwijzingen", "References"),
    "your_answer": ("Uw antwoord", "Your answer"),
    "claimed_level": (
        "Welk niveau heeft de organisatie bereikt?",
        "Which level has the organisation reached?",
    ),
    "no_level": ("Nog niet beantwoord", "Not answered yet"),
    "not_applicable": ("Niet van toepassing", "Not applicable"),
    "na_mandatory": (
        "Een verplicht criterium kan niet 'niet van toepassing' zijn.",
        "A mandatory criterion cannot be 'not applicable'.",
    ),
    "justification": ("Waarom niet van toepassing?", "Why not applicable?"),
    "justification_needed": (
        "Geef een toelichting: zonder toelichting wordt 'niet van toepassing' niet opgeslagen.",
        "Give a justification: without one, 'not applicable' is not saved.",
    ),
    "note": ("Toelichting", "Note"),
    "note_help": (
        "Wordt opgeslagen zodra u het veld verlaat.",
        "Saved as soon as you leave the field.",
    ),
    "backed": ("Het bewijs onderbouwt niveau {level}.", "The evidence backs level {level}."),
    "unbacked": (
        "Het bewijs onderbouwt niveau {evidenced}, niet het geclaimde niveau {claimed}: {needs}.",
        "The evidence backs level {evidenced}, not the claimed level {claimed}: {needs}.",
    ),
    "to_target": ("Voor het doel: {needs}.", "For the target: {needs}."),
    "evidence": ("Bewijs", "Evidence"),
    "linked_evidence": ("Gekoppeld bewijs", "Linked evidence"),
    "link_evidence_help": (
        "Kies bestaand bewijs dat dit criterium ondersteunt.",
        "Choose existing evidence that supports this criterion.",
    ),
    "no_evidence_yet": ("Nog geen bewijs gekoppeld.", "No evidence linked yet."),
    "add_evidence": ("Nieuw bewijs toevoegen", "Add new evidence"),
    "ev_kind": ("Soort", "Kind"),
    "ev_title": ("Titel", "Title"),
    "ev_source": ("Bron (waar te vinden)", "Source (where to find it)"),
    "ev_date": ("Datum", "Date"),
    "ev_link": ("Link", "Link"),
    "ev_file": ("Bestand", "File"),
    "ev_personal": ("Bevat persoonsgegevens", "Contains personal data"),
    "ev_personal_help": (
        "Markeer bewijs met persoonsgegevens; het bestand kunt u later definitief wissen.",
        "Mark evidence with personal data; you can erase its file for good later.",
    ),
    "ev_add": ("Bewijs toevoegen", "Add evidence"),
    "ev_title_needed": ("Geef het bewijs een titel.", "Give the evidence a title."),
    "ev_added": ("Bewijs {id} toegevoegd.", "Evidence {id} added."),
    "ev_link_bad": (
        "De link moet met http:// of https:// beginnen.",
        "The link must start with http:// or https://.",
    ),
    "previous": ("Vorige", "Previous"),
    "next": ("Volgende", "Next"),
    "next_open": ("Naar het volgende open criterium", "Go to the next open criterion"),
    "all_done": (
        "Alle criteria zijn beantwoord en onderbouwd. Bekijk de resultaten.",
        "Every criterion is answered and backed. Look at the results.",
    ),
    "criterion_n": ("Criterium {i} van {n}", "Criterion {i} of {n}"),
    # -- evidence page
    "evidence_title": ("Bewijs", "Evidence"),
    "evidence_intro": (
        "Al het bewijs van deze beoordeling, de criteria die het ondersteunt en de criteria "
        "waarvoor nog bewijs ontbreekt.",
        "All evidence of this assessment, the criteria it supports, and the criteria that "
        "still lack evidence.",
    ),
    "no_evidence": (
        "Er is nog geen bewijs. Voeg bewijs toe bij een criterium op de pagina Beoordelen.",
        "There is no evidence yet. Add evidence to a criterion on the Assess page.",
    ),
    "supports": ("Ondersteunt", "Supports"),
    "edit_supports": ("Criteria wijzigen", "Change criteria"),
    "supports_none": ("nog geen criterium", "no criterion yet"),
    "download_file": ("Download {name}", "Download {name}"),
    "file_erased": ("Bestand {name} is gewist.", "File {name} was erased."),
    "file_missing": ("Bestand {name} is niet in de opslag.", "File {name} is not in the store."),
    "erase_file": ("Bestand definitief wissen", "Erase the file for good"),
    "erase_confirm": (
        "Ik begrijp dat het bestand niet terug te halen is",
        "I understand the file cannot be brought back",
    ),
    "erased": ("Het bestand van {id} is gewist.", "The file of {id} was erased."),
    "delete_evidence": ("Bewijs verwijderen", "Delete evidence"),
    "deleted": ("Bewijs {id} verwijderd.", "Evidence {id} deleted."),
    "personal_data": ("persoonsgegevens", "personal data"),
    "missing_title": ("Criteria waarvoor bewijs ontbreekt", "Criteria that lack evidence"),
    "missing_none": (
        "Voor elk van toepassing zijnd criterium is genoeg bewijs om het doel te onderbouwen.",
        "Every applicable criterion has enough evidence to back its target.",
    ),
    "go_assess": ("Beoordelen", "Assess"),
    # -- results page
    "results_title": ("Resultaten", "Results"),
    "overall_readiness": ("Gereedheid totaal", "Overall readiness"),
    "on_audit_day": ("Op de auditdag", "On the audit day"),
    "forecast_help": (
        "Als elk verbeterpunt dat vóór de audit klaar moet, ook klaar is.",
        "If every improvement point due before the audit is done.",
    ),
    "per_pillar": ("Per pijler", "Per pillar"),
    "per_tag": ("Per ontwikkelelement", "Per development element"),
    "all_criteria": ("Alle criteria", "All criteria"),
    "col_criterion": ("Criterium", "Criterion"),
    "col_title": ("Titel", "Title"),
    "col_pillar": ("Pijler", "Pillar"),
    "col_claimed": ("Geclaimd", "Claimed"),
    "col_evidenced": ("Aangetoond", "Evidenced"),
    "col_target": ("Doel", "Target"),
    "col_gap": ("Tekort", "Gap"),
    "col_state": ("Stand", "State"),
    "col_mandatory": ("Verplicht", "Mandatory"),
    "levels_per_pillar": ("Niveaus per criterium", "Levels per criterion"),
    "nothing_answered": (
        "Nog geen criterium beantwoord; de resultaten vullen zich zodra u begint met beoordelen.",
        "No criterion answered yet; the results fill in as soon as you start assessing.",
    ),
    # -- plan page
    "plan_nothing_answered": (
        "Nog geen criterium beantwoord; het verbeterplan volgt uit de beoordeling.",
        "No criterion answered yet; the improvement plan follows from the assessment.",
    ),
    "go_assess_page": ("Begin met beoordelen", "Start assessing"),
    "plan_title": ("Verbeterplan", "Improvement plan"),
    "plan_intro": (
        "Eén verbeterpunt per criterium met een tekort, op prioriteit. Vul eigenaar, deadline, "
        "status en notitie in de tabel in; elke wijziging wordt direct opgeslagen.",
        "One improvement point per criterion with a gap, by priority. Fill in owner, deadline, "
        "status and note in the table; every change is saved at once.",
    ),
    "plan_empty": (
        "Geen verbeterpunten: geen enkel criterium heeft een tekort.",
        "No improvement points: no criterion has a gap.",
    ),
    "latest_finish": (
        "Uiterlijk gereed: {date} ({days} werkdagen vóór de audit op {audit}).",
        "Latest finish: {date} ({days} working days before the audit on {audit}).",
    ),
    "no_audit_date": (
        "Er is geen auditdatum; vul die in bij de gegevens van de beoordeling om risico's te zien.",
        "There is no audit date; fill it in with the assessment's details to see risks.",
    ),
    "at_risk_count": (
        "Verbeterpunten die niet op tijd klaar zijn voor de audit: {n}.",
        "Improvement points that will not be done in time for the audit: {n}.",
    ),
    "col_priority": ("Prio", "Priority"),
    "col_point": ("Verbeterpunt", "Improvement point"),
    "col_levels": ("Van → naar", "From → to"),
    "col_proposed": ("Voorgesteld", "Proposed"),
    "col_deadline": ("Deadline", "Deadline"),
    "col_at_risk": ("Risico", "At risk"),
    "col_owner": ("Eigenaar", "Owner"),
    "col_status": ("Status", "Status"),
    "col_note": ("Notitie", "Note"),
    "deadline_help": (
        "Uw eigen deadline; maak leeg om de voorgestelde te gebruiken.",
        "Your own deadline; clear it to use the proposed one.",
    ),
    "timeline": ("Tijdlijn tot de audit", "Timeline up to the audit"),
    "plan_saved": ("Verbeterplan opgeslagen.", "Improvement plan saved."),
    # -- report and exchange page
    "report_title": ("Rapport en uitwisseling", "Report and exchange"),
    "report_head": ("Rapport voor de pre-audit", "Pre-audit report"),
    "report_intro": (
        "Een PDF met het oordeel, de scores per criterium met het bewijs en het verbeterplan.",
        "A PDF with the verdict, the scores per criterion with their evidence, and the "
        "improvement plan.",
    ),
    "generate_pdf": ("PDF maken", "Generate PDF"),
    "generating": ("Het rapport wordt gemaakt …", "Generating the report …"),
    "report_queued": (
        "Even geduld: er worden nu andere rapporten gemaakt. Uw rapport staat in de wachtrij "
        "({ahead} vóór u); de tijdslimiet gaat pas in als het aan de beurt is.",
        "Busy: other reports are being made. Yours is in the queue ({ahead} ahead of you); "
        "its time limit starts only when it is its turn.",
    ),
    "download_pdf": ("PDF downloaden", "Download PDF"),
    "pdf_ready": ("Het rapport is klaar ({size}).", "The report is ready ({size})."),
    "pdf_failed": (
        "Het rapport kon niet worden gemaakt: {problem}",
        "The report could not be made: {problem}",
    ),
    "report_unavailable": (
        "Het PDF-rapport is in deze installatie niet beschikbaar (installeer de extra 'report').",
        "The PDF report is not available in this installation (install the 'report' extra).",
    ),
    "export_head": ("Exporteren", "Export"),
    "export_intro": (
        "Als .json (alleen de gegevens) of als .ikmz (gegevens met alle bewijsbestanden), om "
        "te bewaren of uit te wisselen met een adviseur.",
        "As .json (the data only) or as .ikmz (the data with every evidence file), to keep or "
        "to exchange with a consultant.",
    ),
    "export_json": ("Download .json", "Download .json"),
    "export_ikmz": ("Download .ikmz", "Download .ikmz"),
    "export_without_personal": (
        "Bestanden met persoonsgegevens weglaten uit de .ikmz",
        "Leave files with personal data out of the .ikmz",
    ),
    "export_without_personal_help": (
        "Het bewijs blijft vermeld met naam en hash; alleen de bestanden zelf gaan niet mee.",
        "The evidence stays listed with its name and hash; only the files themselves are left out.",
    ),
    "import_head": ("Importeren", "Import"),
    "import_intro": (
        "Een .json- of .ikmz-bestand wordt gecontroleerd en als nieuwe beoordeling toegevoegd; "
        "bestaande gegevens blijven ongewijzigd.",
        "A .json or .ikmz file is checked and added as a new assessment; existing data stays "
        "unchanged.",
    ),
    "import_file": ("Bestand om te importeren", "File to import"),
    "import_button": ("Importeren", "Import"),
    "imported": (
        "{file} geïmporteerd als nieuwe beoordeling.",
        "{file} imported as a new assessment.",
    ),
    "import_failed": ("{file} kan niet worden geïmporteerd:", "{file} cannot be imported:"),
    "import_warning": ("Let op: {problem}", "Note: {problem}"),
    "history_head": ("Eerdere versies", "Earlier versions"),
    "history_intro": (
        "Elke wijziging is een nieuwe versie. Zet een eerdere versie terug als iets misging; "
        "dat wordt zelf weer een nieuwe versie.",
        "Every change is a new version. Restore an earlier version if something went wrong; "
        "that becomes a new version itself.",
    ),
    "restore": ("Terugzetten", "Restore"),
    "current_version": ("huidige versie", "current version"),
    "restored": ("Versie {v} teruggezet.", "Version {v} restored."),
    "version_n": ("Versie {v}", "Version {v}"),
    "details_head": ("Gegevens van de beoordeling", "Assessment details"),
    "save_details": ("Gegevens opslaan", "Save details"),
    "details_saved": ("Gegevens opgeslagen.", "Details saved."),
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    nl, en = LABELS[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&])")


def md(text: object) -> str:
    """User or pack text made safe for Markdown: every special character is escaped and line
    breaks are kept, so the text shows literally (no links, images, HTML or emoji codes)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    return "  \n".join(escaped.splitlines())


# -- workshop mode (colleague W): the consultant's projector view and the participant page
LABELS.update(
    {
        "nav_workshop": ("Workshop", "Workshop"),
        "nav_participate": ("Meedoen", "Join"),
        "ws_title": ("Workshop", "Workshop"),
        "ws_intro": (
            "Beoordeel samen met het team: het scherm toont één criterium tegelijk, iedereen "
            "stemt een niveau op de eigen telefoon of laptop, en u legt het afgesproken niveau "
            "vast. Elke stem blijft bewaard; het rapport krijgt een bijlage met de spreiding.",
            "Assess together with the team: the screen shows one criterion at a time, everyone "
            "votes a level on their own phone or laptop, and you record the agreed level. "
            "Every vote is kept; the report gains an appendix with the spread.",
        ),
        "ws_start": ("Workshop starten", "Start workshop"),
        "ws_led_by": ("Begeleider: {name}", "Facilitator: {name}"),
        "ws_name_first": (
            "Tip: vul links uw naam in; die komt bij elk vastgelegd niveau in de geschiedenis.",
            "Tip: fill in your name on the left; it is kept with every recorded level.",
        ),
        "ws_earlier": ("Eerdere workshops", "Earlier workshops"),
        "ws_earlier_row": (
            "{date}: {n} deelnemers, code {code} (afgesloten)",
            "{date}: {n} participants, code {code} (closed)",
        ),
        "ws_join_head": ("Doe mee", "Join in"),
        "ws_join_at": ("Ga naar {url}", "Go to {url}"),
        "ws_code": ("code", "code"),
        "ws_local_only": (
            "Deze link werkt alleen op deze computer. Start de app met `ikm workshop serve` "
            "om deelnemers op het lokale netwerk te laten meedoen.",
            "This link works on this computer only. Start the app with `ikm workshop serve` "
            "to let participants on the local network join.",
        ),
        "ws_participants": ("{n} deelnemers", "{n} participants"),
        "ws_pick": ("Criterium op het scherm", "Criterion on screen"),
        "ws_pick_first": (
            "Kies het eerste criterium om te bespreken.",
            "Choose the first criterion to discuss.",
        ),
        "ws_open_voting": ("Stemming openen", "Open voting"),
        "ws_vote_again": ("Opnieuw stemmen", "Vote again"),
        "ws_close_voting": ("Stemming sluiten", "Close voting"),
        "ws_think_time": ("Bedenktijd", "Time to think"),
        "ws_minutes": ("{n} min", "{n} min"),
        "ws_no_timer": ("geen", "none"),
        "ws_time_up": ("Tijd is om", "Time is up"),
        "ws_voting_open": ("Stemming open", "Voting open"),
        "ws_voted": ("{n} van {m} gestemd", "{n} of {m} voted"),
        "ws_round": ("ronde {n}", "round {n}"),
        "ws_result": ("Uitslag", "Result"),
        "ws_no_votes": ("Er is (nog) niet gestemd.", "No votes (yet)."),
        "ws_low": ("Laagste", "Lowest"),
        "ws_median": ("Mediaan", "Median"),
        "ws_high": ("Hoogste", "Highest"),
        "ws_discuss": (
            "Bespreken: de stemmen lopen {n} niveaus uiteen.",
            "Discuss: the votes are {n} levels apart.",
        ),
        "ws_agreement": (
            "Iedereen stemde hetzelfde niveau.",
            "Everybody voted the same level.",
        ),
        "ws_close_enough": (
            "De stemmen liggen dicht bij elkaar.",
            "The votes are close together.",
        ),
        "ws_col_level": ("Niveau", "Level"),
        "ws_col_votes": ("Stemmen", "Votes"),
        "ws_col_who": ("Wie", "Who"),
        "ws_comments": ("Toelichtingen", "Comments"),
        "ws_agree": ("Afgesproken niveau", "Agreed level"),
        "ws_record": ("Vastleggen als antwoord", "Record as the answer"),
        "ws_recorded": (
            "Niveau {level} vastgelegd als antwoord op {cid}.",
            "Level {level} recorded as the answer to {cid}.",
        ),
        "ws_current_answer": ("Antwoord nu: {answer}", "Answer now: {answer}"),
        "ws_unanswered": ("nog niet beantwoord", "not answered yet"),
        "ws_answer_level": ("niveau {level}", "level {level}"),
        "ws_close": ("Workshop afsluiten", "Close the workshop"),
        "ws_close_confirm": (
            "De code werkt daarna niet meer",
            "The code stops working afterwards",
        ),
        "ws_closed": (
            "Workshop afgesloten; code {code} werkt niet meer.",
            "Workshop closed; code {code} no longer works.",
        ),
        "ws_failed": ("Niet gelukt: {problem}", "Did not work: {problem}"),
        # participants
        "pt_title": ("Meedoen aan de workshop", "Join the workshop"),
        "pt_intro": (
            "Vul de code van het scherm en uw naam in. Uw naam staat bij uw stem.",
            "Fill in the code from the screen and your name. Your name is shown with your vote.",
        ),
        "pt_code": ("Code van het scherm", "Code from the screen"),
        "pt_name": ("Uw naam", "Your name"),
        "pt_join": ("Meedoen", "Join"),
        "pt_hello": ("Welkom, {name}", "Welcome, {name}"),
        "pt_wait": (
            "Wacht tot de begeleider een criterium op het scherm zet.",
            "Wait until the facilitator puts a criterion on the screen.",
        ),
        "pt_closed": (
            "De stemming is gesloten. Kijk mee op het scherm.",
            "Voting is closed. Follow along on the screen.",
        ),
        "pt_level": (
            "Welk niveau heeft de organisatie volgens u bereikt?",
            "Which level has the organisation reached, in your view?",
        ),
        "pt_comment": ("Toelichting (niet verplicht)", "Comment (optional)"),
        "pt_vote": ("Stem uitbrengen", "Cast vote"),
        "pt_change": ("Stem wijzigen", "Change vote"),
        "pt_voted": (
            "Uw stem: niveau {level}. U kunt die wijzigen zolang de stemming open is.",
            "Your vote: level {level}. You can change it while voting is open.",
        ),
        "pt_voted_closed": ("Uw stem: niveau {level}.", "Your vote: level {level}."),
        "pt_pick_level": ("Kies eerst een niveau.", "Choose a level first."),
        "pt_ended": (
            "De workshop is afgelopen. Bedankt voor het meedoen!",
            "The workshop has ended. Thank you for taking part!",
        ),
        "pt_refused_name": ("Vul uw naam in.", "Fill in your name."),
        "pt_refused_format": (
            "Dat is geen geldige code: een code heeft 6 letters en cijfers.",
            "That is not a valid code: a code has 6 letters and digits.",
        ),
        "pt_refused_unknown": (
            "Geen workshop met deze code. Controleer de code op het scherm.",
            "No workshop has this code. Check the code on the screen.",
        ),
        "pt_refused_ended": (
            "Deze workshop is afgelopen; de code werkt niet meer.",
            "This workshop has ended; the code no longer works.",
        ),
        "pt_refused_full": ("Deze workshop is vol.", "This workshop is full."),
        "pt_refused_throttled": (
            "Er zijn te veel verkeerde codes geprobeerd. Wacht een minuut.",
            "Too many wrong codes were tried. Wait a minute.",
        ),
        "pt_refused_token": (
            "U bent (niet meer) aangemeld bij deze workshop. Meld u opnieuw aan.",
            "You are not (or no longer) in this workshop. Join again.",
        ),
        "pt_refused_closed": ("De stemming is al gesloten.", "Voting has already closed."),
        "pt_refused_moved": (
            "Er staat intussen een ander criterium op het scherm.",
            "Another criterion is on the screen by now.",
        ),
        "pt_refused_level": ("Dat niveau bestaat niet.", "That level does not exist."),
        "pt_unavailable": (
            "De verbinding met de workshop hapert; probeer het zo opnieuw.",
            "The connection to the workshop is failing; try again in a moment.",
        ),
    }
)
