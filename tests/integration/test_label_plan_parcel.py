"""The station's label plan knows from the products' own weight and size whether the box goes
through a letterbox (real SQLite; the products as a manager entered them)."""

from __future__ import annotations

import pytest
from support.factories import make_account, make_order, make_products
from support.label_setup import pack_order

from haydigo_desk.domain.parcel import Fit
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services import labels

SIZES = {
    "light": {"weight_g": 180, "length_mm": 200, "width_mm": 120, "height_mm": 20},
    "heavy": {"weight_g": 3500, "length_mm": 300, "width_mm": 200, "height_mm": 25},
    "unknown": {},
}


@pytest.mark.parametrize(("size", "fit"), [
    ("light", Fit.FITS), ("heavy", Fit.TOO_BIG), ("unknown", Fit.UNKNOWN)])
def test_the_label_plan_carries_the_boxs_mailbox_fit(tmp_path, size, fit):
    database = open_database(f"sqlite:///{tmp_path / 'desk.db'}")
    try:
        with database.unit_of_work() as uow:
            account = make_account(uow.session)
            product = make_products(uow.session, account, 1)[0]
            for column, value in SIZES[size].items():
                setattr(product, column, value)
            make_order(uow.session, account, "C000PARCEL", [(product, 1)])
            uow.commit()
        order_id = pack_order(database, "C000PARCEL")
        assert labels.label_plan(database, order_id).parcel is fit
    finally:
        database.dispose()
