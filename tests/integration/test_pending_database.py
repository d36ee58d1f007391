"""The demo's database is built on a thread after the window shows; everything made on it
before that (the pick station's own engine too) waits for it instead of opening the file
early, which would find no tables (or a file the demo then deletes and builds again)."""

from __future__ import annotations

import threading

from sqlalchemy import text

from haydigo_desk.config import sqlite_url
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.pending import PendingDatabase
from haydigo_desk.services.station_db import station_database


def test_the_stations_engine_waits_for_the_pending_database(tmp_path):
    url = sqlite_url(tmp_path / "demo.sqlite3")
    pending = PendingDatabase(url)
    station = station_database(pending)  # made while the database does not exist yet
    assert not (tmp_path / "demo.sqlite3").exists()
    answers: list[int] = []

    def pick_station_query() -> None:
        with station.unit_of_work() as uow:
            answers.append(uow.session.execute(text("SELECT count(*) FROM pick_lists")).scalar())

    asking = threading.Thread(target=pick_station_query)
    asking.start()
    asking.join(0.3)
    assert asking.is_alive() and answers == []  # waits: nothing opened the file early
    database = open_database(url)
    pending.resolve(database)
    asking.join(10)
    assert answers == [0]
    assert station.database is not database  # its own engine (short lock waits)...
    assert station.database.url == database.url  # ...on the same file
    station.dispose()
    pending.dispose()
