#!/usr/bin/env bash
# Installs HaydiGO Desk with its test tools into .venv and runs the whole test suite.
# As root it installs the system packages the tests need (and says which); otherwise it names
# the missing ones and stops. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/system-packages.sh
. packaging/system-packages.sh
install_packages "$TEST_PACKAGES"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/ruff check haydigo_desk tests bench packaging
export QT_QPA_PLATFORM=offscreen
# One pytest worker per core (HAYDIGO_TEST_WORKERS=0 runs in this process): most tests wait on
# a sandbox, a database or a subprocess, so two workers on two cores halve the wall time.
exec .venv/bin/python -m pytest -p no:cacheprovider -n "${HAYDIGO_TEST_WORKERS:-auto}" "$@"
