"""The pure rules of short picks and oversold orders (issue 19 points 4 and 5).

``HAYDIGO_OVERSOLD_EXAMPLES`` sets the hypothesis examples (default 150)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haydigo_desk.domain.lifecycle import LineCounts, pick_into_box, pick_list_status
from haydigo_desk.domain.oversold import Demand, oversold_orders, unserved_lines
from haydigo_desk.domain.short_picks import (
    Backorder,
    ShortPickRefused,
    ShortState,
    backorders_to_resume,
    check_decision,
    check_report,
    check_seller_reason,
)
from haydigo_desk.domain.states import PickListStatus

EXAMPLES = int(os.environ.get("HAYDIGO_OVERSOLD_EXAMPLES", "150"))
T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


# --- short units on a line -----------------------------------------------------------------


def test_short_units_stay_open_but_are_not_asked_for():
    counts = LineCounts(quantity=3, picked=1, short=2)
    assert (counts.open, counts.pickable, counts.to_take) == (3, 1, 0)
    with pytest.raises(ValueError):
        pick_into_box(counts, 1)  # the box already holds every unit the station asks for
    assert pick_list_status([counts]) is PickListStatus.IN_PROGRESS  # the box still ships
    shipped = LineCounts(quantity=3, picked=1, shipped=1, short=2)
    assert pick_list_status([shipped]) is PickListStatus.DONE  # the rest waits in the queue


def test_a_report_is_at_most_what_is_still_to_take():
    lines = [LineCounts(quantity=2, picked=1), LineCounts(quantity=1)]
    assert check_report(lines, 2) == 2
    with pytest.raises(ShortPickRefused) as too_many:
        check_report(lines, 3)
    assert (too_many.value.kind, too_many.value.limit) == ("too_many", 2)
    with pytest.raises(ShortPickRefused) as closed:
        check_report([LineCounts(quantity=1, picked=1, shipped=1)], 1)
    assert closed.value.kind == "closed"


def test_decisions_need_an_open_line_and_a_sellers_reason():
    open_line = LineCounts(quantity=1, short=1)
    check_decision(ShortState.REFUSED, open_line, cancel=True)  # decided again after bol
    with pytest.raises(ShortPickRefused, match="shipped"):
        check_decision(ShortState.OPEN, LineCounts(quantity=1, picked=1, shipped=1),
                       cancel=True)
    with pytest.raises(ShortPickRefused):
        check_decision(ShortState.CANCELLING, open_line, cancel=False)
    assert check_seller_reason("OUT_OF_STOCK") == "OUT_OF_STOCK"
    with pytest.raises(ShortPickRefused):
        check_seller_reason("REQUESTED_BY_CUSTOMER")


def test_backorders_resume_oldest_first_and_never_jump_the_queue():
    waiting = [Backorder(1, 2), Backorder(2, 1), Backorder(3, 1)]
    assert backorders_to_resume(waiting, 1) == []  # the oldest needs 2: nobody overtakes it
    assert backorders_to_resume(waiting, 3) == [1, 2]
    assert backorders_to_resume(waiting, 10) == [1, 2, 3]


# --- oversold ------------------------------------------------------------------------------


def test_the_oldest_orders_get_the_stock_and_the_rest_is_flagged():
    demands = [Demand(3, 30, 7, 1, T0 + timedelta(hours=2)),
               Demand(1, 10, 7, 2, T0),
               Demand(2, 20, 7, 2, T0 + timedelta(hours=1))]
    assert oversold_orders({7: 3}, demands) == {2, 3}
    assert oversold_orders({7: 5}, demands) == set()
    # An order already being picked keeps its units; the flag never stops work under way.
    started = [*demands, Demand(4, 40, 7, 2, T0 + timedelta(hours=3), started=True)]
    assert oversold_orders({7: 3}, started) == {1, 2, 3}


def test_an_order_is_flagged_by_any_of_its_products():
    demands = [Demand(1, 10, 7, 1, T0), Demand(1, 11, 8, 1, T0),
               Demand(2, 20, 8, 1, T0 + timedelta(minutes=1))]
    assert oversold_orders({7: 5, 8: 1}, demands) == {2}
    assert oversold_orders({7: 0, 8: 5}, demands) == {1}


demand_lists = st.lists(
    st.tuples(st.integers(1, 12), st.integers(1, 3), st.integers(1, 5), st.integers(0, 600),
              st.booleans()),
    max_size=25)


@settings(max_examples=EXAMPLES, deadline=None, database=None)
@given(demand_lists, st.dictionaries(st.integers(1, 3), st.integers(-3, 12)))
def test_never_more_served_than_stock_and_the_oldest_first(rows, on_hand):
    demands = [Demand(order, index, product, units, T0 + timedelta(minutes=minute), started)
               for index, (order, product, units, minute, started) in enumerate(rows)]
    unserved = unserved_lines(on_hand, demands)
    for product in {d.product_id for d in demands}:
        lines = [d for d in demands if d.product_id == product and not d.started]
        served = [d for d in lines if d.line_id not in unserved]
        stock = max(on_hand.get(product, 0), 0)
        in_hand = sum(d.units for d in demands if d.product_id == product and d.started)
        # Never more units served than the shelf holds beyond what is being picked already.
        assert sum(d.units for d in served) <= max(stock - in_hand, 0)
        # Oldest first: every served line is older than every unserved one.
        if served and len(served) < len(lines):
            newest_served = max((d.placed_at, d.order_id, d.line_id) for d in served)
            oldest_unserved = min((d.placed_at, d.order_id, d.line_id)
                                  for d in lines if d.line_id in unserved)
            assert newest_served < oldest_unserved
        # Serving stops only where the stock runs out: the first unserved line did not fit.
        if len(served) < len(lines):
            first = min((d for d in lines if d.line_id in unserved),
                        key=lambda d: (d.placed_at, d.order_id, d.line_id))
            assert first.units > max(stock - in_hand, 0) - sum(d.units for d in served)
    flagged = oversold_orders(on_hand, demands)
    assert flagged == {d.order_id for d in demands if d.line_id in unserved}
    assert not any(d.started for d in demands if d.line_id in unserved)
