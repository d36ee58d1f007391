"""Open a database ready for use: engine, upgraded schema, session factory."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.db import create_db_engine, make_session_factory
from haydigo_desk.persistence.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass
class Database:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory)

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def safe_url(self) -> str:
        """The URL with any password masked, for logs and dialogs."""
        return make_url(self.url).render_as_string(hide_password=True)


def open_database(url: str, *, upgrade: bool = True) -> Database:
    engine = create_db_engine(url)
    database = Database(url, engine, make_session_factory(engine))
    if upgrade:
        before = migrate.current_revision(engine)
        migrate.upgrade(engine)
        after = migrate.current_revision(engine)
        if before != after:
            log.info("Database %s upgraded from %s to %s", database.safe_url, before, after)
    return database
