"""The report's fieldwork chapter: register figures with a chart per month, the sample, the
conformity per check with its interval, and the criteria the fieldwork backs.

:func:`fieldwork_chapter` gathers it from the assessment's ``fieldwork`` field; the template
``_fieldwork.html`` shows it (``r.fieldwork``). Every figure is one of the stored ones; the
chart is drawn from the stored counts per month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..assessments import Assessment
from ..fieldwork.analysis import month_keys, percent, source_text
from ..fieldwork.evidence import REGISTER_SOURCE, REVIEW_SOURCE, interval_text
from ..fieldwork.filereview import check_texts, file_progress, file_review, reviewed_criteria
from ..fieldwork.reading import FIELD_NAMES, dropped_text
from ..fieldwork.record import Count, GroupFigures, RegisterRecord, SampleRecord
from ..formats import long_date
from ..i18n import counted, in_language, language, localise
from ..messages import pct
from ..packs import Pack

_T = {
    "title": {
        "nl": "Veldwerk: klachtenregister en dossiertoets",
        "en": "Fieldwork: complaint register and file review",
    },
    "intro": {
        "nl": "Cijfers uit het eigen klachtenregister van de organisatie en een toets van een "
        "steekproef van echte dossiers. Alleen de gekoppelde kolommen zijn gelezen; andere "
        "kolommen zijn bij het inlezen weggelaten.",
        "en": "Figures from the organisation's own complaint register and a review of a sample of "
        "real case files. Only the mapped columns were read; other columns were dropped on "
        "reading.",
    },
    "register": {"nl": "Klachtenregister", "en": "Complaint register"},
    "file": {"nl": "Bestand", "en": "File"},
    "analysed": {"nl": "Geanalyseerd op", "en": "Analysed on"},
    "today": {"nl": "Peildatum open klachten", "en": "Open complaints judged on"},
    "terms": {"nl": "Termijnen", "en": "Terms"},
    "dropped": {"nl": "Weggelaten kolommen", "en": "Dropped columns"},
    "none": {"nl": "geen", "en": "none"},
    "complaints": {"nl": "Klachten", "en": "Complaints"},
    "skipped": {"nl": "Overgeslagen rijen", "en": "Skipped rows"},
    "ack": {"nl": "Ontvangst tijdig bevestigd", "en": "Acknowledged on time"},
    "decided": {
        "nl": "Tijdig afgehandeld (van de afgehandelde)",
        "en": "Decided on time (of those decided)",
    },
    "open": {"nl": "Open", "en": "Open"},
    "overdue": {"nl": "Open en over de termijn", "en": "Open and overdue"},
    "no_term": {"nl": "geen termijn bekend", "en": "no term known"},
    "of": {"nl": "{c} van {o}", "en": "{c} of {o}"},
    "ack_term": {
        "nl": "ontvangstbevestiging {n} werkdagen",
        "en": "acknowledgement {n} working days",
    },
    "decide_term": {"nl": "besluit {n} {unit}", "en": "decision {n} {unit}"},
    "calendar": {"nl": "kalenderdagen", "en": "calendar days"},
    "working": {"nl": "werkdagen", "en": "working days"},
    "ack_short": {"nl": "Tijdig bevestigd", "en": "Acknowledged on time"},
    "decided_short": {"nl": "Tijdig afgehandeld", "en": "Decided on time"},
    "open_short": {"nl": "Open (over termijn)", "en": "Open (overdue)"},
    "per_month": {
        "nl": "Klachten per maand (datum ontvangst)",
        "en": "Complaints per month (date received)",
    },
    "by_department": {"nl": "Per afdeling", "en": "By department"},
    "by_channel": {"nl": "Per kanaal", "en": "By channel"},
    "group": {"nl": "Groep", "en": "Group"},
    "blank": {"nl": "(leeg)", "en": "(blank)"},
    "sample": {"nl": "Steekproef", "en": "Sample"},
    "sample_text": {
        "nl": "{size} uit {population}, startgetal {seed}, {how}, getrokken op {drawn}.",
        "en": "{size} from {population}, seed {seed}, {how}, drawn on {drawn}.",
    },
    "simple": {"nl": "enkelvoudig aselect", "en": "simple random"},
    "stratified": {"nl": "gestratificeerd naar {by}", "en": "stratified by {by}"},
    "method": {
        "nl": 'Trekking: de klachten in de volgorde van sha256("startgetal:id"); gestratificeerd: '
        "één dossier per stratum, de rest naar rato (grootste overschot). Met hetzelfde register "
        "(zelfde sha256) en hetzelfde startgetal trekt iedereen dezelfde steekproef.",
        "en": 'Draw: the complaints in the order of sha256("seed:id"); stratified: one file per '
        "stratum, the rest in proportion (largest remainder). With the same register (same "
        "sha256) and seed anyone draws the same sample.",
    },
    "sha": {"nl": "sha256 van het register", "en": "Register sha256"},
    "stratum": {"nl": "Stratum", "en": "Stratum"},
    "population": {"nl": "Klachten", "en": "Complaints"},
    "drawn": {"nl": "Getrokken", "en": "Drawn"},
    "ids": {"nl": "Dossiers", "en": "Files"},
    "review": {"nl": "Dossiertoets", "en": "File review"},
    "review_intro": {
        "nl": "Conformiteit = voldoet / (voldoet + voldoet niet); n.v.t. telt niet mee. Het "
        "95%-interval (Wilson) laat zien hoe zeker de uitkomst is bij deze steekproefomvang.",
        "en": "Conformity = passes / (passes + fails); not relevant counts in neither. The 95% "
        "interval (Wilson) shows how certain the outcome is at this sample size.",
    },
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "check": {"nl": "Controle", "en": "Check"},
    "files": {"nl": "Dossiers", "en": "Files"},
    "pass": {"nl": "Voldoet", "en": "Pass"},
    "fail": {"nl": "Voldoet niet", "en": "Fail"},
    "not_relevant": {"nl": "N.v.t.", "en": "N/a"},
    "conformity": {"nl": "Conformiteit", "en": "Conformity"},
    "interval": {"nl": "95%-interval", "en": "95% interval"},
    "no_review": {"nl": "Nog geen dossiers getoetst.", "en": "No files reviewed yet."},
    "per_file": {"nl": "Per dossier", "en": "Per file"},
    "file_id": {"nl": "Dossier", "en": "File"},
    "answered": {"nl": "Beantwoord", "en": "Answered"},
    "failed": {
        "nl": "Voldoet niet (criterium en controle)",
        "en": "Fails (criterion and check)",
    },
    "unreviewed": {
        "nl": "Nog niet getoetst: {n} uit de steekproef ({ids}); de conformiteit hierboven telt "
        "alleen de getoetste dossiers.",
        "en": "Not reviewed yet: {n} of the sample ({ids}); the conformity above counts only "
        "the reviewed files.",
    },
    "backs": {"nl": "Onderbouwt", "en": "Backs"},
    "backs_intro": {
        "nl": "Het veldwerk is als bewijs vastgelegd bij deze criteria:",
        "en": "The fieldwork is recorded as evidence for these criteria:",
    },
    "backs_none": {
        "nl": "Het veldwerk is (nog) niet als bewijs aan criteria gekoppeld.",
        "en": "The fieldwork is not (yet) linked to criteria as evidence.",
    },
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
}

CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 170.0, 40.0, 5.0  # millimetres; room for the labels


def _words(lang: str) -> dict[str, str]:
    return in_language(_T, lang)


@dataclass(frozen=True)
class Bar:
    """One month of the chart: its label, count and the bar's place (millimetres)."""

    month: str
    complaints: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class GroupRow:
    name: str
    complaints: int
    ack: str
    decided: str
    open: str


@dataclass(frozen=True)
class RegisterView:
    name: str
    sha256: str
    analysed: str
    today: str
    terms: str
    dropped: str
    figures: tuple[tuple[str, str], ...]
    bars: tuple[Bar, ...]
    chart_width: float
    chart_height: float
    by_department: tuple[GroupRow, ...]
    by_channel: tuple[GroupRow, ...]


@dataclass(frozen=True)
class SampleView:
    text: str
    sha256: str
    ids: str
    strata: tuple[tuple[str, int, int], ...]  # (name, population, sample)


@dataclass(frozen=True)
class ReviewRow:
    criterion: str
    title: str
    check: str
    files: int
    passes: int
    fails: int
    not_relevant: int
    conformity: str
    interval: str
    total: bool  # the criterion's row (all its checks together)
    check_id: str = ""  # the check's id (named in the per-file table); '' on the total row


@dataclass(frozen=True)
class BackedCriterion:
    criterion: str
    title: str
    evidence: str  # the ids of the fieldwork evidence items


@dataclass(frozen=True)
class FileRow:
    """One sampled file in the review: how far it was answered, and what it failed (so that
    each "voldoet niet" in the conformity table can be traced to its file)."""

    file: str
    answered: int
    asked: int
    fails: str  # "HANDLE-02 (termijn), ..." or "–"


@dataclass(frozen=True)
class FieldworkChapter:
    """Everything the fieldwork chapter shows, in one language."""

    t: dict[str, str]
    register: RegisterView | None
    sample: SampleView | None
    review: tuple[ReviewRow, ...]
    backs: tuple[BackedCriterion, ...]
    files: tuple[FileRow, ...] = ()  # per sampled file, in the sample's order
    unreviewed: str = ""  # the sampled files without any answer, named


def _share(figure: Count | None, t: dict[str, str], lang: str) -> str:
    if figure is None:
        return "–"
    share = pct(percent(figure.count, figure.of), lang)
    return f"{share} ({t['of'].format(c=figure.count, o=figure.of)})"


def _terms(record: RegisterRecord, t: dict[str, str], lang: str) -> str:
    parts = []
    if record.terms.ack_days is not None:
        parts.append(t["ack_term"].format(n=record.terms.ack_days))
    if record.terms.decide_days is not None:
        unit = t[record.terms.decide_unit]
        parts.append(t["decide_term"].format(n=record.terms.decide_days, unit=unit))
    text = ", ".join(parts) or t["no_term"]
    source = record.terms.source
    return f"{text} ({source_text(source, lang)})" if source else text


def _groups(groups: dict[str, GroupFigures], t: dict[str, str], lang: str) -> tuple[GroupRow, ...]:
    return tuple(
        GroupRow(
            name=name or t["blank"],
            complaints=g.complaints,
            ack=_share(g.acknowledged_on_time, t, lang),
            decided=_share(g.decided_on_time, t, lang),
            open=str(g.open) + ("" if g.open_overdue is None else f" ({g.open_overdue})"),
        )
        for name, g in groups.items()
    )


def month_bars(by_month: dict[str, GroupFigures]) -> tuple[Bar, ...]:
    """A bar per month from the first to the last (months without complaints as 0)."""
    days = [date.fromisoformat(f"{m}-01") for m in by_month]
    months = month_keys(days)
    if not months:
        return ()
    counts = [by_month[m].complaints if m in by_month else 0 for m in months]
    top = max(counts) or 1
    slot = CHART_WIDTH / len(months)
    width = slot * 0.7
    bars = []
    for i, (month, count) in enumerate(zip(months, counts, strict=True)):
        height = (CHART_HEIGHT - CHART_TOP) * count / top
        x = i * slot + (slot - width) / 2
        bars.append(Bar(month, count, round(x, 2), round(CHART_HEIGHT - height, 2),
                        round(width, 2), round(height, 2)))  # fmt: skip
    return tuple(bars)


def _register(record: RegisterRecord, t: dict[str, str], lang: str) -> RegisterView:
    figures = [
        (t["complaints"], str(record.complaints)),
        (t["skipped"], str(record.skipped)),
        (t["ack"], _share(record.acknowledged_on_time, t, lang)),
        (t["decided"], _share(record.decided_on_time, t, lang)),
        (t["open"], str(record.open)),
        (t["overdue"], "–" if record.open_overdue is None else str(record.open_overdue)),
    ]
    return RegisterView(
        name=record.name,
        sha256=record.sha256,
        analysed=long_date(record.analysed, lang),
        today=long_date(record.today, lang),
        terms=_terms(record, t, lang),
        dropped=dropped_text(record.dropped_columns, lang) or t["none"],
        figures=tuple(figures),
        bars=month_bars(record.by_month),
        chart_width=CHART_WIDTH,
        chart_height=CHART_HEIGHT,
        by_department=_groups(record.by_department, t, lang),
        by_channel=_groups(record.by_channel, t, lang),
    )


def _sample(record: SampleRecord, t: dict[str, str], lang: str) -> SampleView:
    by = record.by and FIELD_NAMES[record.by][language(lang)]
    how = t["stratified"].format(by=by) if by else t["simple"]
    text = t["sample_text"].format(
        size=counted(record.size, "file", lang),
        population=counted(record.population, "complaint", lang),
        seed=record.seed,
        how=how,
        drawn=long_date(record.drawn, lang),
    )
    strata = tuple(
        (name or t["blank"], s.population, s.sample) for name, s in (record.strata or {}).items()
    )
    return SampleView(text, record.register_sha256, ", ".join(record.ids), strata)


def _review(pack: Pack, assessment: Assessment, lang: str) -> tuple[ReviewRow, ...]:
    rows = []
    for result in file_review(pack, assessment):
        criterion = pack.criteria_by_id[result.total.criterion]
        texts = check_texts(criterion, lang)
        for item in (result.total, *result.checks):
            rows.append(
                ReviewRow(
                    criterion=criterion.id,
                    title=localise(criterion.title, lang),
                    check=texts[item.check],
                    files=item.files,
                    passes=item.passes,
                    fails=item.fails,
                    not_relevant=item.not_relevant,
                    conformity=pct(item.rate, lang),
                    interval=interval_text(item, lang),
                    total=item.check is None,
                    check_id=item.check or "",
                )
            )
    return tuple(rows)


def _files(pack: Pack, assessment: Assessment) -> tuple[FileRow, ...]:
    """Per sampled file: the checks answered out of those asked, and the failed ones as
    ``criterion (check)``."""
    fieldwork = assessment.fieldwork
    if fieldwork is None or fieldwork.sample is None:
        return ()
    criteria = reviewed_criteria(pack, assessment)
    rows = []
    for file_id in fieldwork.sample.ids:
        answered, asked = file_progress(pack, assessment, file_id)
        answers = fieldwork.review.get(file_id, {})
        fails = [
            f"{criterion.id} ({check.id})"
            for criterion in criteria
            for check in criterion.file_checks
            if (answer := answers.get(criterion.id, {}).get(check.id)) is not None
            and answer.answer == "fail"
        ]
        rows.append(FileRow(file_id, answered, asked, ", ".join(fails) or "–"))
    return tuple(rows)


def _backs(pack: Pack, assessment: Assessment, lang: str) -> tuple[BackedCriterion, ...]:
    found: dict[str, list[str]] = {}
    for item in assessment.evidence:
        if item.source in (REGISTER_SOURCE, REVIEW_SOURCE):
            for cid in item.criteria:
                found.setdefault(cid, []).append(item.id)
    return tuple(
        BackedCriterion(c.id, localise(c.title, lang), ", ".join(found[c.id]))
        for _, c in pack.criteria()
        if c.id in found
    )


def fieldwork_chapter(
    pack: Pack, assessment: Assessment, lang: str = "nl"
) -> FieldworkChapter | None:
    """The chapter's content, or None when the assessment has no fieldwork."""
    fieldwork = assessment.fieldwork
    if fieldwork is None:
        return None
    lang = language(lang)
    t = _words(lang)
    files = _files(pack, assessment)
    unreviewed = [row.file for row in files if not row.answered]
    some = len(unreviewed) < len(files)  # none reviewed: "no files reviewed yet" says it
    return FieldworkChapter(
        t=t,
        register=_register(fieldwork.analysis, t, lang) if fieldwork.analysis else None,
        sample=_sample(fieldwork.sample, t, lang) if fieldwork.sample else None,
        review=_review(pack, assessment, lang),
        backs=_backs(pack, assessment, lang),
        files=files if some else (),
        unreviewed=(
            t["unreviewed"].format(
                n=counted(len(unreviewed), "file", lang), ids=", ".join(unreviewed)
            )
            if some and unreviewed
            else ""
        ),
    )
