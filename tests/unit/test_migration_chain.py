"""The desk reads the chain of schema revisions from the migration scripts itself, so that a
start at the head never imports Alembic: that chain must be exactly the one Alembic runs."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory

from haydigo_desk.persistence import migrate


def _alembic_chain() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def test_the_chain_read_from_the_scripts_is_alembics():
    assert migrate.revisions_oldest_first() == _alembic_chain()
    assert migrate.head_revision() == _alembic_chain()[-1]


def test_a_branch_in_the_chain_is_refused(tmp_path, monkeypatch):
    for name, revision, down in (("a.py", "0001", None), ("b.py", "0002", "0001"),
                                 ("c.py", "0003", "0001")):
        down_text = "None" if down is None else f'"{down}"'
        (tmp_path / name).write_text(f'revision: str = "{revision}"\n'
                                     f"down_revision = {down_text}\n", encoding="utf-8")
    monkeypatch.setattr(migrate, "VERSIONS_DIR", tmp_path)
    migrate._chain.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="branch after 0001"):
            migrate.head_revision()
        (tmp_path / "c.py").write_text('revision = "0003"\ndown_revision = "0002"\n',
                                       encoding="utf-8")
        migrate._chain.cache_clear()
        assert migrate.revisions_oldest_first() == ["0001", "0002", "0003"]
    finally:
        migrate._chain.cache_clear()
