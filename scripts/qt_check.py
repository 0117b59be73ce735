"""Check that Qt's platform plugin that ordermgr will use actually loads, not just that PySide6
imports; on Debian/Ubuntu install the missing system libraries (as root) or print the exact
apt-get line.

    python scripts/qt_check.py [--platform xcb|offscreen|wayland] [--install]

The platform is the one the run will use: $QT_QPA_PLATFORM, else wayland in a Wayland-only
session, else xcb (X11). Exit status 0 when the plugin loads, 1 with one message saying what to do.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# shared libraries Qt's platform plugins link against -> the Debian/Ubuntu package providing them
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-util.so.1": "libxcb-util1", "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
# what a desktop run needs besides the linked libraries (fonts, the X11 extensions Qt dlopens)
DESKTOP_EXTRAS = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                  "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
                  "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3"]

LOAD_PROBE = ("from PySide6.QtWidgets import QApplication\n"
              "app = QApplication(['ordermgr-setup-check'])\n"
              "print(app.platformName())\n")


def chosen_platform(environ=os.environ) -> str:
    requested = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if requested:
        return requested
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def qt_files(platform: str) -> list[Path]:
    """The plugin for the platform and the Qt libraries it pulls in."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("PySide6 is not installed in this Python; run scripts/setup.sh.")
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    files = [qt / "plugins" / "platforms" / f"libq{platform}.so",
             qt / "lib" / "libQt6Gui.so.6", qt / "lib" / "libQt6Widgets.so.6"]
    if platform == "xcb":
        files.append(qt / "lib" / "libQt6XcbQpa.so.6")
    return [f for f in files if f.exists()]


def missing_libraries(ldd_output: str) -> list[str]:
    """Sonames that `ldd` could not resolve."""
    return sorted({line.split("=>")[0].strip() for line in ldd_output.splitlines()
                   if "not found" in line})


def scan(platform: str) -> list[str]:
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    found: set[str] = set()
    for path in qt_files(platform):
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True)
        found.update(missing_libraries(done.stdout))
    return sorted(found)


def apt_packages(sonames: list[str], platform: str) -> list[str]:
    packages = {DEBIAN_PACKAGES[s] for s in sonames if s in DEBIAN_PACKAGES}
    if platform == "xcb":
        packages.update(p for p in DESKTOP_EXTRAS if not _dpkg_installed(p))
    return sorted(packages)


def _dpkg_installed(package: str) -> bool:
    if not shutil.which("dpkg-query"):
        return True  # not Debian: only the libraries ldd reports count
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                          capture_output=True, text=True)
    return done.returncode == 0 and "install ok installed" in done.stdout


def load(platform: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    return subprocess.run([sys.executable, "-c", LOAD_PROBE], env=env, capture_output=True,
                          text=True, timeout=60)


def install(packages: list[str]) -> bool:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"Installing Qt's system libraries: {' '.join(packages)}", file=sys.stderr)
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        if subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            return False
    return True


def advice(platform: str, missing: list[str], packages: list[str], *, has_apt: bool) -> str:
    lines = [f"Qt's {platform} platform plugin cannot load; missing system libraries: "
             f"{', '.join(missing)}."]
    unknown = [s for s in missing if s not in DEBIAN_PACKAGES]
    if packages and has_apt and not unknown:
        lines.append(f"Install them with:\n  sudo apt-get install -y {' '.join(packages)}")
    else:
        lines.append("Install the packages of your distribution that provide them.")
    return "\n".join(lines)


def check(platform: str, *, may_install: bool) -> str | None:
    """None when the plugin loads, else the message saying what to do."""
    missing = scan(platform)
    if missing:
        packages = apt_packages(missing, platform)
        unknown = [s for s in missing if s not in DEBIAN_PACKAGES]
        can_install = may_install and os.geteuid() == 0 and shutil.which("apt-get")
        if packages and not unknown and can_install and install(packages):
            missing = scan(platform)
        if missing:
            return advice(platform, missing, apt_packages(missing, platform),
                          has_apt=bool(shutil.which("apt-get")))
    if platform == "xcb" and not os.environ.get("DISPLAY"):
        return ("No display: DISPLAY is not set, so the desktop app cannot open a window. Start it "
                "from a desktop session (or over ssh -X); for headless use set "
                "QT_QPA_PLATFORM=offscreen.")
    try:
        done = load(platform)
    except subprocess.TimeoutExpired:
        return f"Starting Qt on the {platform} platform did not finish within 60 s."
    if done.returncode != 0:
        said = [line for line in done.stderr.splitlines() if line.strip()][-6:]
        return (f"Qt's {platform} platform plugin did not load:\n  " + "\n  ".join(said) +
                "\nRun with QT_DEBUG_PLUGINS=1 for details.")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", help="Qt platform to check (default: what a run would use)")
    parser.add_argument("--install", action="store_true",
                        help="as root on Debian/Ubuntu, apt-get install what is missing")
    args = parser.parse_args(argv)
    platform = args.platform or chosen_platform()
    problem = check(platform, may_install=args.install)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
