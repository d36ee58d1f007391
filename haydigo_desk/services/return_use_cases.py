"""The Returns section's use cases. Each opens its own unit of work around the session-level
functions of ``return_queries`` (reads) and ``returns`` (the sync engine composes those in its
own transactions); handling an item or registering an unannounced return commits, a refused
one (``ReturnRuleError``) writes nothing. ``account_id`` None: every account."""

from __future__ import annotations

from haydigo_desk.domain.returns import Handling
from haydigo_desk.persistence.database import Database
from haydigo_desk.services import return_queries, returns
from haydigo_desk.services.return_queries import ReturnableLine, ReturnItemRow


def returns_and_locations(database: Database, *, states: tuple[str, ...] = (), search: str = "",
                          account_id: int | None = None
                          ) -> tuple[list[ReturnItemRow], list[str]]:
    """The return items (due first) and the known location codes, read together."""
    with database.unit_of_work() as uow:
        return (return_queries.list_returns(uow.session, account_id, states=states,
                                            search=search),
                return_queries.location_codes(uow.session))


def find_by_scan(database: Database, code: str, *, account_id: int | None = None
                 ) -> list[ReturnItemRow]:
    with database.unit_of_work() as uow:
        return return_queries.find_by_scan(uow.session, account_id, code)


def returnable_lines(database: Database, bol_order_id: str, *, account_id: int | None = None
                     ) -> list[ReturnableLine]:
    with database.unit_of_work() as uow:
        return return_queries.returnable_lines(uow.session, account_id, bol_order_id)


def returns_csv(database: Database, *, account_id: int | None = None) -> str:
    with database.unit_of_work() as uow:
        return return_queries.returns_csv(uow.session, account_id)


def request_handling(database: Database, return_line_id: int, handling: Handling, *,
                     user_name: str, is_manager: bool, account_id: int | None = None
                     ) -> ReturnItemRow:
    """Queue bol.com's handling of one item, committed; the item's row as it is now."""
    with database.unit_of_work() as uow:
        returns.request_handling(uow.session, account_id, return_line_id, handling,
                                 user_name=user_name, is_manager=is_manager)
        uow.session.flush()
        row = return_queries.return_item(uow.session, account_id, return_line_id)
        uow.commit()
        return row


def register_unannounced(database: Database, bol_order_id: str, order_line_id: int,
                         handling: Handling, *, user_name: str, is_manager: bool,
                         account_id: int | None = None) -> None:
    """A parcel bol.com never announced: registered (and handled) through the outbox."""
    with database.unit_of_work() as uow:
        returns.register_unannounced(uow.session, account_id, bol_order_id, order_line_id,
                                     handling, user_name=user_name, is_manager=is_manager)
        uow.commit()
