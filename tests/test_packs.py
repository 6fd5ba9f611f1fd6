"""Pack validation (SPEC section 1): one bad file per rule in tests/data/packs/."""

import re
from pathlib import Path

import pytest

from assessment.errors import InputFileError, PackError
from assessment.packs import (
    DEFAULT_TARGET,
    Defaults,
    load_pack,
    load_pack_bytes,
    pack_files,
    parse_requirement,
)
from tests.helpers import DATA, ROOT

BAD = DATA / "packs"

# file -> every problem it must report, exactly (FILE:LINE: PATH: message)
EXPECTED = {
    "syntax-error.yaml": [
        "4: YAML syntax error, column 6: did not find expected ',' or '}' "
        "(while parsing a flow mapping started on line 3)"
    ],
    "duplicate-key.yaml": ["3: version: duplicate key 'version' (first defined on line 2)"],
    "wrong-type.yaml": ["23: pillars[0].criteria[0].weight: must be a number"],
    "unknown-field.yaml": ["23: pillars[0].criteria[0].colour: unknown field 'colour'"],
    "duplicate-id.yaml": [
        "23: pillars[0].criteria[1].id: duplicate criterion id 'OPEN-01' "
        "(also pillars[0].criteria[0].id)"
    ],
    "target-above-top.yaml": [
        "23: pillars[0].criteria[0].target: target 4 is above the top level 3"
    ],
    "unknown-kind.yaml": [
        "11: scale[2].requires[0]: unknown evidence kind 'memo' "
        "(use one of: document, record, interview, observation, metric, other)"
    ],
    "scale-gap.yaml": [
        "4: scale: levels must run 0, 1, 2, ... without gaps in order; found [0, 3, 2, 3]"
    ],
    "top-level-too-low.yaml": [
        "4: scale: the top level must be between 2 and 10; found 1",
        "4: scale: the default target 3 is above the top level 1; "
        "set defaults.target or a target per criterion",
    ],
    "missing-text.yaml": ["21: pillars[0].criteria[0].question: required text is missing"],
    "missing-field.yaml": ["19: pillars[0].criteria[0].improvement: required field is missing"],
    "alias.yaml": ["10: scale[2].label: YAML anchors and aliases are not allowed"],
    "alias-bomb.yaml": ["2: b[0]: YAML anchors and aliases are not allowed"],
    "unknown-tag.yaml": [
        "23: pillars[0].criteria[0].tags[0]: unknown tag 'culture' (not among the pack's tags)"
    ],
    "duplicate-file-check.yaml": [
        "26: pillars[0].criteria[0].file_checks[1].id: duplicate file check id 'ack-on-time' "
        "(also file_checks[0])"
    ],
    "bad-id.yaml": ["1: id: 'Bad_Pack' is not a valid id (use lowercase letters, digits and '-')"],
    "python-tag.yaml": [
        "3: title: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_pack_reports_exact_problems(name):
    path = BAD / name
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert [str(p) for p in info.value.problems] == [f"{path}:{e}" for e in EXPECTED[name]]


def test_every_bad_file_is_covered():
    on_disk = {p.name for p in BAD.glob("*.yaml")}
    assert on_disk == set(EXPECTED) | {"empty.yaml", "not-utf8.yaml"}


def test_empty_and_not_utf8_files():
    with pytest.raises(PackError, match=r"empty.yaml: file is empty"):
        load_pack(BAD / "empty.yaml")
    with pytest.raises(InputFileError, match=r"not-utf8.yaml: not UTF-8 text"):
        load_pack(BAD / "not-utf8.yaml")


def test_file_over_one_mib_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text((DATA / "method.yaml").read_text() + "#" * (1024 * 1024))
    with pytest.raises(InputFileError, match="larger than 1024 KiB"):
        load_pack(big)
    with pytest.raises(InputFileError, match=r"upload\.yaml: file is larger"):
        load_pack_bytes(big.read_bytes(), "upload.yaml")


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    text = (BAD / "unknown-field.yaml").read_text()
    text = text.replace('version: "1"', "version: 1").replace("label: Ad hoc", "label: ''")
    path = tmp_path / "many.yaml"
    path.write_text(text)
    with pytest.raises(PackError) as info:
        load_pack(path)
    messages = [f"{p.path}: {p.message}" for p in info.value.problems]
    assert messages == [
        "version: must be a string",
        "scale[1].label: text is empty",
        "pillars[0].criteria[0].colour: unknown field 'colour'",
    ]


def test_localised_text_and_languages(tmp_path):
    text = (
        (DATA / "method.yaml")
        .read_text()
        .replace("title: {nl: Methodetest, en: Method test}", "title: {nl: Methodetest, de: Test}")
    )
    path = tmp_path / "lang.yaml"
    path.write_text(text)
    with pytest.raises(PackError, match=r"title: unknown language 'de' \(use nl, en\)"):
        load_pack(path)


def test_valid_pack_loads_with_lookups():
    pack = load_pack(DATA / "method.yaml")
    assert pack.id == "method-test"
    assert pack.top_level == 4
    assert len(pack.sha256) == 64
    assert pack.source.endswith("method.yaml")
    assert [c.id for _, c in pack.criteria()] == ["A-1", "A-2", "B-1", "B-2", "C-1"]
    b1 = pack.criteria_by_id["B-1"]
    assert pack.effort_days(b1) == 3
    assert pack.effort_days(pack.criteria_by_id["A-1"]) == 5
    assert pack.target(pack.criteria_by_id["A-2"]) == 2
    assert pack.weight(pack.criteria_by_id["A-1"]) == 2
    # per-criterion requires replaces the scale's entry for that level only
    assert [str(r) for r in pack.cumulative_requirements(b1, 4)] == [
        "document",
        "observation",
        "metric",
    ]
    a1 = pack.criteria_by_id["A-1"]
    assert [str(r) for r in pack.cumulative_requirements(a1, 3)] == [
        "document",
        "record|interview",
    ]


def test_parse_requirement_alternatives():
    assert parse_requirement("record|interview") == frozenset({"record", "interview"})
    assert parse_requirement("document") == frozenset({"document"})


def test_pack_files_expands_folders(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1")
    (tmp_path / "b.yml").write_text("x: 1")
    (tmp_path / "notes.txt").write_text("x")
    assert [p.name for p in pack_files([tmp_path])] == ["a.yaml", "b.yml"]
    with pytest.raises(InputFileError, match="not found"):
        pack_files([Path(tmp_path / "nope")])


def test_file_checks_and_terms_are_read(tmp_path):
    text = (
        (BAD / "duplicate-file-check.yaml")
        .read_text()
        .replace("      - {id: ack-on-time, text: Again}\n", "")
    )
    pack = load_pack_bytes(text.encode(), "ok.yaml")
    check = pack.criteria_by_id["OPEN-01"].file_checks[0]
    assert (check.id, check.text) == (
        "ack-on-time",
        {"nl": "Ontvangst op tijd bevestigd", "en": "Acknowledged on time"},
    )
    assert (pack.terms.ack_days, pack.terms.decide_days, pack.terms.decide_unit) == (
        5,
        42,
        "calendar",
    )


# The default target once: a number assigned to a name with "target" in it is a second copy.
_TARGET_NUMBER = re.compile(r"target\w*\s*(:\s*[\w |]+)?=\s*(Field\()?\s*\d")


def test_the_default_target_has_one_home():
    assert Defaults().target == DEFAULT_TARGET
    for old in ("    target: int = Field(3, ge=1)", "    default_target = 3", "target=3"):
        assert _TARGET_NUMBER.search(old), old
    hits = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for package in ("assessment", "ui")
        for path in sorted((ROOT / package).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _TARGET_NUMBER.search(line) and "DEFAULT_TARGET = " not in line
    ]
    assert hits == [], "use assessment.packs.DEFAULT_TARGET"
