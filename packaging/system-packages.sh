#!/usr/bin/env bash
# The Debian/Ubuntu packages HaydiGO Desk needs. Sourced by the run and test scripts.
# shellcheck disable=SC2034
APP_PACKAGES="libglib2.0-0 libegl1 libgl1 libfontconfig1 \
libxkbcommon0 libdbus-1-3 libpulse0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
TEST_PACKAGES="$APP_PACKAGES poppler-utils zbar-tools postgresql xvfb xauth openbox xdotool"

# install_packages "<list>": as root, apt-get installs what is missing and says so;
# otherwise names the missing packages and stops.
install_packages() {
    local wanted="$1" missing=()
    # Python 3.11+ with venv may come from Debian or elsewhere (pyenv): test it, not dpkg.
    if ! python3 -c 'import sys, venv, ensurepip; assert sys.version_info >= (3, 11)' 2>/dev/null
    then
        wanted="python3 python3-venv $wanted"
    fi
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        echo "Installing system packages with sudo: ${missing[*]}"
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    else
        echo "These system packages are missing: ${missing[*]}" >&2
        echo "Install them first:  sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
}
