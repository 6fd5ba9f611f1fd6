"""Small modules: no store module over 500 lines and no module of the app (ui/) over 300, so
that no page can grow back into a long one. ui/labels.py is a wording table, not code."""

from tests.helpers import ROOT

STORE_LIMIT = 500
PAGE_LIMIT = 300
NOT_A_PAGE = {"labels.py"}  # the app's wording table: every label in Dutch and English


def _lines(path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_store_module_is_over_500_lines():
    sizes = {p.name: _lines(p) for p in (ROOT / "assessment" / "store").rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > STORE_LIMIT} == {}
    assert sizes["repository.py"] > 100  # the walk found the store


def test_no_ui_module_is_over_300_lines():
    sizes = {
        str(p.relative_to(ROOT / "ui")): _lines(p)
        for p in (ROOT / "ui").rglob("*.py")
        if p.name not in NOT_A_PAGE
    }
    assert {name: n for name, n in sizes.items() if n > PAGE_LIMIT} == {}
    # the walk found the pages, among them the four that were split (issue 17)
    assert {"start.py", "fieldwork.py", "assess.py", "exchange.py"} <= set(sizes)
