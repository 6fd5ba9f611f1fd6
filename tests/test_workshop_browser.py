"""End to end in headless Chromium: `ikm workshop serve` runs the app; the consultant's
projector view (1920x1080) and a participant's phone (390x844) run one round of voting."""

from __future__ import annotations

import re
import sys

from assessment.cli_workshop import lan_address
from assessment.store import open_store
from tests.browser_support import ARGS, CHROMIUM, MARKS, free_port, running_server, wait_healthy

pytestmark = MARKS


def test_consultant_and_participant_in_two_browsers(tmp_path, new_assessment):
    from playwright.sync_api import expect, sync_playwright

    url = f"sqlite:///{tmp_path / 'ws.sqlite3'}"
    with open_store(url) as store:
        aid = store.create_assessment(new_assessment("Gemeente Browser"))
    port = free_port()
    lan = lan_address()
    extra = [] if lan else ["--public-url", f"http://127.0.0.1:{port}"]
    env = {"IKM_DATA_DIR": str(tmp_path), "IKM_DATABASE_URL": url}
    command = [
        sys.executable,
        "-m",
        "assessment.cli",
        "workshop",
        "serve",
        "--port",
        str(port),
        "--assessment",
        str(aid),
        *extra,
    ]
    with running_server(command, env) as proc:
        join = facilitator = ""
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.startswith("Consultant (this computer):"):
                facilitator = line.split(":", 1)[1].strip()
            if line.startswith("Participants join at:"):
                join = line.split(":", 1)[1].strip()
                break
        found = re.search(r"\?facilitator=([\w-]{40,})$", facilitator)
        assert found, facilitator
        secret = found.group(1)
        code = re.search(r"\?join=([A-Z2-9]{6})$", join).group(1)  # type: ignore[union-attr]
        wait_healthy(port, proc)
        expect.set_options(timeout=30_000)  # expect() has its own 5 s default: too short here
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            consultant = browser.new_page(viewport={"width": 1920, "height": 1080})
            # this computer, without the link's secret (as every browser behind a proxy on
            # this computer looks): the vote page only
            local = browser.new_page()
            local.goto(f"http://127.0.0.1:{port}/workshop?a={aid}")
            expect(local.get_by_label("Code van het scherm")).to_be_visible(timeout=15000)
            expect(local.locator("[data-testid='stSidebar']")).to_have_count(0)
            consultant.goto(f"http://127.0.0.1:{port}/workshop?a={aid}&facilitator={secret}")
            expect(consultant.locator("[data-testid='stSidebar']")).to_have_count(1)
            # the secret leaves the address bar (and the history)
            expect(consultant).to_have_url(re.compile(r"^(?!.*facilitator).*a=\d+"))
            # the consultant's address taken to another browser carries no right
            local.goto(consultant.url)
            expect(local.get_by_label("Code van het scherm")).to_be_visible(timeout=15000)
            expect(local.locator("[data-testid='stSidebar']")).to_have_count(0)
            local.close()
            expect(consultant.locator(".st-key-ws-code")).to_have_text(code, timeout=30000)
            expect(consultant.locator("[data-testid='stSidebar']")).to_have_count(1)
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(join)  # the network address when there is one: participant page only
            phone.get_by_label("Uw naam", exact=True).fill("Anna")
            phone.get_by_role("button", name="Meedoen").click()
            expect(phone.get_by_text("Welkom, Anna")).to_be_visible(timeout=15000)
            expect(phone.get_by_text("Zodra de begeleider de stemming opent")).to_be_visible()
            expect(consultant.get_by_text("1 deelnemer", exact=True)).to_be_visible(timeout=15000)

            consultant.get_by_role("button", name="Stemming openen").click()
            expect(consultant.get_by_text("0 van 1 gestemd")).to_be_visible(timeout=15000)
            phone.get_by_text(re.compile(r"^3 · ")).click()
            phone.get_by_role("button", name="Stem uitbrengen").click()
            expect(phone.get_by_text("Uw stem: niveau 3", exact=False)).to_be_visible()
            expect(phone.locator("[data-testid='stSidebar']")).to_have_count(0)
            expect(phone.get_by_text("Gemeente Browser")).to_have_count(0)

            expect(consultant.get_by_text("1 van 1 gestemd")).to_be_visible(timeout=15000)
            consultant.get_by_role("button", name="Stemming sluiten").click()
            expect(consultant.get_by_text("1 stem binnen, nog verborgen")).to_be_visible()
            expect(consultant.locator(".st-key-ws-chart img")).to_have_count(0)  # hidden
            expect(phone.get_by_text("De stemming is gesloten")).to_be_visible(timeout=15000)
            consultant.get_by_role("button", name="Stemmen tonen").click()
            chart = consultant.locator(".st-key-ws-chart img")
            expect(chart).to_be_visible()
            box = chart.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 1080  # above the fold
            assert box["width"] >= 616  # labels at least 16 px (workshop_chart.MIN_SHOWN_WIDTH)
            code_box = consultant.locator(".st-key-ws-code p").bounding_box()
            card = consultant.locator(".st-key-ws-join").bounding_box()
            assert (
                code_box and card and code_box["x"] + code_box["width"] <= card["x"] + card["width"]
            )
            expect(phone.get_by_text("De stemmen staan op het scherm")).to_be_visible(timeout=15000)
            consultant.get_by_role("button", name="Vastleggen als antwoord").click()
            expect(consultant.get_by_text("Niveau 3 vastgelegd")).to_be_visible(timeout=15000)

            if lan:  # another device on the network cannot reach the rest of the app
                other = browser.new_page(viewport={"width": 390, "height": 844})
                other.goto(f"http://{lan}:{port}/results?a={aid}")
                expect(other.get_by_label("Code van het scherm")).to_be_visible(timeout=15000)
                expect(other.locator("[data-testid='stSidebar']")).to_have_count(0)
                expect(other.get_by_text("Gemeente Browser")).to_have_count(0)
            browser.close()
        with open_store(url) as store:
            assessment, _version = store.get_assessment(aid)
        assert assessment.responses["OPEN-01"].level == 3
