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


def test_one_decimal_is_rounded_as_by_hand():
    # an auditor who recomputes 81.25 from the report writes 81,3; Python and Babel round a
    # tie to even (81,2), and float noise decided the others (93,75 gave 93,8)
    from assessment.formats import decimal, rounded

    assert decimal(81.25, "nl") == "81,3"
    assert decimal(93.75, "nl") == "93,8"
    assert decimal(3.25, "en") == "3.3"
    assert decimal(0.05, "nl") == "0,1"
    assert decimal(100 * (0.5 + 0.25 + 1 + 1) / 4 + 12.5, "nl") == "81,3"
    assert decimal(81.2499999999999, "nl") == "81,3"  # noise below 1e-9 decides nothing
    assert decimal(81.2449, "nl") == "81,2"
    assert decimal(-3.25, "nl") == "-3,3"
    assert decimal(-0.04, "nl") == "0,0"  # never "-0,0"
    assert decimal(2.5, "nl", 0) == "3"
    assert str(rounded(66.0)) == "66.0"


def test_every_shown_figure_uses_the_one_rounding():
    from assessment.messages import one_decimal, pct, signed

    assert pct(81.25, "nl") == "81,3%"
    assert one_decimal(3.25, "nl") == "3,3"
    assert signed(-0.04, "nl") == "+0,0"
    assert signed(-0.05, "en") == "-0.1"


def test_a_change_is_the_difference_of_the_shown_figures():
    # 81,25 → 81,34 both show as 81,3%: the change shown is +0,0, not the +0,1 of 0.09
    from assessment.formats import decimal
    from assessment.messages import pct, shown_change, signed

    assert (pct(81.25, "nl"), pct(81.34, "nl")) == ("81,3%", "81,3%")
    assert shown_change(81.25, 81.34, "nl") == "+0,0"
    assert shown_change(60.04, 60.16, "en") == "+0.2"  # 60.0 → 60.2
    assert shown_change(None, 60.0, "nl") == ""
    assert decimal(float("inf"), "nl") == "∞"  # no error on a figure that is not finite
    assert shown_change(float("inf"), 60.0, "nl") == ""
    assert "NaN" in signed(float("nan"), "nl")  # said, not raised


def test_a_row_is_marked_worse_only_when_its_shown_figure_went_down():
    from assessment.report.comparison import _shown_worse

    assert not _shown_worse(81.34, 81.25)  # 81,3% → 81,3%
    assert _shown_worse(81.35, 81.25)  # 81,4% → 81,3%
    assert not _shown_worse(None, 50.0)
