"""The report's own wording (headings, column names, fixed sentences), each text beside
its translation.

Verdicts, reasons, evidence kinds and statuses come from :mod:`assessment.messages`; this
module holds only what nothing else says. Sentences with ``{name}`` placeholders are filled
in by :mod:`assessment.report.context` (never by the template, so that user text stays text).
"""

from __future__ import annotations

from ..i18n import in_language

LABELS: dict[str, dict[str, str]] = {
    # document
    "doc_title": {
        "nl": "Pre-audit gapanalyse klachtenmanagement",
        "en": "Complaint-management pre-audit gap report",
    },
    "doc_subtitle": {
        "nl": "Gereedheid voor de pre-audit integraal klachtenmanagement",
        "en": "Readiness for the integral complaint-management pre-audit",
    },
    "confidential": {"nl": "Vertrouwelijk", "en": "Confidential"},
    "page": {"nl": "Pagina", "en": "Page"},
    "of": {"nl": "van", "en": "of"},
    "generated_by": {"nl": "Opgesteld met ikm-readiness", "en": "Prepared with ikm-readiness"},
    # cover
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "sector": {"nl": "Sector", "en": "Sector"},
    "size": {"nl": "Omvang", "en": "Size"},
    "handling": {"nl": "Klachtbehandeling", "en": "Complaint handling"},
    "handling_central": {"nl": "centraal", "en": "central"},
    "handling_decentral": {"nl": "decentraal", "en": "decentral"},
    "assessment_date": {"nl": "Datum beoordeling", "en": "Assessment date"},
    "audit_date": {"nl": "Datum audit", "en": "Audit date"},
    "no_audit_date": {"nl": "nog niet gepland", "en": "not yet planned"},
    "assessors": {"nl": "Beoordelaars", "en": "Assessors"},
    "criteria_pack": {"nl": "Criteriaset", "en": "Criteria pack"},
    "verdict": {"nl": "Oordeel", "en": "Verdict"},
    "overall_readiness": {"nl": "Totale gereedheid", "en": "Overall readiness"},
    # toc
    "contents": {"nl": "Inhoud", "en": "Contents"},
    # summary
    "summary": {"nl": "Managementsamenvatting", "en": "Executive summary"},
    "readiness": {"nl": "Gereedheid", "en": "Readiness"},
    "maturity": {"nl": "Volwassenheid", "en": "Maturity"},
    "maturity_of": {"nl": "gemiddeld niveau, schaal 0–{top}", "en": "mean level, scale 0–{top}"},
    "criteria_applicable": {
        "nl": "{applicable} van {total} criteria van toepassing",
        "en": "{applicable} of {total} criteria applicable",
    },
    "criteria_in_scope": {"nl": "Criteria van toepassing", "en": "Criteria applicable"},
    "readiness_chart": {
        "nl": "Gereedheid per pijler, nu en op de auditdag",
        "en": "Readiness per pillar, now and on the audit day",
    },
    "readiness_chart_now": {"nl": "Gereedheid per pijler", "en": "Readiness per pillar"},
    "forecast": {"nl": "Vooruitblik naar de auditdag", "en": "Outlook to the audit day"},
    "forecast_none": {
        "nl": "Er is nog geen auditdatum gepland; een vooruitblik is daarom niet mogelijk.",
        "en": "No audit date has been planned yet, so there is no outlook.",
    },
    "top_points": {"nl": "Belangrijkste verbeterpunten", "en": "Main improvement points"},
    "top_points_of": {
        "nl": "{shown} van {total}; alle punten staan in het verbeterplan",
        "en": "{shown} of {total}; all points are in the improvement plan",
    },
    "no_points": {
        "nl": "Er zijn geen verbeterpunten: elk criterium haalt zijn doelniveau.",
        "en": "There are no improvement points: every criterion reaches its target.",
    },
    "at_a_glance": {"nl": "In één oogopslag", "en": "At a glance"},
    "points_total": {"nl": "Verbeterpunten", "en": "Improvement points"},
    "points_at_risk": {"nl": "Waarvan met risico", "en": "Of which at risk"},
    "mandatory_gaps": {
        "nl": "Verplichte criteria met tekort",
        "en": "Mandatory criteria with a gap",
    },
    "unbacked": {"nl": "Claims zonder voldoende bewijs", "en": "Claims without enough evidence"},
    # pillars
    "pillars": {"nl": "Bevindingen per pijler", "en": "Findings per pillar"},
    "pillar": {"nl": "Pijler", "en": "Pillar"},
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "claimed": {"nl": "Geclaimd", "en": "Claimed"},
    "evidenced": {"nl": "Aangetoond", "en": "Evidenced"},
    "target": {"nl": "Doel", "en": "Target"},
    "gap": {"nl": "Tekort", "en": "Gap"},
    "weight": {"nl": "Gewicht", "en": "Weight"},
    "findings": {"nl": "Bevindingen", "en": "Findings"},
    "no_findings": {
        "nl": "Geen bevindingen: elk criterium van deze pijler haalt zijn doel met bewijs.",
        "en": "No findings: every criterion of this pillar reaches its target with evidence.",
    },
    "mandatory": {"nl": "verplicht", "en": "mandatory"},
    "mandatory_long": {
        "nl": "Verplicht (knock-out) criterium",
        "en": "Mandatory (knock-out) criterion",
    },
    "not_applicable": {"nl": "n.v.t.", "en": "n/a"},
    "not_answered": {"nl": "niet beantwoord", "en": "not answered"},
    "finding_unbacked": {
        "nl": "geclaimd niveau {claimed}, met bewijs aangetoond niveau {evidenced}",
        "en": "claimed level {claimed}, evidence backs level {evidenced}",
    },
    "finding_gap": {
        "nl": "tekort van {gap} niveaus tot het doel {target}",
        "en": "gap of {gap} levels to the target {target}",
    },
    "finding_gap_1": {
        "nl": "tekort van 1 niveau tot het doel {target}",
        "en": "gap of 1 level to the target {target}",
    },
    "finding_unanswered": {
        "nl": "niet beantwoord; telt als niveau 0",
        "en": "not answered; counts as level 0",
    },
    "finding_to_confirm": {
        "nl": "overgenomen uit de vorige cyclus en nog niet bevestigd; telt voorlopig mee met "
        "geclaimd niveau {claimed}",
        "en": "carried over from the last cycle and not yet re-confirmed; counts for now with "
        "claimed level {claimed}",
    },
    "to_confirm_mark": {"nl": "nog te bevestigen", "en": "to re-confirm"},
    "legend_to_confirm": {
        "nl": "† = overgenomen uit de vorige cyclus en nog niet bevestigd: telt mee zoals "
        "overgenomen, maar niet als beantwoord.",
        "en": "† = carried over from the last cycle and not yet re-confirmed: counts as carried "
        "over, but not as answered.",
    },
    "finding_needs": {"nl": "{needs}", "en": "{needs}"},
    "finding_claim_low": {
        "nl": "bewijs van de vereiste soort is gekoppeld, maar de organisatie claimt niveau "
        "{claimed}",
        "en": "evidence of the required kind is linked, but the organisation claims level "
        "{claimed}",
    },
    "legend_marks": {
        "nl": "V = verplicht criterium; een claim die hoger is dan het bewijs draagt is gemarkeerd "
        "met een sterretje (*).",
        "en": "M = mandatory criterion; a claim higher than the evidence backs is marked with an "
        "asterisk (*).",
    },
    # plan
    "plan": {"nl": "Verbeterplan", "en": "Improvement plan"},
    "plan_intro": {
        "nl": "De verbeterpunten staan in volgorde van prioriteit: verplichte criteria eerst, dan "
        "het grootste gewicht maal tekort, dan de volgorde van de criteriaset. De deadline is "
        "die van de organisatie zelf, of anders de voorgestelde datum; een voorgestelde datum "
        "ligt nooit na {latest} ({buffer} werkdagen voor de audit).",
        "en": "The improvement points are in order of priority: mandatory criteria first, then the "
        "largest weight times gap, then the order of the criteria pack. The deadline is the "
        "organisation's own, else the proposed date; a proposed date is never later than "
        "{latest} ({buffer} working days before the audit).",
    },
    "plan_intro_no_audit": {
        "nl": "De verbeterpunten staan in volgorde van prioriteit: verplichte criteria eerst, dan "
        "het grootste gewicht maal tekort, dan de volgorde van de criteriaset. De deadline is "
        "die van de organisatie zelf, of anders de voorgestelde datum.",
        "en": "The improvement points are in order of priority: mandatory criteria first, then the "
        "largest weight times gap, then the order of the criteria pack. The deadline is the "
        "organisation's own, else the proposed date.",
    },
    "priority": {"nl": "Prio", "en": "Prio"},
    "improvement": {"nl": "Verbeterpunt", "en": "Improvement point"},
    "from_to": {"nl": "Van → naar", "en": "From → to"},
    "owner": {"nl": "Eigenaar", "en": "Owner"},
    "deadline": {"nl": "Deadline", "en": "Deadline"},
    "status": {"nl": "Status", "en": "Status"},
    "risk": {"nl": "Risico", "en": "Risk"},
    "at_risk": {"nl": "risico", "en": "at risk"},
    "at_risk_long": {
        "nl": "Deadline na de uiterste datum {latest}",
        "en": "Deadline after the latest date {latest}",
    },
    "proposed": {"nl": "voorgesteld", "en": "proposed"},
    "own_deadline": {"nl": "eigen deadline", "en": "own deadline"},
    "no_owner": {"nl": "nog toe te wijzen", "en": "to be assigned"},
    "timeline": {"nl": "Tijdlijn tot de audit", "en": "Timeline to the audit"},
    "timeline_plan": {
        "nl": "Tijdlijn van het verbeterplan",
        "en": "Timeline of the improvement plan",
    },
    "timeline_limited": {
        "nl": "De tijdlijn toont de eerste {count} verbeterpunten naar prioriteit.",
        "en": "The timeline shows the first {count} improvement points by priority.",
    },
    "effort": {"nl": "{days} werkdagen per niveau", "en": "{days} working days per level"},
    # criteria
    "criteria_detail": {"nl": "Beoordeling per criterium", "en": "Assessment per criterion"},
    "question": {"nl": "Vraag", "en": "Question"},
    "answer": {"nl": "Antwoord", "en": "Answer"},
    "note": {"nl": "Toelichting", "en": "Note"},
    "justification": {"nl": "Reden niet van toepassing", "en": "Why not applicable"},
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
    "no_evidence": {"nl": "Geen bewijs gekoppeld.", "en": "No evidence linked."},
    "missing": {"nl": "Nodig voor het doel", "en": "Needed for the target"},
    "nothing_missing": {
        "nl": "Bewijs van de vereiste soort is gekoppeld voor het doelniveau.",
        "en": "Evidence of the required kind is linked for the target level.",
    },
    "evidence_there": {
        "nl": "Bewijs van de vereiste soort is gekoppeld; de organisatie claimt nog geen niveau "
        "{level}.",
        "en": "Evidence of the required kind is linked; the organisation does not yet claim level "
        "{level}.",
    },
    "point": {"nl": "Verbeterpunt", "en": "Improvement point"},
    "refs": {"nl": "Verwijzingen", "en": "References"},
    "level": {"nl": "niveau", "en": "level"},
    "level_cap": {"nl": "Niveau", "en": "Level"},
    # tags
    "tags": {"nl": "Gereedheid per ontwikkelelement", "en": "Readiness per development element"},
    "tags_intro": {
        "nl": "Naast de pijlers groepeert de criteriaset de criteria naar ontwikkelelement. "
        "Zo is te zien op welk vlak de organisatie zich het meest moet ontwikkelen.",
        "en": "Besides the pillars, the criteria pack groups criteria by development element. "
        "This shows where the organisation has most to develop.",
    },
    "tag": {"nl": "Ontwikkelelement", "en": "Development element"},
    "criteria_count": {"nl": "Criteria", "en": "Criteria"},
    "no_tags": {
        "nl": "Deze criteriaset kent geen ontwikkelelementen.",
        "en": "This criteria pack has no development elements.",
    },
    # evidence index
    "evidence_index": {"nl": "Bewijsregister", "en": "Evidence index"},
    "evidence_intro": {
        "nl": "Elk bewijsstuk met zijn kenmerken. De sha256 is de vingerafdruk van het bestand: "
        "een auditor kan daarmee nagaan dat het getoonde stuk het beoordeelde stuk is.",
        "en": "Every evidence item with its details. The sha256 is the file's fingerprint: with "
        "it an "
        "auditor can check that the item shown is the item that was assessed.",
    },
    "id": {"nl": "Id", "en": "Id"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "title": {"nl": "Titel", "en": "Title"},
    "source": {"nl": "Bron", "en": "Source"},
    "date": {"nl": "Datum", "en": "Date"},
    "file": {"nl": "Bestand", "en": "File"},
    "supports": {"nl": "Gekoppeld aan", "en": "Linked to"},
    "personal_data": {"nl": "Persoonsgegevens", "en": "Personal data"},
    "personal_data_short": {"nl": "AVG", "en": "PD"},
    "personal_data_legend": {
        "nl": "AVG = het stuk bevat persoonsgegevens; deel het alleen met wie het voor de audit "
        "nodig heeft.",
        "en": "PD = the item holds personal data; share it only with those who need it for the "
        "audit.",
    },
    "erased": {"nl": "inhoud verwijderd", "en": "content erased"},
    "link": {"nl": "Link", "en": "Link"},
    "no_evidence_items": {
        "nl": "Er is nog geen bewijs vastgelegd.",
        "en": "No evidence has been recorded yet.",
    },
    # method
    "method": {"nl": "Methode", "en": "Method"},
    "method_pack": {"nl": "Criteriaset", "en": "Criteria pack"},
    "method_scale": {
        "nl": "Niveaus en het bewijs dat ze vragen",
        "en": "Levels and the evidence they need",
    },
    "method_thresholds": {"nl": "Drempels voor het oordeel", "en": "Thresholds of the verdict"},
    "method_planning": {"nl": "Planning", "en": "Planning"},
    "rule_ready": {
        "nl": "totaal ≥ {ready_all}, elke pijler ≥ {ready_pillar}, geen verplicht criterium "
        "met een tekort",
        "en": "overall ≥ {ready_all}, every pillar ≥ {ready_pillar}, no mandatory criterion "
        "with a gap",
    },
    "rule_conditional": {
        "nl": "totaal ≥ {cond_all}, geen verplicht criterium met een tekort groter dan {cond_gap}",
        "en": "overall ≥ {cond_all}, no mandatory criterion with a gap larger than {cond_gap}",
    },
    "rule_not_ready": {"nl": "in alle andere gevallen", "en": "in every other case"},
    "plan_effort": {"nl": "Werk per niveau tekort", "en": "Work per level of gap"},
    "plan_buffer": {"nl": "Klaar vóór de audit", "en": "Done before the audit"},
    "working_days": {"nl": "{days} werkdagen", "en": "{days} working days"},
    "scale_level": {"nl": "Niveau", "en": "Level"},
    "scale_label": {"nl": "Naam", "en": "Name"},
    "scale_meaning": {"nl": "Betekenis", "en": "Meaning"},
    "scale_requires": {"nl": "Vraagt (cumulatief)", "en": "Needs (cumulative)"},
    "requires_nothing": {"nl": "geen bewijs", "en": "no evidence"},
    "pack_id": {"nl": "Id", "en": "Id"},
    "pack_version": {"nl": "Versie", "en": "Version"},
    "pack_sha256": {"nl": "sha256", "en": "sha256"},
    "pack_source": {"nl": "Bestand", "en": "File"},
    "pack_title": {"nl": "Titel", "en": "Title"},
    # sign-off
    "signoff": {"nl": "Ondertekening", "en": "Sign-off"},
    "signoff_intro": {
        "nl": "Met ondertekening verklaren de beoordelaars dat dit rapport de beoordeling van "
        "{date} juist weergeeft, en bevestigt de opdrachtgever dat hij het heeft ontvangen.",
        "en": "By signing, the assessors declare that this report correctly reflects the "
        "assessment "
        "of {date}, and the client confirms having received it.",
    },
    "name": {"nl": "Naam", "en": "Name"},
    "role": {"nl": "Rol", "en": "Role"},
    "signature": {"nl": "Handtekening", "en": "Signature"},
    "role_assessor": {"nl": "Beoordelaar", "en": "Assessor"},
    "role_client": {"nl": "Opdrachtgever (directie)", "en": "Client (management)"},
    "role_coordinator": {"nl": "Klachtencoördinator", "en": "Complaint coordinator"},
    "place_date": {"nl": "Plaats en datum", "en": "Place and date"},
    # added for honest numbers (2026-12-03)
    "report_date": {"nl": "Rapportdatum", "en": "Report date"},
    "pack_version_long": {"nl": "Id en versie criteriaset", "en": "Criteria pack id and version"},
    "answered": {"nl": "Beantwoord", "en": "Answered"},
    "condition": {"nl": "Voorwaarde", "en": "Condition"},
    "disclaimer": {
        "nl": "Dit rapport is een voorbereiding op de pre-audit. De gereedheid is geen score van "
        "het "
        "keurmerk (geen Gouden Oor-punten): de eigenaar van het keurmerk heeft deze criteriaset "
        "niet vastgesteld, en een goede uitkomst hier is geen belofte voor de audit.",
        "en": "This report prepares for the pre-audit. Readiness is not a score of the hallmark "
        "(no "
        "Gouden Oor points): the hallmark's owner has not endorsed this criteria pack, and a "
        "good result here is no promise for the audit.",
    },
    "forecast_planned": {
        "nl": "Op de auditdag ({audit}), als elk gepland punt op tijd klaar is: totale gereedheid "
        "{readiness} ({verdict}).",
        "en": "On the audit day ({audit}), if every planned point is finished on time: overall "
        "readiness {readiness} ({verdict}).",
    },
    "forecast_counted": {
        "nl": "Meegeteld zijn {planned} van de {total} verbeterpunten: die afgerond zijn, of "
        "een eigenaar hebben en geen risico lopen (hun eigen deadline, of zonder eigen "
        "deadline de voorgestelde, ligt niet na de uiterste datum, {latest}).",
        "en": "Counted are {planned} of the {total} improvement points: those done, or with an "
        "owner and not at risk (their own deadline, or without one the proposed deadline, is "
        "not after the latest date, {latest}).",
    },
    "points_unowned": {"nl": "Zonder eigenaar", "en": "Without an owner"},
    "points_overdue": {"nl": "Verlopen", "en": "Overdue"},
    "overdue": {"nl": "verlopen", "en": "overdue"},
    "level_rules": {"nl": "Bewijs per niveau", "en": "Evidence per level"},
    "own_rule": {"nl": "eigen eis", "en": "own rule"},
    "planning": {"nl": "Planning", "en": "Planning"},
    "effort_line": {
        "nl": "{effort} werkdagen per niveau × tekort {gap} = {work} werkdagen",
        "en": "{effort} working days per level × gap {gap} = {work} working days",
    },
    "deadline_proposed": {
        "nl": "voorgesteld: {work} werkdagen na {start} = {proposed}",
        "en": "proposed: {work} working days after {start} = {proposed}",
    },
    "deadline_capped": {
        "nl": "; dat is na de uiterste datum, dus {latest}",
        "en": "; that is after the latest date, so {latest}",
    },
    "deadline_capped_start": {
        "nl": "; dat is na de uiterste datum ({latest}), die al vóór de beoordeling lag, dus de "
        "datum van de beoordeling, {deadline}",
        "en": "; that is after the latest date ({latest}), which lay before the assessment, so "
        "the assessment date, {deadline}",
    },
    "deadline_own": {
        "nl": "eigen deadline {deadline} (voorgesteld was {proposed})",
        "en": "own deadline {deadline} (proposed was {proposed})",
    },
    "plan_intro_today": {
        "nl": "Verlopen betekent: niet gereed en de deadline ligt vóór {today}.",
        "en": "Overdue means: not done and the deadline is before {today}.",
    },
    "plan_exceptions": {
        "nl": "Eigen deadlines na {latest}, dus met risico: {items}.",
        "en": "Own deadlines after {latest}, so at risk: {items}.",
    },
    "workload": {"nl": "Werklast", "en": "Workload"},
    "workload_intro": {
        "nl": "Werk van de open verbeterpunten (inspanning per niveau × tekort, in werkdagen) "
        "tegen "
        "de werkdagen die resten. Een eigenaar met meer werk dan dagen is overbelast.",
        "en": "The work of the open improvement points (effort per level × gap, in working days) "
        "against the working days left. An owner with more work than days is overloaded.",
    },
    "per_owner": {"nl": "Per eigenaar", "en": "Per owner"},
    "per_month": {"nl": "Per maand van de deadline", "en": "Per month of the deadline"},
    "work_days": {"nl": "Werk", "en": "Work"},
    "days_left": {"nl": "Werkdagen over", "en": "Working days left"},
    "until": {"nl": "tot", "en": "until"},
    "month": {"nl": "Maand", "en": "Month"},
    "month_points": {"nl": "Punten", "en": "Points"},
    "overloaded": {"nl": "overbelast", "en": "overloaded"},
    "unowned_row": {"nl": "Zonder eigenaar", "en": "Without an owner"},
    "checkable": {"nl": "Controleerbaar", "en": "Checkable"},
    "overrides": {
        "nl": "Eigen eisen en inspanning per criterium",
        "en": "Own rules and effort per criterion",
    },
    "overrides_intro": {
        "nl": "Deze criteria wijken af van de tabel hierboven: hun eigen eis vervangt die van de "
        "schaal voor dat niveau, of hun inspanning per niveau wijkt af van de standaard.",
        "en": "These criteria differ from the table above: their own rule replaces the scale's for "
        "that level, or their effort per level differs from the default.",
    },
    "override_rules": {"nl": "Eigen eisen", "en": "Own rules"},
    "override_effort": {"nl": "Inspanning per niveau", "en": "Effort per level"},
}


# The method of SPEC section 3 in plain words, paragraph by paragraph. Placeholders are
# filled with the pack's numbers by the context builder.
METHOD: dict[str, list[str]] = {
    "nl": [
        "Voor elk criterium geeft de organisatie aan op welk niveau zij staat (het geclaimde "
        "niveau). Een niveau telt pas mee als het bewijs het draagt: elk niveau vraagt bepaalde "
        "soorten bewijs, en die vragen stapelen zich op. Niveau {top} vraagt dus ook het bewijs "
        "van alle lagere niveaus. Het aangetoonde niveau is het hoogste niveau, niet hoger dan "
        "het geclaimde, waarvoor al het gevraagde bewijs aanwezig is. Alleen bewijs dat een "
        "ander kan nagaan telt: een bestand (ook een gewist bestand waarvan de vingerafdruk "
        "bewaard is), een link, of een bron samen met een datum. Bewijs met alleen een titel "
        "staat in de lijst, gemarkeerd als niet controleerbaar, maar draagt geen niveau. Een "
        "onbeantwoord criterium telt als niveau 0. Een antwoord dat uit de vorige cyclus is "
        "overgenomen en nog niet bevestigd, telt mee zoals het overgenomen is, maar geldt pas "
        "als beantwoord wanneer het bevestigd is.",
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
        "{conditional_gap} niveau. Anders: nog niet gereed. Zolang niet elk criterium dat van "
        "toepassing is beantwoord is en elk overgenomen antwoord bevestigd, is de beoordeling "
        "nooit gereed: haalt zij de drempels "
        "van gereed, dan is zij voorwaardelijk gereed. Er wordt vergeleken met de onafgeronde "
        "getallen; het rapport toont één decimaal, met een 5 naar boven afgerond (81,25% "
        "staat er als 81,3%).",
        "Elk criterium met een tekort krijgt een verbeterpunt, van het aangetoonde niveau naar "
        "het doel. De prioriteit: verplichte criteria eerst, dan het grootste gewicht maal "
        "tekort, dan de volgorde van de criteriaset. De voorgestelde deadline ligt het aantal "
        "werkdagen (maandag tot en met vrijdag) na de beoordeling dat het werk vraagt: "
        "standaard {effort} werkdagen per niveau tekort. Alles moet uiterlijk {buffer} "
        "werkdagen voor de audit klaar zijn (de uiterste datum). Een eigen deadline van de "
        "organisatie gaat voor; ligt die na de uiterste datum, dan loopt het punt risico. "
        "Zonder eigen deadline wordt een voorgestelde deadline na de uiterste datum "
        "teruggezet naar die datum (of naar de datum van de beoordeling, als de uiterste datum "
        "daarvoor ligt), en loopt het punt ook risico: het werk past niet in de tijd tot de "
        "audit.",
        "De vooruitblik naar de auditdag rekent opnieuw alsof elk gepland verbeterpunt zijn "
        "criterium op het doelniveau heeft gebracht; de andere criteria blijven op hun "
        "aangetoonde niveau. Gepland is een punt dat afgerond is, of dat een eigenaar heeft en "
        "geen risico loopt. Een ander punt, zonder eigenaar of met risico, telt niet mee. De "
        "vooruitblik is dus de uitkomst als elk gepland punt op tijd af is, geen verwachting.",
    ],
    "en": [
        "For every criterion the organisation states the level it is at (the claimed level). "
        "A level only counts when the evidence backs it: each level asks for certain kinds of "
        "evidence, and these requirements add up, so level {top} also needs the evidence of "
        "every lower level. The evidenced level is the highest level, no higher than the "
        "claimed one, for which all the required evidence is present. Only evidence that "
        "someone else can check counts: a file (also an erased file whose fingerprint is kept), "
        "a link, or a source together with a date. An item with only a title is listed, marked "
        "as not checkable, but backs no level. An unanswered criterion counts as level 0. A "
        "response carried over from the last cycle and not yet re-confirmed counts as it was "
        "carried over, but is answered only once it is re-confirmed.",
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
        "{conditional_gap} level. Otherwise: not ready yet. As long as not every applicable "
        "criterion is answered and every carried-over response re-confirmed, the assessment is "
        "never ready: if it meets the thresholds of "
        "ready, it is conditionally ready. Comparisons use the unrounded numbers; the report "
        "shows one decimal, a 5 rounded up (81.25% shows as 81.3%).",
        "Every criterion with a gap gets an improvement point, from the evidenced level to the "
        "target. Priority: mandatory criteria first, then the largest weight times gap, then "
        "the order of the criteria pack. The proposed deadline lies as many working days "
        "(Monday to Friday) after the assessment as the work takes: by default {effort} "
        "working days per level of gap. Everything must be done {buffer} working days before "
        "the audit (the latest date). The organisation's own deadline takes precedence; if it "
        "is after the latest date, the point is at risk. Without an own deadline, a proposed "
        "deadline after the latest date is moved back to that date (or to the assessment date, "
        "if the latest date lies before it), and the point is at risk too: the work does not "
        "fit in the time to the audit.",
        "The outlook to the audit day scores again as if every planned improvement point had "
        "brought its criterion to its target level; the other criteria stay at their evidenced "
        "level. A point is planned when it is done, or when it has an owner and is not at risk. "
        "Any other point, without an owner or at risk, does not count. The outlook is "
        "therefore the outcome if every planned point is finished on time, not an expectation.",
    ],
}


# Added to the method when the pack asks a file-review conformity for some level.
METHOD_CONFORMITY = {
    "nl": "Vraagt een niveau van een criterium met dossiercontroles ook een conformiteit in de "
    "dossiertoets (zie de eisen per niveau), dan telt dat niveau, en elk niveau erboven, pas "
    "als de toets die haalt: voldoet / (voldoet + voldoet niet) over alle controles van het "
    "criterium, zonder afronding. Zonder zulke antwoorden is dat niveau niet gehaald.",
    "en": "When a level of a criterion with file checks also asks a conformity in the file "
    "review (see the requirements per level), that level and every level above it only count "
    "when the review reaches it: passes / (passes + fails) over all the criterion's checks, "
    "unrounded. Without such answers the level is not met.",
}
CONFORMITY_RULE = {
    "nl": "dossiertoets ten minste {value}",
    "en": "file review at least {value}",
}
CONFORMITY_SCALE_RULE = {  # on the scale: it applies to the criteria with file checks
    "nl": "dossiertoets ten minste {value} (bij criteria met dossiercontroles)",
    "en": "file review at least {value} (for criteria with file checks)",
}


def labels(lang: str) -> dict[str, str]:
    """The report's wording in ``lang`` (Dutch unless ``en``)."""
    return in_language(LABELS, lang)
