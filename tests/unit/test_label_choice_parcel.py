"""The label rule and the products' own weight and size: a box the desk knows is too big for a
letterbox never gets a mailbox label chosen for it, whatever bol.com offers."""

from __future__ import annotations

from datetime import date

import pytest

from haydigo_desk.bol.models_labels import DeliveryOption
from haydigo_desk.domain.delivery_options import OptionRule
from haydigo_desk.domain.parcel import Fit
from haydigo_desk.services.labels import choose_label

TODAY = date(2026, 12, 2)


def option(offer_id: str, label_type: str, price: str, *, recommended: bool = False
           ) -> DeliveryOption:
    return DeliveryOption.model_validate({
        "shippingLabelOfferId": offer_id, "recommended": recommended,
        "validUntilDate": "2026-12-03", "transporterCode": "POSTNL", "labelType": label_type,
        "labelPrice": {"totalPrice": price},
        "handoverDetails": {"meetsCustomerExpectation": True,
                            "latestHandoverDateTime": "2026-12-02T18:00:00+01:00"},
    })


MAILBOX = option("mailbox-1", "MAILBOX", "3.10")
PARCEL = option("parcel-1", "PARCEL", "5.40", recommended=True)


@pytest.mark.parametrize(("parcel", "chosen"), [
    (None, "mailbox-1"),  # nothing known: bol offered the mailbox, the rule takes it
    (Fit.FITS, "mailbox-1"),
    (Fit.UNKNOWN, "mailbox-1"),  # some sizes unknown: bol's offer stands
    (Fit.TOO_BIG, "parcel-1"),  # the desk knows better than the letterbox
])
def test_mailbox_when_it_fits_follows_the_products_own_size(parcel, chosen):
    picked = choose_label([MAILBOX, PARCEL], OptionRule.MAILBOX_WHEN_FITS, TODAY,
                          parcel=parcel)
    assert picked.option is not None and picked.option.shipping_label_offer_id == chosen
    assert {o.shipping_label_offer_id for o in picked.options} == {"mailbox-1", "parcel-1"}


def test_the_cheapest_rule_skips_a_mailbox_label_for_a_box_too_big():
    picked = choose_label([MAILBOX, PARCEL], OptionRule.CHEAPEST_ON_TIME, TODAY,
                          parcel=Fit.TOO_BIG)
    assert picked.option.shipping_label_offer_id == "parcel-1"


def test_only_a_mailbox_offered_stays_chosen_and_the_packer_may_still_pick_it():
    alone = choose_label([MAILBOX], OptionRule.MAILBOX_WHEN_FITS, TODAY, parcel=Fit.TOO_BIG)
    assert alone.option.shipping_label_offer_id == "mailbox-1"
    by_hand = choose_label([MAILBOX, PARCEL], OptionRule.MAILBOX_WHEN_FITS, TODAY,
                           offer_id="mailbox-1", parcel=Fit.TOO_BIG)
    assert by_hand.option.shipping_label_offer_id == "mailbox-1"
