"""AppTest of the workshop pages: the consultant's projector view and the participant page."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assessment.store import JoinRefused, Workshops, open_store
from tests.apptest_support import app
from tests.helpers import ROOT

TIMEOUT = 30


@pytest.fixture
def db(tmp_path, monkeypatch, new_assessment) -> Iterator[tuple[Any, Workshops, int]]:
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
    yield store, store.workshops, aid
    store.close()
    st.cache_resource.clear()


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += (
        [e.value for e in at.info] + [e.value for e in at.success] + [e.value for e in at.error]
    )
    parts += [w.value for w in at.warning]
    parts += [t.value for t in at.title]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # without Markdown escapes


def _chart(at: AppTest) -> str:
    """The SVG of the vote chart on the consultant's screen ("" when there is none)."""
    for image in at.get("image"):
        for img in image.proto.imgs:
            if img.url.startswith("data:image/svg+xml;base64,"):
                return base64.b64decode(img.url.split(",", 1)[1]).decode("utf-8")
    return ""


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
    assert _chart(at) == "" and not at.metric  # closed, but hidden until revealed
    assert "3 stemmen binnen, nog verborgen" in _texts(at)
    for secret in ("Anna says", "Bo, Cas"):
        assert secret not in _texts(at)
    at.button(key="ws-reveal").click().run()
    chart = _chart(at)
    assert ">Anna</text>" in chart and ">Bo, Cas</text>" in chart  # who voted what, per level
    assert [m.value for m in at.metric] == ["1", "3", "3"]  # lowest, median, highest
    assert any("2 niveaus uiteen" in e.value for e in at.error)  # marked for discussion
    assert "Gevraagd waarom (stem wijkt af): Anna (1)" in _texts(at)  # the outlier is asked
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


def test_the_facilitator_sees_the_room_join_before_voting_opens(db):
    _store, ws, aid = db
    at = _consultant(aid)
    at.button(key="ws-start").click().run()
    info = ws.open_for(aid)
    assert "0 deelnemers" in _texts(at)
    assert any("Nog niemand doet mee" in c.value for c in at.caption)
    # the address for the room; that it works here only is the consultant's tooltip
    (address,) = [m for m in at.markdown if m.value.startswith("Ga naar")]
    assert "werkt alleen op deze computer" in (address.help or "")
    assert not any("werkt alleen op deze computer" in m.value for m in [*at.markdown, *at.caption])
    for name in ("Anna", "Bo", "Cas"):
        ws.join(info.code, name)
    at.run()  # what the room fragment shows on its next tick
    assert "3 deelnemers" in _texts(at)
    assert "1 deelnemer" not in _texts(at)
    assert "Anna, Bo, Cas" in _texts(at)
    assert not ws.get(info.id).voting_open
    assert _chart(at) == ""  # no result before a vote


def test_a_second_anonymous_round_beside_the_first_groups_and_reasons(db):
    _store, ws, aid = db
    at = _consultant(aid)
    at.text_input(key="ws-groups").input("Frontlinie, Management").run()
    at.button(key="ws-start").click().run()
    info = ws.open_for(aid)
    assert info.groups == ("Frontlinie", "Management")
    people = {
        name: ws.join(info.code, name, group)
        for name, group in [("Anna", "Frontlinie"), ("Bo", "Management"), ("Cas", "Management")]
    }
    at.button(key="ws-open-voting").click().run()
    for name, level in [("Anna", 0), ("Bo", 3), ("Cas", 4)]:
        ws.vote(people[name].token, info.criterion_id, level)
    ws.reveal(info.id)
    ws.give_reason(people["Anna"].token, info.criterion_id, "Aan de balie wordt niets vastgelegd")
    at.run()
    texts = _texts(at)
    assert (
        "Groepen zien het verschillend (Frontlinie: mediaan 0 (1) · Management: mediaan 3,5 (2))"
        in texts
    )
    assert "Aan de balie wordt niets vastgelegd" in texts  # the outlier's reason on screen
    assert at.segmented_control(key="ws-agree").value == 3  # median 3, snapped to a level

    at.toggle(key="ws-anonymous").set_value(True).run()
    at.button(key="ws-open-voting").click().run()
    assert ws.get(info.id).anonymous
    for name, level in [("Anna", 2), ("Bo", 3), ("Cas", 3)]:
        ws.vote(people[name].token, info.criterion_id, level)
    at.run()
    at.button(key="ws-close-voting").click().run()
    at.button(key="ws-reveal").click().run()
    chart = _chart(at)
    assert "ronde 1" in chart and "ronde 2 (anoniem)" in chart  # both rounds, side by side
    assert ">Bo, Cas</text>" not in chart and "Anna" not in chart  # no names in round 2
    assert "Ronde 1: 0–4, mediaan 3 · Ronde 2: 2–3, mediaan 3" in _texts(at)
    assert at.segmented_control(key="ws-timer").value == 120  # the think time is kept


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


def _in_order(at: AppTest) -> list[str]:
    """The types of the page's elements, in the order they are shown."""
    found: list[str] = []

    def walk(node: Any) -> None:
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for index in sorted(children):
                walk(children[index])
        else:
            found.append(getattr(node, "type", ""))

    walk(at.main)
    return found


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
    at.run()  # a criterion on screen, voting never opened: waiting, not "closed"
    assert any("Zodra de begeleider de stemming opent" in i.value for i in at.info)
    assert not any("gesloten" in i.value for i in at.info)
    ws.open_voting(info.id)
    at.run()
    _press(at, "Stem uitbrengen")  # no level chosen: said under the button, where one looks
    assert [e.value for e in at.error] == ["Kies eerst een niveau."]
    shown = _in_order(at)
    assert shown.index("error") > shown.index("button") > shown.index("radio")
    at.run()  # the page's next tick keeps the message until the next try
    assert [e.value for e in at.error] == ["Kies eerst een niveau."]
    radio = at.radio[0]
    assert radio.options[0].startswith("**0")  # the scale with this criterion's descriptors
    radio.set_value(3)
    at.text_area[0].input("We meten het niet")
    _press(at, "Stem uitbrengen")
    summary = ws.summary(info.id)
    assert [(v.participant, v.level, v.comment) for v in summary.votes] == [
        ("Anna", 3, "We meten het niet")
    ]
    assert any("Uw stem: niveau 3" in s.value for s in at.success) and not at.error
    shown = _in_order(at)  # the confirmation under the button too
    assert shown.index("success") > shown.index("button") > shown.index("radio")
    fresh = _participant(info.code, p=at.session_state["pt-token"])  # a reloaded phone
    assert fresh.text_area[0].value == "We meten het niet"  # the comment is still there

    everything = _texts(at) + " ".join(str(r.options) for r in at.radio)
    for secret in ("Gemeente Geheim", "interne notitie", "Vertrouwelijk dossier", "E1"):
        assert secret not in everything  # no assessment data, no evidence
    assert "OPEN-02" not in everything  # no other criterion

    ws.close_voting(info.id)
    at.run()
    assert any("De begeleider toont de stemmen zo" in i.value for i in at.info)
    assert not at.radio
    ws.reveal(info.id)
    at.run()
    assert any("De stemmen staan op het scherm" in i.value for i in at.info)
    assert not at.text_area  # one vote: nobody stands out, no reason asked
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
    monkeypatch.setattr(ui.nav, "_client_ip", lambda: None)  # this computer, but no secret
    assert len(app().run().sidebar) == 0
    monkeypatch.setenv("IKM_FACILITATOR_TOKEN", "the-secret-of-this-run")
    at = app(facilitator="the-secret-of-this-run").run()  # the facilitator's link
    assert len(at.sidebar) > 0


def test_the_apps_report_has_the_workshop_appendix(db):
    from pypdf import PdfReader

    from tests.report_sample import MINI_PACK, mini_assessment
    from ui import services

    # on the one-criterion pack: the appendix is what is checked, not the rest of a report
    store, ws, _aid = db
    aid = store.create_assessment(
        mini_assessment()[1], store.save_pack_text(MINI_PACK, "mini-pack.yaml")
    )
    info = ws.start(aid, "Carla")
    ws.show(info.id, "M-1")
    ws.open_voting(info.id)
    ws.vote(ws.join(info.code, "Anna").token, "M-1", 0)
    ws.vote(ws.join(info.code, "Bo").token, "M-1", 2)
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
    assert "Anna 0 · Bo 2" in text


def test_participant_page_survives_a_database_failure(db, monkeypatch):
    from assessment.store import StoreError

    _store, ws, aid = db
    info = ws.start(aid)
    joined = ws.join(info.code, "Anna")

    def broken(self, token):
        raise StoreError("database sqlite:///x: disk I/O error")

    monkeypatch.setattr(Workshops, "screen", broken)
    at = _participant(info.code, p=joined.token)
    assert not at.exception
    assert any("hapert" in w.value for w in at.warning)


def test_participant_chooses_a_group_votes_anonymously_and_is_asked_why(db):
    _store, ws, aid = db
    info = ws.start(aid, "Carla", groups=["Frontlinie", "Management"])
    at = _participant(info.code)
    at.text_input(key="pt-name").input("Anna")
    _press(at, "Meedoen")
    assert any("Kies uw groep" in e.value for e in at.error)  # a group is needed
    at.radio(key="pt-group").set_value("Frontlinie")
    _press(at, "Meedoen")
    assert "Welkom, Anna (Frontlinie)" in _texts(at)
    others = [ws.join(info.code, n, "Management") for n in ("Bo", "Cas")]
    ws.show(info.id, "OPEN-01")
    ws.open_voting(info.id, anonymous=True)
    at.run()
    assert any("Anonieme ronde" in c.value for c in at.caption)
    at.radio[0].set_value(0)
    _press(at, "Stem uitbrengen")
    for p in others:
        ws.vote(p.token, "OPEN-01", 3)
    ws.reveal(info.id)
    at.run()
    assert any("Uw stem (niveau 0) wijkt af" in m.value for m in at.markdown)
    at.text_area[0].input("Bij ons blijft de balie buiten beeld")
    _press(at, "Reden versturen")
    summary = ws.summary(info.id)
    assert summary.anonymous and summary.votes[0].participant == ""
    assert summary.votes[0].reason == "Bij ons blijft de balie buiten beeld"
    assert not at.text_area  # asked once
