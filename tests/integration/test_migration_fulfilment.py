"""Orders imported before 0011 get their delivery facts from bol's answer they kept: the exact
day, time frame, who delivers, the pick-up point and the deadline the list sorts by. An order
without that answer keeps its latest delivery date as its deadline."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import text
from support.old_schema import insert_account

from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.db import create_db_engine

RAW = {"orderId": "C0042", "pickupPoint": True,
       "shipmentDetails": {"pickupPointName": "Albert Heijn: UTRECHT", "countryCode": "NL"},
       "orderItems": [
           {"orderItemId": "1001", "fulfilment": {
               "method": "FBR", "distributionParty": "BOL", "exactDeliveryDate": "2026-12-09",
               "expiryDate": "2026-12-12", "timeFrameType": "EVENING"}},
           {"orderItemId": "1002", "fulfilment": {
               "method": "FBR", "distributionParty": "RETAILER",
               "latestDeliveryDate": "2026-12-05", "timeFrameType": "REGULAR"}}]}


def test_old_orders_take_their_delivery_facts_from_bols_kept_answer(database_url):
    engine = create_db_engine(database_url)
    migrate.upgrade(engine, "0009")
    now = "2026-11-01 12:00:00"
    with engine.begin() as c:
        insert_account(c, now)
        for order_id, bol_id, raw, latest in ((1, "C0042", json.dumps(RAW), "2026-12-05"),
                                              (2, "HAND-1", None, "2026-12-07")):
            c.execute(text(
                "INSERT INTO orders (id, account_id, bol_order_id, status, customer_name, company, "
                "street, house_number, house_number_extension, extra_address_information, "
                "zip_code, city, country_code, email, language, problem, raw_json, "
                "latest_delivery_date, created_at, updated_at) VALUES (:id, 1, :bol, 'new', 'Jan',"
                " '', 'Dorpsstraat', '12', '', '', '1234AB', 'Utrecht', 'NL', '', 'nl', '', :raw, "
                ":latest, :t, :t)"), {"id": order_id, "bol": bol_id, "raw": raw,
                                      "latest": latest, "t": now})
        for line_id, order_id, item_id in ((1, 1, "1001"), (2, 1, "1002"), (3, 2, "9")):
            c.execute(text(
                "INSERT INTO order_lines (id, order_id, bol_order_item_id, ean, sku, title, "
                "quantity, quantity_picked, quantity_shipped, quantity_cancelled, "
                "quantity_reserved, cancellation, unmatched, fulfilment_method) VALUES "
                "(:id, :order_id, :item, '8712345678906', 'SKU-1', 'Lamp', 1, 0, 0, 0, 0, 'none', "
                "false, 'FBR')"), {"id": line_id, "order_id": order_id, "item": item_id})
    migrate.upgrade(engine)
    with engine.connect() as c:
        orders = c.execute(text("SELECT id, deadline_date, via_bol, pickup_point, "
                                "pickup_point_name FROM orders ORDER BY id")).all()
        lines = c.execute(text("SELECT id, exact_delivery_date, time_frame_type, "
                               "distribution_party FROM order_lines ORDER BY id")).all()
    engine.dispose()

    def day(value) -> date | None:  # SQLite hands dates back as text
        return date.fromisoformat(str(value)) if value is not None else None

    assert [(o.id, day(o.deadline_date), bool(o.via_bol), bool(o.pickup_point),
             o.pickup_point_name) for o in orders] == [
        (1, date(2026, 12, 5), True, True, "Albert Heijn: UTRECHT"),  # the earlier item rules
        (2, date(2026, 12, 7), False, False, None)]
    assert [(line.id, day(line.exact_delivery_date), line.time_frame_type,
             line.distribution_party) for line in lines] == [
        (1, date(2026, 12, 9), "EVENING", "BOL"), (2, None, "REGULAR", "RETAILER"),
        (3, None, None, None)]
