"""Stock tools on both databases: every change logged, pushes queued, bad input changes nothing."""

import pytest
from sqlalchemy import select
from support.factories import ean13, make_account, make_products

from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import OutboxEntry, Product, StockMovement
from haydigo_desk.services import stock_tools
from haydigo_desk.services.stock_tools import ChannelMovement, StockToolError


@pytest.fixture
def shop(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 4, on_hand=10)
        uow.commit()
        return account.product_list_id, [p.id for p in products]


def _on_hand(database, product_id):
    with database.unit_of_work() as uow:
        return uow.session.get(Product, product_id).on_hand


def _queued_amounts(database):
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(OutboxEntry).where(OutboxEntry.state == OutboxState.QUEUED)
        ).all()
        return {row.payload["offer_id"]: row.payload["amount"] for row in rows}


def test_sale_and_return_from_another_channel(database, shop):
    list_id, _ = shop
    with database.unit_of_work() as uow:
        sold = stock_tools.record_channel_movement(
            uow.session, list_id, channel="webshop", code=ean13(1), quantity=3,
            movement=ChannelMovement.SALE, user_name="Mara",
        )
        back = stock_tools.record_channel_movement(
            uow.session, list_id, channel="market", code="sku-00002", quantity=2,
            movement="return", user_name="Mara",
        )
        uow.commit()
    assert (sold.delta, sold.on_hand) == (-3, 7)
    assert (back.delta, back.on_hand) == (2, 12)
    assert _queued_amounts(database) == {"offer-1": 7, "offer-2": 12}
    with database.unit_of_work() as uow:
        moves = uow.session.scalars(select(StockMovement).order_by(StockMovement.id)).all()
        assert [(m.channel, m.on_hand_delta, m.reason) for m in moves] == [
            ("webshop", -3, "sale via webshop"), ("market", 2, "return via market"),
        ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channel": " ", "code": "SKU-00001", "quantity": 1}, "Name the channel"),
        ({"channel": "shop", "code": "SKU-00001", "quantity": 0}, "at least 1"),
        ({"channel": "shop", "code": "SKU-00001", "quantity": 11}, "Only 10 on hand"),
        ({"channel": "shop", "code": "8712345678900", "quantity": 1}, "check digit"),
        ({"channel": "shop", "code": "NOPE", "quantity": 1}, "No product with EAN or SKU NOPE"),
    ],
)
def test_refused_channel_movements_change_nothing(database, shop, kwargs, message):
    list_id, ids = shop
    with database.unit_of_work() as uow, pytest.raises(StockToolError, match=message):
        stock_tools.record_channel_movement(
            uow.session, list_id, movement="sale", user_name="Mara", **kwargs
        )
    assert _on_hand(database, ids[0]) == 10
    assert _queued_amounts(database) == {}


def test_goods_receipt_adds_stock_and_queues_the_push(database, shop):
    list_id, _ = shop
    with database.unit_of_work() as uow:
        stock_tools.receive(uow.session, list_id, ean13(3), 1, "Pieter")
        result = stock_tools.receive(uow.session, list_id, ean13(3), 5, "Pieter")
        uow.commit()
    assert result.on_hand == 16 and result.title.startswith("Product 3")
    assert _queued_amounts(database) == {"offer-3": 16}
    with pytest.raises(StockToolError, match="quantity field"), database.unit_of_work() as uow:
        stock_tools.receive(uow.session, list_id, ean13(3), 8712345678906, "Pieter")


def test_a_product_of_another_list_is_not_found(database, shop):
    list_id, _ = shop
    with database.unit_of_work() as uow:
        other = make_account(uow.session, "bol BE", store_name="Other Shop")
        uow.session.add(Product(product_list_id=other.product_list_id, ean="5412345678908",
                                sku="BE-1", title="Belgian"))
        uow.commit()
    with database.unit_of_work() as uow, pytest.raises(StockToolError, match="No product"):
        stock_tools.receive(uow.session, list_id, "5412345678908", 1, "Pieter")


def test_manual_correction_is_manager_only(database, shop):
    from haydigo_desk.context import StaffIdentity
    from haydigo_desk.services.staff import NotAllowedError

    _, ids = shop
    manager, picker = StaffIdentity(1, "Mara", "manager"), StaffIdentity(2, "Pieter", "picker")
    with database.unit_of_work() as uow:
        with pytest.raises(NotAllowedError, match="Only a manager"):
            stock_tools.change_product_stock(uow.session, ids[0], identity=picker,
                                             reason="broken", delta=-1)
        with pytest.raises(StockToolError, match="Give a reason"):
            stock_tools.change_product_stock(uow.session, ids[0], identity=manager,
                                             reason=" ", delta=-1)
        down = stock_tools.change_product_stock(uow.session, ids[0], identity=manager,
                                                reason="broken", delta=-2)
        counted = stock_tools.change_product_stock(uow.session, ids[1], identity=manager,
                                                   reason="recount", counted=3)
        uow.commit()
    assert (down.delta, down.on_hand, counted.delta, counted.on_hand) == (-2, 8, -7, 3)
    assert _queued_amounts(database) == {"offer-1": 8, "offer-2": 3}
