"""Every label of the app in Dutch and English, and safe rendering of user text.

``t(key, lang, **values)`` returns a label; ``md(text)`` escapes user or pack text for the
Markdown-rendering Streamlit elements, so no user text is ever read as Markdown or HTML.
"""

from __future__ import annotations

import re

from assessment.charts import chart_label
from assessment.compare import COMPARE_WORDS
from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES, language
from assessment.workshop import APPENDIX_WORDS


def _shared(text: dict[str, str]) -> tuple[str, str]:
    """An entry whose text another table holds (``{nl: ..., en: ...}``), as (nl, en)."""
    return (text["nl"], text["en"])


def _appendix(key: str) -> tuple[str, str]:
    """A word of the workshop appendix (assessment/workshop.py), as (nl, en)."""
    return _shared(APPENDIX_WORDS[key])


def _chart(key: str) -> tuple[str, str]:
    """A word of the charts (assessment/charts.py), as (nl, en)."""
    return _shared({lang: chart_label(key, lang) for lang in LANGUAGES})


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
    # -- sign-in (ui/auth.py)
    "auth_single_user": (
        "Eén gebruiker op deze computer, zonder aanmelding.",
        "Single user on this computer, without sign-in.",
    ),
    "auth_signed_in_as": ("Aangemeld als {who}", "Signed in as {who}"),
    "auth_sign_out": ("Afmelden", "Sign out"),
    "auth_sign_in": ("Aanmelden", "Sign in"),
    "auth_sign_in_with": ("Aanmelden met {provider}", "Sign in with {provider}"),
    "auth_sign_in_intro": (
        "Meld u aan om de beoordelingen van uw organisatie te zien. Een deelnemer aan een "
        "workshop heeft geen account nodig: gebruik de link met de code.",
        "Sign in to see your organisation's assessments. A workshop participant needs no "
        "account: use the link with the code.",
    ),
    "auth_no_access": (
        "U hebt nog geen toegang tot een organisatie. Vraag een eigenaar of beheerder om "
        "{email} toe te voegen.",
        "You have no access to any organisation yet. Ask an owner or an administrator to add "
        "{email}.",
    ),
    "auth_role": ("Uw rol: {role}", "Your role: {role}"),
    "auth_read_only": (
        "Alleen lezen: als beoordelaar (reviewer) kunt u niets wijzigen.",
        "Read only: as a reviewer you cannot change anything.",
    ),
    # -- members page (ui/members.py, with sign-in only)
    "nav_members": ("Leden", "Members"),
    "members_title": ("Leden en logboek", "Members and audit log"),
    "members_intro": (
        "Wie deze organisatie mag gebruiken. Eigenaar (owner): beheert de leden; bewerker "
        "(editor): beoordeelt, bewijs, plan; beoordelaar (reviewer): leest en downloadt, "
        "wijzigt niets.",
        "Who may use this organisation. Owner: manages the members; editor: assesses, "
        "evidence, plan; reviewer: reads and downloads, changes nothing.",
    ),
    "members_owners_only": (
        "Alleen eigenaars van deze organisatie en beheerders zien en wijzigen de leden.",
        "Only owners of this organisation and administrators see and change its members.",
    ),
    "member_email": ("E-mailadres", "E-mail address"),
    "member_role": ("Rol", "Role"),
    "member_set": ("Toevoegen of rol wijzigen", "Add or change role"),
    "member_remove_who": ("Lid", "Member"),
    "member_remove": ("Verwijderen", "Remove"),
    "member_saved": ("{email} is nu {role}.", "{email} is now {role}."),
    "member_removed": ("{email} is geen lid meer.", "{email} is no longer a member."),
    "audit_head": ("Logboek", "Audit log"),
    "audit_empty": ("Nog niets vastgelegd.", "Nothing recorded yet."),
    "audit_when": ("Wanneer", "When"),
    "audit_who": ("Wie", "Who"),
    "audit_what": ("Wat", "What"),
    "audit_subject": ("Waarop", "Object"),
    "audit_detail": ("Details", "Details"),
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
    # -- a change that collided with a colleague's (ui/conflict.py)
    "merge_conflict_title": (
        "Uw wijziging botst met die van een collega: hetzelfde veld is gewijzigd nadat u de "
        "beoordeling opende. Uw andere wijzigingen zijn samengevoegd zodra u kiest.",
        "Your change collides with a colleague's: the same field was changed after you opened "
        "the assessment. Your other changes are merged as soon as you choose.",
    ),
    "merge_changed_by": (
        "**{field}** is gewijzigd door **{who}** op {when} (versie {v}).  \n"
        "Hun waarde: **{theirs}** · Uw waarde: **{mine}**",
        "**{field}** was changed by **{who}** on {when} (version {v}).  \n"
        "Their value: **{theirs}** · Your value: **{mine}**",
    ),
    "merge_someone": ("iemand", "someone"),
    # -- presence (ui/presence.py)
    "presence_also_open": (
        ":material/group: Ook open bij: {who}",
        ":material/group: Also open by: {who}",
    ),
    "presence_help": (
        "Wie deze beoordeling nu ook open heeft (elke paar seconden bijgewerkt).",
        "Who else has this assessment open now (renewed every few seconds).",
    ),
    "presence_no_name": ("iemand zonder naam", "someone without a name"),
    "merge_empty": ("(leeg)", "(empty)"),
    "merge_keep_theirs": ("Hun versie houden", "Keep theirs"),
    "merge_use_mine": ("Mijn versie gebruiken", "Use mine"),
    "merge_kept_mine": (
        "Uw versie is opgeslagen, boven op de nieuwste.",
        "Your version is saved, on top of the newest.",
    ),
    "merge_kept_theirs": (
        "De versie van uw collega is gehouden.",
        "Your colleague's version is kept.",
    ),
    "merge_in_responses": ("Criterium {id}", "Criterion {id}"),
    "merge_in_actions": ("Verbeterpunt {id}", "Improvement point {id}"),
    "merge_in_evidence": ("Bewijs {id}", "Evidence {id}"),
    "merge_in_organisation": ("Organisatie", "Organisation"),
    "merge_in_fieldwork": ("Veldwerk", "Fieldwork"),
    "merge_field_level": ("niveau", "level"),
    "merge_field_note": ("toelichting", "note"),
    "merge_field_not_applicable": ("niet van toepassing", "not applicable"),
    "merge_field_justification": ("onderbouwing", "justification"),
    "merge_field_owner": ("eigenaar", "owner"),
    "merge_field_deadline": ("deadline", "deadline"),
    "merge_field_status": ("status", "status"),
    "merge_field_title": ("titel", "title"),
    "merge_field_source": ("bron", "source"),
    "merge_field_date": ("datum", "date"),
    "merge_field_kind": ("soort", "kind"),
    "merge_field_link": ("link", "link"),
    "merge_field_name": ("naam", "name"),
    "merge_field_sector": ("sector", "sector"),
    "merge_field_audit_date": ("auditdatum", "audit date"),
    "merge_field_assessment_date": ("beoordelingsdatum", "assessment date"),
    "merge_field_assessors": ("beoordelaars", "assessors"),
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
    "verdict": _shared(COMPARE_WORDS["verdict"]),
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
        "De link moet een webadres zijn dat met http:// of https:// begint, zonder spaties.",
        "The link must be a web address starting with http:// or https://, without spaces.",
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
        "Er is nog geen bewijs. Voeg het hierboven toe, of bij een criterium op de pagina "
        "Beoordelen.",
        "There is no evidence yet. Add it above, or at a criterion on the Assess page.",
    ),
    "supports": ("Ondersteunt", "Supports"),
    "edit_supports": ("Criteria wijzigen", "Change criteria"),
    "supports_none": ("nog geen criterium", "no criterion yet"),
    "download_file": ("Download {name}", "Download {name}"),
    "file_erased": ("Bestand {name} is gewist.", "File {name} was erased."),
    "file_missing": (
        "Bestand {name} is niet in de opslag: voeg het opnieuw toe met Bewerken.",
        "File {name} is not in the store: add it again with Edit.",
    ),
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
    "overall_readiness": _shared(COMPARE_WORDS["overall"]),
    "on_audit_day": _chart("audit_day"),
    "condition": ("Voorwaarde", "Condition"),
    "forecast_help": (
        "Als elk gepland verbeterpunt op tijd klaar is. Gepland is een punt dat gereed is, of "
        "een eigenaar heeft en een deadline uiterlijk op de laatste dag vóór de audit; andere "
        "punten tellen niet mee.",
        "If every planned improvement point is finished on time. A point is planned when it "
        "is done, or has an owner and a deadline no later than the latest day before the "
        "audit; other points do not count.",
    ),
    "per_pillar": _shared(COMPARE_WORDS["pillars"]),
    "per_tag": ("Per ontwikkelelement", "Per development element"),
    "all_criteria": ("Alle criteria", "All criteria"),
    "col_criterion": ("Criterium", "Criterion"),
    "col_title": ("Titel", "Title"),
    "col_pillar": ("Pijler", "Pillar"),
    "col_claimed": _chart("claimed"),
    "col_evidenced": _chart("evidenced"),
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
    "col_point": _chart("point"),
    "col_levels": ("Van → naar", "From → to"),
    "col_proposed": ("Voorgesteld", "Proposed"),
    "col_deadline": ("Deadline", "Deadline"),
    "col_at_risk": _chart("at_risk"),
    "col_overdue": ("Verlopen", "Overdue"),
    "overdue_count": (
        "Verbeterpunten die niet gereed zijn en waarvan de deadline voorbij is: {n}.",
        "Improvement points not done whose deadline has passed: {n}.",
    ),
    "workload_title": ("Werklast per eigenaar", "Workload per owner"),
    "workload_caption": (
        "Werk van de open punten (inspanning per niveau × tekort, in werkdagen) tegen de "
        "werkdagen die vanaf vandaag resten.",
        "The work of the open points (effort per level × gap, in working days) against the "
        "working days left from today.",
    ),
    "col_work": ("Werk (werkdagen)", "Work (working days)"),
    "col_days_left": ("Werkdagen over", "Working days left"),
    "col_points": ("Verbeterpunten", "Improvement points"),
    "overloaded": ("overbelast", "overloaded"),
    "no_owner_row": ("Zonder eigenaar", "Without an owner"),
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


# -- evidence kept on the Evidence page, forms that keep their input, the bin (issue 18)
LABELS.update(
    {
        "file_empty": ("{name}: het bestand is leeg.", "{name}: the file is empty."),
        "file_too_large": (
            "{name} is {size}; een bestand mag hoogstens {limit} zijn. Er is niets opgeslagen.",
            "{name} is {size}; a file may be at most {limit}. Nothing was saved.",
        ),
        "file_type_refused": (
            "{name}: dit soort bestand wordt niet als bewijs aangenomen. Wel: {types}.",
            "{name}: this type of file is not accepted as evidence. Accepted: {types}.",
        ),
        "file_content_wrong": (
            "{name}: de inhoud is niet wat de naam zegt. Hernoem het bestand of kies het juiste.",
            "{name}: the content is not what the name says. Rename the file or choose the "
            "right one.",
        ),
        "upload_hint": (
            "Sleep een bestand hierheen of kies er een. Toegestaan: {types}; hoogstens {limit} MB.",
            "Drag a file here or choose one. Accepted: {types}; at most {limit} MB.",
        ),
        "upload_button": ("Bestand kiezen", "Choose file"),
        "select_all": ("Alles kiezen", "Select all"),
        "upload_drop": ("Sleep bestanden hierheen", "Drag files here"),
        "ev_source_help": (
            "Waar het te vinden is, of wie is geïnterviewd of geobserveerd. Met een datum erbij "
            "is het bewijs controleerbaar, ook zonder bestand of link.",
            "Where it is kept, or who was interviewed or observed. With a date it is "
            "checkable, even without a file or link.",
        ),
        "ev_file_replace": ("Bestand vervangen ({name})", "Replace the file ({name})"),
        "ev_save": ("Wijzigingen opslaan", "Save changes"),
        "ev_saved": ("Bewijs {id} opgeslagen.", "Evidence {id} saved."),
        "ev_edit": ("Bewerken", "Edit"),
        "ev_close": ("Sluiten", "Close"),
        "bulk_head": ("Meerdere bestanden tegelijk toevoegen", "Add several files at once"),
        "bulk_files": ("Bestanden (elk wordt een bewijsstuk)", "Files (each becomes an item)"),
        "bulk_add": ("Bestanden toevoegen", "Add files"),
        "bulk_none": ("Kies eerst een of meer bestanden.", "Choose one or more files first."),
        "ev_bulk_added": ("{n} bewijsstukken toegevoegd.", "{n} evidence items added."),
        "ev_count": ("{n} van {total} bewijsstukken", "{n} of {total} evidence items"),
        "ev_search": ("Zoeken", "Search"),
        "ev_search_hint": ("titel, nummer of bron", "title, number or source"),
        "all_kinds": ("alle soorten", "all kinds"),
        "all_criteria_filter": ("alle criteria", "all criteria"),
        "ev_checkable_filter": ("Controleerbaar", "Checkable"),
        "all_items": ("alle", "all"),
        "ev_no_file_filter": (
            "Alleen zonder bestand (of bestand niet in de opslag)",
            "Only without a file (or file not in the store)",
        ),
        "to_make_checkable": (
            "Niet controleerbaar, telt niet mee: {todo}.",
            "Not checkable, does not count: {todo}.",
        ),
        "link_existing": ("Bestaand bewijs koppelen", "Link existing evidence"),
        "link_existing_hint": ("Kies een bewijsstuk …", "Choose an item …"),
        "unlink": ("Ontkoppelen van dit criterium", "Unlink from this criterion"),
        "your_name_ask": (
            "Vul uw naam in: die wordt bij elke wijziging bewaard en deze browser onthoudt hem.",
            "Fill in your name: it is kept with every change, and this browser remembers it.",
        ),
        "more_actions": ("Meer acties", "More actions"),
        "to_bin": ("Naar de prullenbak", "Move to the bin"),
        "bin_help": (
            "De beoordeling verdwijnt uit de lijst en blijft 30 dagen in de prullenbak; daarna "
            "wordt ze definitief verwijderd.",
            "The assessment leaves the list and stays in the bin for 30 days; after that it "
            "is deleted for good.",
        ),
        "binned": (
            "Beoordeling naar de prullenbak verplaatst (30 dagen terug te zetten).",
            "Assessment moved to the bin (can be restored for 30 days).",
        ),
        "unbinned": (
            "Beoordeling teruggezet uit de prullenbak.",
            "Assessment restored from the bin.",
        ),
        "bin_head": ("Prullenbak ({n})", "Bin ({n})"),
        "bin_intro": (
            "Verwijderde beoordelingen, met hun geschiedenis en bestanden. Na 30 dagen worden ze "
            "definitief verwijderd.",
            "Deleted assessments, with their history and files. After 30 days they are deleted "
            "for good.",
        ),
        "bin_row": (
            "verwijderd {when}, blijft tot {until}",
            "deleted {when}, kept until {until}",
        ),
        "from_bin": ("Terugzetten", "Restore"),
        "demo_reset": ("Demo terugzetten", "Reset the demo"),
        "demo_reset_help": (
            "Zet de demo terug zoals die is meegeleverd; de wijzigingen blijven in de "
            "versiegeschiedenis.",
            "Puts the demo back as shipped; the changes stay in the version history.",
        ),
        "demo_reset_done": ("De demo is teruggezet.", "The demo was reset."),
        "assessment_number": ("Beoordeling {id}", "Assessment {id}"),
        "the_demo": ("de demo", "the demo"),
        "imported_from": (
            "geïmporteerd uit {file} op {when}",
            "imported from {file} on {when}",
        ),
        "created_on": ("aangemaakt op {when}", "created on {when}"),
        "plan_table_scroll": (
            "De tabel schuift opzij (shift + scrollwiel, of veeg): rechts staan notitie en de "
            "voorgestelde deadline. Prioriteit en criterium blijven staan.",
            "The table scrolls sideways (shift + scroll wheel, or swipe): note and the proposed "
            "deadline are on the right. Priority and criterion stay in place.",
        ),
        "jump_to": (
            "Naar criterium (zoek op nummer of titel)",
            "Go to criterion (search by id or title)",
        ),
        "choose_criterion": ("Kies een criterium …", "Choose a criterion …"),
        "backed_free": (
            "Niveau {level} vraagt geen bewijs; het telt zoals geclaimd.",
            "Level {level} needs no evidence; it counts as claimed.",
        ),
        "import_hint": (
            "Een .json- of .ikmz-bestand, hoogstens {limit} MB.",
            "A .json or .ikmz file, at most {limit} MB.",
        ),
        "import_type": (
            "{file} kan niet worden geïmporteerd: alleen .json- en .ikmz-bestanden.",
            "{file} cannot be imported: only .json and .ikmz files.",
        ),
        "pack_type": (
            "{file} is geen criteriaset: kies een .yaml- of .yml-bestand.",
            "{file} is not a criteria pack: choose a .yaml or .yml file.",
        ),
        "next_level_met": (
            "Het gekoppelde bewijs volstaat ook voor niveau {level}.",
            "The linked evidence is enough for level {level} too.",
        ),
        "next_level_free": (
            "Niveau {level} vraagt geen bewijs.",
            "Level {level} needs no evidence.",
        ),
    }
)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    text = LABELS[key][LANGUAGES.index(language(lang))]  # each entry: (nl, en), as LANGUAGES
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
        "ws_participants_one": ("1 deelnemer", "1 participant"),
        "ws_nobody_yet": (
            "Nog niemand doet mee: laat de QR-code scannen.",
            "Nobody has joined yet: let people scan the QR code.",
        ),
        "ws_groups": ("Deelnemersgroepen (niet verplicht)", "Participant groups (optional)"),
        "ws_groups_help": (
            "Gescheiden door komma's. Deelnemers kiezen hun groep bij het meedoen; liggen de "
            "groepen een niveau of meer uiteen, dan is dat een bevinding (ook in het rapport).",
            "Separated by commas. Participants choose their group on joining; when the groups "
            "are a level or more apart, that is a finding (in the report too).",
        ),
        "ws_groups_placeholder": ("bijv. Frontlinie, Management", "e.g. Front line, Management"),
        "ws_groups_offered": ("Groepen: {groups}", "Groups: {groups}"),
        "ws_anonymous": ("Anonieme ronde", "Anonymous round"),
        "ws_anonymous_help": (
            "Geen namen op het scherm, in het rapport of in de CSV: alleen de niveaus.",
            "No names on the screen, in the report or in the CSV: only the levels.",
        ),
        "ws_anonymous_badge": _appendix("anonymous"),
        "ws_reveal": ("Stemmen tonen", "Show the votes"),
        "ws_hidden_one": (
            "1 stem binnen, nog verborgen: zo laat niemand zich door de anderen leiden.",
            "1 vote in, still hidden: so nobody follows the others.",
        ),
        "ws_hidden": (
            "{n} stemmen binnen, nog verborgen: zo laat niemand zich door de anderen leiden.",
            "{n} votes in, still hidden: so nobody follows the others.",
        ),
        "ws_round_range": (
            "Ronde {n}: {low}–{high}, mediaan {median}",
            "Round {n}: {low}–{high}, median {median}",
        ),
        "ws_group_median": ("{group}: mediaan {median} ({n})", "{group}: median {median} ({n})"),
        "ws_groups_differ": (
            "Groepen zien het verschillend ({detail}). Een bevinding op zich: bespreek waar het "
            "verschil vandaan komt.",
            "The groups see it differently ({detail}). A finding of its own: discuss where the "
            "difference comes from.",
        ),
        "ws_groups_alike": ("Groepen: {detail}", "Groups: {detail}"),
        "ws_asked": (
            "Gevraagd waarom (stem wijkt af): {names}",
            "Asked why (vote stands out): {names}",
        ),
        "ws_reasons": ("Waarom zo anders?", "Why so different?"),
        "ws_proposal": (
            "Voorstel: de mediaan, op een niveau van de schaal (bij een half het lagere).",
            "Proposed: the median, on a level of the scale (halfway: the lower one).",
        ),
        "ws_meanings": (
            "Wat elk niveau hier betekent, en waar de auditor op let",
            "What each level means here, and what the auditor looks for",
        ),
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
        "ws_low": _appendix("low"),
        "ws_median": _appendix("median"),
        "ws_high": _appendix("high"),
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
        "ws_col_who": _appendix("who"),
        "ws_comments": _appendix("comments"),
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
        "pt_wait_vote": (
            "Kijk mee op het scherm. Zodra de begeleider de stemming opent, kunt u hier stemmen.",
            "Follow along on the screen. Once the facilitator opens voting, you can vote here.",
        ),
        "pt_group": ("Uw groep", "Your group"),
        "pt_hello_group": ("Welkom, {name} ({group})", "Welcome, {name} ({group})"),
        "pt_refused_group": ("Kies uw groep.", "Choose your group."),
        "pt_refused_empty": ("Schrijf eerst een reden.", "Write a reason first."),
        "pt_refused_not_asked": (
            "Er wordt nu geen reden van u gevraagd.",
            "No reason is asked of you now.",
        ),
        "pt_anonymous": (
            "Anonieme ronde: uw naam staat niet bij uw stem.",
            "Anonymous round: your name is not shown with your vote.",
        ),
        "pt_hidden": (
            "De stemming is gesloten. De begeleider toont de stemmen zo op het scherm.",
            "Voting is closed. The facilitator will show the votes on the screen.",
        ),
        "pt_revealed": (
            "De stemmen staan op het scherm. Kijk mee en praat mee.",
            "The votes are on the screen. Follow along and join the discussion.",
        ),
        "pt_why": (
            "Uw stem (niveau {level}) wijkt af van de rest. Waarom koos u dit niveau? Zo hoort "
            "de groep ook uw kant.",
            "Your vote (level {level}) stands out. Why did you choose this level? That way the "
            "group hears your side too.",
        ),
        "pt_reason": ("Uw reden", "Your reason"),
        "pt_send_reason": ("Reden versturen", "Send reason"),
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


# -- cycles and exchange (issue 16): Excel, the plan in the calendar, compare, next cycle
LABELS.update(
    {
        "export_xlsx": ("Download Excel (.xlsx)", "Download Excel (.xlsx)"),
        "export_ics": ("Verbeterplan in agenda (.ics)", "Improvement plan for calendars (.ics)"),
        "export_csv": ("Verbeterplan als tabel (.csv)", "Improvement plan as a table (.csv)"),
        "wb_head": ("Excel-werkmap inlezen", "Read an Excel workbook"),
        "wb_intro": (
            "Lees een ingevulde werkmap (.xlsx, gedownload hierboven) weer in. U ziet eerst elk "
            "probleem met tabblad en cel, of wat er verandert; er wordt pas iets opgeslagen als "
            "u dat bevestigt.",
            "Read a filled-in workbook (.xlsx, downloaded above) back in. You first see every "
            "problem with its sheet and cell, or what will change; nothing is saved until you "
            "confirm.",
        ),
        "wb_file": ("Werkmap (.xlsx)", "Workbook (.xlsx)"),
        "wb_problems": (
            "{file} kan niet worden ingelezen; er is niets opgeslagen. Problemen ({n}):",
            "{file} cannot be read in; nothing was saved. Problems ({n}):",
        ),
        "wb_no_changes": (
            "De werkmap is gelijk aan de geopende beoordeling: er verandert niets.",
            "The workbook equals the open assessment: nothing changes.",
        ),
        "wb_changes": (
            "Opslaan op de geopende beoordeling verandert **{n}** velden:",
            "Saving onto the open assessment changes **{n}** fields:",
        ),
        "wb_save": ("Wijzigingen opslaan", "Save the changes"),
        "wb_saved": (
            "Werkmap ingelezen en opgeslagen als nieuwe versie.",
            "Workbook read and saved as a new version.",
        ),
        "wb_other_pack": (
            "Deze werkmap hoort bij criteriapakket '{pack}', niet bij dat van de geopende "
            "beoordeling. U kunt haar wel als nieuwe beoordeling inlezen.",
            "This workbook belongs to criteria pack '{pack}', not to the open assessment's. "
            "You can import it as a new assessment.",
        ),
        "wb_summary": (
            "Werkmap: {org}, beoordeeld op {date}, {n} antwoorden, {e} bewijsstukken.",
            "Workbook: {org}, assessed on {date}, {n} responses, {e} evidence items.",
        ),
        "wb_new": ("Inlezen als nieuwe beoordeling", "Import as a new assessment"),
        "col_field": ("Veld", "Field"),
        "col_before": ("Voor", "Before"),
        "col_after": ("Na", "After"),
        "col_change": ("Verschil", "Change"),
        "cmp_head": ("Vergelijken met een andere beoordeling", "Compare with another assessment"),
        "cmp_none": (
            "Er is geen andere beoordeling van deze organisatie met dit criteriapakket om mee te "
            "vergelijken.",
            "There is no other assessment of this organisation with this criteria pack to "
            "compare with.",
        ),
        "cmp_choose": ("Vergelijk met", "Compare with"),
        "cmp_sides": ("Van {before} naar {after}.", "From {before} to {after}."),
        "cmp_overall": _shared(COMPARE_WORDS["overall"]),
        "cmp_verdict": _shared(COMPARE_WORDS["verdict"]),
        "cmp_was": ("was: {verdict}", "was: {verdict}"),
        "cmp_answered": _shared(COMPARE_WORDS["complete"]),
        "cmp_unchanged": (
            "Geen criterium heeft een ander aangetoond niveau.",
            "No criterion has another evidenced level.",
        ),
        "cmp_criteria": (
            "Criteria met een ander aangetoond niveau: **{worse}** achteruit (bovenaan), "
            "**{better}** vooruit.",
            "Criteria with another evidenced level: **{worse}** worse (at the top), "
            "**{better}** better.",
        ),
        "cmp_not_in_pack": _shared(COMPARE_WORDS["missing"]),
        "to_confirm_notice": (
            "Overgenomen uit de vorige cyclus: bevestig dit antwoord of wijzig het. Tot dan telt "
            "het als onbeantwoord.",
            "Carried over from the previous cycle: confirm this answer or change it. Until then "
            "it counts as unanswered.",
        ),
        "confirm_response": ("Bevestigen", "Confirm"),
        "next_head": ("Volgende cyclus starten", "Start the next cycle"),
        "next_intro": (
            "Maakt een nieuwe beoordeling van deze organisatie met de nieuwste versie van het "
            "criteriapakket. Antwoorden worden overgenomen maar moeten opnieuw bevestigd worden; "
            "bewijs gaat mee met zijn datum, open acties ook. Deze beoordeling blijft ongewijzigd.",
            "Makes a new assessment of this organisation with the newest version of the criteria "
            "pack. Responses are carried over but must be re-confirmed; evidence comes along with "
            "its dates, open actions too. This assessment stays as it is.",
        ),
        "next_date": ("Datum nieuwe beoordeling", "Date of the new assessment"),
        "next_button": ("Volgende cyclus starten", "Start the next cycle"),
        "next_done": (
            "Nieuwe cyclus gestart: {n} antwoorden opnieuw te bevestigen, {stale} bewijsstukken "
            "ouder dan een jaar, {actions} open acties overgenomen, {done} afgeronde acties "
            "blijven in de vorige beoordeling.",
            "Next cycle started: {n} responses to re-confirm, {stale} evidence items more than "
            "a year old, {actions} open actions carried over, {done} done actions stay with the "
            "previous assessment.",
        ),
        "next_changes": (
            "Het criteriapakket is gewijzigd ({old} → {new}). Nieuw: {added}. Vervallen: "
            "{removed}. Gewijzigd: {changed}.",
            "The criteria pack changed ({old} → {new}). Added: {added}. Removed: {removed}. "
            "Changed: {changed}.",
        ),
    }
)


# -- fieldwork (issue 14): the complaint register, the sample and the file review
LABELS.update(
    {
        "nav_fieldwork": ("Veldwerk", "Fieldwork"),
        "fw_title": ("Veldwerk", "Fieldwork"),
        "fw_intro": (
            "Maak uw eigen klachtenregister en een steekproef van echte dossiers tot bewijs. "
            "Alleen de kolommen die u koppelt worden gelezen; alle andere kolommen (namen, "
            "adressen, e-mail) worden bij het inlezen weggelaten en nergens bewaard. Het "
            "bestand zelf wordt niet opgeslagen, alleen de cijfers en de sha256 ervan.",
            "Make your own complaint register and a sample of real case files evidence. Only "
            "the columns you map are read; every other column (names, addresses, e-mail) is "
            "dropped on reading and kept nowhere. The file itself is not stored, only its "
            "figures and its sha256.",
        ),
        "fw_register_head": ("1. Klachtenregister", "1. Complaint register"),
        "fw_upload": ("Register (CSV of XLSX)", "Register (CSV or XLSX)"),
        "fw_mapping": ("Kolommen koppelen", "Map the columns"),
        "fw_field_id": ("Zaaknummer (verplicht)", "Case id (required)"),
        "fw_field_received": ("Datum ontvangst (verplicht)", "Date received (required)"),
        "fw_field_acknowledged": ("Datum ontvangstbevestiging", "Date acknowledged"),
        "fw_field_decided": ("Datum afgehandeld", "Date decided"),
        "fw_field_channel": ("Kanaal", "Channel"),
        "fw_field_department": ("Afdeling", "Department"),
        "fw_field_outcome": ("Uitkomst", "Outcome"),
        "fw_not_mapped": ("(niet koppelen)", "(do not map)"),
        "fw_dropped": (
            "Weggelaten bij het inlezen ({n}): {names}",
            "Dropped on reading ({n}): {names}",
        ),
        "fw_preview": (
            "De eerste rijen, alleen de gekoppelde kolommen:",
            "The first rows, the mapped columns only:",
        ),
        "fw_terms": (
            "Termijnen: ontvangstbevestiging binnen {ack} werkdagen, "
            "besluit binnen {decide} {unit}.",
            "Terms: acknowledgement within {ack} working days, decision within {decide} {unit}.",
        ),
        "fw_calendar": ("kalenderdagen", "calendar days"),
        "fw_working": ("werkdagen", "working days"),
        "fw_ack_days": ("Ontvangstbevestiging (werkdagen)", "Acknowledgement (working days)"),
        "fw_decide_days": ("Besluit (dagen)", "Decision (days)"),
        "fw_today": ("Peildatum voor open klachten", "Day open complaints are judged on"),
        "fw_complaints": ("Klachten", "Complaints"),
        "fw_ack_on_time": ("Tijdig bevestigd", "Acknowledged on time"),
        "fw_decided_on_time": ("Tijdig afgehandeld", "Decided on time"),
        "fw_open": ("Open (over termijn)", "Open (overdue)"),
        "fw_of": ("{c} van {o}", "{c} of {o}"),
        "fw_skipped": (
            "{n} rijen overgeslagen (regel 1 is de kopregel):",
            "{n} rows skipped (line 1 is the header):",
        ),
        "fw_warnings": ("{n} waarschuwingen:", "{n} warnings:"),
        "fw_line": ("Regel", "Line"),
        "fw_reason": ("Reden", "Reason"),
        "fw_per_month": ("Klachten per maand", "Complaints per month"),
        "fw_month": ("Maand van ontvangst", "Month received"),
        "fw_save_analysis": ("Cijfers bewaren bij de beoordeling", "Keep the figures"),
        "fw_analysis_saved": ("Cijfers bewaard.", "Figures kept."),
        "fw_saved_analysis": (
            "Bewaard: {name} ({complaints} klachten), geanalyseerd op {date}, sha256 {sha}…",
            "Kept: {name} ({complaints} complaints), analysed on {date}, sha256 {sha}…",
        ),
        "fw_evidence_criteria": ("Onderbouwt de criteria", "Backs the criteria"),
        "fw_register_evidence": ("Als bewijs vastleggen", "Record as evidence"),
        "fw_evidence_saved": ("Bewijs vastgelegd.", "Evidence recorded."),
        "fw_sample_head": ("2. Steekproef", "2. Sample"),
        "fw_size": ("Aantal dossiers", "Number of files"),
        "fw_seed": ("Seed (startgetal)", "Seed"),
        "fw_by": ("Gestratificeerd naar", "Stratified by"),
        "fw_by_none": ("niet", "none"),
        "fw_by_department": ("afdeling", "department"),
        "fw_by_channel": ("kanaal", "channel"),
        "fw_draw": ("Steekproef trekken", "Draw the sample"),
        "fw_discard": (
            "Antwoorden voor dossiers buiten de nieuwe steekproef mogen weg",
            "Answers for files outside the new sample may be discarded",
        ),
        "fw_sample_saved": ("Steekproef bewaard.", "Sample kept."),
        "fw_upload_first": (
            "Laad het register hierboven om een steekproef te trekken.",
            "Load the register above to draw a sample.",
        ),
        "fw_sample_info": (
            "{size} dossiers uit {population} klachten, seed {seed}, {how}; getrokken op {date}. "
            "sha256 van het register: {sha}",
            "{size} files from {population} complaints, seed {seed}, {how}; drawn on {date}. "
            "Register sha256: {sha}",
        ),
        "fw_simple": ("enkelvoudig aselect", "simple random"),
        "fw_stratified": ("gestratificeerd naar {by}", "stratified by {by}"),
        "fw_other_register": (
            "Let op: de steekproef is getrokken uit een ander bestand dan het geladen register.",
            "Note: the sample was drawn from another file than the register loaded.",
        ),
        "fw_review_head": ("3. Dossiertoets", "3. File review"),
        "fw_no_checks": (
            "Het criteriapakket heeft geen dossiercontroles (file_checks).",
            "The criteria pack has no file checks.",
        ),
        "fw_no_sample": ("Trek eerst een steekproef.", "Draw a sample first."),
        "fw_file": ("Dossier", "File"),
        "fw_file_n": (
            "{id} ({n} van {m}) · {a} van {b} vragen beantwoord",
            "{id} ({n} of {m}) · {a} of {b} checks answered",
        ),
        "fw_prev": ("Vorige", "Previous"),
        "fw_next": ("Volgende", "Next"),
        "fw_pass": ("voldoet", "pass"),
        "fw_fail": ("voldoet niet", "fail"),
        "fw_not_relevant": ("n.v.t.", "not relevant"),
        "fw_note": ("Notitie", "Note"),
        "fw_conformity_head": ("Conformiteit per criterium", "Conformity per criterion"),
        "fw_criterion": ("Criterium", "Criterion"),
        "fw_check": ("Controle", "Check"),
        "fw_files": ("Dossiers", "Files"),
        "fw_conformity": ("Conformiteit", "Conformity"),
        "fw_interval": ("95%-interval", "95% interval"),
        "fw_review_evidence": (
            "Dossiertoets als bewijs vastleggen",
            "Record the file review as evidence",
        ),
    }
)


LABELS.update(
    {
        "cmp_trend": (
            "Gereedheid per pijler over de beoordelingen van deze organisatie",
            "Readiness per pillar across this organisation's assessments",
        ),
    }
)


LABELS.update(
    {
        "report_compare": ("Vergelijking in het rapport", "Comparison in the report"),
        "report_compare_none": ("geen", "none"),
    }
)


LABELS.update(
    {
        "rename_refused_other": (
            "De naam {name} hoort bij een andere organisatie, waarvan u geen eigenaar bent. "
            "Een beoordeling gaat niet door een nieuwe naam naar een andere organisatie: kies "
            "een andere naam. Er is niets opgeslagen.",
            "The name {name} belongs to another organisation, which you do not own. Renaming "
            "does not move an assessment into another organisation: choose another name. "
            "Nothing was saved.",
        ),
        "rename_refused_new": (
            "Met de naam {name} zou deze beoordeling in een nieuwe organisatie komen, en "
            "alleen een beheerder maakt organisaties aan. Vraag het een beheerder of houd de "
            "huidige naam. Er is niets opgeslagen.",
            "The name {name} would put this assessment in a new organisation, and only an "
            "administrator creates organisations. Ask an administrator or keep the current "
            "name. Nothing was saved.",
        ),
    }
)


LABELS.update(  # text alternatives of images (WCAG 1.1.1)
    {
        "ws_qr_alt": (
            "QR-code met de link om mee te doen: {url}",
            "QR code with the link to join: {url}",
        ),
        "ws_chart_alt": ("Stemmen per niveau. {rounds}", "Votes per level. {rounds}"),
        "ws_chart_alt_level": ("niveau {level}: {n}", "level {level}: {n}"),
    }
)
