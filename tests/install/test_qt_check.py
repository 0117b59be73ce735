"""scripts/qt_check.py: set-up checks that the Qt platform plugin the run will use really loads."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "qt_check.py"
_spec = importlib.util.spec_from_file_location("qt_check", SCRIPT)
qt_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qt_check)

# ldd on libqxcb.so of a fresh Debian 12 with PySide6 6.11 (abridged)
LDD_FRESH_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffc)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
"""


def _run(*args, env):
    return subprocess.run([sys.executable, str(SCRIPT), *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_missing_libraries_become_the_exact_apt_get_line():
    missing = qt_check.missing_libraries(LDD_FRESH_DEBIAN)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    packages = qt_check.apt_packages(missing, "offscreen")
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    message = qt_check.advice("xcb", missing, packages, has_apt=True)
    assert "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in message


def test_a_library_we_cannot_name_a_package_for_is_listed_without_a_wrong_apt_line():
    message = qt_check.advice("xcb", ["libexotic.so.3"], [], has_apt=True)
    assert "libexotic.so.3" in message and "apt-get" not in message


def test_the_platform_is_the_one_the_run_will_use():
    assert qt_check.chosen_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert qt_check.chosen_platform({"DISPLAY": ":0"}) == "xcb"
    assert qt_check.chosen_platform({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"


def test_offscreen_loads_for_the_tests():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = _run(env=env)
    assert done.returncode == 0, done.stderr


def test_a_desktop_run_without_a_display_gets_one_clear_message():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = _run(env=env)
    assert done.returncode == 1
    assert "No display" in done.stderr or "apt-get install" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture
def xvfb_display():
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert time.monotonic() < deadline and server.poll() is None, "Xvfb did not start"
            time.sleep(0.1)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_xcb_plugin_loads_on_a_real_x_display(xvfb_display):
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    done = _run(env=env)
    assert done.returncode == 0, done.stderr
    probe = subprocess.run([sys.executable, "-c", qt_check.LOAD_PROBE], env=env,
                           capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "xcb"
