"""Every label of the app in Dutch and English, and safe rendering of user text.

``t(key, lang, **values)`` returns a label; ``md(text)`` escapes user or pack text for the
Markdown-rendering Streamlit elements, so no user text is ever read as Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assessment.charts import chart_label
from assessment.compare import COMPARE_WORDS
from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES, say
from assessment.workshop import APPENDIX_WORDS


def _shared(text: Mapping[str, str]) -> dict[str, str]:
    """An entry whose text another table holds (``{nl: ..., en: ...}``), as its own copy."""
    return {lang: text[lang] for lang in LANGUAGES}


def _appendix(key: str) -> dict[str, str]:
    """A word of the workshop appendix (assessment/workshop.py)."""
    return _shared(APPENDIX_WORDS[key])


def _chart(key: str) -> dict[str, str]:
    """A word of the charts (assessment/charts.py)."""
    return _shared({lang: chart_label(key, lang) for lang in LANGUAGES})


LABELS: dict[str, dict[str, str]] = {
    # -- app and navigation
    "app_title": {"nl": "IKM-gereedheid", "en": "IKM readiness"},
    "nav_start": {"nl": "Start", "en": "Start"},
    "nav_assess": {"nl": "Beoordelen", "en": "Assess"},
    "nav_evidence": {"nl": "Bewijs", "en": "Evidence"},
    "nav_results": {"nl": "Resultaten", "en": "Results"},
    "nav_plan": {"nl": "Verbeterplan", "en": "Improvement plan"},
    "nav_report": {"nl": "Rapport en uitwisseling", "en": "Report and exchange"},
    "language": {"nl": "Taal", "en": "Language"},
    "lang_nl": {"nl": "Nederlands", "en": "Nederlands"},
    "lang_en": {"nl": "English", "en": "English"},
    "your_name": {"nl": "Uw naam", "en": "Your name"},
    "your_name_help": {
        "nl": "Wordt bij elke wijziging in de versiegeschiedenis bewaard.",
        "en": "Kept with every change in the version history.",
    },
    "your_name_placeholder": {"nl": "bijv. A. de Vries", "en": "e.g. A. de Vries"},
    # -- sign-in (ui/auth.py)
    "auth_single_user": {
        "nl": "Eén gebruiker op deze computer, zonder aanmelding.",
        "en": "Single user on this computer, without sign-in.",
    },
    "auth_signed_in_as": {"nl": "Aangemeld als {who}", "en": "Signed in as {who}"},
    "auth_sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "auth_sign_in": {"nl": "Aanmelden", "en": "Sign in"},
    "auth_sign_in_with": {"nl": "Aanmelden met {provider}", "en": "Sign in with {provider}"},
    "auth_sign_in_intro": {
        "nl": "Meld u aan om de beoordelingen van uw organisatie te zien. Een deelnemer aan een "
        "workshop heeft geen account nodig: gebruik de link met de code.",
        "en": "Sign in to see your organisation's assessments. A workshop participant needs no "
        "account: use the link with the code.",
    },
    "auth_no_access": {
        "nl": "U hebt nog geen toegang tot een organisatie. Vraag een eigenaar of beheerder om "
        "{email} toe te voegen.",
        "en": "You have no access to any organisation yet. Ask an owner or an administrator to add "
        "{email}.",
    },
    "auth_role": {"nl": "Uw rol: {role}", "en": "Your role: {role}"},
    "auth_read_only": {
        "nl": "Alleen lezen: als beoordelaar (reviewer) kunt u niets wijzigen.",
        "en": "Read only: as a reviewer you cannot change anything.",
    },
    # -- members page (ui/members.py, with sign-in only)
    "nav_members": {"nl": "Leden", "en": "Members"},
    "members_title": {"nl": "Leden en logboek", "en": "Members and audit log"},
    "members_intro": {
        "nl": "Wie deze organisatie mag gebruiken. Eigenaar (owner): beheert de leden; bewerker "
        "(editor): beoordeelt, bewijs, plan; beoordelaar (reviewer): leest en downloadt, "
        "wijzigt niets.",
        "en": "Who may use this organisation. Owner: manages the members; editor: assesses, "
        "evidence, plan; reviewer: reads and downloads, changes nothing.",
    },
    "members_owners_only": {
        "nl": "Alleen eigenaars van deze organisatie en beheerders zien en wijzigen de leden.",
        "en": "Only owners of this organisation and administrators see and change its members.",
    },
    "member_email": {"nl": "E-mailadres", "en": "E-mail address"},
    "member_role": {"nl": "Rol", "en": "Role"},
    "member_set": {"nl": "Toevoegen of rol wijzigen", "en": "Add or change role"},
    "member_remove_who": {"nl": "Lid", "en": "Member"},
    "member_remove": {"nl": "Verwijderen", "en": "Remove"},
    "member_saved": {"nl": "{email} is nu {role}.", "en": "{email} is now {role}."},
    "member_removed": {"nl": "{email} is geen lid meer.", "en": "{email} is no longer a member."},
    "audit_head": {"nl": "Logboek", "en": "Audit log"},
    "audit_empty": {"nl": "Nog niets vastgelegd.", "en": "Nothing recorded yet."},
    "audit_when": {"nl": "Wanneer", "en": "When"},
    "audit_who": {"nl": "Wie", "en": "Who"},
    "audit_what": {"nl": "Wat", "en": "What"},
    "audit_subject": {"nl": "Waarop", "en": "Object"},
    "audit_detail": {"nl": "Details", "en": "Details"},
    "open_assessment": {"nl": "Geopende beoordeling", "en": "Open assessment"},
    "no_open_assessment": {"nl": "Nog geen beoordeling geopend.", "en": "No assessment open yet."},
    "go_start": {"nl": "Naar de startpagina", "en": "Go to the start page"},
    "empty_open_first": {
        "nl": "Open eerst een beoordeling op de startpagina, of begin een nieuwe.",
        "en": "First open an assessment on the start page, or start a new one.",
    },
    "not_found": {
        "nl": "Beoordeling {aid} bestaat niet (meer). Kies een andere op de startpagina.",
        "en": "Assessment {aid} does not exist (any more). Choose another on the start page.",
    },
    "conflict": {
        "nl": "Deze beoordeling is intussen elders gewijzigd; de pagina toont nu de nieuwste "
        "versie. "
        "Voer uw laatste wijziging zo nodig opnieuw in.",
        "en": "This assessment was changed elsewhere in the meantime; the page now shows the "
        "newest "
        "version. Enter your last change again if needed.",
    },
    "not_saved": {"nl": "Niet opgeslagen: {problem}", "en": "Not saved: {problem}"},
    # -- a change that collided with a colleague's (ui/conflict.py)
    "merge_conflict_title": {
        "nl": "Uw wijziging botst met die van een collega: hetzelfde veld is gewijzigd nadat u de "
        "beoordeling opende. Uw andere wijzigingen zijn samengevoegd zodra u kiest.",
        "en": "Your change collides with a colleague's: the same field was changed after you "
        "opened "
        "the assessment. Your other changes are merged as soon as you choose.",
    },
    "merge_changed_by": {
        "nl": "**{field}** is gewijzigd door **{who}** op {when} (versie {v}).  \n"
        "Hun waarde: **{theirs}** · Uw waarde: **{mine}**",
        "en": "**{field}** was changed by **{who}** on {when} (version {v}).  \n"
        "Their value: **{theirs}** · Your value: **{mine}**",
    },
    "merge_someone": {"nl": "iemand", "en": "someone"},
    # -- presence (ui/presence.py)
    "presence_also_open": {
        "nl": ":material/group: Ook open bij: {who}",
        "en": ":material/group: Also open by: {who}",
    },
    "presence_help": {
        "nl": "Wie deze beoordeling nu ook open heeft (elke paar seconden bijgewerkt).",
        "en": "Who else has this assessment open now (renewed every few seconds).",
    },
    "presence_no_name": {"nl": "iemand zonder naam", "en": "someone without a name"},
    "merge_empty": {"nl": "(leeg)", "en": "(empty)"},
    "merge_keep_theirs": {"nl": "Hun versie houden", "en": "Keep theirs"},
    "merge_use_mine": {"nl": "Mijn versie gebruiken", "en": "Use mine"},
    "merge_kept_mine": {
        "nl": "Uw versie is opgeslagen, boven op de nieuwste.",
        "en": "Your version is saved, on top of the newest.",
    },
    "merge_kept_theirs": {
        "nl": "De versie van uw collega is gehouden.",
        "en": "Your colleague's version is kept.",
    },
    "merge_in_responses": {"nl": "Criterium {id}", "en": "Criterion {id}"},
    "merge_in_actions": {"nl": "Verbeterpunt {id}", "en": "Improvement point {id}"},
    "merge_in_evidence": {"nl": "Bewijs {id}", "en": "Evidence {id}"},
    "merge_in_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "merge_in_fieldwork": {"nl": "Veldwerk", "en": "Fieldwork"},
    "merge_field_level": {"nl": "niveau", "en": "level"},
    "merge_field_note": {"nl": "toelichting", "en": "note"},
    "merge_field_not_applicable": {"nl": "niet van toepassing", "en": "not applicable"},
    "merge_field_justification": {"nl": "onderbouwing", "en": "justification"},
    "merge_field_owner": {"nl": "eigenaar", "en": "owner"},
    "merge_field_deadline": {"nl": "deadline", "en": "deadline"},
    "merge_field_status": {"nl": "status", "en": "status"},
    "merge_field_title": {"nl": "titel", "en": "title"},
    "merge_field_source": {"nl": "bron", "en": "source"},
    "merge_field_date": {"nl": "datum", "en": "date"},
    "merge_field_kind": {"nl": "soort", "en": "kind"},
    "merge_field_link": {"nl": "link", "en": "link"},
    "merge_field_name": {"nl": "naam", "en": "name"},
    "merge_field_sector": {"nl": "sector", "en": "sector"},
    "merge_field_audit_date": {"nl": "auditdatum", "en": "audit date"},
    "merge_field_assessment_date": {"nl": "beoordelingsdatum", "en": "assessment date"},
    "merge_field_assessors": {"nl": "beoordelaars", "en": "assessors"},
    "merge_field_to_confirm": {"nl": "opnieuw bevestigen", "en": "to re-confirm"},
    "merge_field_criteria": {"nl": "criteria", "en": "criteria"},
    "merge_field_personal_data": {"nl": "persoonsgegevens", "en": "personal data"},
    "merge_field_size": {"nl": "omvang", "en": "size"},
    "merge_field_handling": {"nl": "klachtbehandeling", "en": "complaint handling"},
    "merge_field_language": {"nl": "taal van het rapport", "en": "report language"},
    "merge_field_file": {"nl": "bestand", "en": "file"},
    "merge_field_media_type": {"nl": "mediatype", "en": "media type"},
    "merge_field_erased": {"nl": "gewist", "en": "erased"},
    "merge_field_criteria_set": {"nl": "criteriaset", "en": "criteria pack"},
    "merge_field_id": {"nl": "id", "en": "id"},
    "merge_field_version": {"nl": "versie", "en": "version"},
    "merge_field_schema_version": {"nl": "schemaversie", "en": "schema version"},
    "merge_field_analysis": {"nl": "registeranalyse", "en": "register analysis"},
    "merge_field_sample": {"nl": "steekproef", "en": "sample"},
    "merge_field_review": {"nl": "dossiertoets", "en": "file review"},
    "merge_field_seed": {"nl": "startgetal", "en": "seed"},
    "merge_field_ids": {"nl": "dossiers", "en": "files"},
    "merge_field_drawn": {"nl": "getrokken op", "en": "drawn on"},
    "merge_field_population": {"nl": "klachten", "en": "complaints"},
    "saved": {"nl": "Opgeslagen", "en": "Saved"},
    # -- start page
    "start_title": {
        "nl": "Klaar voor de pre-audit klachtenmanagement?",
        "en": "Ready for the complaint-management pre-audit?",
    },
    "start_intro": {
        "nl": "Beoordeel stap voor stap hoe uw organisatie ervoor staat op de drie vragen van het "
        "keurmerk: staat u open voor klachten, handelt u ze correct af en leert u ervan? "
        "Een niveau telt pas als het bewijs het onderbouwt. U krijgt een verbeterplan en een "
        "rapport voor de pre-audit. Alles wordt direct opgeslagen.",
        "en": "Assess step by step how your organisation does on the hallmark's three questions: "
        "are "
        "you open to complaints, do you handle them correctly and do you learn from them? A "
        "level only counts when the evidence backs it. You get an improvement plan and a report "
        "for the pre-audit. Everything is saved at once.",
    },
    "your_assessments": {"nl": "Beoordelingen", "en": "Assessments"},
    "no_assessments": {
        "nl": "Er zijn nog geen beoordelingen. Open de demo om rond te kijken, of begin hieronder "
        "een nieuwe beoordeling.",
        "en": "There are no assessments yet. Open the demo to look around, or start a new "
        "assessment below.",
    },
    "open": {"nl": "Openen", "en": "Open"},
    "opened": {"nl": "Geopend", "en": "Open now"},
    "open_demo": {"nl": "Demo openen", "en": "Open the demo"},
    "continue_assess": {"nl": "Verder met beoordelen", "en": "Continue assessing"},
    "demo_help": {
        "nl": "Een ingevuld voorbeeld van een gemeente die half gereed is.",
        "en": "A filled-in example of a municipality that is half ready.",
    },
    "demo_failed": {
        "nl": "De demo kan niet worden geopend: {problem}",
        "en": "The demo cannot be opened: {problem}",
    },
    "assessed_on": {"nl": "beoordeeld op {date}", "en": "assessed on {date}"},
    "audit_on": {"nl": "audit op {date}", "en": "audit on {date}"},
    "changed": {"nl": "gewijzigd {when}", "en": "changed {when}"},
    "readiness": {"nl": "Gereedheid", "en": "Readiness"},
    "maturity": {"nl": "Volwassenheid", "en": "Maturity"},
    "verdict": _shared(COMPARE_WORDS["verdict"]),
    "pack": {"nl": "Criteriaset", "en": "Criteria pack"},
    "criteria_count": {"nl": "{n} criteria", "en": "{n} criteria"},
    # -- new assessment
    "new_assessment": {"nl": "Nieuwe beoordeling", "en": "New assessment"},
    "new_intro": {
        "nl": "Vul de gegevens van de organisatie in. U kunt alles later nog aanpassen.",
        "en": "Fill in the organisation's details. You can change everything later.",
    },
    "org_name": {"nl": "Naam van de organisatie", "en": "Organisation name"},
    "org_sector": {"nl": "Sector", "en": "Sector"},
    "org_size": {"nl": "Omvang (medewerkers)", "en": "Size (staff)"},
    "org_handling": {"nl": "Klachtbehandeling", "en": "Complaint handling"},
    "handling_none": {"nl": "niet opgegeven", "en": "not given"},
    "handling_central": {"nl": "centraal", "en": "central"},
    "handling_decentral": {"nl": "decentraal", "en": "decentral"},
    "pack_choice": {"nl": "Criteriaset", "en": "Criteria pack"},
    "pack_upload": {
        "nl": "Eigen criteriaset gebruiken (optioneel, YAML)",
        "en": "Use your own criteria pack (optional, YAML)",
    },
    "pack_upload_help": {
        "nl": "Alleen nodig als u niet met een ingebouwde set werkt. Een .yaml-bestand in het "
        "formaat van de criteriasets; het wordt eerst gecontroleerd.",
        "en": "Only needed when you do not use a built-in pack. A .yaml file in the criteria-pack "
        "format; it is checked first.",
    },
    "pack_invalid": {
        "nl": "{file} is geen geldige criteriaset. Gevonden problemen: {n}.",
        "en": "{file} is not a valid criteria pack. Problems found: {n}.",
    },
    "pack_valid": {
        "nl": "{file}: criteriaset '{title}' ({n}) is geldig en wordt gebruikt.",
        "en": "{file}: criteria pack '{title}' ({n}) is valid and will be used.",
    },
    "assessment_date": {"nl": "Datum van de beoordeling", "en": "Assessment date"},
    "audit_date": {"nl": "Geplande datum van de audit", "en": "Planned audit date"},
    "audit_date_help": {
        "nl": "Laat leeg als die nog niet bekend is.",
        "en": "Leave empty when it is not known yet.",
    },
    "assessors": {"nl": "Beoordelaars (één per regel)", "en": "Assessors (one per line)"},
    "report_language": {"nl": "Taal van het rapport", "en": "Report language"},
    "create": {"nl": "Beoordeling aanmaken", "en": "Create assessment"},
    "audit_before_assessment": {
        "nl": "De geplande auditdatum ({audit}) ligt vóór de datum van de beoordeling ({date}). "
        "Kies een latere datum of laat het veld leeg.",
        "en": "The planned audit date ({audit}) is before the assessment date ({date}). Choose a "
        "later date or leave the field empty.",
    },
    "name_required": {
        "nl": "Vul de naam van de organisatie in.",
        "en": "Fill in the organisation's name.",
    },
    "created": {
        "nl": "Beoordeling voor {name} aangemaakt.",
        "en": "Assessment for {name} created.",
    },
    "audit_before": {
        "nl": "De auditdatum ligt vóór de datum van de beoordeling.",
        "en": "The audit date is before the assessment date.",
    },
    # -- assess page
    "overview": {"nl": "Overzicht", "en": "Overview"},
    "legend": {
        "nl": "● beantwoord · ◐ bewijs ontbreekt · ○ nog open · – niet van toepassing",
        "en": "● answered · ◐ evidence missing · ○ still open · – not applicable",
    },
    "state_answered": {"nl": "beantwoord", "en": "answered"},
    "state_unbacked": {"nl": "bewijs ontbreekt", "en": "evidence missing"},
    "state_open": {"nl": "nog open", "en": "still open"},
    "state_na": {"nl": "niet van toepassing", "en": "not applicable"},
    "state_to_confirm": {"nl": "nog te bevestigen", "en": "to re-confirm"},
    "state_na_to_confirm": {
        "nl": "niet van toepassing, nog te bevestigen",
        "en": "not applicable, to re-confirm",
    },
    "mandatory": {"nl": "verplicht", "en": "mandatory"},
    "mandatory_help": {
        "nl": "Een knock-outcriterium: een tekort hier houdt het oordeel tegen.",
        "en": "A knock-out criterion: a gap here holds back the verdict.",
    },
    "target_level": {"nl": "doel: niveau {level}", "en": "target: level {level}"},
    "weight": {"nl": "gewicht {w}", "en": "weight {w}"},
    "guidance": {"nl": "Waar let de auditor op?", "en": "What does the auditor look for?"},
    "levels": {"nl": "Niveaus", "en": "Levels"},
    "level_col": {"nl": "Niveau", "en": "Level"},
    "meaning_col": {"nl": "Wat betekent het hier", "en": "What it means here"},
    "needs_col": {"nl": "Bewijs nodig", "en": "Evidence needed"},
    "nothing_needed": {"nl": "geen", "en": "none"},
    "hints": {"nl": "Voorbeelden van goed bewijs", "en": "Examples of good evidence"},
    "refs": {"nl": "Verwijzingen", "en": "References"},
    "your_answer": {"nl": "Uw antwoord", "en": "Your answer"},
    "claimed_level": {
        "nl": "Welk niveau heeft de organisatie bereikt?",
        "en": "Which level has the organisation reached?",
    },
    "no_level": {"nl": "Nog niet beantwoord", "en": "Not answered yet"},
    "not_applicable": {"nl": "Niet van toepassing", "en": "Not applicable"},
    "na_mandatory": {
        "nl": "Een verplicht criterium kan niet 'niet van toepassing' zijn.",
        "en": "A mandatory criterion cannot be 'not applicable'.",
    },
    "justification": {"nl": "Waarom niet van toepassing?", "en": "Why not applicable?"},
    "justification_needed": {
        "nl": "Geef een toelichting: zonder toelichting wordt 'niet van toepassing' niet "
        "opgeslagen.",
        "en": "Give a justification: without one, 'not applicable' is not saved.",
    },
    "note": {"nl": "Toelichting", "en": "Note"},
    "note_help": {
        "nl": "Wordt opgeslagen zodra u het veld verlaat.",
        "en": "Saved as soon as you leave the field.",
    },
    "backed": {
        "nl": "Het bewijs onderbouwt niveau {level}.",
        "en": "The evidence backs level {level}.",
    },
    "unbacked": {
        "nl": "Het bewijs onderbouwt niveau {evidenced}, niet het geclaimde niveau {claimed}: "
        "{needs}.",
        "en": "The evidence backs level {evidenced}, not the claimed level {claimed}: {needs}.",
    },
    "to_target": {"nl": "Voor het doel: {needs}.", "en": "For the target: {needs}."},
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
    "linked_evidence": {"nl": "Gekoppeld bewijs", "en": "Linked evidence"},
    "link_evidence_help": {
        "nl": "Kies bestaand bewijs dat dit criterium ondersteunt.",
        "en": "Choose existing evidence that supports this criterion.",
    },
    "no_evidence_yet": {"nl": "Nog geen bewijs gekoppeld.", "en": "No evidence linked yet."},
    "add_evidence": {"nl": "Nieuw bewijs toevoegen", "en": "Add new evidence"},
    "ev_kind": {"nl": "Soort", "en": "Kind"},
    "ev_title": {"nl": "Titel", "en": "Title"},
    "ev_source": {"nl": "Bron (waar te vinden)", "en": "Source (where to find it)"},
    "ev_date": {"nl": "Datum", "en": "Date"},
    "ev_link": {"nl": "Link", "en": "Link"},
    "ev_file": {"nl": "Bestand", "en": "File"},
    "ev_personal": {"nl": "Bevat persoonsgegevens", "en": "Contains personal data"},
    "ev_personal_help": {
        "nl": "Markeer bewijs met persoonsgegevens; het bestand kunt u later definitief wissen.",
        "en": "Mark evidence with personal data; you can erase its file for good later.",
    },
    "ev_add": {"nl": "Bewijs toevoegen", "en": "Add evidence"},
    "ev_title_needed": {"nl": "Geef het bewijs een titel.", "en": "Give the evidence a title."},
    "ev_added": {"nl": "Bewijs {id} toegevoegd.", "en": "Evidence {id} added."},
    "ev_link_bad": {
        "nl": "De link moet een webadres zijn dat met http:// of https:// begint, zonder spaties.",
        "en": "The link must be a web address starting with http:// or https://, without spaces.",
    },
    "previous": {"nl": "Vorige", "en": "Previous"},
    "next": {"nl": "Volgende", "en": "Next"},
    "next_open": {  # ○ still open or ◐ evidence missing, as the legend names them
        "nl": "Naar het volgende criterium zonder antwoord of bewijs (○ ◐)",
        "en": "Go to the next criterion without an answer or evidence (○ ◐)",
    },
    "all_done": {
        "nl": "Alle criteria zijn beantwoord en onderbouwd. Bekijk de resultaten.",
        "en": "Every criterion is answered and backed. Look at the results.",
    },
    "criterion_n": {"nl": "Criterium {i} van {n}", "en": "Criterion {i} of {n}"},
    # -- evidence page
    "evidence_title": {"nl": "Bewijs", "en": "Evidence"},
    "evidence_intro": {
        "nl": "Al het bewijs van deze beoordeling, de criteria die het ondersteunt en de criteria "
        "waarvoor nog bewijs ontbreekt.",
        "en": "All evidence of this assessment, the criteria it supports, and the criteria that "
        "still lack evidence.",
    },
    "no_evidence": {
        "nl": "Er is nog geen bewijs. Voeg het hierboven toe, of bij een criterium op de pagina "
        "Beoordelen.",
        "en": "There is no evidence yet. Add it above, or at a criterion on the Assess page.",
    },
    "supports": {"nl": "Gekoppeld aan", "en": "Linked to"},
    "edit_supports": {"nl": "Criteria wijzigen", "en": "Change criteria"},
    "supports_none": {"nl": "nog geen criterium", "en": "no criterion yet"},
    "download_file": {"nl": "{name} downloaden", "en": "Download {name}"},
    "file_erased": {"nl": "Bestand {name} is gewist.", "en": "File {name} was erased."},
    "file_missing": {
        "nl": "Bestand {name} is niet in de opslag: voeg het opnieuw toe met Bewerken.",
        "en": "File {name} is not in the store: add it again with Edit.",
    },
    "erase_file": {"nl": "Bestand definitief wissen", "en": "Erase the file for good"},
    "erase_confirm": {
        "nl": "Ik begrijp dat het bestand niet terug te halen is",
        "en": "I understand the file cannot be brought back",
    },
    "erased": {"nl": "Het bestand van {id} is gewist.", "en": "The file of {id} was erased."},
    "delete_evidence": {"nl": "Bewijs verwijderen", "en": "Delete evidence"},
    "ev_remove": {"nl": "Wissen of verwijderen", "en": "Erase or delete"},
    "deleted": {"nl": "Bewijs {id} verwijderd.", "en": "Evidence {id} deleted."},
    "personal_data": {"nl": "persoonsgegevens", "en": "personal data"},
    "missing_title": {
        "nl": "Criteria waarvoor bewijs ontbreekt",
        "en": "Criteria that lack evidence",
    },
    "missing_none": {
        "nl": "Voor elk van toepassing zijnd criterium is genoeg bewijs om het doel te "
        "onderbouwen.",
        "en": "Every applicable criterion has enough evidence to back its target.",
    },
    "go_assess": {"nl": "Beoordelen", "en": "Assess"},
    # -- results page
    "results_title": {"nl": "Resultaten", "en": "Results"},
    "overall_readiness": _shared(COMPARE_WORDS["overall"]),
    "on_audit_day": _chart("audit_day"),
    "condition": {"nl": "Voorwaarde", "en": "Condition"},
    "forecast_help": {
        "nl": "Als elk gepland verbeterpunt op tijd klaar is. Gepland is een punt dat afgerond "
        "is, of een eigenaar heeft en geen risico loopt (zijn eigen deadline, of zonder eigen "
        "deadline de voorgestelde, ligt niet na de uiterste datum, een aantal werkdagen vóór de "
        "audit); andere punten tellen niet mee.",
        "en": "If every planned improvement point is finished on time. A point is planned when it "
        "is done, or has an owner and is not at risk (its own deadline, or without one the "
        "proposed deadline, is not after the latest date, some working days before the "
        "audit); other points do not count.",
    },
    "per_pillar": _shared(COMPARE_WORDS["pillars"]),
    "per_tag": {"nl": "Per ontwikkelelement", "en": "Per development element"},
    "all_criteria": {"nl": "Alle criteria", "en": "All criteria"},
    "col_criterion": {"nl": "Criterium", "en": "Criterion"},
    "col_title": {"nl": "Titel", "en": "Title"},
    "col_pillar": {"nl": "Pijler", "en": "Pillar"},
    "col_claimed": _chart("claimed"),
    "col_evidenced": _chart("evidenced"),
    "col_target": {"nl": "Doel", "en": "Target"},
    "col_gap": {"nl": "Tekort", "en": "Gap"},
    "col_state": {"nl": "Stand", "en": "State"},
    "col_mandatory": {"nl": "Verplicht", "en": "Mandatory"},
    "levels_per_pillar": {"nl": "Niveaus per criterium", "en": "Levels per criterion"},
    "nothing_answered": {
        "nl": "Nog geen criterium beantwoord; de resultaten vullen zich zodra u begint met "
        "beoordelen.",
        "en": "No criterion answered yet; the results fill in as soon as you start assessing.",
    },
    # -- plan page
    "plan_nothing_answered": {
        "nl": "Nog geen criterium beantwoord; het verbeterplan volgt uit de beoordeling.",
        "en": "No criterion answered yet; the improvement plan follows from the assessment.",
    },
    "go_assess_page": {"nl": "Begin met beoordelen", "en": "Start assessing"},
    "plan_title": {"nl": "Verbeterplan", "en": "Improvement plan"},
    "plan_intro": {
        "nl": "Eén verbeterpunt per criterium met een tekort, op prioriteit. Vul eigenaar, "
        "deadline, "
        "status en notitie in de tabel in; elke wijziging wordt direct opgeslagen.",
        "en": "One improvement point per criterion with a gap, by priority. Fill in owner, "
        "deadline, "
        "status and note in the table; every change is saved at once.",
    },
    "plan_empty": {
        "nl": "Geen verbeterpunten: geen enkel criterium heeft een tekort.",
        "en": "No improvement points: no criterion has a gap.",
    },
    "latest_finish": {
        "nl": "Uiterlijk gereed: {date} ({days} werkdagen vóór de audit op {audit}).",
        "en": "Latest finish: {date} ({days} working days before the audit on {audit}).",
    },
    "no_audit_date": {
        "nl": "Er is geen auditdatum; vul die in bij de gegevens van de beoordeling om risico's "
        "te zien.",
        "en": "There is no audit date; fill it in with the assessment's details to see risks.",
    },
    "at_risk_count": {
        "nl": "Verbeterpunten die niet op tijd klaar zijn voor de audit: {n}.",
        "en": "Improvement points that will not be done in time for the audit: {n}.",
    },
    "col_priority": {"nl": "Prio", "en": "Priority"},
    "col_point": _chart("point"),
    "col_levels": {"nl": "Van → naar", "en": "From → to"},
    "col_proposed": {"nl": "Voorgesteld", "en": "Proposed"},
    "col_deadline": {"nl": "Deadline", "en": "Deadline"},
    "col_at_risk": _chart("at_risk"),
    "col_overdue": {"nl": "Verlopen", "en": "Overdue"},
    "flag_yes": {"nl": "ja", "en": "yes"},
    "flag_no": {"nl": "nee", "en": "no"},
    "overdue_count": {
        "nl": "Verbeterpunten die niet gereed zijn en waarvan de deadline voorbij is: {n}.",
        "en": "Improvement points not done whose deadline has passed: {n}.",
    },
    "workload_title": {"nl": "Werklast per eigenaar", "en": "Workload per owner"},
    "workload_caption": {
        "nl": "Werk van de open punten (inspanning per niveau × tekort, in werkdagen) tegen de "
        "werkdagen die vanaf vandaag resten.",
        "en": "The work of the open points (effort per level × gap, in working days) against the "
        "working days left from today.",
    },
    "col_work": {"nl": "Werk (werkdagen)", "en": "Work (working days)"},
    "col_days_left": {"nl": "Werkdagen over", "en": "Working days left"},
    "col_points": {"nl": "Verbeterpunten", "en": "Improvement points"},
    "overloaded": {"nl": "overbelast", "en": "overloaded"},
    "no_owner_row": {"nl": "Zonder eigenaar", "en": "Without an owner"},
    "col_owner": {"nl": "Eigenaar", "en": "Owner"},
    "col_status": {"nl": "Status", "en": "Status"},
    "col_note": {"nl": "Notitie", "en": "Note"},
    "deadline_help": {
        "nl": "Uw eigen deadline; maak leeg om de voorgestelde te gebruiken.",
        "en": "Your own deadline; clear it to use the proposed one.",
    },
    "timeline": {"nl": "Tijdlijn tot de audit", "en": "Timeline up to the audit"},
    "plan_saved": {"nl": "Verbeterplan opgeslagen.", "en": "Improvement plan saved."},
    # -- report and exchange page
    "report_title": {"nl": "Rapport en uitwisseling", "en": "Report and exchange"},
    "report_head": {"nl": "Rapport voor de pre-audit", "en": "Pre-audit report"},
    "report_intro": {
        "nl": "Een PDF met het oordeel, de scores per criterium met het bewijs en het "
        "verbeterplan.",
        "en": "A PDF with the verdict, the scores per criterion with their evidence, and the "
        "improvement plan.",
    },
    "generate_pdf": {"nl": "PDF maken", "en": "Generate PDF"},
    "generating": {"nl": "Het rapport wordt gemaakt …", "en": "Generating the report …"},
    "report_queued": {
        "nl": "Even geduld: er worden nu andere rapporten gemaakt. Uw rapport staat in de wachtrij "
        "({ahead} vóór u); de tijdslimiet gaat pas in als het aan de beurt is.",
        "en": "Busy: other reports are being made. Yours is in the queue ({ahead} ahead of you); "
        "its time limit starts only when it is its turn.",
    },
    "download_pdf": {"nl": "PDF downloaden", "en": "Download PDF"},
    "pdf_ready": {"nl": "Het rapport is klaar ({size}).", "en": "The report is ready ({size})."},
    "pdf_failed": {
        "nl": "Het rapport kon niet worden gemaakt: {problem}",
        "en": "The report could not be made: {problem}",
    },
    "report_unavailable": {
        "nl": "Het PDF-rapport is in deze installatie niet beschikbaar (installeer de extra "
        "'report').",
        "en": "The PDF report is not available in this installation (install the 'report' extra).",
    },
    "export_head": {"nl": "Exporteren", "en": "Export"},
    "export_intro": {
        "nl": "Als .json (alleen de gegevens) of als .ikmz (gegevens met alle bewijsbestanden), om "
        "te bewaren of uit te wisselen met een adviseur.",
        "en": "As .json (the data only) or as .ikmz (the data with every evidence file), to keep "
        "or "
        "to exchange with a consultant.",
    },
    "export_json": {"nl": ".json downloaden", "en": "Download .json"},
    "export_ikmz": {"nl": ".ikmz downloaden", "en": "Download .ikmz"},
    "export_without_personal": {
        "nl": "Bestanden met persoonsgegevens weglaten uit de .ikmz",
        "en": "Leave files with personal data out of the .ikmz",
    },
    "export_without_personal_help": {
        "nl": "Het bewijs blijft vermeld met naam en hash; alleen de bestanden zelf gaan niet mee.",
        "en": "The evidence stays listed with its name and hash; only the files themselves are "
        "left out.",
    },
    "import_head": {"nl": "Importeren", "en": "Import"},
    "import_intro": {
        "nl": "Een .json- of .ikmz-bestand wordt gecontroleerd en als nieuwe beoordeling "
        "toegevoegd; "
        "bestaande gegevens blijven ongewijzigd.",
        "en": "A .json or .ikmz file is checked and added as a new assessment; existing data stays "
        "unchanged.",
    },
    "import_file": {"nl": "Bestand om te importeren", "en": "File to import"},
    "import_button": {"nl": "Importeren", "en": "Import"},
    "imported": {
        "nl": "{file} geïmporteerd als nieuwe beoordeling.",
        "en": "{file} imported as a new assessment.",
    },
    "import_failed": {
        "nl": "{file} kan niet worden geïmporteerd:",
        "en": "{file} cannot be imported:",
    },
    "import_warning": {"nl": "Let op: {problem}", "en": "Note: {problem}"},
    "history_head": {"nl": "Eerdere versies", "en": "Earlier versions"},
    "history_intro": {
        "nl": "Elke wijziging is een nieuwe versie. Zet een eerdere versie terug als iets misging; "
        "dat wordt zelf weer een nieuwe versie.",
        "en": "Every change is a new version. Restore an earlier version if something went wrong; "
        "that becomes a new version itself.",
    },
    "restore": {"nl": "Terugzetten", "en": "Restore"},
    "current_version": {"nl": "huidige versie", "en": "current version"},
    "restored": {"nl": "Versie {v} teruggezet.", "en": "Version {v} restored."},
    "version_n": {"nl": "Versie {v}", "en": "Version {v}"},
    "details_head": {"nl": "Gegevens van de beoordeling", "en": "Assessment details"},
    "save_details": {"nl": "Gegevens opslaan", "en": "Save details"},
    "details_saved": {"nl": "Gegevens opgeslagen.", "en": "Details saved."},
}


# -- evidence kept on the Evidence page, forms that keep their input, the bin (issue 18)
LABELS.update(
    {
        "file_empty": {"nl": "{name}: het bestand is leeg.", "en": "{name}: the file is empty."},
        "file_too_large": {
            "nl": "{name} is {size}; een bestand mag hoogstens {limit} zijn. Er is niets "
            "opgeslagen.",
            "en": "{name} is {size}; a file may be at most {limit}. Nothing was saved.",
        },
        "file_type_refused": {
            "nl": "{name}: dit soort bestand wordt niet als bewijs aangenomen. Wel: {types}.",
            "en": "{name}: this type of file is not accepted as evidence. Accepted: {types}.",
        },
        "file_content_wrong": {
            "nl": "{name}: de inhoud is niet wat de naam zegt. Hernoem het bestand of kies het "
            "juiste.",
            "en": "{name}: the content is not what the name says. Rename the file or choose the "
            "right one.",
        },
        "upload_hint": {
            "nl": "Sleep een bestand hierheen of kies er een. Toegestaan: {types}; hoogstens "
            "{limit} MB.",
            "en": "Drag a file here or choose one. Accepted: {types}; at most {limit} MB.",
        },
        "upload_button": {"nl": "Bestand kiezen", "en": "Choose file"},
        "select_all": {"nl": "Alles kiezen", "en": "Select all"},
        "upload_drop": {"nl": "Sleep bestanden hierheen", "en": "Drag files here"},
        "ev_source_help": {
            "nl": "Waar het te vinden is, of wie is geïnterviewd of geobserveerd. Met een datum "
            "erbij "
            "is het bewijs controleerbaar, ook zonder bestand of link.",
            "en": "Where it is kept, or who was interviewed or observed. With a date it is "
            "checkable, even without a file or link.",
        },
        "ev_file_replace": {"nl": "Bestand vervangen ({name})", "en": "Replace the file ({name})"},
        "ev_save": {"nl": "Wijzigingen opslaan", "en": "Save changes"},
        "ev_saved": {"nl": "Bewijs {id} opgeslagen.", "en": "Evidence {id} saved."},
        "ev_edit": {"nl": "Bewerken", "en": "Edit"},
        "ev_close": {"nl": "Sluiten", "en": "Close"},
        "bulk_head": {
            "nl": "Meerdere bestanden tegelijk toevoegen",
            "en": "Add several files at once",
        },
        "bulk_files": {
            "nl": "Bestanden (elk wordt een bewijsstuk)",
            "en": "Files (each becomes an item)",
        },
        "bulk_add": {"nl": "Bestanden toevoegen", "en": "Add files"},
        "bulk_none": {
            "nl": "Kies eerst een of meer bestanden.",
            "en": "Choose one or more files first.",
        },
        "ev_bulk_added": {"nl": "{n} bewijsstukken toegevoegd.", "en": "{n} evidence items added."},
        "ev_count": {"nl": "{n} van {total} bewijsstukken", "en": "{n} of {total} evidence items"},
        "list_shown": {
            "nl": "De eerste {n} van {total} getoond.",
            "en": "The first {n} of {total} shown.",
        },
        "list_more": {"nl": "{n} meer tonen", "en": "Show {n} more"},
        "missing_count": {
            "nl": "{n} criteria hebben nog niet het bewijs voor hun doelniveau.",
            "en": "{n} criteria lack the evidence for their target level.",
        },
        "missing_count_one": {
            "nl": "1 criterium heeft nog niet het bewijs voor zijn doelniveau.",
            "en": "1 criterion lacks the evidence for its target level.",
        },
        "list_all": {"nl": "Alle {n} tonen", "en": "Show all {n}"},
        "ev_search": {"nl": "Zoeken", "en": "Search"},
        "ev_search_hint": {"nl": "titel, nummer of bron", "en": "title, number or source"},
        "all_kinds": {"nl": "alle soorten", "en": "all kinds"},
        "all_criteria_filter": {"nl": "alle criteria", "en": "all criteria"},
        "ev_checkable_filter": {"nl": "Controleerbaar", "en": "Checkable"},
        "all_items": {"nl": "alle", "en": "all"},
        "ev_no_file_filter": {
            "nl": "Alleen zonder bestand (of bestand niet in de opslag)",
            "en": "Only without a file (or file not in the store)",
        },
        "to_make_checkable": {
            "nl": "Niet controleerbaar, telt niet mee: {todo}.",
            "en": "Not checkable, does not count: {todo}.",
        },
        "link_existing": {"nl": "Bestaand bewijs koppelen", "en": "Link existing evidence"},
        "link_existing_hint": {"nl": "Kies een bewijsstuk …", "en": "Choose an item …"},
        "unlink": {"nl": "Ontkoppelen van dit criterium", "en": "Unlink from this criterion"},
        "your_name_ask": {
            "nl": "Vul uw naam in: die wordt bij elke wijziging bewaard en deze browser onthoudt "
            "hem.",
            "en": "Fill in your name: it is kept with every change, and this browser remembers it.",
        },
        "more_actions": {"nl": "Meer acties", "en": "More actions"},
        "to_bin": {"nl": "Naar de prullenbak", "en": "Move to the bin"},
        "bin_help": {
            "nl": "De beoordeling verdwijnt uit de lijst en blijft 30 dagen in de prullenbak; "
            "daarna "
            "wordt ze definitief verwijderd.",
            "en": "The assessment leaves the list and stays in the bin for 30 days; after that it "
            "is deleted for good.",
        },
        "binned": {
            "nl": "Beoordeling naar de prullenbak verplaatst (30 dagen terug te zetten).",
            "en": "Assessment moved to the bin (can be restored for 30 days).",
        },
        "unbinned": {
            "nl": "Beoordeling teruggezet uit de prullenbak.",
            "en": "Assessment restored from the bin.",
        },
        "bin_head": {"nl": "Prullenbak ({n})", "en": "Bin ({n})"},
        "bin_intro": {
            "nl": "Verwijderde beoordelingen, met hun geschiedenis en bestanden. Na 30 dagen "
            "worden ze "
            "definitief verwijderd.",
            "en": "Deleted assessments, with their history and files. After 30 days they are "
            "deleted "
            "for good.",
        },
        "bin_row": {
            "nl": "verwijderd {when}, blijft tot {until}",
            "en": "deleted {when}, kept until {until}",
        },
        "from_bin": {"nl": "Terugzetten", "en": "Restore"},
        "demo_reset": {"nl": "Demo terugzetten", "en": "Reset the demo"},
        "demo_reset_help": {
            "nl": "Zet de demo terug zoals die is meegeleverd; de wijzigingen blijven in de "
            "versiegeschiedenis.",
            "en": "Puts the demo back as shipped; the changes stay in the version history.",
        },
        "demo_reset_done": {"nl": "De demo is teruggezet.", "en": "The demo was reset."},
        "assessment_number": {"nl": "Beoordeling {id}", "en": "Assessment {id}"},
        "the_demo": {"nl": "de demo", "en": "the demo"},
        "imported_from": {
            "nl": "geïmporteerd uit {file} op {when}",
            "en": "imported from {file} on {when}",
        },
        "created_on": {"nl": "aangemaakt op {when}", "en": "created on {when}"},
        "plan_table_scroll": {
            "nl": "De tabel schuift opzij (shift + scrollwiel, of veeg): rechts staan notitie en "
            "de "
            "voorgestelde deadline. Prioriteit en criterium blijven staan.",
            "en": "The table scrolls sideways (shift + scroll wheel, or swipe): note and the "
            "proposed "
            "deadline are on the right. Priority and criterion stay in place.",
        },
        "jump_to": {
            "nl": "Naar criterium (zoek op nummer of titel)",
            "en": "Go to criterion (search by id or title)",
        },
        "choose_criterion": {"nl": "Kies een criterium …", "en": "Choose a criterion …"},
        "backed_free": {
            "nl": "Niveau {level} vraagt geen bewijs; het telt zoals geclaimd.",
            "en": "Level {level} needs no evidence; it counts as claimed.",
        },
        "import_hint": {
            "nl": "Een .json- of .ikmz-bestand, hoogstens {limit} MB.",
            "en": "A .json or .ikmz file, at most {limit} MB.",
        },
        "import_type": {
            "nl": "{file} kan niet worden geïmporteerd: alleen .json- en .ikmz-bestanden.",
            "en": "{file} cannot be imported: only .json and .ikmz files.",
        },
        "pack_type": {
            "nl": "{file} is geen criteriaset: kies een .yaml- of .yml-bestand.",
            "en": "{file} is not a criteria pack: choose a .yaml or .yml file.",
        },
        "next_level_met": {
            "nl": "Het gekoppelde bewijs volstaat ook voor niveau {level}.",
            "en": "The linked evidence is enough for level {level} too.",
        },
        "next_level_free": {
            "nl": "Niveau {level} vraagt geen bewijs.",
            "en": "Level {level} needs no evidence.",
        },
    }
)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    text = say(LABELS, key, lang)
    return text.format(**values) if values else text


def tn(key: str, lang: str, n: int, **values: object) -> str:
    """Like :func:`t` for a count ``n``: the label ``key_one`` when ``n`` is 1 and there is
    one ("1 rij", not "1 rijen"), else ``key``; ``{n}`` is filled in either way."""
    one = f"{key}_one"
    return t(one if n == 1 and one in LABELS else key, lang, n=n, **values)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&])")


def md(text: object) -> str:
    """User or pack text made safe for Markdown: every special character is escaped and line
    breaks are kept, so the text shows literally (no links, images, HTML or emoji codes)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    return "  \n".join(escaped.splitlines())


# -- workshop mode (colleague W): the consultant's projector view and the participant page
LABELS.update(
    {
        "nav_workshop": {"nl": "Workshop", "en": "Workshop"},
        "nav_participate": {"nl": "Meedoen", "en": "Join"},
        "ws_title": {"nl": "Workshop", "en": "Workshop"},
        "ws_read_only": {
            "nl": "U kunt deze beoordeling alleen lezen: een workshop leiden en een afgesproken "
            "niveau vastleggen kan een bewerker. De stemmen van eerdere workshops staan in de "
            "bijlage van het rapport.",
            "en": "You can only read this assessment: an editor can lead a workshop and record "
            "an agreed level. The votes of earlier workshops are in the report's appendix.",
        },
        "ws_intro": {
            "nl": "Beoordeel samen met het team: het scherm toont één criterium tegelijk, iedereen "
            "stemt een niveau op de eigen telefoon of laptop, en u legt het afgesproken niveau "
            "vast. Elke stem blijft bewaard; het rapport krijgt een bijlage met de spreiding.",
            "en": "Assess together with the team: the screen shows one criterion at a time, "
            "everyone "
            "votes a level on their own phone or laptop, and you record the agreed level. "
            "Every vote is kept; the report gains an appendix with the spread.",
        },
        "ws_start": {"nl": "Workshop starten", "en": "Start workshop"},
        "ws_led_by": {"nl": "Begeleider: {name}", "en": "Facilitator: {name}"},
        "ws_name_first": {
            "nl": "Tip: vul links uw naam in; die komt bij elk vastgelegd niveau in de "
            "geschiedenis.",
            "en": "Tip: fill in your name on the left; it is kept with every recorded level.",
        },
        "ws_earlier": {"nl": "Eerdere workshops", "en": "Earlier workshops"},
        "ws_earlier_row": {
            "nl": "{date}: {n}, code {code} (afgesloten)",
            "en": "{date}: {n}, code {code} (closed)",
        },
        "ws_join_head": {"nl": "Doe mee", "en": "Join in"},
        "ws_join_at": {"nl": "Ga naar {url}", "en": "Go to {url}"},
        "ws_code": {"nl": "code", "en": "code"},
        "ws_local_only": {
            "nl": "Deze link werkt alleen op deze computer. Start de app met `ikm workshop serve` "
            "om deelnemers op het lokale netwerk te laten meedoen.",
            "en": "This link works on this computer only. Start the app with `ikm workshop serve` "
            "to let participants on the local network join.",
        },
        "ws_participants": {"nl": "{n} deelnemers", "en": "{n} participants"},
        "ws_participants_one": {"nl": "1 deelnemer", "en": "1 participant"},
        "ws_nobody_yet": {
            "nl": "Nog niemand doet mee: laat de QR-code scannen.",
            "en": "Nobody has joined yet: let people scan the QR code.",
        },
        "ws_groups": {
            "nl": "Deelnemersgroepen (niet verplicht)",
            "en": "Participant groups (optional)",
        },
        "ws_groups_help": {
            "nl": "Gescheiden door komma's. Deelnemers kiezen hun groep bij het meedoen; liggen de "
            "groepen een niveau of meer uiteen, dan is dat een bevinding (ook in het rapport).",
            "en": "Separated by commas. Participants choose their group on joining; when the "
            "groups "
            "are a level or more apart, that is a finding (in the report too).",
        },
        "ws_groups_placeholder": {
            "nl": "bijv. Frontlinie, Management",
            "en": "e.g. Front line, Management",
        },
        "ws_groups_offered": {"nl": "Groepen: {groups}", "en": "Groups: {groups}"},
        "ws_anonymous": {"nl": "Anonieme ronde", "en": "Anonymous round"},
        "ws_anonymous_help": {
            "nl": "Geen namen op het scherm, in het rapport of in de CSV: alleen de niveaus.",
            "en": "No names on the screen, in the report or in the CSV: only the levels.",
        },
        "ws_anonymous_badge": _appendix("anonymous"),
        "ws_reveal": {"nl": "Stemmen tonen", "en": "Show the votes"},
        "ws_hidden_one": {
            "nl": "1 stem binnen, nog verborgen: zo laat niemand zich door de anderen leiden.",
            "en": "1 vote in, still hidden: so nobody follows the others.",
        },
        "ws_hidden": {
            "nl": "{n} stemmen binnen, nog verborgen: zo laat niemand zich door de anderen leiden.",
            "en": "{n} votes in, still hidden: so nobody follows the others.",
        },
        "ws_round_range": {
            "nl": "Ronde {n}: {low}–{high}, mediaan {median}",
            "en": "Round {n}: {low}–{high}, median {median}",
        },
        "ws_group_median": {
            "nl": "{group}: mediaan {median} ({n})",
            "en": "{group}: median {median} ({n})",
        },
        "ws_groups_differ": {
            "nl": "Groepen zien het verschillend ({detail}). Een bevinding op zich: bespreek waar "
            "het "
            "verschil vandaan komt.",
            "en": "The groups see it differently ({detail}). A finding of its own: discuss where "
            "the "
            "difference comes from.",
        },
        "ws_groups_alike": {"nl": "Groepen: {detail}", "en": "Groups: {detail}"},
        "ws_asked": {
            "nl": "Gevraagd waarom (stem wijkt af): {names}",
            "en": "Asked why (vote stands out): {names}",
        },
        "ws_reasons": {"nl": "Waarom zo anders?", "en": "Why so different?"},
        "ws_proposal": {
            "nl": "Voorstel: de mediaan, op een niveau van de schaal (bij een half het lagere).",
            "en": "Proposed: the median, on a level of the scale (halfway: the lower one).",
        },
        "ws_meanings": {
            "nl": "Wat elk niveau hier betekent, en waar de auditor op let",
            "en": "What each level means here, and what the auditor looks for",
        },
        "ws_pick": {"nl": "Criterium op het scherm", "en": "Criterion on screen"},
        "ws_pick_first": {
            "nl": "Kies het eerste criterium om te bespreken.",
            "en": "Choose the first criterion to discuss.",
        },
        "ws_open_voting": {"nl": "Stemming openen", "en": "Open voting"},
        "ws_vote_again": {"nl": "Opnieuw stemmen", "en": "Vote again"},
        "ws_close_voting": {"nl": "Stemming sluiten", "en": "Close voting"},
        "ws_think_time": {"nl": "Bedenktijd", "en": "Time to think"},
        "ws_minutes": {"nl": "{n} min", "en": "{n} min"},
        "ws_no_timer": {"nl": "geen", "en": "none"},
        "ws_time_up": {"nl": "Tijd is om", "en": "Time is up"},
        "ws_voting_open": {"nl": "Stemming open", "en": "Voting open"},
        "ws_voted": {"nl": "{n} van {m} gestemd", "en": "{n} of {m} voted"},
        "ws_round": {"nl": "ronde {n}", "en": "round {n}"},
        "ws_result": {"nl": "Uitslag", "en": "Result"},
        "ws_no_votes": {"nl": "Er is (nog) niet gestemd.", "en": "No votes (yet)."},
        "ws_low": _appendix("low"),
        "ws_median": _appendix("median"),
        "ws_high": _appendix("high"),
        "ws_discuss": {
            "nl": "Bespreken: de stemmen lopen {n} niveaus uiteen.",
            "en": "Discuss: the votes are {n} levels apart.",
        },
        "ws_agreement": {
            "nl": "Iedereen stemde hetzelfde niveau.",
            "en": "Everybody voted the same level.",
        },
        "ws_close_enough": {
            "nl": "De stemmen liggen dicht bij elkaar.",
            "en": "The votes are close together.",
        },
        "ws_col_level": {"nl": "Niveau", "en": "Level"},
        "ws_col_votes": {"nl": "Stemmen", "en": "Votes"},
        "ws_col_who": _appendix("who"),
        "ws_comments": _appendix("comments"),
        "ws_agree": {"nl": "Afgesproken niveau", "en": "Agreed level"},
        "ws_record": {"nl": "Vastleggen als antwoord", "en": "Record as the answer"},
        "ws_recorded": {
            "nl": "Niveau {level} vastgelegd als antwoord op {cid}.",
            "en": "Level {level} recorded as the answer to {cid}.",
        },
        "ws_current_answer": {"nl": "Antwoord nu: {answer}", "en": "Answer now: {answer}"},
        "ws_unanswered": {"nl": "nog niet beantwoord", "en": "not answered yet"},
        "ws_answer_level": {"nl": "niveau {level}", "en": "level {level}"},
        "ws_close": {"nl": "Workshop afsluiten", "en": "Close the workshop"},
        "ws_close_confirm": {
            "nl": "De code werkt daarna niet meer",
            "en": "The code stops working afterwards",
        },
        "ws_closed": {
            "nl": "Workshop afgesloten; code {code} werkt niet meer.",
            "en": "Workshop closed; code {code} no longer works.",
        },
        "ws_failed": {"nl": "Niet gelukt: {problem}", "en": "Did not work: {problem}"},
        # participants
        "pt_title": {"nl": "Meedoen aan de workshop", "en": "Join the workshop"},
        "pt_intro": {
            "nl": "Vul de code van het scherm en uw naam in. Uw naam staat bij uw stem.",
            "en": "Fill in the code from the screen and your name. Your name is shown with your "
            "vote.",
        },
        "pt_code": {"nl": "Code van het scherm", "en": "Code from the screen"},
        "pt_name": {"nl": "Uw naam", "en": "Your name"},
        "pt_join": {"nl": "Meedoen", "en": "Join"},
        "pt_hello": {"nl": "Welkom, {name}", "en": "Welcome, {name}"},
        "pt_wait": {
            "nl": "Wacht tot de begeleider een criterium op het scherm zet.",
            "en": "Wait until the facilitator puts a criterion on the screen.",
        },
        "pt_wait_vote": {
            "nl": "Kijk mee op het scherm. Zodra de begeleider de stemming opent, kunt u hier "
            "stemmen.",
            "en": "Follow along on the screen. Once the facilitator opens voting, you can vote "
            "here.",
        },
        "pt_group": {"nl": "Uw groep", "en": "Your group"},
        "pt_hello_group": {"nl": "Welkom, {name} ({group})", "en": "Welcome, {name} ({group})"},
        "pt_refused_group": {"nl": "Kies uw groep.", "en": "Choose your group."},
        "pt_refused_empty": {"nl": "Schrijf eerst een reden.", "en": "Write a reason first."},
        "pt_refused_not_asked": {
            "nl": "Er wordt nu geen reden van u gevraagd.",
            "en": "No reason is asked of you now.",
        },
        "pt_anonymous": {
            "nl": "Anonieme ronde: uw naam staat niet bij uw stem.",
            "en": "Anonymous round: your name is not shown with your vote.",
        },
        "pt_hidden": {
            "nl": "De stemming is gesloten. De begeleider toont de stemmen zo op het scherm.",
            "en": "Voting is closed. The facilitator will show the votes on the screen.",
        },
        "pt_revealed": {
            "nl": "De stemmen staan op het scherm. Kijk mee en praat mee.",
            "en": "The votes are on the screen. Follow along and join the discussion.",
        },
        "pt_why": {
            "nl": "Uw stem (niveau {level}) wijkt af van de rest. Waarom koos u dit niveau? Zo "
            "hoort "
            "de groep ook uw kant.",
            "en": "Your vote (level {level}) stands out. Why did you choose this level? That way "
            "the "
            "group hears your side too.",
        },
        "pt_reason": {"nl": "Uw reden", "en": "Your reason"},
        "pt_send_reason": {"nl": "Reden versturen", "en": "Send reason"},
        "pt_level": {
            "nl": "Welk niveau heeft de organisatie volgens u bereikt?",
            "en": "Which level has the organisation reached, in your view?",
        },
        "pt_comment": {"nl": "Toelichting (niet verplicht)", "en": "Comment (optional)"},
        "pt_vote": {"nl": "Stem uitbrengen", "en": "Cast vote"},
        "pt_change": {"nl": "Stem wijzigen", "en": "Change vote"},
        "pt_voted": {
            "nl": "Uw stem: niveau {level}. U kunt die wijzigen zolang de stemming open is.",
            "en": "Your vote: level {level}. You can change it while voting is open.",
        },
        "pt_voted_closed": {"nl": "Uw stem: niveau {level}.", "en": "Your vote: level {level}."},
        "pt_pick_level": {"nl": "Kies eerst een niveau.", "en": "Choose a level first."},
        "pt_ended": {
            "nl": "De workshop is afgelopen. Bedankt voor het meedoen!",
            "en": "The workshop has ended. Thank you for taking part!",
        },
        "pt_refused_name": {"nl": "Vul uw naam in.", "en": "Fill in your name."},
        "pt_refused_format": {
            "nl": "Dat is geen geldige code: een code heeft 6 letters en cijfers.",
            "en": "That is not a valid code: a code has 6 letters and digits.",
        },
        "pt_refused_unknown": {
            "nl": "Geen workshop met deze code. Controleer de code op het scherm.",
            "en": "No workshop has this code. Check the code on the screen.",
        },
        "pt_refused_ended": {
            "nl": "Deze workshop is afgelopen; de code werkt niet meer.",
            "en": "This workshop has ended; the code no longer works.",
        },
        "pt_refused_full": {"nl": "Deze workshop is vol.", "en": "This workshop is full."},
        "pt_refused_throttled": {
            "nl": "Er zijn te veel verkeerde codes geprobeerd. Wacht een minuut.",
            "en": "Too many wrong codes were tried. Wait a minute.",
        },
        "pt_refused_token": {
            "nl": "U bent (niet meer) aangemeld bij deze workshop. Meld u opnieuw aan.",
            "en": "You are not (or no longer) in this workshop. Join again.",
        },
        "pt_refused_closed": {
            "nl": "De stemming is al gesloten.",
            "en": "Voting has already closed.",
        },
        "pt_refused_moved": {
            "nl": "Er staat intussen een ander criterium op het scherm.",
            "en": "Another criterion is on the screen by now.",
        },
        "pt_refused_level": {"nl": "Dat niveau bestaat niet.", "en": "That level does not exist."},
        "pt_unavailable": {
            "nl": "De verbinding met de workshop hapert; probeer het zo opnieuw.",
            "en": "The connection to the workshop is failing; try again in a moment.",
        },
    }
)


# -- cycles and exchange (issue 16): Excel, the plan in the calendar, compare, next cycle
LABELS.update(
    {
        "export_xlsx": {"nl": "Excel (.xlsx) downloaden", "en": "Download Excel (.xlsx)"},
        "export_ics": {
            "nl": "Verbeterplan in agenda (.ics)",
            "en": "Improvement plan for calendars (.ics)",
        },
        "export_csv": {
            "nl": "Verbeterplan als tabel (.csv)",
            "en": "Improvement plan as a table (.csv)",
        },
        "wb_head": {"nl": "Excel-werkmap inlezen", "en": "Read an Excel workbook"},
        "wb_intro": {
            "nl": "Lees een ingevulde werkmap (.xlsx, gedownload hierboven) weer in. U ziet eerst "
            "elk "
            "probleem met tabblad en cel, of wat er verandert; er wordt pas iets opgeslagen als "
            "u dat bevestigt.",
            "en": "Read a filled-in workbook (.xlsx, downloaded above) back in. You first see "
            "every "
            "problem with its sheet and cell, or what will change; nothing is saved until you "
            "confirm.",
        },
        "wb_file": {"nl": "Werkmap (.xlsx)", "en": "Workbook (.xlsx)"},
        "wb_problems": {
            "nl": "{file} kan niet worden ingelezen; er is niets opgeslagen. Problemen ({n}):",
            "en": "{file} cannot be read in; nothing was saved. Problems ({n}):",
        },
        "wb_fieldwork_kept": {
            "nl": "Het veldwerk (klachtenregister, steekproef en dossiertoets) staat niet in de "
            "werkmap en blijft zoals het is.",
            "en": "The fieldwork (complaint register, sample and file review) is not in the "
            "workbook and stays as it is.",
        },
        "wb_no_changes": {
            "nl": "De werkmap is gelijk aan de geopende beoordeling: er verandert niets.",
            "en": "The workbook equals the open assessment: nothing changes.",
        },
        "wb_changes": {
            "nl": "Opslaan op de geopende beoordeling verandert **{n}** velden:",
            "en": "Saving onto the open assessment changes **{n}** fields:",
        },
        "wb_changes_one": {
            "nl": "Opslaan op de geopende beoordeling verandert **1** veld:",
            "en": "Saving onto the open assessment changes **1** field:",
        },
        "wb_save": {"nl": "Wijzigingen opslaan", "en": "Save the changes"},
        "wb_saved": {
            "nl": "Werkmap ingelezen en opgeslagen als nieuwe versie.",
            "en": "Workbook read and saved as a new version.",
        },
        "wb_other_pack": {
            "nl": "Deze werkmap hoort bij criteriapakket '{pack}', niet bij dat van de geopende "
            "beoordeling. U kunt haar wel als nieuwe beoordeling inlezen.",
            "en": "This workbook belongs to criteria pack '{pack}', not to the open assessment's. "
            "You can import it as a new assessment.",
        },
        "wb_summary": {
            "nl": "Werkmap: {org}, beoordeeld op {date}, {n}, {e}.",
            "en": "Workbook: {org}, assessed on {date}, {n}, {e}.",
        },
        "wb_new": {"nl": "Inlezen als nieuwe beoordeling", "en": "Import as a new assessment"},
        "col_field": {"nl": "Veld", "en": "Field"},
        "col_before": {"nl": "Voor", "en": "Before"},
        "col_after": {"nl": "Na", "en": "After"},
        "col_change": {"nl": "Verschil", "en": "Change"},
        "cmp_head": {
            "nl": "Vergelijken met een andere beoordeling",
            "en": "Compare with another assessment",
        },
        "cmp_none": {
            "nl": "Er is geen andere beoordeling van deze organisatie met dit criteriapakket om "
            "mee te "
            "vergelijken.",
            "en": "There is no other assessment of this organisation with this criteria pack to "
            "compare with.",
        },
        "cmp_choose": {"nl": "Vergelijk met", "en": "Compare with"},
        "cmp_sides": {"nl": "Van {before} naar {after}.", "en": "From {before} to {after}."},
        "cmp_overall": _shared(COMPARE_WORDS["overall"]),
        "cmp_verdict": _shared(COMPARE_WORDS["verdict"]),
        "cmp_was": {"nl": "was: {verdict}", "en": "was: {verdict}"},
        "cmp_answered": _shared(COMPARE_WORDS["complete"]),
        "cmp_unchanged": {
            "nl": "Geen criterium heeft een ander aangetoond niveau.",
            "en": "No criterion has another evidenced level.",
        },
        "cmp_criteria": {
            "nl": "Criteria met een ander aangetoond niveau: **{worse}** achteruit (bovenaan), "
            "**{better}** vooruit.",
            "en": "Criteria with another evidenced level: **{worse}** worse (at the top), "
            "**{better}** better.",
        },
        "cmp_not_in_pack": _shared(COMPARE_WORDS["missing"]),
        "to_confirm_notice": {
            "nl": "Overgenomen uit de vorige cyclus: bevestig dit antwoord of wijzig het. Tot dan "
            "telt het mee zoals het is overgenomen, maar niet als beantwoord: de beoordeling is "
            "pas compleet als het bevestigd is.",
            "en": "Carried over from the previous cycle: confirm this answer or change it. Until "
            "then it counts as carried over, but not as answered: the assessment is complete "
            "only once it is confirmed.",
        },
        "confirm_response": {"nl": "Bevestigen", "en": "Confirm"},
        "next_head": {"nl": "Volgende cyclus starten", "en": "Start the next cycle"},
        "next_intro": {
            "nl": "Maakt een nieuwe beoordeling van deze organisatie met de nieuwste versie van "
            "het "
            "criteriapakket. Antwoorden worden overgenomen maar moeten opnieuw bevestigd worden; "
            "bewijs gaat mee met zijn datum, open acties ook. Deze beoordeling blijft ongewijzigd.",
            "en": "Makes a new assessment of this organisation with the newest version of the "
            "criteria "
            "pack. Responses are carried over but must be re-confirmed; evidence comes along with "
            "its dates, open actions too. This assessment stays as it is.",
        },
        "next_date": {"nl": "Datum nieuwe beoordeling", "en": "Date of the new assessment"},
        "next_button": {"nl": "Volgende cyclus starten", "en": "Start the next cycle"},
        "next_done": {
            "nl": "Nieuwe cyclus gestart: {n} antwoorden opnieuw te bevestigen, {stale} "
            "bewijsstukken "
            "ouder dan een jaar, {actions} open acties overgenomen, {done} afgeronde acties "
            "blijven in de vorige beoordeling.",
            "en": "Next cycle started: {n} responses to re-confirm, {stale} evidence items more "
            "than "
            "a year old, {actions} open actions carried over, {done} done actions stay with the "
            "previous assessment.",
        },
        "next_changes": {
            "nl": "Het criteriapakket is gewijzigd ({old} → {new}). Nieuw: {added}. Vervallen: "
            "{removed}. Gewijzigd: {changed}.",
            "en": "The criteria pack changed ({old} → {new}). Added: {added}. Removed: {removed}. "
            "Changed: {changed}.",
        },
    }
)


# -- fieldwork (issue 14): the complaint register, the sample and the file review
LABELS.update(
    {
        "nav_fieldwork": {"nl": "Veldwerk", "en": "Fieldwork"},
        "fw_title": {"nl": "Veldwerk", "en": "Fieldwork"},
        "fw_intro": {
            "nl": "Maak uw eigen klachtenregister en een steekproef van echte dossiers tot bewijs. "
            "Alleen de kolommen die u koppelt worden gelezen; alle andere kolommen (namen, "
            "adressen, e-mail) worden bij het inlezen weggelaten en nergens bewaard. Het "
            "bestand zelf wordt niet opgeslagen, alleen de cijfers en de sha256 ervan.",
            "en": "Turn your own complaint register and a sample of real case files into evidence. "
            "Only the columns you map are read; every other column (names, addresses, e-mail) is "
            "dropped on reading and kept nowhere. The file itself is not stored, only its "
            "figures and its sha256.",
        },
        "fw_register_head": {"nl": "1. Klachtenregister", "en": "1. Complaint register"},
        "fw_upload": {"nl": "Register (CSV of XLSX)", "en": "Register (CSV or XLSX)"},
        "fw_mapping": {"nl": "Kolommen koppelen", "en": "Map the columns"},
        "fw_field_id": {"nl": "Zaaknummer (verplicht)", "en": "Case id (required)"},
        "fw_field_received": {
            "nl": "Datum ontvangst (verplicht)",
            "en": "Date received (required)",
        },
        "fw_field_acknowledged": {"nl": "Datum ontvangstbevestiging", "en": "Date acknowledged"},
        "fw_field_decided": {"nl": "Datum afgehandeld", "en": "Date decided"},
        "fw_field_channel": {"nl": "Kanaal", "en": "Channel"},
        "fw_field_department": {"nl": "Afdeling", "en": "Department"},
        "fw_field_outcome": {"nl": "Uitkomst", "en": "Outcome"},
        "fw_not_mapped": {"nl": "(niet koppelen)", "en": "(do not map)"},
        "fw_map_required": {
            "nl": "Kies de ontbrekende kolom hierboven bij **{mapping}**.",
            "en": "Choose the missing column above, under **{mapping}**.",
        },
        "fw_dropped": {
            "nl": "Weggelaten bij het inlezen ({n}): {names}",
            "en": "Dropped on reading ({n}): {names}",
        },
        "fw_preview": {
            "nl": "De eerste rijen, alleen de gekoppelde kolommen:",
            "en": "The first rows, the mapped columns only:",
        },
        "fw_terms": {
            "nl": "Termijnen: ontvangstbevestiging binnen {ack} werkdagen, "
            "besluit binnen {decide} {unit}.",
            "en": "Terms: acknowledgement within {ack} working days, decision within {decide} "
            "{unit}.",
        },
        "fw_calendar": {"nl": "kalenderdagen", "en": "calendar days"},
        "fw_working": {"nl": "werkdagen", "en": "working days"},
        "fw_ack_days": {
            "nl": "Ontvangstbevestiging (werkdagen)",
            "en": "Acknowledgement (working days)",
        },
        "fw_decide_days": {"nl": "Besluit (dagen)", "en": "Decision (days)"},
        "fw_today": {
            "nl": "Peildatum voor open klachten",
            "en": "Day open complaints are judged on",
        },
        "fw_complaints": {"nl": "Klachten", "en": "Complaints"},
        "fw_ack_on_time": {"nl": "Tijdig bevestigd", "en": "Acknowledged on time"},
        "fw_decided_on_time": {"nl": "Tijdig afgehandeld", "en": "Decided on time"},
        "fw_open": {"nl": "Open (over termijn)", "en": "Open (overdue)"},
        "fw_of": {"nl": "{c} van {o}", "en": "{c} of {o}"},
        "fw_skipped": {
            "nl": "{n} rijen overgeslagen (regel 1 is de kopregel):",
            "en": "{n} rows skipped (line 1 is the header):",
        },
        "fw_skipped_one": {
            "nl": "1 rij overgeslagen (regel 1 is de kopregel):",
            "en": "1 row skipped (line 1 is the header):",
        },
        "fw_warnings": {"nl": "{n} waarschuwingen:", "en": "{n} warnings:"},
        "fw_warnings_one": {"nl": "1 waarschuwing:", "en": "1 warning:"},
        "fw_line": {"nl": "Regel", "en": "Line"},
        "fw_reason": {"nl": "Reden", "en": "Reason"},
        "fw_per_month": {"nl": "Klachten per maand", "en": "Complaints per month"},
        "fw_month": {"nl": "Maand van ontvangst", "en": "Month received"},
        "fw_save_analysis": {"nl": "Cijfers bewaren bij de beoordeling", "en": "Keep the figures"},
        "fw_analysis_saved": {"nl": "Cijfers bewaard.", "en": "Figures kept."},
        "fw_saved_analysis": {
            "nl": "Bewaard: {name} ({complaints} klachten), geanalyseerd op {date}, sha256 {sha}…",
            "en": "Kept: {name} ({complaints} complaints), analysed on {date}, sha256 {sha}…",
        },
        "fw_evidence_criteria": {"nl": "Onderbouwt de criteria", "en": "Backs the criteria"},
        "fw_register_evidence": {"nl": "Als bewijs vastleggen", "en": "Record as evidence"},
        "fw_evidence_saved": {"nl": "Bewijs vastgelegd.", "en": "Evidence recorded."},
        "fw_sample_head": {"nl": "2. Steekproef", "en": "2. Sample"},
        "fw_size": {"nl": "Aantal dossiers", "en": "Number of files"},
        "fw_seed": {"nl": "Startgetal", "en": "Seed"},
        "fw_by": {"nl": "Gestratificeerd naar", "en": "Stratified by"},
        "fw_by_none": {"nl": "niet", "en": "none"},
        "fw_by_department": {"nl": "afdeling", "en": "department"},
        "fw_by_channel": {"nl": "kanaal", "en": "channel"},
        "fw_draw": {"nl": "Steekproef trekken", "en": "Draw the sample"},
        "fw_discard": {
            "nl": "Antwoorden voor dossiers buiten de nieuwe steekproef mogen weg",
            "en": "Answers for files outside the new sample may be discarded",
        },
        "fw_sample_saved": {"nl": "Steekproef bewaard.", "en": "Sample kept."},
        "fw_no_complaints": {
            "nl": "Het register heeft geen klachten om een steekproef uit te trekken.",
            "en": "The register has no complaints to draw a sample from.",
        },
        "fw_upload_first": {
            "nl": "Laad het register hierboven om een steekproef te trekken.",
            "en": "Load the register above to draw a sample.",
        },
        "fw_upload_again": {
            "nl": "Om een nieuwe steekproef te trekken laadt u het register hierboven opnieuw "
            "(het bestand zelf wordt niet bewaard).",
            "en": "To draw a new sample, load the register above again (the file itself is not "
            "kept).",
        },
        "fw_sample_info": {
            "nl": "{size} uit {population}, startgetal {seed}, {how}; "
            "getrokken op {date}. "
            "sha256 van het register: {sha}",
            "en": "{size} from {population}, seed {seed}, {how}; drawn on {date}. "
            "Register sha256: {sha}",
        },
        "fw_simple": {"nl": "enkelvoudig aselect", "en": "simple random"},
        "fw_stratified": {"nl": "gestratificeerd naar {by}", "en": "stratified by {by}"},
        "fw_other_register": {
            "nl": "Let op: de steekproef is getrokken uit een ander bestand dan het geladen "
            "register.",
            "en": "Note: the sample was drawn from another file than the register loaded.",
        },
        "fw_review_head": {"nl": "3. Dossiertoets", "en": "3. File review"},
        "fw_no_checks": {
            "nl": "Het criteriapakket heeft geen dossiercontroles (file_checks).",
            "en": "The criteria pack has no file checks.",
        },
        "fw_no_sample": {"nl": "Trek eerst een steekproef.", "en": "Draw a sample first."},
        "fw_file": {"nl": "Dossier", "en": "File"},
        "fw_file_n": {
            "nl": "{id} ({n} van {m}) · {a} van {b} vragen beantwoord",
            "en": "{id} ({n} of {m}) · {a} of {b} checks answered",
        },
        "fw_prev": {"nl": "Vorige", "en": "Previous"},
        "fw_next": {"nl": "Volgende", "en": "Next"},
        "fw_pass": {"nl": "voldoet", "en": "pass"},
        "fw_fail": {"nl": "voldoet niet", "en": "fail"},
        "fw_not_relevant": {"nl": "n.v.t.", "en": "not relevant"},
        "fw_note": {"nl": "Notitie", "en": "Note"},
        "fw_conformity_head": {
            "nl": "Conformiteit per criterium",
            "en": "Conformity per criterion",
        },
        "fw_criterion": {"nl": "Criterium", "en": "Criterion"},
        "fw_check": {"nl": "Controle", "en": "Check"},
        "fw_files": {"nl": "Dossiers", "en": "Files"},
        "fw_conformity": {"nl": "Conformiteit", "en": "Conformity"},
        "fw_interval": {"nl": "95%-interval", "en": "95% interval"},
        "fw_review_evidence": {
            "nl": "Dossiertoets als bewijs vastleggen",
            "en": "Record the file review as evidence",
        },
    }
)


LABELS.update(
    {
        "cmp_trend": {
            "nl": "Gereedheid per pijler over de beoordelingen van deze organisatie",
            "en": "Readiness per pillar across this organisation's assessments",
        },
    }
)


LABELS.update(
    {
        "report_compare": {"nl": "Vergelijking in het rapport", "en": "Comparison in the report"},
        "report_compare_none": {"nl": "geen", "en": "none"},
    }
)


LABELS.update(
    {
        "rename_refused_other": {
            "nl": "De naam {name} hoort bij een andere organisatie, waarvan u geen eigenaar bent. "
            "Een beoordeling gaat niet door een nieuwe naam naar een andere organisatie: kies "
            "een andere naam. Er is niets opgeslagen.",
            "en": "The name {name} belongs to another organisation, which you do not own. Renaming "
            "does not move an assessment into another organisation: choose another name. "
            "Nothing was saved.",
        },
        "rename_refused_new": {
            "nl": "Met de naam {name} zou deze beoordeling in een nieuwe organisatie komen, en "
            "alleen een beheerder maakt organisaties aan. Vraag het een beheerder of houd de "
            "huidige naam. Er is niets opgeslagen.",
            "en": "The name {name} would put this assessment in a new organisation, and only an "
            "administrator creates organisations. Ask an administrator or keep the current "
            "name. Nothing was saved.",
        },
    }
)


LABELS.update(  # text alternatives of images (WCAG 1.1.1)
    {
        "ws_qr_alt": {
            "nl": "QR-code met de link om mee te doen: {url}",
            "en": "QR code with the link to join: {url}",
        },
        "ws_chart_alt": {"nl": "Stemmen per niveau. {rounds}", "en": "Votes per level. {rounds}"},
        "ws_chart_alt_level": {"nl": "niveau {level}: {n}", "en": "level {level}: {n}"},
    }
)
