"""Stock changes are logged and queue exactly the pushes bol.com needs."""

import pytest
from sqlalchemy import select

from haydigo_desk.domain.states import OutboxState
from haydigo_desk.domain.stock import StockError
from haydigo_desk.persistence.models import OutboxEntry, Product, StockMovement
from haydigo_desk.services import stock
from haydigo_desk.services.accounts import AccountSpec, save_account


@pytest.fixture
def product_id(database) -> int:
    with database.unit_of_work() as uow:
        account = save_account(uow.session, AccountSpec("bol NL", "cid", "Shop"))
        product = Product(product_list_id=account.product_list_id, ean="8712345678906",
                          sku="SKU-1", title="Lamp", on_hand=10, offer_id="offer-1",
                          last_pushed_available=10)
        uow.session.add(product)
        uow.commit()
        return product.id


def _queued(session):
    return session.scalars(select(OutboxEntry).where(OutboxEntry.state == OutboxState.QUEUED)).all()


def test_changes_coalesce_into_one_push_with_the_latest_value(database, product_id):
    with database.unit_of_work() as uow:
        product = uow.session.get(Product, product_id)
        stock.reserve(uow.session, product, 2)
        stock.adjust(uow.session, product, 5, reason="goods receipt", user_name="Ayse")
        uow.commit()
    with database.unit_of_work() as uow:
        rows = _queued(uow.session)
        assert len(rows) == 1
        assert rows[0].payload["amount"] == 13 and rows[0].payload["offer_id"] == "offer-1"
        moves = uow.session.scalars(select(StockMovement).order_by(StockMovement.id)).all()
        assert [(m.on_hand_delta, m.reserved_delta) for m in moves] == [(0, 2), (5, 0)]
        assert moves[1].user_name == "Ayse" and moves[1].reason == "goods receipt"


def test_back_to_the_pushed_value_withdraws_the_queued_push(database, product_id):
    with database.unit_of_work() as uow:
        product = uow.session.get(Product, product_id)
        stock.reserve(uow.session, product, 1)
        stock.release(uow.session, product, 1)
        uow.commit()
    with database.unit_of_work() as uow:
        assert _queued(uow.session) == []


def test_a_refused_change_changes_nothing(database, product_id):
    with database.unit_of_work() as uow:
        product = uow.session.get(Product, product_id)
        with pytest.raises(StockError):
            stock.ship(uow.session, product, 1)
        uow.commit()
    with database.unit_of_work() as uow:
        product = uow.session.get(Product, product_id)
        assert (product.on_hand, product.reserved) == (10, 0)
        assert uow.session.scalars(select(StockMovement)).all() == []


def test_uncommitted_work_rolls_back(database, product_id):
    with database.unit_of_work() as uow:
        stock.adjust(uow.session, uow.session.get(Product, product_id), -3, reason="damaged",
                     user_name="x")
    with database.unit_of_work() as uow:
        assert uow.session.get(Product, product_id).on_hand == 10
