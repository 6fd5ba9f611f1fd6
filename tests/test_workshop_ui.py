"""AppTest of the workshop pages: the consultant's projector view and the participant page."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assessment.store import open_store
from assessment.store.workshops import JoinRefused, WorkshopStore
from tests.apptest_support import app
from tests.helpers import ROOT

TIMEOUT = 30


@pytest.fixture
def db(tmp_path, monkeypatch, new_assessment) -> Iterator[tuple[Any, WorkshopStore, int]]:
    """A fresh store the app uses (IKM_DATABASE_URL), with one assessment in it."""
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("IKM_DATABASE_URL", url)
    monkeypatch.setenv("IKM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("IKM_WORKSHOP_LAN", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    store = open_store(url)
    aid = store.create_assessment(
        new_assessment(
            "Gemeente Geheim",
            responses={"OPEN-01": {"level": 1, "note": "interne notitie"}},
            evidence=[
                {
                    "id": "E1",
                    "kind": "document",
                    "title": "Vertrouwelijk dossier",
                    "criteria": ["OPEN-01"],
                }
            ],
        )
    )
    yield store, WorkshopStore(store), aid
    store.close()
    st.cache_resource.clear()


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += (
        [e.value for e in at.info] + [e.value for e in at.success] + [e.value for e in at.error]
    )
    parts += [t.value for t in at.title]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # without Markdown escapes


def _consultant(aid: int) -> AppTest:
    at = AppTest.from_file(str(ROOT / "ui" / "workshop.py"), default_timeout=TIMEOUT)
    at.session_state["a"] = str(aid)
    at.session_state["author"] = "Carla Consultant"
    return at.run()


def test_consultant_runs_a_round_and_records_the_agreed_level(db):
    store, ws, aid = db
    at = _consultant(aid)
    assert not at.exception
    at.button(key="ws-start").click().run()
    info = ws.open_for(aid)
    assert info is not None and info.consultant == "Carla Consultant"
    assert info.code in _texts(at)  # the join code on screen
    assert f"?join={info.code}" in _texts(at)
    assert at.get("image")  # the QR code
    assert "Klachten" in _texts(at) or "klacht" in _texts(at)  # the question in view
    at.button(key="ws-open-voting").click().run()
    assert ws.get(info.id).voting_open
    for name, level in [("Anna", 1), ("Bo", 3), ("Cas", 3)]:
        ws.vote(ws.join(info.code, name).token, info.criterion_id, level, f"{name} says")
    at.run()
    assert "3 van 3 gestemd" in _texts(at)
    at.button(key="ws-close-voting").click().run()
    texts = _texts(at)
    assert "Anna" in texts and "Bo, Cas" in texts  # who voted what, in the level table
    assert [m.value for m in at.metric] == ["1", "3", "3"]  # lowest, median, highest
    assert any("2 niveaus uiteen" in e.value for e in at.error)  # marked for discussion
    assert at.segmented_control(key="ws-agree").value == 3  # the median is proposed
    at.segmented_control(key="ws-agree").set_value(2).run()
    at.button(key="ws-record").click().run()
    assessment, version = store.get_assessment(aid)
    assert assessment.responses["OPEN-01"].level == 2
    assert assessment.responses["OPEN-01"].note == "interne notitie"
    assert store.history(aid)[0].author == "Carla Consultant"
    assert version == 2
    assert any("Niveau 2 vastgelegd" in s.value for s in at.success)

    at.checkbox(key="ws-confirm-close").check().run()
    at.button(key="ws-close").click().run()
    assert ws.open_for(aid) is None
    with pytest.raises(JoinRefused, match="has ended"):
        ws.join(info.code, "Late")
    assert at.button(key="ws-start")  # back in the lobby, with the closed workshop listed
    assert info.code in _texts(at)


def test_next_criterion_and_english(db):
    _store, ws, aid = db
    at = _consultant(aid)
    at.session_state["lang"] = "en"
    at.button(key="ws-start").click().run()
    at.button(key="ws-next").click().run()
    info = ws.open_for(aid)
    assert info.criterion_id == "OPEN-02"
    assert at.selectbox(key="ws-pick").value == "OPEN-02"
    at.selectbox(key="ws-pick").set_value("LEARN-01").run()
    assert ws.open_for(aid).criterion_id == "LEARN-01"
    assert at.button(key="ws-open-voting").label == "Open voting"
    assert not at.exception


def _press(at: AppTest, label: str) -> None:
    next(b for b in at.button if b.label == label).click().run()


def _participant(code: str, **params: str) -> AppTest:
    return app(join=code, **params).run()


def test_participant_joins_votes_and_sees_nothing_else(db):
    _store, ws, aid = db
    info = ws.start(aid, "Carla")
    at = _participant(info.code.lower())
    assert not at.exception
    assert len(at.sidebar) == 0  # no navigation, no assessment in a sidebar
    assert at.text_input(key="pt-code").value == info.code
    at.text_input(key="pt-name").input("Anna")
    _press(at, "Meedoen")
    assert at.session_state["pt-token"]
    assert "Welkom, Anna" in _texts(at)
    assert any("Wacht" in i.value for i in at.info)

    ws.show(info.id, "OPEN-01")
    ws.open_voting(info.id)
    at.run()
    radio = at.radio[0]
    assert radio.options[0].startswith("**0")  # the scale with this criterion's descriptors
    radio.set_value(3)
    at.text_area[0].input("We meten het niet")
    _press(at, "Stem uitbrengen")
    summary = ws.summary(info.id)
    assert [(v.participant, v.level, v.comment) for v in summary.votes] == [
        ("Anna", 3, "We meten het niet")
    ]
    assert any("Uw stem: niveau 3" in s.value for s in at.success)

    everything = _texts(at) + " ".join(str(r.options) for r in at.radio)
    for secret in ("Gemeente Geheim", "interne notitie", "Vertrouwelijk dossier", "E1"):
        assert secret not in everything  # no assessment data, no evidence
    assert "OPEN-02" not in everything  # no other criterion

    ws.close_voting(info.id)
    at.run()
    assert any("gesloten" in i.value for i in at.info)
    assert not at.radio
    ws.close(info.id)
    at.run()
    assert any("afgelopen" in s.value for s in at.success)


def test_participant_wrong_or_expired_code(db):
    _store, ws, aid = db
    info = ws.start(aid)
    at = _participant("ABCDEF" if info.code != "ABCDEF" else "ABCDEG")
    at.text_input(key="pt-name").input("Anna")
    _press(at, "Meedoen")
    assert any("Geen workshop met deze code" in e.value for e in at.error)
    assert "pt-token" not in at.session_state

    ws.close(info.id)
    at = _participant(info.code)
    at.text_input(key="pt-name").input("Bo")
    _press(at, "Meedoen")
    assert any("afgelopen" in e.value for e in at.error)
    assert ws.participant_names(info.id) == []


def test_a_token_in_the_url_keeps_the_place_and_a_forged_one_does_not(db):
    _store, ws, aid = db
    info = ws.start(aid)
    joined = ws.join(info.code, "Anna")
    at = _participant(info.code, p=joined.token)
    assert "Welkom, Anna" in _texts(at)
    forged = _participant(info.code, p="not-a-token")
    assert "Welkom" not in _texts(forged)
    assert forged.text_input(key="pt-name") is not None


def test_lan_visitors_get_only_the_participant_page(db, monkeypatch):
    monkeypatch.setenv("IKM_WORKSHOP_LAN", "1")
    import ui.nav

    monkeypatch.setattr(ui.nav, "_client_ip", lambda: "192.168.1.30")
    at = app().run()
    assert len(at.sidebar) == 0
    assert at.text_input(key="pt-code").value == ""
    monkeypatch.setattr(ui.nav, "_client_ip", lambda: None)  # this computer: the whole app
    at = app().run()
    assert len(at.sidebar) > 0


def test_the_apps_report_has_the_workshop_appendix(db):
    from pypdf import PdfReader

    from ui import services

    _store, ws, aid = db
    info = ws.start(aid, "Carla")
    ws.show(info.id, "OPEN-01")
    ws.open_voting(info.id)
    ws.vote(ws.join(info.code, "Anna").token, "OPEN-01", 0)
    ws.vote(ws.join(info.code, "Bo").token, "OPEN-01", 4)
    ws.close_voting(info.id)
    at = AppTest.from_file(str(ROOT / "ui" / "report.py"), default_timeout=120)
    at.session_state["a"] = str(aid)
    at.run()
    at.button(key="make-pdf").click().run()
    assert not at.exception
    opened = services._opened(aid, 1)
    pdf = services.pdf_bytes(opened, "nl")
    assert pdf is not None
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "Bijlage: workshop – consensus en spreiding" in text
    assert "Anna 0 · Bo 4" in text


def test_participant_page_survives_a_database_failure(db, monkeypatch):
    from assessment.store import StoreError

    _store, ws, aid = db
    info = ws.start(aid)
    joined = ws.join(info.code, "Anna")

    def broken(self, token):
        raise StoreError("database sqlite:///x: disk I/O error")

    monkeypatch.setattr(WorkshopStore, "screen", broken)
    at = _participant(info.code, p=joined.token)
    assert not at.exception
    assert any("hapert" in w.value for w in at.warning)
