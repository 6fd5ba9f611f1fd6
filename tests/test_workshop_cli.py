"""`ikm workshop`: serve (dry run: links and command, clear errors) and the votes as CSV."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from assessment.cli import main
from assessment.store import open_store


def test_serve_prints_the_join_link_and_binds_to_the_network(sqlite_url, new_assessment):
    with open_store(sqlite_url) as store:
        aid = store.create_assessment(new_assessment())
    result = CliRunner().invoke(
        main,
        [
            "workshop",
            "serve",
            "--dry-run",
            "--port",
            "8777",
            "--assessment",
            str(aid),
            "--public-url",
            "http://192.168.1.20:8777/",
            "--database",
            sqlite_url,
        ],
    )
    assert result.exit_code == 0, result.output
    with open_store(sqlite_url) as store:
        code = store.workshops.open_for(aid).code
    assert f"Participants join at:       http://192.168.1.20:8777/?join={code}" in result.output
    assert "http://localhost:8777/workshop" in result.output
    assert "--server.address 0.0.0.0 --server.port 8777" in result.output
    assert "ui/launch.py --server.address" in result.output  # started as `make run` starts it


def test_serve_refuses_bad_input_clearly(sqlite_url):
    runner = CliRunner()
    bad = runner.invoke(main, ["workshop", "serve", "--dry-run", "--address", "my-laptop"])
    assert bad.exit_code == 1 and "--address my-laptop: not an IP address" in bad.output
    bad = runner.invoke(main, ["workshop", "serve", "--dry-run", "--public-url", "192.168.1.2"])
    assert bad.exit_code == 1 and "must be a web address that starts with http://" in bad.output
    missing = runner.invoke(
        main,
        [
            "workshop",
            "serve",
            "--dry-run",
            "--assessment",
            "42",
            "--database",
            sqlite_url,
            "--public-url",
            "http://10.0.0.2:8501",
        ],
    )
    assert missing.exit_code == 1 and "assessment 42 does not exist" in missing.output
    assert "Traceback" not in missing.output


def test_votes_lists_every_vote_as_csv(sqlite_url, new_assessment):
    with open_store(sqlite_url) as store:
        aid = store.create_assessment(new_assessment())
        ws = store.workshops
        w = ws.start(aid)
        ws.show(w.id, "OPEN-01")
        ws.open_voting(w.id)
        anna = ws.join(w.code, "Anna")
        ws.vote(anna.token, "OPEN-01", 2, "eerst, twijfel")
        ws.vote(anna.token, "OPEN-01", 3)
    result = CliRunner().invoke(main, ["workshop", "votes", str(aid), "--database", sqlite_url])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["workshop", "criterion", "round", "participant", "level", "comment", "at"]
    assert [r[1:6] for r in rows[1:]] == [
        ["OPEN-01", "1", "Anna", "2", "eerst, twijfel"],
        ["OPEN-01", "1", "Anna", "3", ""],
    ]


def test_report_of_a_stored_assessment_has_the_workshop_appendix(
    sqlite_url, new_assessment, tmp_path
):
    from pypdf import PdfReader

    from tests.report_sample import MINI_PACK, mini_assessment

    # on the one-criterion pack with a scale to 4: the appendix is what is checked here
    wide = MINI_PACK.replace(
        '  - {level: 2, label: "2", requires: [document]}\n',
        '  - {level: 2, label: "2", requires: [document]}\n'
        '  - {level: 3, label: "3"}\n  - {level: 4, label: "4"}\n',
    )
    with open_store(sqlite_url) as store:
        pack = store.save_pack_text(wide, "mini-pack.yaml")
        aid = store.create_assessment(mini_assessment()[1], pack)
        ws = store.workshops
        w = ws.start(aid, "Carla")
        ws.show(w.id, "M-1")
        ws.open_voting(w.id)
        for name, level in [("Anna", 1), ("Bo", 3), ("Cas", 4)]:
            ws.vote(ws.join(w.code, name).token, "M-1", level, f"{name} licht toe")
        ws.close_voting(w.id)
        ws.agree(w.id, 3, "Carla")
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(
        main, ["workshop", "report", str(aid), "-o", str(out), "--database", sqlite_url]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    text = " ".join(text.split())
    assert "Bijlage: workshop – consensus en spreiding" in text
    assert "bevinding: verdeeld beeld" in text.lower()
    assert "Anna 1 · Bo 3 · Cas 4" in text
    assert "Cas (4): Cas licht toe" in text


def test_serve_prints_a_new_facilitator_secret_for_every_run():
    import re

    runner = CliRunner()
    args = ["workshop", "serve", "--dry-run", "--public-url", "http://10.0.0.2:8501"]
    secrets = []
    for _ in range(2):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        found = re.search(r"/workshop\?facilitator=([\w-]+)\n", result.output)
        assert found, result.output
        secrets.append(found.group(1))
        assert "Keep the consultant link to yourself" in result.output
    assert secrets[0] != secrets[1]
    assert all(len(s) >= 43 for s in secrets)  # 32 random bytes
