"""``ikm register analyse`` and ``ikm register sample`` as real subprocesses."""

from __future__ import annotations

import json

import pytest

from assessment.assessments import Assessment
from tests.fieldwork_registers import MESSY, MESSY_EXPECTED, PERSONAL, to_csv, to_xlsx, zip_bomb
from tests.helpers import DATA
from tests.test_cli import assert_clean_failure, ikm


@pytest.fixture
def messy(tmp_path):
    path = tmp_path / "klachten.csv"
    path.write_bytes(to_csv(MESSY))
    return path


def test_analyse_json_has_the_documented_shape(messy):
    proc = ikm("register", "analyse", messy, "--ack-days", 5, "--decide-days", 42,
               "--today", "2026-03-02", "--json")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key, value in MESSY_EXPECTED.items():
        assert data[key] == value, key
    assert set(data) >= {"by_channel", "by_department"}
    assert proc.stderr.strip() == f"{messy}: dropped 2 columns: Naam klager, E-mail"
    for secret in PERSONAL:
        assert secret not in proc.stdout + proc.stderr


def test_analyse_table_takes_the_pack_terms_and_a_column_mapping(tmp_path):
    rows = [
        ["Nr", "Datum binnen", "Bevestigd", "Naam"],
        ["1", "2026-01-05", "2026-01-12", "Jansen"],
    ]
    path = tmp_path / "r.xlsx"
    path.write_bytes(to_xlsx(rows))
    pack = DATA / "fieldwork.yaml"
    proc = ikm("register", "analyse", path, "--column", "id=Nr", "--column",
               "received=Datum binnen", "--column", "acknowledged=bevestigd", "--criteria",
               pack, "--pack", "fieldwork-test", "--today", "2026-01-06")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Terms: acknowledgement 5 working days, decision 42 calendar days " in proc.stdout
    assert "(pack fieldwork-test); today 2026-01-06" in proc.stdout
    assert "Acknowledged on time: 1 of 1  100.0%" in proc.stdout
    assert "Open: 1 (0 overdue)" in proc.stdout
    assert "Jansen" not in proc.stdout + proc.stderr


def test_bad_registers_and_usage(tmp_path, messy):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 50)
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(zip_bomb())
    for path, text in ((junk, "not a CSV or XLSX register"), (bomb, "refused"),
                       (tmp_path / "nope.csv", "file not found")):  # fmt: skip
        proc = ikm("register", "analyse", path)
        assert_clean_failure(proc, 1)
        assert proc.stderr.startswith(f"ikm: {path}: ") and text in proc.stderr
    assert_clean_failure(ikm("register", "analyse", messy, "--column", "naam=Naam klager"), 2)
    other = tmp_path / "other.csv"
    other.write_bytes(to_csv([["Nr", "Binnen"], ["1", "2026-01-05"]]))
    proc = ikm("register", "analyse", other)
    assert_clean_failure(proc, 1)
    assert proc.stderr.strip() == (  # the command line's own way to name a column
        f"ikm: {other}: no column for id and received (the columns are: 'Nr', 'Binnen'); "
        "set the column with --column FIELD=Header, e.g. --column received='Datum binnen'"
    )
    assert_clean_failure(ikm("register", "analyse", messy, "--pack", "nope"), 2)
    assert_clean_failure(ikm("register", "sample", messy, "--size", 0, "--seed", 1), 2)
    proc = ikm("register", "sample", messy, "--size", 7, "--seed", 1)
    assert_clean_failure(proc, 1)
    assert f"{messy}: a sample of 7 is larger than the register's 6 complaints" in proc.stderr


def test_sample_is_reproducible_and_escapes_its_csv(tmp_path):
    rows = [["id", "received", "afdeling"]] + [
        [f"-{i}" if i % 7 == 0 else f"Z{i}", "2026-01-05", "A" if i % 3 else "=B"]
        for i in range(1, 61)
    ]
    path = tmp_path / "r.csv"
    path.write_bytes(to_csv(rows))
    out = tmp_path / "sample.csv"
    first = ikm("register", "sample", path, "--size", 10, "--seed", 3, "--by", "department",
                "--json", "-o", out)  # fmt: skip
    assert first.returncode == 0, first.stderr
    again = ikm("register", "sample", path, "--size", 10, "--seed", 3, "--by", "department",
                "--json")  # fmt: skip
    data = json.loads(first.stdout)
    assert json.loads(again.stdout) == data
    # one each; the other 8 in proportion to 39 and 19: 5.379 and 2.621; the 1 left to "=B"
    assert data["strata"] == {
        "A": {"population": 40, "sample": 6},
        "=B": {"population": 20, "sample": 4},
    }
    text = out.read_text()
    assert "'=B" in text and "\n=B" not in text and ";=B" not in text
    for file_id in data["ids"]:
        assert (f";'{file_id};" if file_id.startswith("-") else f";{file_id};") in text
    proc = ikm("register", "sample", path, "--size", 10, "--seed", 3, "--by", "channel")
    assert_clean_failure(proc, 2)
    dutch = ikm("register", "sample", path, "--size", 10, "--seed", 3, "--by", "department",
                "--lang", "nl")  # fmt: skip
    assert dutch.returncode == 0, dutch.stderr
    assert "gestratificeerd naar afdeling" in dutch.stdout  # the field as a reader knows it
    assert "Steekproef: 10 uit 60 klachten, startgetal 3," in dutch.stdout


def test_into_keeps_the_figures_and_the_sample_in_the_assessment(tmp_path, messy):
    assessment = tmp_path / "a.json"
    base = Assessment(schema_version=1, criteria_set={"id": "fieldwork-test"},
                      organisation={"name": "T"}, assessment_date="2026-03-02")  # fmt: skip
    assessment.write_text(base.to_json())
    proc = ikm("register", "analyse", messy, "--criteria", DATA / "fieldwork.yaml", "--pack",
               "fieldwork-test", "--into", assessment, "--today", "2026-03-02")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    proc = ikm("register", "sample", messy, "--size", 4, "--seed", 9, "--into", assessment,
               "--criteria", DATA / "fieldwork.yaml")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    data = json.loads(assessment.read_text())
    assert data["fieldwork"]["analysis"]["complaints"] == 6
    assert data["fieldwork"]["analysis"]["terms"]["source"] == "pack fieldwork-test"
    assert len(data["fieldwork"]["sample"]["ids"]) == 4
    assert data["fieldwork"]["sample"]["register_sha256"] == data["fieldwork"]["analysis"]["sha256"]
    for secret in PERSONAL:
        assert secret not in assessment.read_text()


def test_shares_are_written_as_the_report_and_the_app_write_them():
    from assessment.cli_register import _share
    from assessment.messages import pct

    # 3 of 2,000 is 0.15 % exactly; as a binary float it is a hair under, so a plain
    # f"{x:.1f}" printed 0.1 where the report and the app print 0.2
    assert _share({"count": 3, "of": 2000}, "nl") == "3 van 2000  0,2%"
    assert _share({"count": 3, "of": 2000}, "en") == "3 of 2000  0.2%"
    assert pct(100.0 * 3 / 2000, "nl") == "0,2%"
    assert _share({"count": 0, "of": 0}, "en") == "0 of 0  –"
    assert _share(None, "en") == "– (no term)"
