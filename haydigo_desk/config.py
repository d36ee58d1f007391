"""Where things live (platformdirs) and the per-workstation settings file."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, Field, ValidationError

from haydigo_desk import APP_ID
from haydigo_desk.domain.scanner_input import ScannerSettings

DATABASE_URL_ENV = "HAYDIGO_DATABASE_URL"
HOME_ENV = "HAYDIGO_HOME"  # one folder for everything: tests, portable installs, the demo


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def current(cls) -> AppPaths:
        home = os.environ.get(HOME_ENV)
        if home:
            root = Path(home)
            return cls(root / "data", root / "config", root / "cache", root / "log")
        return cls(
            Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def default_database_file(self) -> Path:
        return self.data_dir / "haydigo-desk.sqlite3"

    @property
    def demo_dir(self) -> Path:
        return self.data_dir / "demo"

    @property
    def image_cache_dir(self) -> Path:
        return self.cache_dir / "images"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def resolve_database_url(cli_value: str | None = None, paths: AppPaths | None = None) -> str:
    """Command line first, then the environment, then SQLite in the user data folder."""
    if cli_value:
        return cli_value
    env_value = os.environ.get(DATABASE_URL_ENV)
    if env_value:
        return env_value
    paths = paths or AppPaths.current()
    return sqlite_url(paths.default_database_file)


class DeskSettings(BaseModel):
    """Settings of this workstation (not shared through the database)."""

    language: Literal["system", "nl", "en"] = "system"
    theme: Literal["light", "dark"] = "light"
    sounds_enabled: bool = True
    sound_volume: float = Field(default=0.8, ge=0.0, le=1.0)
    printer_name: str = ""
    label_printer_name: str = ""
    label_paper: Literal["a6", "4x6"] = "a6"  # bol labels are A6; 4x6 inch rolls also fit
    workstation: str = Field(default_factory=socket.gethostname)
    last_transporter: str = ""
    active_account: str = ""
    # What this workstation's scanner adds around a code and the keyboard layout it types through.
    scanner_prefix: str = Field(default="", max_length=10)
    scanner_suffix: str = Field(default="", max_length=10)
    scanner_layout: Literal["auto", "qwerty", "azerty-be", "azerty-fr", "qwertz"] = "auto"
    # A short pick at this station: ship the rest of the order at once, or let it wait.
    short_pick_ships_rest: bool = True

    def scanner_settings(self) -> ScannerSettings:
        return ScannerSettings(self.scanner_prefix, self.scanner_suffix, self.scanner_layout)


class SettingsError(Exception):
    pass


class SettingsStore:
    """Loads and saves DeskSettings as JSON at an injectable path; writes atomically."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or AppPaths.current().settings_file

    def load(self) -> DeskSettings:
        if not self.path.exists():
            return DeskSettings()
        try:
            return DeskSettings.model_validate(json.loads(self.path.read_text("utf-8")))
        except (ValueError, ValidationError) as exc:
            raise SettingsError(f"The settings file {self.path} is damaged: {exc}") from exc

    def save(self, settings: DeskSettings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(settings.model_dump_json(indent=2), "utf-8")
        os.replace(tmp, self.path)  # never leaves a half-written settings file
