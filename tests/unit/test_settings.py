import pytest

from haydigo_desk.config import (
    AppPaths,
    DeskSettings,
    SettingsError,
    SettingsStore,
    resolve_database_url,
)


def test_settings_round_trip_at_an_injected_path(tmp_path):
    store = SettingsStore(tmp_path / "s" / "settings.json")
    assert store.load() == DeskSettings()
    store.save(DeskSettings(language="nl", sounds_enabled=False, sound_volume=0.3))
    loaded = store.load()
    assert (loaded.language, loaded.sounds_enabled, loaded.sound_volume) == ("nl", False, 0.3)


def test_a_damaged_settings_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    with pytest.raises(SettingsError, match="damaged"):
        SettingsStore(path).load()


def test_database_url_precedence(monkeypatch, isolated_user_dirs):
    assert resolve_database_url().endswith("haydigo-desk.sqlite3")
    assert str(AppPaths.current().data_dir).startswith(str(isolated_user_dirs))
    monkeypatch.setenv("HAYDIGO_DATABASE_URL", "postgresql+psycopg://a@b/c")
    assert resolve_database_url() == "postgresql+psycopg://a@b/c"
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"
