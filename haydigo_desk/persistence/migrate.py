"""Schema upgrades with Alembic, run on start and by ``haydigo-desk db upgrade``.

Alembic (about a tenth of a second to import) is loaded only when a database is not at the
head revision: every start reads the stored revision with one plain query and takes the chain
of revisions from the scripts' own ``revision``/``down_revision`` lines, which is what Alembic
reads too (``tests/integration/test_migrations.py`` holds the two equal).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps

# A script's identifiers, as Alembic's template writes them (quotes either way, annotation
# optional): ``revision = "0007"`` and ``down_revision = "0006"`` or ``None``.
_REVISION = re.compile(r"""^revision(?:\s*:[^=]+)?\s*=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|["']([^"']+)["'])""", re.MULTILINE)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration recreates tables; with foreign keys on, dropping the old table
            # would cascade-delete child rows. The pragma only works outside a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def upgrade_if_behind(engine: Engine, current: str | None) -> bool:
    """Upgrade to the head unless ``current`` (the stored revision) is the head already;
    True when the migrations ran."""
    if current == head_revision():
        return False
    upgrade(engine)
    return True


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None: never migrated)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
        revisions = list(found)
    if len(revisions) > 1:  # the chain is linear: Alembic would refuse such a table as well
        raise RuntimeError(f"The database holds several schema revisions: {revisions}")
    return revisions[0] if revisions else None


@cache
def _chain() -> tuple[str, ...]:
    """Every revision, oldest first, read from the scripts in ``versions/``."""
    parent_of: dict[str, str | None] = {}
    for script in VERSIONS_DIR.glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            raise RuntimeError(f"{script.name} names no revision or down_revision")
        parent_of[revision.group(1)] = down.group(1)
    children: dict[str | None, list[str]] = {}
    for revision, parent in parent_of.items():
        children.setdefault(parent, []).append(revision)
    chain: list[str] = []
    step: str | None = None
    while step in children:
        following = children[step]
        if len(following) != 1:
            raise RuntimeError(f"The migrations branch after {step}: {sorted(following)}")
        step = following[0]
        chain.append(step)
    if len(chain) != len(parent_of):
        raise RuntimeError("Some migrations are not on the chain from the first one")
    return tuple(chain)


def head_revision() -> str:
    return _chain()[-1]


def revisions_oldest_first() -> list[str]:
    return list(_chain())
