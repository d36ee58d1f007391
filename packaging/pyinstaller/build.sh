#!/usr/bin/env bash
# Builds the one-folder HaydiGO Desk with PyInstaller into dist/haydigo-desk/ and smoke-checks
# it: --version, sync --once against a sandbox, and the desk offscreen for three seconds.
#
#   packaging/pyinstaller/build.sh [--python PY] [--no-smoke]
#
#   --python PY  use this Python environment (it needs the project installed, not editable,
#                and PyInstaller); default: a fresh build venv in build/pyinstaller/venv.
#   --no-smoke   build only.
# Runs on Linux (and on Windows in Git Bash; there the programs end in .exe).
set -euo pipefail
cd "$(dirname "$0")/../.."

python="" smoke=1
while [ $# -gt 0 ]; do
    case "$1" in
        --python) python="${2:?--python needs an interpreter}"; shift 2 ;;
        --no-smoke) smoke=0; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

work=build/pyinstaller
started=$SECONDS
if [ -z "$python" ]; then
    # A venv of its own: PyInstaller bundles whatever the environment holds, so it must hold
    # the app and its dependencies only (no test tools), with the project as a real install.
    [ -x "$work/venv/bin/python" ] || [ -x "$work/venv/Scripts/python.exe" ] \
        || python3 -m venv "$work/venv"
    if [ -x "$work/venv/Scripts/python.exe" ]; then
        python="$work/venv/Scripts/python.exe"
    else
        python="$work/venv/bin/python"
    fi
    "$python" -m pip install -q --upgrade pip
    # Build the wheel and install it (not the checkout): the bundle then holds exactly what
    # users install. setuptools leaves build/ and *.egg-info behind (both git-ignored).
    "$python" -m pip install -q build 'pyinstaller>=6.3'
    rm -rf "$work/wheel"
    "$python" -m build --wheel --outdir "$work/wheel" . >"$work/wheel-build.log" 2>&1 \
        || { cat "$work/wheel-build.log" >&2; exit 1; }
    "$python" -m pip install -q --force-reinstall --no-deps "$work"/wheel/haydigo_desk-*.whl
    "$python" -m pip install -q "$work"/wheel/haydigo_desk-*.whl
fi

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath "$work/work" packaging/pyinstaller/haydigo-desk.spec

app=dist/haydigo-desk
case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*) program="$app/haydigo-desk-cli.exe" ;;
    *)
        program="$app/haydigo-desk"
        # Desktop integration travels with the folder: run its install script from there.
        cp packaging/linux/install-desktop-integration.sh packaging/linux/haydigo-desk.desktop \
            packaging/linux/nl.haydigo.Desk.metainfo.xml "$app/"
        ;;
esac
echo "Built $app in $((SECONDS - started)) s; size $(du -sh "$app" | cut -f1)"

if [ "$smoke" = 1 ]; then
    "$python" packaging/pyinstaller/smoke_check.py "$program"
fi
