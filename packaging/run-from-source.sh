#!/usr/bin/env bash
# Installs HaydiGO Desk from this checkout into .venv and opens it (the demo until an account
# is configured). Extra arguments go to the app, e.g. --demo or --database-url URL.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/system-packages.sh
. packaging/system-packages.sh
install_packages "$APP_PACKAGES"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/haydigo-desk "$@"
