"""``ikm export``, ``ikm import``, ``ikm plan``, ``ikm compare``, ``ikm next`` as subprocesses."""

import io
import json

import openpyxl

from tests.test_cli import assert_clean_failure, ikm


def test_export_and_import_give_the_demo_back(tmp_path):
    assert ikm("demo", "-o", tmp_path / "demo.json").returncode == 0
    proc = ikm("export", tmp_path / "demo.json", "-o", tmp_path / "demo.xlsx")
    assert proc.returncode == 0, proc.stderr
    proc = ikm("import", tmp_path / "demo.xlsx", "-o", tmp_path / "back.json")
    assert proc.returncode == 0, proc.stderr
    before = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    after = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    assert after == before


def test_importing_onto_the_same_assessment_file_keeps_its_fieldwork(tmp_path):
    assert ikm("demo", "-o", tmp_path / "demo.json").returncode == 0
    data = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    data["fieldwork"] = {"sample": {"seed": 7, "size": 1, "population": 3, "by": None,
                                    "register_sha256": "0" * 64, "ids": ["Z1"],
                                    "drawn": "2026-11-20"}}  # fmt: skip
    (tmp_path / "demo.json").write_text(json.dumps(data), encoding="utf-8")
    assert ikm("export", tmp_path / "demo.json", "-o", tmp_path / "demo.xlsx").returncode == 0
    # written over the assessment it came from: the fieldwork stays, and the command says so
    proc = ikm("import", tmp_path / "demo.xlsx", "-o", tmp_path / "demo.json")
    assert proc.returncode == 0, proc.stderr
    assert f"{tmp_path / 'demo.json'}: kept its fieldwork (a workbook does not hold it)" in (
        proc.stderr
    )
    back = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    assert back["fieldwork"]["sample"]["ids"] == ["Z1"]
    # a new file, or another organisation's, gets no fieldwork of its own
    proc = ikm("import", tmp_path / "demo.xlsx", "-o", tmp_path / "new.json")
    assert "fieldwork" not in json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    # the same assessment with another sector, or with a problem of its own: still kept
    same = dict(data, organisation=dict(data["organisation"], sector="Zorg"))
    same["responses"] = dict(same["responses"], **{"OPEN-01": {"level": 9}})
    (tmp_path / "same.json").write_text(json.dumps(same), encoding="utf-8")
    proc = ikm("import", tmp_path / "demo.xlsx", "-o", tmp_path / "same.json")
    assert proc.returncode == 0 and "kept its fieldwork" in proc.stderr
    assert "fieldwork" in json.loads((tmp_path / "same.json").read_text(encoding="utf-8"))
    # another organisation's file: written over, and the command says its fieldwork goes
    data["organisation"]["name"] = "Een andere gemeente"
    (tmp_path / "other.json").write_text(json.dumps(data), encoding="utf-8")
    proc = ikm("import", tmp_path / "demo.xlsx", "-o", tmp_path / "other.json")
    assert proc.returncode == 0 and "kept its fieldwork" not in proc.stderr
    assert f"{tmp_path / 'other.json'}: its fieldwork is not kept: it is the assessment of " \
        "'Een andere gemeente'" in proc.stderr  # fmt: skip
    assert "fieldwork" not in json.loads((tmp_path / "other.json").read_text(encoding="utf-8"))
    # a file that is no assessment at all: written over, and said so
    (tmp_path / "notes.json").write_text("geen json", encoding="utf-8")
    proc = ikm("import", tmp_path / "demo.xlsx", "-o", tmp_path / "notes.json")
    assert proc.returncode == 0
    assert f"{tmp_path / 'notes.json'}: written over; it cannot be read as an assessment (" in (
        proc.stderr
    )


def test_import_lists_every_problem_and_writes_nothing(tmp_path):
    ikm("demo", "-o", tmp_path / "demo.json")
    ikm("export", tmp_path / "demo.json", "-o", tmp_path / "demo.xlsx")
    book = openpyxl.load_workbook(tmp_path / "demo.xlsx")
    book["Responses"]["D3"] = 9
    book["Responses"]["D4"] = "=1+1"
    book.save(tmp_path / "bad.xlsx")
    proc = ikm("import", tmp_path / "bad.xlsx", "-o", tmp_path / "out.json")
    assert_clean_failure(proc)
    assert (
        f"{tmp_path / 'bad.xlsx'}: Responses!D3: level 9 is outside the scale 0..4" in proc.stderr
    )
    assert "Responses!D4: a formula is not accepted" in proc.stderr
    assert not (tmp_path / "out.json").exists()


def test_export_wrong_usage_and_missing_file(tmp_path):
    ikm("demo", "-o", tmp_path / "demo.json")
    assert_clean_failure(ikm("export", tmp_path / "demo.json", "-o", tmp_path / "x.csv"), 2)
    proc = ikm("import", tmp_path / "nope.xlsx", "-o", tmp_path / "x.json")
    assert_clean_failure(proc)
    assert "nope.xlsx: file not found" in proc.stderr
    (tmp_path / "fake.xlsx").write_bytes(io.BytesIO(b"not a zip").getvalue())
    proc = ikm("import", tmp_path / "fake.xlsx", "-o", tmp_path / "x.json")
    assert_clean_failure(proc)
    assert "not an Excel workbook" in proc.stderr


def test_plan_writes_a_calendar_and_a_table(tmp_path):
    from icalendar import Calendar

    ikm("demo", "-o", tmp_path / "demo.json")
    proc = ikm("plan", tmp_path / "demo.json", "-o", tmp_path / "plan.ics", "--today", "2027-02-01")
    assert proc.returncode == 0, proc.stderr
    cal = Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    assert len(cal.walk("VEVENT")) > 2
    proc = ikm("plan", tmp_path / "demo.json", "-o", tmp_path / "plan.csv", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").startswith("Priority,")
    assert_clean_failure(ikm("plan", tmp_path / "demo.json", "-o", tmp_path / "plan.pdf"), 2)
    bad = ikm("plan", tmp_path / "demo.json", "-o", tmp_path / "p.ics", "--today", "2027-02-30")
    assert_clean_failure(bad, 2)


def test_compare_prints_text_and_json(tmp_path):
    ikm("demo", "-o", tmp_path / "before.json")
    data = json.loads((tmp_path / "before.json").read_text(encoding="utf-8"))
    first = next(iter(data["responses"]))
    data["responses"][first] = {"level": 0}
    (tmp_path / "after.json").write_text(json.dumps(data), encoding="utf-8")
    proc = ikm("compare", tmp_path / "before.json", tmp_path / "after.json", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["criteria"][0]["id"] == first and result["criteria"][0]["delta"] < 0
    assert result["worse"] == [first]
    proc = ikm("compare", tmp_path / "before.json", tmp_path / "after.json", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "Got worse (1):" in proc.stdout
    assert_clean_failure(ikm("compare", tmp_path / "before.json", tmp_path / "nope.json"))


def test_next_writes_a_new_assessment_to_reconfirm(tmp_path):
    ikm("demo", "-o", tmp_path / "demo.json")
    proc = ikm("next", tmp_path / "demo.json", "--date", "2027-11-22", "-o", tmp_path / "new.json")
    assert proc.returncode == 0, proc.stderr
    assert "Overgenomen, opnieuw te bevestigen: " in proc.stdout
    new = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    assert new["assessment_date"] == "2027-11-22"
    assert all(r.get("to_confirm") for r in new["responses"].values() if "level" in r)
    proc = ikm("score", tmp_path / "new.json", "--json")
    assert proc.returncode == 0, proc.stderr
    assert not any(c["answered"] for c in json.loads(proc.stdout)["criteria"])
    bad = ikm("next", tmp_path / "demo.json", "--date", "2020-01-01", "-o", tmp_path / "x.json")
    assert_clean_failure(bad)
    assert not (tmp_path / "x.json").exists()


def test_next_lists_what_changed_with_the_previous_pack(tmp_path):
    from tests.helpers import DATA

    old = DATA / "method.yaml"
    text = old.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2.0"')
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "method.yaml").write_text(
        text.replace("      - id: B-2\n", "      - id: B-3\n"), encoding="utf-8"
    )
    prev = tmp_path / "prev.json"
    prev.write_text((DATA / "method-assessment.json").read_text(encoding="utf-8"), "utf-8")
    proc = ikm(
        "next", prev, "--date", "2027-11-22", "-o", tmp_path / "new.json",
        "--criteria", tmp_path / "packs", "--previous-criteria", old,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "(method-test 1.0 → 2.0)" in proc.stdout
    assert "Nieuw (1):\n  B-3 High target" in proc.stdout
    assert "Vervallen (1):\n  B-2" in proc.stdout
    new = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    assert new["criteria_set"] == {"id": "method-test", "version": "2.0"}
