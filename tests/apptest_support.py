"""The AppTest helpers of the app's tests, in one place: the router with query parameters,
a run that fails with the app's own traceback, everything a page says, page switches."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from tests.helpers import ROOT

TIMEOUT = 60


def app(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at


def ok(at: AppTest) -> AppTest:
    """Fail with the app's own traceback when a run raised."""
    assert not at.exception, "\n".join("\n".join(e.stack_trace) for e in at.exception)
    return at


def text(at: AppTest) -> str:
    """Everything the page says, without Markdown escapes."""
    parts: list[Any] = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in (at.info, at.success, at.warning, at.error, at.title, at.subheader, at.toast):
        parts += [e.value for e in kind]
    parts += [p.proto.text for p in at.get("progress")]
    return "\n".join(str(p) for p in parts).replace("\\", "")


def page(at: AppTest, name: str) -> AppTest:
    return ok(at.switch_page(f"ui/{name}.py").run())


def unfold(at: AppTest, *keys: str) -> AppTest:
    """Open what is folded away until clicked: the expander of form ``key`` (``ui.forms.folded``)
    or a popover with that key, as the user's click does (a rerun with it open)."""
    for key in keys:
        at.session_state[key if key.startswith("ev-rm-") else f"{key}-open"] = True
    return ok(at.run())
