import pytest

from haydigo_desk.domain.stock import (
    StockError,
    StockLevel,
    adjust,
    correct,
    release,
    reserve,
    ship,
)


def test_import_reserves_and_cancellation_releases():
    level = reserve(StockLevel(on_hand=5, reserved=0), 2)
    assert (level.on_hand, level.reserved, level.available) == (5, 2, 3)
    level = release(level, 2)
    assert (level.reserved, level.available) == (0, 5)


def test_shipment_lowers_on_hand_and_reserved():
    level = ship(StockLevel(on_hand=5, reserved=3), 2)
    assert (level.on_hand, level.reserved, level.available) == (3, 1, 2)


def test_oversold_import_is_recorded_but_never_offered_below_zero():
    level = reserve(StockLevel(on_hand=1, reserved=0), 3)
    assert level.available == -2 and level.sellable == 0


@pytest.mark.parametrize(
    "action",
    [lambda: release(StockLevel(2, 1), 2), lambda: ship(StockLevel(5, 1), 2),
     lambda: ship(StockLevel(1, 3), 2), lambda: reserve(StockLevel(1, 0), 0),
     lambda: adjust(StockLevel(1, 0), -2, "damaged"), lambda: adjust(StockLevel(1, 0), 1, " "),
     lambda: correct(StockLevel(1, 0), -1, "count"), lambda: correct(StockLevel(1, 0), 3, "")],
)
def test_refused_changes_raise_with_a_message(action):
    with pytest.raises(StockError) as info:
        action()
    assert str(info.value)


def test_corrections_and_adjustments_need_reasons_and_work():
    assert adjust(StockLevel(1, 0), 4, "goods receipt").on_hand == 5
    assert correct(StockLevel(9, 2), 4, "stock count").available == 2
