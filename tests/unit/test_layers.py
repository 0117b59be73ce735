"""The import rule, checked on the source so it cannot rot:
ui -> services -> db -> models; only ordermgr/ui imports Qt; the core never imports the GUI."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "ordermgr"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
# package -> packages it must never import
FORBIDDEN = {
    "models": ("ordermgr.db", "ordermgr.services", "ordermgr.ui", "ordermgr.sync",
               "ordermgr.reports", "ordermgr.commands", "ordermgr.cli"),
    "db": ("ordermgr.services", "ordermgr.ui", "ordermgr.sync", "ordermgr.reports",
           "ordermgr.commands"),
    "services": ("ordermgr.ui", "ordermgr.commands", "ordermgr.cli"),
    "sync": ("ordermgr.ui", "ordermgr.commands"),
    "reports": ("ordermgr.ui", "ordermgr.commands"),
}


def imports_of(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts
                 or p.name != "env.py")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_respects_the_layers(path):
    relative = path.relative_to(PACKAGE)
    top = relative.parts[0] if len(relative.parts) > 1 else ""
    for name in imports_of(path):
        if top != "ui":
            assert not name.startswith(QT), f"{relative} imports Qt ({name}); only ordermgr/ui may"
        for forbidden in FORBIDDEN.get(top, ()):
            assert not (name == forbidden or name.startswith(forbidden + ".")), \
                f"{relative} (layer {top}) must not import {name}"
