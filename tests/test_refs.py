"""References to the Awb and the HOS Code 2024 must name articles and provisions that exist."""

import pytest

from assessment.errors import PackError
from assessment.packs import load_pack_bytes
from assessment.refs import awb_article, hos_provision, ref_problem


@pytest.mark.parametrize(
    "ref",
    [
        "Awb 9:1",
        "Awb 9:12a",
        "Awb 9:10 lid 2",
        "Awb 9:8 lid 1 onder b",
        "Awb 2:3",
        "Awb 9:36 lid 4",
        "Awb 2:15 (elektronisch verkeer/electronic filing)",
        "HOS Code 2024 6.15",
        "HOS Code 2024 8.1 e",
        "HOS Code 2024 8.1(b)",
        "HOS Code 2024 1.6",
        "HOS Code 2024 9.8",
        "ISO 10002:2018 7.4 (ontvangstbevestiging/acknowledgement)",
        "Gouden Oor Standaard 2022",
    ],
)
def test_existing_articles_and_provisions_pass(ref):
    assert ref_problem(ref) is None


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("Awb 9:99", "'Awb 9:99': the Awb has no article 9:99 among the known ones"),
        ("Awb 9:12b", "'Awb 9:12b': the Awb has no article 9:12b among the known ones"),
        ("Awb artikel 9:1", "'Awb artikel 9:1' is not of the form 'Awb 9:12' or 'Awb 9:10 lid 2'"),
        ("HOS Code 2024 6.21", "'HOS Code 2024 6.21': the HOS Code 2024 has no provision 6.21"),
        ("HOS Code 2024 10.1", "'HOS Code 2024 10.1': the HOS Code 2024 has no provision 10.1"),
        ("HOS Code 2024 1.7", "'HOS Code 2024 1.7': the HOS Code 2024 has no provision 1.7"),
        (
            "HOS Code 2024 8.1 g",
            "'HOS Code 2024 8.1 g': provision 8.1 of the HOS Code 2024 has no item g",
        ),
        (
            "HOS Code 2024 6.2 a",
            "'HOS Code 2024 6.2 a': provision 6.2 of the HOS Code 2024 has no item a",
        ),
        (
            "HOS Code 2024 section 6",
            "'HOS Code 2024 section 6' is not of the form 'HOS Code 2024 6.15' "
            "or 'HOS Code 2024 8.1 e'",
        ),
    ],
)
def test_unknown_articles_and_provisions_are_named(ref, message):
    assert ref_problem(ref) == message


def test_article_and_provision_of_a_reference():
    assert awb_article("Awb 9:10 lid 2") == "9:10"
    assert awb_article("Awb 9:99") is None
    assert hos_provision("HOS Code 2024 8.1 e") == "8.1"
    assert hos_provision("HOS Code 2024 6.21") is None


PACK = """\
id: refs
version: "1"
title: Refs
scale:
  - {level: 0, label: Absent}
  - {level: 1, label: Some}
  - {level: 2, label: All}
defaults: {target: 2}
pillars:
  - id: p
    title: P
    criteria:
      - id: C-1
        title: C
        question: Q?
        improvement: Do.
        refs: ["Awb 9:11", "Awb 9:40", "HOS Code 2024 6.21", "ISO 10002:2018 7.4"]
"""


def test_pack_validation_reports_every_bad_reference_with_its_line():
    with pytest.raises(PackError) as caught:
        load_pack_bytes(PACK.encode(), "refs.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "refs.yaml:17: pillars[0].criteria[0].refs[1]: "
        "'Awb 9:40': the Awb has no article 9:40 among the known ones",
        "refs.yaml:17: pillars[0].criteria[0].refs[2]: "
        "'HOS Code 2024 6.21': the HOS Code 2024 has no provision 6.21",
    ]
