"""Display: is there a screen, and can Qt's platform plugin load its libraries."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from kiosk.services.health.base import CheckResult, Runner, Status

#: Platforms that draw nowhere a resident could see.
_HEADLESS_PLATFORMS = ("offscreen", "minimal")
#: The environment variable that names the display of each windowing platform.
_DISPLAY_VARIABLES = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}
#: Libraries whose Debian package name does not follow from the soname.
_DEBIAN_PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


def debian_package(soname: str) -> str:
    """The Debian package that usually ships ``soname`` (Debian's naming policy, §8.1)."""
    if soname in _DEBIAN_PACKAGE_EXCEPTIONS:
        return _DEBIAN_PACKAGE_EXCEPTIONS[soname]
    match = re.fullmatch(r"(lib.+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if match is None:
        return soname
    base, major = match.group(1).lower(), match.group(2)
    return f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"


def parse_ldd_missing(text: str) -> list[str]:
    """Sonames that ``ldd`` reports as ``not found``, in order, without repeats."""
    missing: list[str] = []
    for line in text.splitlines():
        soname, arrow, where = line.strip().partition(" => ")
        if arrow and where.strip() == "not found" and soname not in missing:
            missing.append(soname)
    return missing


def qt_platform_plugins_dir() -> Path:
    """Where Qt looks for its platform plugins (QtCore only: no GUI below the view layer)."""
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def _no_display(why: str) -> CheckResult:
    return CheckResult(
        "display",
        Status.PROBLEM,
        f"no display: {why}",
        "start the kiosk inside the terminal's desktop session (for X11: DISPLAY=:0)",
    )


def _platform_to_use(env: Mapping[str, str]) -> str | None:
    """The Qt platform plugin the kiosk would load, or None when there is no display."""
    requested = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested
    wayland_session = env.get("XDG_SESSION_TYPE") == "wayland" or not env.get("DISPLAY")
    if env.get("WAYLAND_DISPLAY") and wayland_session:
        return "wayland"
    if env.get("DISPLAY"):
        return "xcb"
    return None


def _display_socket(platform: str, display: str, env: Mapping[str, str]) -> Path | None:
    """The local socket a display server listens on, or None when it is remote or unknown."""
    if platform == "xcb":
        local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
        return Path(f"/tmp/.X11-unix/X{local.group(1)}") if local else None
    if display.startswith("/"):
        return Path(display)
    runtime_dir = env.get("XDG_RUNTIME_DIR")
    return Path(runtime_dir) / display if runtime_dir else None


def check_display(
    env: Mapping[str, str], runner: Runner, plugins_dir: Path | None = None
) -> CheckResult:
    """A display to draw on, and a Qt platform plugin whose libraries all load."""
    name = "display"
    platform = _platform_to_use(env)
    if platform is None:
        return _no_display("DISPLAY and WAYLAND_DISPLAY are not set")
    display = ""
    if platform in _DISPLAY_VARIABLES:
        variable = _DISPLAY_VARIABLES[platform]
        display = env.get(variable, "")
        if not display:
            return _no_display(f"{variable} is not set")
        socket = _display_socket(platform, display, env)
        if socket is not None and not socket.exists():
            return CheckResult(
                name,
                Status.PROBLEM,
                f"no display server on {variable}={display} (no {socket})",
                "restart the terminal; if the screen stays black, call the installer",
            )
    if platform in _HEADLESS_PLATFORMS:
        return CheckResult(
            name,
            Status.WARNING,
            f"no display: the kiosk can only run {platform} (QT_QPA_PLATFORM={platform})",
            "unset QT_QPA_PLATFORM and start the kiosk inside the terminal's desktop session",
        )
    plugin = (plugins_dir or qt_platform_plugins_dir()) / f"libq{platform}.so"
    if not plugin.is_file():
        return CheckResult(
            name,
            Status.PROBLEM,
            f"Qt has no platform plugin {platform!r} ({plugin} is missing)",
            "reinstall the kiosk (its PySide6 is incomplete), or correct QT_QPA_PLATFORM",
        )
    output = runner(["ldd", str(plugin)])
    if output is None:
        return CheckResult(
            name,
            Status.WARNING,
            f"display set for Qt {platform}; cannot check its libraries (ldd is missing)",
            "sudo apt-get install libc-bin",
        )
    missing = parse_ldd_missing(output.stdout)
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(soname) for soname in missing))
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the Qt {platform} plugin cannot load: missing {', '.join(missing)}",
            f"sudo apt-get install {packages}",
        )
    on = f" on {display}" if display else ""
    return CheckResult(name, Status.OK, f"Qt {platform}{on}: the platform plugin's libraries load")
