"""Alembic environment: the connection comes from the caller (haydigo_desk.persistence.migrate)."""

from __future__ import annotations

from alembic import context

from haydigo_desk.persistence.models import Base
from haydigo_desk.persistence.search_index import include_object
from haydigo_desk.persistence.types import render_migration_type

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Run migrations through haydigo_desk.persistence.migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        compare_type=True,
        render_item=render_migration_type,
        include_object=include_object,  # the search index lives outside the models
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
