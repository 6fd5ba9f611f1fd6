"""The report's own wording (headings, column names, fixed sentences), one dict per language.

Verdicts, reasons, evidence kinds and statuses come from :mod:`assessment.messages`; this
module holds only what nothing else says. Sentences with ``{name}`` placeholders are filled
in by :mod:`assessment.report.context` (never by the template, so that user text stays text).
"""

from __future__ import annotations

from ..i18n import language

NL: dict[str, str] = {
    # document
    "doc_title": "Pre-audit gapanalyse klachtenmanagement",
    "doc_subtitle": "Gereedheid voor de pre-audit integraal klachtenmanagement",
    "confidential": "Vertrouwelijk",
    "page": "Pagina",
    "of": "van",
    "generated_by": "Opgesteld met ikm-readiness",
    # cover
    "organisation": "Organisatie",
    "sector": "Sector",
    "size": "Omvang",
    "handling": "Klachtbehandeling",
    "handling_central": "centraal",
    "handling_decentral": "decentraal",
    "assessment_date": "Datum beoordeling",
    "audit_date": "Datum audit",
    "no_audit_date": "nog niet gepland",
    "assessors": "Beoordelaars",
    "criteria_pack": "Criteriaset",
    "verdict": "Oordeel",
    "overall_readiness": "Totale gereedheid",
    # toc
    "contents": "Inhoud",
    # summary
    "summary": "Managementsamenvatting",
    "readiness": "Gereedheid",
    "maturity": "Volwassenheid",
    "maturity_of": "gemiddeld niveau, schaal 0–{top}",
    "criteria_applicable": "{applicable} van {total} criteria van toepassing",
    "criteria_in_scope": "Criteria van toepassing",
    "readiness_chart": "Gereedheid per pijler, nu en op de auditdag",
    "readiness_chart_now": "Gereedheid per pijler",
    "forecast": "Vooruitblik naar de auditdag",
    "forecast_text": (
        "Als alle verbeterpunten met een deadline vóór de audit op {audit} op tijd zijn "
        "afgerond, komt de totale gereedheid op de auditdag op {readiness} "
        "({verdict}). {late}"
    ),
    "forecast_late": "{count} verbeterpunten zijn pas na de auditdatum gereed.",
    "forecast_late_1": "1 verbeterpunt is pas na de auditdatum gereed.",
    "forecast_none": "Er is nog geen auditdatum gepland; een vooruitblik is daarom niet mogelijk.",
    "top_points": "Belangrijkste verbeterpunten",
    "top_points_of": "{shown} van {total}; alle punten staan in het verbeterplan",
    "no_points": "Er zijn geen verbeterpunten: elk criterium haalt zijn doelniveau.",
    "at_a_glance": "In één oogopslag",
    "points_total": "Verbeterpunten",
    "points_at_risk": "Waarvan met risico",
    "mandatory_gaps": "Verplichte criteria met tekort",
    "unbacked": "Claims zonder voldoende bewijs",
    # pillars
    "pillars": "Bevindingen per pijler",
    "pillar": "Pijler",
    "criterion": "Criterium",
    "claimed": "Geclaimd",
    "evidenced": "Aangetoond",
    "target": "Doel",
    "gap": "Tekort",
    "weight": "Gewicht",
    "findings": "Bevindingen",
    "no_findings": "Geen bevindingen: elk criterium van deze pijler haalt zijn doel met bewijs.",
    "mandatory": "verplicht",
    "mandatory_long": "Verplicht (knock-out) criterium",
    "not_applicable": "n.v.t.",
    "not_answered": "niet beantwoord",
    "finding_unbacked": "geclaimd niveau {claimed}, met bewijs aangetoond niveau {evidenced}",
    "finding_gap": "tekort van {gap} niveaus tot het doel {target}",
    "finding_gap_1": "tekort van 1 niveau tot het doel {target}",
    "finding_unanswered": "niet beantwoord; telt als niveau 0",
    "finding_needs": "{needs}",
    "finding_claim_low": (
        "bewijs van de vereiste soort is gekoppeld, maar de organisatie claimt niveau {claimed}"
    ),
    "legend_marks": (
        "V = verplicht criterium; een claim die hoger is dan het bewijs draagt is gemarkeerd "
        "met een sterretje (*)."
    ),
    # plan
    "plan": "Verbeterplan",
    "plan_intro": (
        "De verbeterpunten staan in volgorde van prioriteit: verplichte criteria eerst, dan "
        "het grootste gewicht maal tekort, dan de volgorde van de criteriaset. De deadline is "
        "die van de organisatie zelf, of anders de voorgestelde datum; een voorgestelde datum "
        "ligt nooit na {latest} ({buffer} werkdagen voor de audit)."
    ),
    "plan_intro_no_audit": (
        "De verbeterpunten staan in volgorde van prioriteit: verplichte criteria eerst, dan "
        "het grootste gewicht maal tekort, dan de volgorde van de criteriaset. De deadline is "
        "die van de organisatie zelf, of anders de voorgestelde datum."
    ),
    "priority": "Prio",
    "improvement": "Verbeterpunt",
    "from_to": "Van → naar",
    "owner": "Eigenaar",
    "deadline": "Deadline",
    "status": "Status",
    "risk": "Risico",
    "at_risk": "risico",
    "at_risk_long": "Deadline na de uiterste datum {latest}",
    "proposed": "voorgesteld",
    "own_deadline": "eigen deadline",
    "no_owner": "nog toe te wijzen",
    "timeline": "Tijdlijn tot de audit",
    "timeline_limited": "De tijdlijn toont de eerste {count} verbeterpunten naar prioriteit.",
    "effort": "{days} werkdagen per niveau",
    # criteria
    "criteria_detail": "Beoordeling per criterium",
    "question": "Vraag",
    "answer": "Antwoord",
    "note": "Toelichting",
    "justification": "Reden niet van toepassing",
    "evidence": "Bewijs",
    "no_evidence": "Geen bewijs gekoppeld.",
    "missing": "Nodig voor het doel",
    "nothing_missing": "Bewijs van de vereiste soort is gekoppeld voor het doelniveau.",
    "evidence_there": (
        "Bewijs van de vereiste soort is gekoppeld; de organisatie claimt nog geen niveau {level}."
    ),
    "point": "Verbeterpunt",
    "refs": "Verwijzingen",
    "level": "niveau",
    "level_cap": "Niveau",
    # tags
    "tags": "Gereedheid per ontwikkelelement",
    "tags_intro": (
        "Naast de pijlers groepeert de criteriaset de criteria naar ontwikkelelement. "
        "Zo is te zien op welk vlak de organisatie zich het meest moet ontwikkelen."
    ),
    "tag": "Ontwikkelelement",
    "criteria_count": "Criteria",
    "no_tags": "Deze criteriaset kent geen ontwikkelelementen.",
    # evidence index
    "evidence_index": "Bewijsregister",
    "evidence_intro": (
        "Elk bewijsstuk met zijn kenmerken. De sha256 is de vingerafdruk van het bestand: "
        "een auditor kan daarmee nagaan dat het getoonde stuk het beoordeelde stuk is."
    ),
    "id": "Id",
    "kind": "Soort",
    "title": "Titel",
    "source": "Bron",
    "date": "Datum",
    "file": "Bestand",
    "supports": "Onderbouwt",
    "personal_data": "Persoonsgegevens",
    "personal_data_short": "AVG",
    "personal_data_legend": (
        "AVG = het stuk bevat persoonsgegevens; deel het alleen met wie het voor de audit "
        "nodig heeft."
    ),
    "erased": "inhoud verwijderd",
    "link": "Link",
    "no_evidence_items": "Er is nog geen bewijs vastgelegd.",
    # method
    "method": "Methode",
    "method_pack": "Criteriaset",
    "method_scale": "Niveaus en het bewijs dat ze vragen",
    "method_thresholds": "Drempels voor het oordeel",
    "method_planning": "Planning",
    "rule_ready": "totaal ≥ {ready_all}, elke pijler ≥ {ready_pillar}, geen verplicht criterium "
    "met een tekort",
    "rule_conditional": "totaal ≥ {cond_all}, geen verplicht criterium met een tekort groter "
    "dan {cond_gap}",
    "rule_not_ready": "in alle andere gevallen",
    "plan_effort": "Werk per niveau tekort",
    "plan_buffer": "Klaar vóór de audit",
    "working_days": "{days} werkdagen",
    "scale_level": "Niveau",
    "scale_label": "Naam",
    "scale_meaning": "Betekenis",
    "scale_requires": "Vraagt (cumulatief)",
    "requires_nothing": "geen bewijs",
    "pack_id": "Id",
    "pack_version": "Versie",
    "pack_sha256": "sha256",
    "pack_source": "Bestand",
    "pack_title": "Titel",
    # sign-off
    "signoff": "Ondertekening",
    "signoff_intro": (
        "Met ondertekening verklaren de beoordelaars dat dit rapport de beoordeling van "
        "{date} juist weergeeft, en bevestigt de opdrachtgever dat hij het heeft ontvangen."
    ),
    "name": "Naam",
    "role": "Rol",
    "signature": "Handtekening",
    "role_assessor": "Beoordelaar",
    "role_client": "Opdrachtgever (directie)",
    "role_coordinator": "Klachtencoördinator",
    "place_date": "Plaats en datum",
    # added for honest numbers (2026-12-03)
    "report_date": "Rapportdatum",
    "pack_version_long": "Id en versie criteriaset",
    "answered": "Beantwoord",
    "condition": "Voorwaarde",
    "disclaimer": (
        "Dit rapport is een voorbereiding op de pre-audit. De gereedheid is geen score van het "
        "keurmerk (geen Gouden Oor-punten): de eigenaar van het keurmerk heeft deze criteriaset "
        "niet vastgesteld, en een goede uitkomst hier is geen belofte voor de audit."
    ),
    "forecast_planned": (
        "Op de auditdag ({audit}), als elk gepland punt op tijd klaar is: totale gereedheid "
        "{readiness} ({verdict})."
    ),
    "forecast_counted": (
        "Meegeteld zijn {planned} van de {total} verbeterpunten: die gereed zijn, of een "
        "eigenaar hebben en een deadline uiterlijk {latest}."
    ),
    "points_unowned": "Zonder eigenaar",
    "points_overdue": "Verlopen",
    "overdue": "verlopen",
    "level_rules": "Bewijs per niveau",
    "own_rule": "eigen eis",
    "planning": "Planning",
    "effort_line": "{effort} werkdagen per niveau × tekort {gap} = {work} werkdagen",
    "deadline_proposed": "voorgesteld: {work} werkdagen na {start} = {proposed}",
    "deadline_capped": "; dat is na de uiterste datum, dus {latest}",
    "deadline_own": "eigen deadline {deadline} (voorgesteld was {proposed})",
    "plan_intro_today": "Verlopen betekent: niet gereed en de deadline ligt vóór {today}.",
    "plan_exceptions": "Eigen deadlines na {latest}, dus met risico: {items}.",
    "workload": "Werklast",
    "workload_intro": (
        "Werk van de open verbeterpunten (inspanning per niveau × tekort, in werkdagen) tegen "
        "de werkdagen die resten. Een eigenaar met meer werk dan dagen is overbelast."
    ),
    "per_owner": "Per eigenaar",
    "per_month": "Per maand van de deadline",
    "work_days": "Werk",
    "days_left": "Werkdagen over",
    "until": "tot",
    "month": "Maand",
    "month_points": "Punten",
    "overloaded": "overbelast",
    "unowned_row": "Zonder eigenaar",
    "checkable": "Controleerbaar",
    "overrides": "Eigen eisen en inspanning per criterium",
    "overrides_intro": (
        "Deze criteria wijken af van de tabel hierboven: hun eigen eis vervangt die van de "
        "schaal voor dat niveau, of hun inspanning per niveau wijkt af van de standaard."
    ),
    "override_rules": "Eigen eisen",
    "override_effort": "Inspanning per niveau",
}

EN: dict[str, str] = {
    "doc_title": "Complaint-management pre-audit gap report",
    "doc_subtitle": "Readiness for the integral complaint-management pre-audit",
    "confidential": "Confidential",
    "page": "Page",
    "of": "of",
    "generated_by": "Prepared with ikm-readiness",
    "organisation": "Organisation",
    "sector": "Sector",
    "size": "Size",
    "handling": "Complaint handling",
    "handling_central": "central",
    "handling_decentral": "decentral",
    "assessment_date": "Assessment date",
    "audit_date": "Audit date",
    "no_audit_date": "not yet planned",
    "assessors": "Assessors",
    "criteria_pack": "Criteria pack",
    "verdict": "Verdict",
    "overall_readiness": "Overall readiness",
    "contents": "Contents",
    "summary": "Executive summary",
    "readiness": "Readiness",
    "maturity": "Maturity",
    "maturity_of": "mean level, scale 0–{top}",
    "criteria_applicable": "{applicable} of {total} criteria applicable",
    "criteria_in_scope": "Criteria applicable",
    "readiness_chart": "Readiness per pillar, now and on the audit day",
    "readiness_chart_now": "Readiness per pillar",
    "forecast": "Outlook to the audit day",
    "forecast_text": (
        "If every improvement point due before the audit on {audit} is finished on time, "
        "overall readiness on the audit day will be {readiness} ({verdict}). {late}"
    ),
    "forecast_late": "{count} improvement points will only be finished after the audit date.",
    "forecast_late_1": "1 improvement point will only be finished after the audit date.",
    "forecast_none": "No audit date has been planned yet, so there is no outlook.",
    "top_points": "Main improvement points",
    "top_points_of": "{shown} of {total}; all points are in the improvement plan",
    "no_points": "There are no improvement points: every criterion reaches its target.",
    "at_a_glance": "At a glance",
    "points_total": "Improvement points",
    "points_at_risk": "Of which at risk",
    "mandatory_gaps": "Mandatory criteria with a gap",
    "unbacked": "Claims without enough evidence",
    "pillars": "Findings per pillar",
    "pillar": "Pillar",
    "criterion": "Criterion",
    "claimed": "Claimed",
    "evidenced": "Evidenced",
    "target": "Target",
    "gap": "Gap",
    "weight": "Weight",
    "findings": "Findings",
    "no_findings": "No findings: every criterion of this pillar reaches its target with evidence.",
    "mandatory": "mandatory",
    "mandatory_long": "Mandatory (knock-out) criterion",
    "not_applicable": "n/a",
    "not_answered": "not answered",
    "finding_unbacked": "claimed level {claimed}, evidence backs level {evidenced}",
    "finding_gap": "gap of {gap} levels to the target {target}",
    "finding_gap_1": "gap of 1 level to the target {target}",
    "finding_unanswered": "not answered; counts as level 0",
    "finding_needs": "{needs}",
    "finding_claim_low": (
        "evidence of the required kind is linked, but the organisation claims level {claimed}"
    ),
    "legend_marks": (
        "M = mandatory criterion; a claim higher than the evidence backs is marked with an "
        "asterisk (*)."
    ),
    "plan": "Improvement plan",
    "plan_intro": (
        "The improvement points are in order of priority: mandatory criteria first, then the "
        "largest weight times gap, then the order of the criteria pack. The deadline is the "
        "organisation's own, else the proposed date; a proposed date is never later than "
        "{latest} ({buffer} working days before the audit)."
    ),
    "plan_intro_no_audit": (
        "The improvement points are in order of priority: mandatory criteria first, then the "
        "largest weight times gap, then the order of the criteria pack. The deadline is the "
        "organisation's own, else the proposed date."
    ),
    "priority": "Prio",
    "improvement": "Improvement point",
    "from_to": "From → to",
    "owner": "Owner",
    "deadline": "Deadline",
    "status": "Status",
    "risk": "Risk",
    "at_risk": "at risk",
    "at_risk_long": "Deadline after the latest date {latest}",
    "proposed": "proposed",
    "own_deadline": "own deadline",
    "no_owner": "to be assigned",
    "timeline": "Timeline to the audit",
    "timeline_limited": "The timeline shows the first {count} improvement points by priority.",
    "effort": "{days} working days per level",
    "criteria_detail": "Assessment per criterion",
    "question": "Question",
    "answer": "Answer",
    "note": "Note",
    "justification": "Why not applicable",
    "evidence": "Evidence",
    "no_evidence": "No evidence linked.",
    "missing": "Needed for the target",
    "nothing_missing": "Evidence of the required kind is linked for the target level.",
    "evidence_there": (
        "Evidence of the required kind is linked; the organisation does not yet claim level "
        "{level}."
    ),
    "point": "Improvement point",
    "refs": "References",
    "level": "level",
    "level_cap": "Level",
    "tags": "Readiness per development element",
    "tags_intro": (
        "Besides the pillars, the criteria pack groups criteria by development element. "
        "This shows where the organisation has most to develop."
    ),
    "tag": "Development element",
    "criteria_count": "Criteria",
    "no_tags": "This criteria pack has no development elements.",
    "evidence_index": "Evidence index",
    "evidence_intro": (
        "Every evidence item with its details. The sha256 is the file's fingerprint: with it an "
        "auditor can check that the item shown is the item that was assessed."
    ),
    "id": "Id",
    "kind": "Kind",
    "title": "Title",
    "source": "Source",
    "date": "Date",
    "file": "File",
    "supports": "Supports",
    "personal_data": "Personal data",
    "personal_data_short": "PD",
    "personal_data_legend": (
        "PD = the item holds personal data; share it only with those who need it for the audit."
    ),
    "erased": "content erased",
    "link": "Link",
    "no_evidence_items": "No evidence has been recorded yet.",
    "method": "Method",
    "method_pack": "Criteria pack",
    "method_scale": "Levels and the evidence they need",
    "method_thresholds": "Thresholds of the verdict",
    "method_planning": "Planning",
    "rule_ready": "overall ≥ {ready_all}, every pillar ≥ {ready_pillar}, no mandatory criterion "
    "with a gap",
    "rule_conditional": "overall ≥ {cond_all}, no mandatory criterion with a gap larger than "
    "{cond_gap}",
    "rule_not_ready": "in every other case",
    "plan_effort": "Work per level of gap",
    "plan_buffer": "Done before the audit",
    "working_days": "{days} working days",
    "scale_level": "Level",
    "scale_label": "Name",
    "scale_meaning": "Meaning",
    "scale_requires": "Needs (cumulative)",
    "requires_nothing": "no evidence",
    "pack_id": "Id",
    "pack_version": "Version",
    "pack_sha256": "sha256",
    "pack_source": "File",
    "pack_title": "Title",
    "signoff": "Sign-off",
    "signoff_intro": (
        "By signing, the assessors declare that this report correctly reflects the assessment "
        "of {date}, and the client confirms having received it."
    ),
    "name": "Name",
    "role": "Role",
    "signature": "Signature",
    "role_assessor": "Assessor",
    "role_client": "Client (management)",
    "role_coordinator": "Complaint coordinator",
    "place_date": "Place and date",
    # added for honest numbers (2026-12-03)
    "report_date": "Report date",
    "pack_version_long": "Criteria pack id and version",
    "answered": "Answered",
    "condition": "Condition",
    "disclaimer": (
        "This report prepares for the pre-audit. Readiness is not a score of the hallmark (no "
        "Gouden Oor points): the hallmark's owner has not endorsed this criteria pack, and a "
        "good result here is no promise for the audit."
    ),
    "forecast_planned": (
        "On the audit day ({audit}), if every planned point is finished on time: overall "
        "readiness {readiness} ({verdict})."
    ),
    "forecast_counted": (
        "Counted are {planned} of the {total} improvement points: those done, or with an "
        "owner and a deadline no later than {latest}."
    ),
    "points_unowned": "Without an owner",
    "points_overdue": "Overdue",
    "overdue": "overdue",
    "level_rules": "Evidence per level",
    "own_rule": "own rule",
    "planning": "Planning",
    "effort_line": "{effort} working days per level × gap {gap} = {work} working days",
    "deadline_proposed": "proposed: {work} working days after {start} = {proposed}",
    "deadline_capped": "; that is after the latest day, so {latest}",
    "deadline_own": "own deadline {deadline} (proposed was {proposed})",
    "plan_intro_today": "Overdue means: not done and the deadline is before {today}.",
    "plan_exceptions": "Own deadlines after {latest}, so at risk: {items}.",
    "workload": "Workload",
    "workload_intro": (
        "The work of the open improvement points (effort per level × gap, in working days) "
        "against the working days left. An owner with more work than days is overloaded."
    ),
    "per_owner": "Per owner",
    "per_month": "Per month of the deadline",
    "work_days": "Work",
    "days_left": "Working days left",
    "until": "until",
    "month": "Month",
    "month_points": "Points",
    "overloaded": "overloaded",
    "unowned_row": "Without an owner",
    "checkable": "Checkable",
    "overrides": "Own rules and effort per criterion",
    "overrides_intro": (
        "These criteria differ from the table above: their own rule replaces the scale's for "
        "that level, or their effort per level differs from the default."
    ),
    "override_rules": "Own rules",
    "override_effort": "Effort per level",
}

LABELS: dict[str, dict[str, str]] = {"nl": NL, "en": EN}

# The method of SPEC section 3 in plain words, paragraph by paragraph. Placeholders are
# filled with the pack's numbers by the context builder.
METHOD: dict[str, list[str]] = {
    "nl": [
        "Voor elk criterium geeft de organisatie aan op welk niveau zij staat (het geclaimde "
        "niveau). Een niveau telt pas mee als het bewijs het draagt: elk niveau vraagt bepaalde "
        "soorten bewijs, en die vragen stapelen zich op. Niveau {top} vraagt dus ook het bewijs "
        "van alle lagere niveaus. Het aangetoonde niveau is het hoogste niveau, niet hoger dan "
        "het geclaimde, waarvoor al het gevraagde bewijs aanwezig is. Een onbeantwoord "
        "criterium telt als niveau 0.",
        "Elk criterium heeft een doelniveau (standaard {target}) en een gewicht (standaard "
        "{weight}). Het tekort is het doelniveau min het aangetoonde niveau, nooit minder dan "
        "nul. De gereedheid van een criterium is het aangetoonde niveau gedeeld door het doel, "
        "met een maximum van 100%.",
        "De gereedheid van een pijler, van een ontwikkelelement en van de hele organisatie is "
        "het gewogen gemiddelde van de gereedheid van hun criteria. De volwassenheid is het "
        "gewogen gemiddelde aangetoonde niveau. Criteria die niet van toepassing zijn, met een "
        "reden, tellen nergens mee; verplichte criteria kunnen niet buiten toepassing blijven.",
        "Het oordeel volgt uit vaste drempels. Gereed: de totale gereedheid is minstens "
        "{ready_overall}%, elke pijler haalt minstens {ready_pillar}% en geen verplicht "
        "criterium heeft een tekort. Voorwaardelijk gereed: de totale gereedheid is minstens "
        "{conditional_overall}% en geen verplicht criterium heeft een tekort van meer dan "
        "{conditional_gap} niveau. Anders: nog niet gereed. Er wordt vergeleken met de "
        "onafgeronde getallen; het rapport toont één decimaal.",
        "Elk criterium met een tekort krijgt een verbeterpunt, van het aangetoonde niveau naar "
        "het doel. De prioriteit: verplichte criteria eerst, dan het grootste gewicht maal "
        "tekort, dan de volgorde van de criteriaset. De voorgestelde deadline ligt het aantal "
        "werkdagen (maandag tot en met vrijdag) na de beoordeling dat het werk vraagt: "
        "standaard {effort} werkdagen per niveau tekort. Alles moet uiterlijk {buffer} "
        "werkdagen voor de audit klaar zijn; een eigen deadline van de organisatie gaat voor, "
        "maar een deadline na die uiterste datum is gemarkeerd als risico.",
        "De vooruitblik naar de auditdag rekent opnieuw met de aanname dat elk verbeterpunt "
        "met een deadline vóór de auditdatum op tijd is afgerond en zijn criterium dan op het "
        "doelniveau staat.",
    ],
    "en": [
        "For every criterion the organisation states the level it is at (the claimed level). "
        "A level only counts when the evidence backs it: each level asks for certain kinds of "
        "evidence, and these requirements add up, so level {top} also needs the evidence of "
        "every lower level. The evidenced level is the highest level, no higher than the "
        "claimed one, for which all the required evidence is present. An unanswered criterion "
        "counts as level 0.",
        "Every criterion has a target level (by default {target}) and a weight (by default "
        "{weight}). The gap is the target minus the evidenced level, never less than zero. A "
        "criterion's readiness is its evidenced level divided by its target, at most 100%.",
        "The readiness of a pillar, of a development element and of the whole organisation is "
        "the weighted mean of the readiness of their criteria. Maturity is the weighted mean "
        "evidenced level. Criteria that do not apply, with a reason, take part in nothing; "
        "mandatory criteria cannot be set aside.",
        "The verdict follows fixed thresholds. Ready: overall readiness is at least "
        "{ready_overall}%, every pillar reaches at least {ready_pillar}% and no mandatory "
        "criterion has a gap. Conditionally ready: overall readiness is at least "
        "{conditional_overall}% and no mandatory criterion has a gap of more than "
        "{conditional_gap} level. Otherwise: not ready yet. Comparisons use the unrounded "
        "numbers; the report shows one decimal.",
        "Every criterion with a gap gets an improvement point, from the evidenced level to the "
        "target. Priority: mandatory criteria first, then the largest weight times gap, then "
        "the order of the criteria pack. The proposed deadline lies as many working days "
        "(Monday to Friday) after the assessment as the work takes: by default {effort} "
        "working days per level of gap. Everything must be done {buffer} working days before "
        "the audit; the organisation's own deadline takes precedence, but a deadline after "
        "that latest date is marked at risk.",
        "The outlook to the audit day scores again on the assumption that every improvement "
        "point due before the audit date is finished on time, its criterion then being at "
        "its target level.",
    ],
}


def labels(lang: str) -> dict[str, str]:
    """The report's wording in ``lang`` (Dutch unless ``en``)."""
    return LABELS[language(lang)]
