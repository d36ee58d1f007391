"""The pick-list use cases of ui/ and cli/: each opens (and, to write, commits) its own unit
of work around the session-level functions of ``picklists``, which the sync engine composes
inside its own transactions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from haydigo_desk.persistence.database import Database
from haydigo_desk.services import picklists
from haydigo_desk.services.picklists import (
    CreateResult,
    PickListDetail,
    PickListSummary,
    TodayPickLists,
)


def pick_lists_and_counts(database: Database, status: str | None
                          ) -> tuple[list[PickListSummary], dict[str, int]]:
    """The lists in ``status`` (None: all) and the number per status, read together."""
    with database.unit_of_work() as uow:
        return (picklists.list_pick_lists(uow.session, status),
                picklists.status_counts(uow.session))


def pick_list_detail(database: Database, pick_list_id: int) -> PickListDetail:
    with database.unit_of_work() as uow:
        return picklists.pick_list_detail(uow.session, pick_list_id)


def create_pick_list(database: Database, order_ids: Sequence[int],
                     created_by: str = "") -> CreateResult:
    """A new list of the eligible orders, committed; ``PickListError`` (nothing written)
    when none is eligible."""
    with database.unit_of_work() as uow:
        result = picklists.create_pick_list(uow.session, order_ids, created_by)
        uow.commit()
        return result


def make_today_pick_lists(database: Database, now: datetime, created_by: str = "",
                          progress: Callable[[int, int], None] | None = None
                          ) -> TodayPickLists:
    """Lists of everything due today that is on no list yet, committed in one transaction."""
    with database.unit_of_work() as uow:
        result = picklists.make_today_pick_lists(uow.session, now, created_by,
                                                 progress=progress)
        uow.commit()
        return result
