#!/usr/bin/env bash
# Installs (or removes) HaydiGO Desk's menu entry, icons and AppStream metadata for one user
# (~/.local/share) or into a prefix, for a pip/wheel install or the PyInstaller folder.
#
#   install-desktop-integration.sh [--prefix DIR] [--exec PATH] [--icons DIR] [--uninstall]
#
#   --prefix DIR  install into DIR/share (e.g. /usr/local; default: $XDG_DATA_HOME or
#                 ~/.local/share). DESTDIR is honoured for staging a package.
#   --exec PATH   the program the menu entry starts. Default: haydigo-desk next to this
#                 script (the PyInstaller folder), else the one on PATH (a pip install).
#   --icons DIR   the icons folder (haydigo-desk.svg + hicolor/); found automatically in a
#                 checkout and in the PyInstaller folder.
#   --uninstall   remove what an earlier run installed.
set -euo pipefail

APP_ID=haydigo-desk
METAINFO=nl.haydigo.Desk.metainfo.xml
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="" exec_path="" icons="" uninstall=0

die() { echo "install-desktop-integration: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --exec) exec_path="${2:?--exec needs a path}"; shift 2 ;;
        --icons) icons="${2:?--icons needs a folder}"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done

if [ -n "$prefix" ]; then
    data="${DESTDIR:-}$prefix/share"
else
    data="${DESTDIR:-}${XDG_DATA_HOME:-$HOME/.local/share}"
fi
sizes=(16 24 32 48 64 128 256 512)

if [ "$uninstall" = 1 ]; then
    rm -f "$data/applications/$APP_ID.desktop" "$data/metainfo/$METAINFO" \
        "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
    for s in "${sizes[@]}"; do rm -f "$data/icons/hicolor/${s}x${s}/apps/$APP_ID.png"; done
    echo "Removed the HaydiGO Desk menu entry, icons and metadata from $data"
else
    # The .desktop and metainfo sit next to this script in a checkout and in the frozen folder.
    [ -f "$here/$APP_ID.desktop" ] || die "$APP_ID.desktop not found next to $0"
    [ -f "$here/$METAINFO" ] || die "$METAINFO not found next to $0"
    if [ -z "$icons" ]; then
        for candidate in "$here/../../resources/icons" "$here/icons" \
            "$here/_internal/haydigo_desk/resources/icons"; do
            if [ -f "$candidate/$APP_ID.svg" ]; then icons="$candidate"; break; fi
        done
    fi
    [ -n "$icons" ] && [ -f "$icons/$APP_ID.svg" ] || die "icons not found; pass --icons DIR"

    if [ -z "$exec_path" ]; then
        if [ -x "$here/$APP_ID" ]; then
            exec_path="$here/$APP_ID"
        elif command -v "$APP_ID" >/dev/null; then
            # Absolute: ~/.local/bin or a venv is often not on the desktop session's PATH.
            exec_path="$(command -v "$APP_ID")"
        else
            echo "warning: $APP_ID is not on PATH; the menu entry runs '$APP_ID'" >&2
            exec_path="$APP_ID"
        fi
    fi
    case "$exec_path" in
        /*|"$APP_ID") ;;
        *) exec_path="$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")" ;;
    esac
    # Desktop Entry spec: quote a path with reserved characters, escape " ` $ \ and double %.
    exec_value="$exec_path"
    if [[ "$exec_path" =~ [^A-Za-z0-9_./+-] ]]; then
        escaped="$(printf '%s' "$exec_path" \
            | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')"
        exec_value="\"$escaped\""
    fi

    install -d "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
    while IFS= read -r line; do
        case "$line" in
            Exec=*) printf 'Exec=%s\n' "$exec_value" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done <"$here/$APP_ID.desktop" >"$data/applications/$APP_ID.desktop"
    chmod 644 "$data/applications/$APP_ID.desktop"
    install -m 644 "$here/$METAINFO" "$data/metainfo/$METAINFO"
    install -m 644 "$icons/$APP_ID.svg" "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
    for s in "${sizes[@]}"; do
        png="$icons/hicolor/${s}x${s}/apps/$APP_ID.png"
        [ -f "$png" ] || die "missing icon $png"
        install -D -m 644 "$png" "$data/icons/hicolor/${s}x${s}/apps/$APP_ID.png"
    done
    echo "Installed the HaydiGO Desk menu entry (Exec=$exec_value), icons and metadata into $data"
fi

# Refresh the caches where the tools exist; a missing tool only delays the menu update.
if [ -z "${DESTDIR:-}" ]; then
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$data/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$data/icons/hicolor" 2>/dev/null || true
    fi
fi
