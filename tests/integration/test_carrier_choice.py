"""Which carrier the shipment dialog preselects and which it only suggests (issue 14)."""

from __future__ import annotations

import pytest
from support.factories import make_account

from haydigo_desk.services.carrier_choice import CarrierChoice, carrier_choice, choose_carrier


@pytest.mark.parametrize(("account_default", "last_used", "expected"), [
    ("TNT", "", CarrierChoice("TNT", "")),
    ("TNT", "DHL", CarrierChoice("TNT", "DHL")),  # last used never wins silently
    ("DHL", "DHL", CarrierChoice("DHL", "")),  # nothing to suggest
    ("dhl", "gls", CarrierChoice("DHL", "GLS")),
    ("POSTNL", "DHL", CarrierChoice("", "DHL")),  # an unknown default chooses nothing
    ("TNT", "POSTNL", CarrierChoice("TNT", "")),
    (None, None, CarrierChoice("", "")),
])
def test_choose_carrier(account_default, last_used, expected) -> None:
    assert choose_carrier(account_default, last_used) == expected


def test_the_account_default_comes_from_the_database(database) -> None:
    with database.unit_of_work() as uow:
        account = make_account(uow.session, default_transporter="DPD-NL")
        uow.commit()
        account_id = account.id
    assert carrier_choice(database, account_id, "TNT") == CarrierChoice("DPD-NL", "TNT")
    assert carrier_choice(database, account_id + 99, "TNT") == CarrierChoice("", "TNT")
