# shellcheck shell=bash
# Set-up shared by scripts/start and scripts/test: Debian packages, the virtualenv in .venv and
# the project's own Python packages. Source it; do not run it.
#
# Every function is idempotent: when everything is in place it only checks, so a second run
# does no apt or pip work. Each step prints one line starting with "==>"; a step that fails
# stops the script with "error: <step> failed: <what to do>" and exit status 1.

set -Eeuo pipefail

KIOSK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KIOSK_VENV="$KIOSK_ROOT/.venv"

# Debian packages, by their bookworm names. "a|b" means either one will do; when none is
# installed, the first one apt knows is installed. Later work extends these arrays.

# What the kiosk needs to run. The x11/xcb, wayland and GL libraries are those that the Qt 6
# in PySide6's wheels links against (found with ldd on its QtCore/QtGui/QtWidgets libraries
# and on the xcb, wayland and offscreen platform plugins) that a minimal Debian lacks.
# shellcheck disable=SC2034  # used by the scripts that source this file
RUNTIME=(
    python3 python3-venv python3-pip
    # Chinese text: Noto CJK for the screens; WenQuanYi Micro Hei has TrueType outlines,
    # which reportlab needs to embed a Chinese font in printed records.
    fontconfig fonts-noto-cjk fonts-wqy-microhei
    # Rare characters in names (Extensions A and B: 䶮 㑇 𠮷), which Micro Hei lacks: HanaMin A
    # and B are TrueType too, so printed records embed them as fallback faces.
    fonts-hanazono
    # Qt's xcb platform plugin (a real screen) and offscreen plugin (tests, no screen).
    libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 'libglib2.0-0|libglib2.0-0t64'
    libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
    libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
    # Qt's wayland platform plugin, for a terminal that runs a Wayland compositor.
    libwayland-client0 libwayland-cursor0 libwayland-egl1
    # Read aloud: QtTextToSpeech links libpulse and speaks through speech-dispatcher, whose
    # espeak-ng module has a Mandarin voice.
    libpulse0 libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng
    # For staff: look into the local store; print through CUPS (lp, lpstat).
    sqlite3 cups-client
    # scripts/start waits for the demo central server's health endpoint.
    curl
    # Reading printed records back (kiosk verify, the central server's /verify page):
    # pdftoppm and pdfinfo render a PDF and read its content, zbarimg reads its QR code.
    poppler-utils zbar-tools
)

# What the tests need on top of RUNTIME.
# shellcheck disable=SC2034  # used by the scripts that source this file
TEST=(
    xvfb xauth      # a real X screen for tests that need one (xvfb-run)
    # Taps at screen coordinates, window geometry and screen rotation on that X screen.
    xdotool x11-utils x11-xserver-utils
    # Browser tests of the inspectors' web inbox: Debian's Chromium and its WebDriver
    # (Selenium is told where they are, so it never downloads a browser).
    chromium chromium-driver
    # The printing tests start their own cupsd with a cups-pdf queue (the PDF arrives as a
    # file); cups-pdf's backend must run as root, so they are run as root.
    cups printer-driver-cups-pdf
)

_BOOTSTRAP_STEP="setting up"
_BOOTSTRAP_APT_UPDATED=0

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }

# die STEP HINT: stop the script, saying which step failed and what to do about it.
die() {
    printf 'error: %s failed: %s\n' "$1" "$2" >&2
    exit 1
}

# Anything that fails without its own check still ends with a clear line.
_bootstrap_on_error() {
    local status=$1 command=$2
    trap - ERR
    die "$_BOOTSTRAP_STEP" "'$command' exited with status $status; see the messages above"
}
trap '_bootstrap_on_error $? "$BASH_COMMAND"' ERR

_can_be_root() {
    ((EUID == 0)) || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }
}

_as_root() {
    if ((EUID == 0)); then
        "$@"
    else
        sudo -n "$@"
    fi
}

_apt_get() {
    _as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 "$@"
}

_debian_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)
    [[ $status == "install ok installed" ]]
}

# The alternative of "a|b" that this system's apt can install; the first one if none can.
_debian_pick() {
    local -a alternatives
    local alternative candidate
    IFS='|' read -ra alternatives <<<"$1"
    for alternative in "${alternatives[@]}"; do
        candidate=$(apt-cache policy "$alternative" 2>/dev/null | awk '/Candidate:/ {print $2}')
        if [[ -n $candidate && $candidate != "(none)" ]]; then
            printf '%s\n' "$alternative"
            return 0
        fi
    done
    printf '%s\n' "${alternatives[0]}"
}

# ensure_debian_packages PKG...: install those of the packages that are missing.
ensure_debian_packages() {
    _BOOTSTRAP_STEP="installing Debian packages"
    local -a missing=() alternatives to_install=()
    local entry alternative present
    if ! command -v dpkg-query >/dev/null 2>&1; then
        warn "not a Debian system (no dpkg): make sure these or their equivalents are installed: $*"
        return 0
    fi
    for entry in "$@"; do
        present=0
        IFS='|' read -ra alternatives <<<"$entry"
        for alternative in "${alternatives[@]}"; do
            if _debian_installed "$alternative"; then
                present=1
                break
            fi
        done
        ((present)) || missing+=("$entry")
    done
    if ((${#missing[@]} == 0)); then
        say "Debian packages: all $# present"
        return 0
    fi

    say "installing Debian packages: ${missing[*]%%|*}"
    if ! _can_be_root; then
        die "$_BOOTSTRAP_STEP" "this needs root. Run:
  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]%%|*}
then run this script again"
    fi
    if ((!_BOOTSTRAP_APT_UPDATED)); then
        _apt_get -qq update ||
            die "$_BOOTSTRAP_STEP" "'apt-get update' did not work: check the network and /etc/apt/sources.list*"
        _BOOTSTRAP_APT_UPDATED=1
    fi
    for entry in "${missing[@]}"; do
        to_install+=("$(_debian_pick "$entry")")
    done
    _apt_get -q install -y --no-install-recommends "${to_install[@]}" ||
        die "$_BOOTSTRAP_STEP" "apt-get could not install: ${to_install[*]}; see its messages above"
}

# The Python the virtualenv is made with: $KIOSK_PYTHON, else python3 on the PATH.
_base_python() {
    printf '%s\n' "${KIOSK_PYTHON:-python3}"
}

_venv_works() {
    [[ -x $KIOSK_VENV/bin/python ]] &&
        "$KIOSK_VENV/bin/python" -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' \
            >/dev/null 2>&1
}

# ensure_venv: a working .venv in the repository root, made if absent or broken.
ensure_venv() {
    _BOOTSTRAP_STEP="creating the Python environment .venv"
    local python version
    if _venv_works; then
        say "Python environment: .venv ($("$KIOSK_VENV/bin/python" -V 2>&1))"
        return 0
    fi
    python=$(_base_python)
    command -v "$python" >/dev/null 2>&1 ||
        die "$_BOOTSTRAP_STEP" "no '$python' found: install Debian's python3 and python3-venv"
    version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])') ||
        die "$_BOOTSTRAP_STEP" "'$python' does not run"
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "$_BOOTSTRAP_STEP" "Python 3.11 or newer is needed, '$python' is $version: install a newer one (Debian 12 has 3.11) or point KIOSK_PYTHON at one"
    if [[ -e $KIOSK_VENV ]]; then
        say "removing the broken .venv"
        rm -rf -- "$KIOSK_VENV"
    fi
    say "creating .venv with $python ($version)"
    "$python" -m venv "$KIOSK_VENV" || {
        rm -rf -- "$KIOSK_VENV"
        die "$_BOOTSTRAP_STEP" "'$python -m venv' did not work: install Debian's python3-venv"
    }
    say "upgrading pip in .venv"
    "$KIOSK_VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip ||
        die "upgrading pip" "check the network; pip's messages are above"
}

# "a,b" and "b,c" -> "a,b,c"
_union_extras() {
    printf '%s\n' "$1,$2" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -
}

# ensure_python_packages EXTRAS: `pip install -c constraints.txt -e ".[EXTRAS]"` unless
# pyproject.toml and constraints.txt are unchanged since the last successful install and that
# one included these extras. A stamp file in .venv holds their hash and the extras installed.
ensure_python_packages() {
    _BOOTSTRAP_STEP="installing the Python packages"
    local wanted=${1:-} stamp="$KIOSK_VENV/.kiosk-install-stamp"
    local hash stamped_hash="" stamped_extras="" extras target
    hash=$(cat "$KIOSK_ROOT/pyproject.toml" "$KIOSK_ROOT/constraints.txt" | sha256sum | cut -d' ' -f1)
    if [[ -f $stamp ]]; then
        { read -r stamped_hash && read -r stamped_extras; } <"$stamp" || true
    fi
    extras=$(_union_extras "$stamped_extras" "$wanted")
    if [[ $stamped_hash == "$hash" && $extras == "$stamped_extras" && -x $KIOSK_VENV/bin/kiosk ]]; then
        say "Python packages: up to date (.${extras:+[$extras]})"
        return 0
    fi
    # Keep extras installed earlier (scripts/test's) current too when pyproject.toml changes.
    target=".${extras:+[$extras]}"
    say "installing Python packages: $target into .venv (minutes the first time)"
    rm -f -- "$stamp"
    # constraints.txt pins every package to the version CI last tested, so a fresh machine
    # installs what passed; scripts/update-constraints refreshes it.
    (cd "$KIOSK_ROOT" && PIP_NO_INPUT=1 "$KIOSK_VENV/bin/python" -m pip install -q \
        --disable-pip-version-check -c constraints.txt -e "$target") ||
        die "$_BOOTSTRAP_STEP" "pip could not install $target: check the network and pip's messages above"
    printf '%s\n%s\n' "$hash" "$extras" >"$stamp"
}

_port_open() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Start the local PostgreSQL cluster if it is installed but not answering. Best effort: tests
# that need PostgreSQL check that it answers and are skipped when it does not.
start_postgres_if_installed() {
    _BOOTSTRAP_STEP="starting PostgreSQL"
    local version
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        say "PostgreSQL: not installed (tests that need it will be skipped)"
        return 0
    fi
    if _port_open 127.0.0.1 5432; then
        say "PostgreSQL: answering on 127.0.0.1:5432"
        return 0
    fi
    version=$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" {print $1}' | sort -V | tail -n 1 || true)
    if [[ -z $version ]]; then
        warn "PostgreSQL is installed but has no 'main' cluster: tests that need it will be skipped"
        return 0
    fi
    say "starting PostgreSQL $version (cluster main)"
    if ! _can_be_root || ! _as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start; then
        warn "PostgreSQL $version did not start: tests that need it will be skipped"
    fi
}
