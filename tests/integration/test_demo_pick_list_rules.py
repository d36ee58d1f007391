"""The demo's helpers for pick-list rules and screenshots: one short pick on the first open
list (so the Can't-fulfil queue shows a line), nothing when there is no list."""

from __future__ import annotations

from sqlalchemy import select
from support.factories import make_account, make_order, make_products

from haydigo_desk.demo import report_demo_short_pick
from haydigo_desk.persistence.models import ShortPick
from haydigo_desk.services import picklists


def test_a_demo_short_pick_lands_on_the_first_open_list(database):
    assert report_demo_short_pick(database) is False  # no pick list yet
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        [product] = make_products(uow.session, account, 1)
        order = make_order(uow.session, account, "C0001", [(product, 2)])
        uow.session.flush()
        picklists.create_pick_list(uow.session, [order.id])
        uow.commit()
    assert report_demo_short_pick(database) is True
    with database.unit_of_work() as uow:
        [short] = uow.session.scalars(select(ShortPick)).all()
        assert (short.units, short.reason, short.state, short.reported_by) == (
            1, "not_found", "open", "Demo picker")
