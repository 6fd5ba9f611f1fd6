"""The deployment files (compose.yaml, deploy/, Dockerfile), checked by structure: Docker's
engine does not run where the tests run, so these tests read the files as the engine would
and check what docs/deploy.md promises."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
CADDYFILE = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")


def _caddy_directives() -> list[str]:
    """The Caddyfile's lines without comments."""
    lines = (line.split("#", 1)[0].strip() for line in CADDYFILE.splitlines())
    return [line for line in lines if line]


def test_postgres_two_app_replicas_a_proxy_and_backups():
    assert set(SERVICES) == {"db", "app", "proxy", "backup"}
    assert SERVICES["db"]["image"].startswith("postgres:")
    assert SERVICES["app"]["deploy"]["replicas"] == 2
    assert SERVICES["app"]["build"] == "." and (ROOT / "Dockerfile").is_file()
    assert SERVICES["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert SERVICES["proxy"]["depends_on"]["app"]["condition"] == "service_healthy"
    assert "ports" not in SERVICES["app"]  # reached through the proxy only
    assert sorted(SERVICES["proxy"]["ports"]) == ["443:443", "80:80"]


@pytest.mark.parametrize("service", ["db", "app", "proxy", "backup"])
def test_every_service_has_a_healthcheck(service):
    check = SERVICES[service]["healthcheck"]
    assert check["test"] and check["interval"]
    if service == "app":
        assert "/_stcore/health" in " ".join(check["test"])


def test_the_proxy_config_is_mounted_and_sticky_for_every_replica():
    mounts = SERVICES["proxy"]["volumes"]
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in mounts
    lines = _caddy_directives()
    assert "lb_policy cookie ikm_replica" in lines  # sticky sessions by cookie
    dynamic = lines.index("dynamic a {")
    assert lines[dynamic + 1 : dynamic + 3] == ["name app", "port 8501"]  # the app service
    assert "stream_timeout 24h" in lines  # the websocket is not cut
    assert "{$IKM_DOMAIN:localhost} {" in lines  # TLS: Caddy's automatic HTTPS for the site
    assert SERVICES["proxy"]["environment"]["IKM_DOMAIN"].startswith("${IKM_DOMAIN")


def test_secrets_are_mounted_at_run_time_and_none_is_committed():
    secrets = COMPOSE["secrets"]
    app_secrets = SERVICES["app"]["secrets"]
    assert {"source": "streamlit_secrets", "target": "/app/.streamlit/secrets.toml"} in app_secrets
    for secret in secrets.values():
        path = ROOT / secret["file"]
        assert path.relative_to(ROOT).parts[:2] == ("deploy", "secrets")
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "deploy/secrets/db_password"], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0, "deploy/secrets/ must be in .gitignore"
    tracked = subprocess.run(
        ["git", "ls-files", "deploy/secrets", ".streamlit/secrets.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert tracked.stdout == ""
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    copies = [line for line in dockerfile.splitlines() if line.startswith(("COPY", "ADD"))]
    assert copies and not any("secret" in line for line in copies)
    assert "deploy/secrets" in (ROOT / ".dockerignore").read_text(encoding="utf-8")


def test_no_secret_value_is_written_in_the_compose_file():
    for name, service in SERVICES.items():
        for key, value in (service.get("environment") or {}).items():
            if re.search("PASSWORD|SECRET|TOKEN", key):
                assert key.endswith("_FILE") and str(value).startswith("/run/secrets/"), (
                    f"{name}: {key} must come from a secret file"
                )
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    assert not re.search(r"postgres(ql)?://[^ ]*:[^ ]*@", text)


def test_the_example_secrets_hold_the_auth_section_with_placeholders_only():
    import tomllib

    example = tomllib.loads((ROOT / "deploy" / "secrets.example.toml").read_text("utf-8"))
    auth = example["auth"]
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret"} <= set(auth)
    assert all(auth[k].startswith("<") for k in ("cookie_secret", "client_id", "client_secret"))


def test_backups_dump_the_database_and_the_data_folder():
    backup = SERVICES["backup"]
    script = (ROOT / "deploy" / "backup.sh").read_text(encoding="utf-8")
    assert "./deploy/backup.sh:/usr/local/bin/ikm-backup.sh:ro" in backup["volumes"]
    assert "appdata:/data:ro" in backup["volumes"] and "backups:/backups" in backup["volumes"]
    assert "pg_dump --format=custom" in script and "tar -czf" in script
    assert "appdata:/data" in SERVICES["app"]["volumes"]
    assert set(COMPOSE["volumes"]) == {"pgdata", "appdata", "caddydata", "backups"}


def test_shell_scripts_parse():
    for script in ("deploy/backup.sh", "deploy/entrypoint.sh"):
        subprocess.run(["sh", "-n", str(ROOT / script)], check=True)
        assert Path(ROOT / script).stat().st_mode & 0o111
