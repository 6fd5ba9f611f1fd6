"""``ikm workshop``: serve the app for a workshop on the local network, and list its votes.

``ikm workshop serve`` starts the Streamlit app bound to this computer's address on the
local network (the app's default stays localhost) and prints the links: the consultant
opens the workshop view on this computer with the link that carries this run's random
secret (``?facilitator=``); every other browser gets only the participant page.
Streamlit and SQLAlchemy are imported only inside the commands.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import click

from .cli_common import DATABASE_OPTION, atomic_output, handles_errors
from .errors import IkmError
from .links import is_clickable

DEFAULT_PORT = 8501
LAN_ENV = "IKM_WORKSHOP_LAN"  # the app shows other devices only the participant page
PUBLIC_URL_ENV = "IKM_PUBLIC_URL"  # the address in the join link and QR code
FACILITATOR_ENV = "IKM_FACILITATOR_TOKEN"  # the secret of the facilitator's link, per run


def lan_address() -> str | None:
    """This computer's address on the local network, or None when it has none.

    Asks the operating system which interface would reach a documentation address
    (192.0.2.1, TEST-NET-1); a UDP socket that never sends a packet.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            address = probe.getsockname()[0]
    except OSError:
        return None
    if ipaddress.ip_address(address).is_loopback or address == "0.0.0.0":
        return None
    return address


def app_path() -> Path:
    """The Streamlit entry point ``app.py`` of this checkout."""
    path = Path(__file__).resolve().parent.parent / "app.py"
    if not path.is_file():
        raise IkmError(
            "the app (app.py) is not part of this installation; run ikm workshop serve "
            "from a checkout of ikm-readiness"
        )
    return path


def serve_command(address: str, port: int, app: Path) -> list[str]:
    """The command line that runs the app on ``address:port``: its launcher next to ``app``
    (``ui/launch.py``, ``streamlit run app.py`` with the first page's work done first)."""
    return [
        sys.executable,
        str(app.parent / "ui" / "launch.py"),
        "--server.address",
        address,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]


@click.group("workshop")
def workshop_group() -> None:
    """Run a workshop: serve the app on the local network, list the votes."""


@workshop_group.command("serve")
@click.option(
    "--address",
    metavar="IP",
    default="0.0.0.0",
    show_default=True,
    help="Address to listen on (all interfaces: localhost for you, the network for the rest).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--public-url",
    metavar="URL",
    help="Address in the join link (default: http://<this computer's network address>:PORT).",
)
@click.option(
    "--assessment",
    "assessment_id",
    type=int,
    metavar="ID",
    help="Open (or reuse) the workshop on this stored assessment and print its join link.",
)
@click.option("--dry-run", is_flag=True, help="Print the links and the command; start nothing.")
@DATABASE_OPTION
@handles_errors
def serve(
    address: str,
    port: int,
    public_url: str | None,
    assessment_id: int | None,
    dry_run: bool,
    database: str | None,
) -> None:
    """Serve the app on the local network and print the join link.

    The consultant opens the printed workshop link on this computer (it carries this run's
    secret); phones and laptops open the join link and see only the participant page.
    """
    try:
        import streamlit  # noqa: F401  (only to check that the app extra is installed)
    except ImportError:
        raise IkmError(
            "Streamlit is not installed; install the app: pip install 'ikm-readiness[app]'"
        ) from None
    try:
        ipaddress.ip_address(address)
    except ValueError:
        raise IkmError(f"--address {address}: not an IP address") from None
    if public_url is None:
        host = lan_address()
        if host is None:
            raise IkmError(
                "this computer has no address on a local network; connect to the network "
                "(or give the link's address with --public-url)"
            )
        public_url = f"http://{host}:{port}"
    elif not is_clickable(public_url):
        raise IkmError(
            f"--public-url {public_url}: must be a web address that starts with http:// or "
            "https://, with a host and without spaces"
        )
    public = public_url.strip().rstrip("/")
    app = app_path()
    join = f"{public}/?join="
    if assessment_id is not None:
        from .store import open_store

        with open_store(database or None) as store:
            info = store.workshops.start(assessment_id)
        join += info.code
    else:
        join += "CODE"
    token = secrets.token_urlsafe(32)  # new for every run: the facilitator's proof
    click.echo(f"Consultant (this computer): http://localhost:{port}/workshop?facilitator={token}")
    click.echo(f"Participants join at:       {join}")
    if assessment_id is None:
        click.echo("  (CODE: the join code shown on the workshop page, also as a QR code)")
    click.echo(
        "Keep the consultant link to yourself: it is the only way to the whole app. Every "
        "other browser sees only the participant page. Stop with Ctrl+C."
    )
    env = {**os.environ, LAN_ENV: "1", PUBLIC_URL_ENV: public, FACILITATOR_ENV: token}
    if database:
        env["IKM_DATABASE_URL"] = database
    command = serve_command(address, port, app)
    if dry_run:
        click.echo(" ".join(command))
        return
    try:
        completed = subprocess.run(command, env=env, check=False)
    except KeyboardInterrupt:
        return
    if completed.returncode not in (0, -2, 130):
        raise IkmError(f"the app stopped with exit code {completed.returncode}")


@workshop_group.command("votes")
@click.argument("assessment_id", type=int)
@DATABASE_OPTION
@handles_errors
def votes_command(assessment_id: int, database: str | None) -> None:
    """Every vote of the workshops on an assessment, as CSV (changed votes too)."""
    import csv

    from .store import open_store

    with open_store(database or None) as store:
        store.get_summary(assessment_id)
        workshops = store.workshops
        writer = csv.writer(sys.stdout)
        writer.writerow(["workshop", "criterion", "round", "participant", "level", "comment", "at"])
        for info in reversed(workshops.list_for(assessment_id)):
            for vote in workshops.all_votes(info.id):
                writer.writerow(
                    [
                        info.code,
                        vote["criterion_id"],
                        vote["round"],
                        vote["name"],
                        vote["level"],
                        vote["comment"] or "",
                        vote["created_at"].isoformat(timespec="seconds"),
                    ]
                )


@workshop_group.command("report")
@click.argument("assessment_id", type=int)
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="PDF file to write."
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of the report (default: the assessment's language).",
)
@DATABASE_OPTION
@handles_errors
def report_command(
    assessment_id: int, output: Path, lang: str | None, database: str | None
) -> None:
    """The PDF report of a stored assessment with its workshop appendix."""
    from .report import render_pdf
    from .store import open_store

    with open_store(database or None) as store:
        assessment, _version = store.get_assessment(assessment_id)
        pack = store.pack_for(assessment_id)
        lang = lang or assessment.language
        appendix = store.workshops.appendix(assessment_id, lang)
    with atomic_output(output, "wb") as handle:
        handle.write(render_pdf(pack, assessment, lang, workshop=appendix))
    click.echo(f"wrote {output}")
