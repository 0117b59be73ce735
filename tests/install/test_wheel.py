"""The wheel carries everything: built from the source, installed into a fresh virtualenv and run
from outside the checkout, it shows Chinese UI strings, embeds its font in PDFs and lists orders.

The virtualenv reuses the dependencies already installed for the tests (a .pth file pointing at
this interpreter's site-packages), so the test stays offline and fast; ordermgr itself must come
from the wheel, which the smoke script checks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]

SMOKE = r"""
import sys
from pathlib import Path
import ordermgr
from PySide6.QtCore import QCoreApplication
from ordermgr.ui.app import TRANSLATIONS_DIR, create_application, install_translations
assert Path(ordermgr.__file__).resolve().is_relative_to(Path(sys.prefix).resolve()), ordermgr.__file__
app = create_application(["smoke"])
assert install_translations(app, "zh_CN") == "zh_CN"
print(QCoreApplication.translate("ActionDialog", "Action"))
print(TRANSLATIONS_DIR)
"""


def _expected_translation(context: str, source: str) -> str:
    from xml.etree import ElementTree
    ts = ElementTree.parse(ROOT / "ordermgr" / "resources" / "translations" / "ordermgr_zh_CN.ts")
    for ctx in ts.getroot().iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation")
    raise LookupError(f"{context}/{source} is not in the .ts file")


def _run(args, *, cwd, env, timeout=60):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtualenv with the wheel built from this checkout installed in it."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"  # build from a copy: the build leaves build/ and egg-info behind
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "ordermgr", source / "ordermgr",
                    ignore=shutil.ignore_patterns("__pycache__", "*.ts"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", str(work / "dist"), str(source)], cwd=work, env=env, timeout=120)
    wheel = next((work / "dist").glob("ordermgr-*.whl"))
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
         cwd=work, env=env)
    site = Path(_run([str(venv / "bin" / "python"), "-c",
                      "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     cwd=work, env=env).strip())
    # the test interpreter's dependencies (PySide6, SQLAlchemy, ...), without its ordermgr
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
          "--no-deps", "--no-index", "-q", str(wheel)], cwd=work, env=env, timeout=120)
    outside = work / "elsewhere"
    outside.mkdir()
    env.update(QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return venv, outside, env


def test_the_installed_wheel_runs_outside_the_checkout(installed):
    venv, outside, env = installed
    ordermgr = [str(venv / "bin" / "ordermgr"), "--database",
                f"sqlite:///{outside / 'shop.sqlite3'}", "--user", "admin"]

    _run(ordermgr + ["demo", "--orders", "40", "--seed", "3"], cwd=outside, env=env, timeout=120)
    orders = json.loads(_run(ordermgr + ["orders", "list", "--limit", "100", "--json"],
                             cwd=outside, env=env))
    assert len(orders) == 40

    # Chinese UI strings come from the packaged .qm, inside the virtualenv
    translated, folder = _run([str(venv / "bin" / "python"), "-c", SMOKE],
                              cwd=outside, env=env).splitlines()[-2:]
    assert translated == _expected_translation("ActionDialog", "Action")
    assert Path(folder).resolve().is_relative_to(venv.resolve())

    # a packing slip for a customer with a Chinese name embeds the packaged font
    chinese = next(o["number"] for o in orders if any("\u4e00" <= ch <= "\u9fff" for ch in o["customer"]))
    pdf = outside / "slip.pdf"
    _run(ordermgr + ["documents", "--orders", chinese, "--out", str(pdf)], cwd=outside, env=env)
    fonts = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    cjk = {name: embedded for name, embedded in fonts.items() if "WenQuanYi" in name}
    assert cjk and all(cjk.values()), fonts
