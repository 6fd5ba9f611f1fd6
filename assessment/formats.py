"""Dates and numbers as people read them, in Dutch or English (through Babel).

The one home of the decimal comma, month names and date styles: the command line, the app
and the report all format through these functions.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from .i18n import language

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def locale_of(lang: str | None) -> str:
    """The Babel locale of a UI language; Dutch unless English is asked for."""
    return _LOCALES[language(lang)]


def long_date(day: date | None, lang: str | None) -> str:
    """``23 november 2026`` / ``23 November 2026``; '' for no date."""
    if day is None:
        return ""
    return _babel_date(day, "d MMMM y", locale=locale_of(lang))


def short_date(day: date | None, lang: str | None) -> str:
    """``23 nov. 2026`` / ``23 Nov 2026``; '' for no date."""
    if day is None:
        return ""
    return _babel_date(day, "d MMM y", locale=locale_of(lang))


def month_year(day: date, lang: str | None) -> str:
    """``mrt 2027`` / ``Mar 2027``: a month on a timeline axis or in a workload table."""
    return _babel_date(day, "LLL y", locale=locale_of(lang))


def month_name(day: date, lang: str | None) -> str:
    """``maart 2027`` / ``March 2027``."""
    return _babel_date(day, "LLLL y", locale=locale_of(lang))


def rounded(value: float, digits: int = 1) -> Decimal:
    """``value`` rounded to ``digits`` decimals as people round by hand: a 5 goes up (81,25
    gives 81,3, as does 81,35 give 81,4), and the noise of binary floating point does not
    decide a tie (a sum that should be 81,25 and comes out as 81,2499999999 still gives 81,3).

    Every figure shown goes through here, so that an auditor who recomputes one from the
    report gets the same digit."""
    if not math.isfinite(value):  # nothing to round: ∞ or NaN as it is
        return Decimal(repr(float(value)))
    exact = Decimal(repr(float(value))).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN)
    shown = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return shown if shown else abs(shown)  # -0,04 is 0,0, not -0,0


def decimal(value: float, lang: str | None, digits: int = 1) -> str:
    """A number with ``digits`` decimals (see :func:`rounded`): 67,9 in Dutch, 67.9 in
    English (no grouping)."""
    pattern = "0." + "0" * digits if digits else "0"
    return format_decimal(rounded(value, digits), pattern, locale=locale_of(lang))


def number(value: float, lang: str | None) -> str:
    """A number as short as it is: ``1,5``, ``2``, ``0,25`` in Dutch (``1.5`` in English)."""
    return format_decimal(value, "0.######", locale=locale_of(lang))


def file_size(n: int, lang: str | None) -> str:
    """``80 bytes``, ``430 KB``, ``1,2 MB`` in Dutch (``1.2 MB`` in English): units of 1,024
    bytes, named as the file uploader names them."""
    if n >= 1024 * 1024:
        return f"{decimal(n / 1024 / 1024, lang)} MB"
    if n >= 1024:
        return f"{decimal(n / 1024, lang, 0)} KB"
    return f"{n} bytes"


def vega_locale(lang: str | None) -> dict[str, object]:
    """Vega's ``config.locale`` (number and time format) for ``lang``, from Babel's data,
    so chart axes show "mrt 2027" and "67,9" in Dutch."""
    from babel import Locale

    loc = Locale.parse(locale_of(lang))
    months = [loc.months["format"]["wide"][i] for i in range(1, 13)]
    short = [loc.months["stand-alone"]["abbreviated"][i].rstrip(".") for i in range(1, 13)]
    days = [loc.days["format"]["wide"][(i - 1) % 7] for i in range(7)]  # Sunday first
    short_days = [loc.days["format"]["abbreviated"][(i - 1) % 7] for i in range(7)]
    return {
        "number": {
            "decimal": loc.number_symbols["latn"]["decimal"],
            "thousands": loc.number_symbols["latn"]["group"],
            "grouping": [3],
            "currency": ["€\u00a0", ""],
        },
        "time": {
            "dateTime": "%a %e %B %Y %X",
            "date": "%d-%m-%Y" if lang != "en" else "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": days,
            "shortDays": short_days,
            "months": months,
            "shortMonths": short,
        },
    }
