"""One resolver for shipped resources: a checkout, an installed wheel and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Folder that holds icons, sounds, themes, translations and data files."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller unpacks data next to the executable
        return Path(frozen_root) / "haydigo_desk" / "resources"
    try:
        from importlib.resources import files

        candidate = Path(str(files("haydigo_desk.resources")))
        if candidate.is_dir():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one resource, e.g. ``resource("sounds", "ok.wav")``."""
    return resources_dir().joinpath(*parts)
