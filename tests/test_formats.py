"""Numbers, sizes and dates as a Dutch or English reader expects them (assessment/formats.py)."""

from __future__ import annotations

from datetime import date

from assessment.formats import decimal, file_size, long_date, number


def test_numbers_are_as_short_as_they_are_with_the_languages_decimal_sign():
    assert [number(v, "nl") for v in (1.5, 2, 2.0, 0.25, 10)] == ["1,5", "2", "2", "0,25", "10"]
    assert [number(v, "en") for v in (1.5, 2.0, 0.25)] == ["1.5", "2", "0.25"]
    assert number(1234.5, "nl") == "1234,5"  # no grouping: a weight, a level, a threshold
    assert decimal(67.94, "nl") == "67,9" and decimal(67.94, "en") == "67.9"


def test_file_sizes_are_named_as_the_uploader_names_them():
    assert file_size(430 * 1024, "nl") == "430 KB"
    assert file_size(1536 * 1024, "nl") == "1,5 MB" and file_size(1536 * 1024, "en") == "1.5 MB"
    assert file_size(300, "nl") == "300 bytes"  # never "0 KB"
    assert file_size(7372, "en") == "7 KB"


def test_long_dates_use_the_languages_month_names():
    assert long_date(date(2027, 3, 2), "nl") == "2 maart 2027"
    assert long_date(date(2027, 3, 2), "en") == "2 March 2027"
    assert long_date(None, "nl") == ""
