"""The layers hold: no Qt widgets or GUI below the view layer, no central server in the kiosk."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_BELOW_VIEWS = ("PySide6.QtWidgets", "PySide6.QtGui")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _sources(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _sources("kiosk/services", "kiosk/domain"), ids=str)
def test_services_and_domain_import_no_widgets(path: Path) -> None:
    """Services and domain never import QtWidgets or QtGui (QtCore signals are fine)."""
    bad = {module for module in _imported_modules(path) if module.startswith(FORBIDDEN_BELOW_VIEWS)}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", _sources("kiosk"), ids=str)
def test_kiosk_never_imports_the_central_server(path: Path) -> None:
    """The kiosk shares only kiosk.domain and the HTTP contract with the central server."""
    bad = {m for m in _imported_modules(path) if m == "central" or m.startswith("central.")}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The AST walk recognises both import forms, so the checks above can fail."""
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QLabel\nimport PySide6.QtGui\n")
    modules = _imported_modules(sample)
    assert "PySide6.QtWidgets" in modules and "PySide6.QtGui" in modules
