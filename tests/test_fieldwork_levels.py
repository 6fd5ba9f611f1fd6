"""The packs' conformity levels: validation, and the level the file review allows."""

from __future__ import annotations

import pytest

from assessment.errors import PackError
from assessment.fieldwork.levels import cap_by_conformity, conformity_met, conformity_needed
from assessment.fieldwork.record import set_answer
from assessment.packs import load_pack, parse_pack
from tests.helpers import DATA
from tests.test_fieldwork_filereview import sampled

PACK = load_pack(DATA / "fieldwork.yaml")
H1, H2, H3 = (PACK.criteria_by_id[c] for c in ("H-1", "H-2", "H-3"))


def test_the_scale_and_the_criterion_say_what_a_level_needs():
    assert [conformity_needed(PACK, H1, lvl) for lvl in (1, 2, 3, 4)] == [None, None, 80, 95]
    assert [conformity_needed(PACK, H2, lvl) for lvl in (1, 2, 3, 4)] == [None, None, 80, None]
    assert conformity_needed(PACK, H3, 3) is None  # no file checks: no conformity asked


def test_conformity_is_cumulative():
    assert conformity_met(PACK, H1, 4, 96)
    assert not conformity_met(PACK, H1, 4, 94.9)
    assert conformity_met(PACK, H1, 3, 80)
    assert not conformity_met(PACK, H1, 3, None)
    assert conformity_met(PACK, H1, 2, None)


def test_cap_by_conformity():
    a = sampled()
    assert cap_by_conformity(PACK, a, H1, 4) == 2  # no review yet: levels 3 and 4 not met
    assert cap_by_conformity(PACK, a, H3, 4) == 4
    for file_id in ("Z1", "Z2", "Z3", "Z4"):
        a = set_answer(a, file_id, "H-1", "ack", "pass")
    a = set_answer(a, "Z1", "H-1", "answer", "fail")  # 4 of 5: 80 %
    assert cap_by_conformity(PACK, a, H1, 4) == 3
    assert cap_by_conformity(PACK, a, H1, 2) == 2
    a = set_answer(a, "Z1", "H-1", "answer", "pass")  # 100 %
    assert cap_by_conformity(PACK, a, H1, 4) == 4


BASE = """\
id: p
version: "1"
title: P
scale:
  - {level: 0, label: a}
  - {level: 1, label: b}
  - {level: 2, label: c, conformity: 120}
pillars:
  - id: x
    title: X
    criteria:
      - id: C-1
        title: T
        question: Q
        target: 2
        improvement: I
        conformity: {3: 90}
"""


def test_validation_of_conformity():
    with pytest.raises(PackError) as caught:
        parse_pack(BASE, "p.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "p.yaml:7: scale[2].conformity: must be less than or equal to 100",
        "p.yaml:17: pillars[0].criteria[0].conformity: a conformity level needs file_checks "
        "to review",
        "p.yaml:17: pillars[0].criteria[0].conformity[3]: level 3 is not on the scale 1..2",
    ]
