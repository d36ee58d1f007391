"""The rule that chooses a bol.com label among the delivery options, case by case."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haydigo_desk.bol.models_labels import DeliveryOption
from haydigo_desk.domain.delivery_options import (
    ChoiceReason,
    LabelOption,
    OptionRule,
    choose_option,
)
from haydigo_desk.services.label_options import label_option_of

TODAY = date(2026, 8, 3)
NOON = datetime(2026, 8, 3, 12, tzinfo=UTC)
EXAMPLES = int(os.environ.get("HAYDIGO_OPTION_EXAMPLES", "60"))


def option(offer_id: str, price: str | None = "4.15", *, recommended: bool = False,
           mailbox: bool = False, on_time: bool | None = True, valid_until: date | None = TODAY,
           handover_hours: int | None = 6) -> LabelOption:
    return LabelOption(
        offer_id=offer_id,
        recommended=recommended,
        mailbox=mailbox,
        price=Decimal(price) if price is not None else None,
        meets_promise=on_time,
        valid_until=valid_until,
        latest_handover=NOON + timedelta(hours=handover_hours) if handover_hours else None,
    )


PARCEL = option("parcel", "4.15", recommended=True)
CHEAP_PARCEL = option("dhl", "3.95")
MAILBOX = option("mailbox", "2.88", mailbox=True)
LATE_MAILBOX = option("late-mailbox", "2.45", mailbox=True, on_time=False)


@pytest.mark.parametrize(("rule", "options", "chosen", "reason"), [
    (OptionRule.RECOMMENDED, [CHEAP_PARCEL, PARCEL, MAILBOX], "parcel", ChoiceReason.RECOMMENDED),
    (OptionRule.CHEAPEST_ON_TIME, [PARCEL, CHEAP_PARCEL, LATE_MAILBOX], "dhl",
     ChoiceReason.CHEAPEST_ON_TIME),
    (OptionRule.CHEAPEST_ON_TIME, [PARCEL, MAILBOX], "mailbox", ChoiceReason.CHEAPEST_ON_TIME),
    (OptionRule.MAILBOX_WHEN_FITS, [PARCEL, CHEAP_PARCEL, MAILBOX], "mailbox",
     ChoiceReason.MAILBOX),
    # No mailbox offered (the items do not fit): the cheapest parcel on time.
    (OptionRule.MAILBOX_WHEN_FITS, [PARCEL, CHEAP_PARCEL], "dhl", ChoiceReason.NO_MAILBOX),
    # A mailbox label would be late: a parcel on time, not a strike.
    (OptionRule.MAILBOX_WHEN_FITS, [PARCEL, LATE_MAILBOX], "parcel", ChoiceReason.MAILBOX_LATE),
    # bol recommends nothing: the cheapest on time instead.
    (OptionRule.RECOMMENDED, [CHEAP_PARCEL, MAILBOX], "mailbox", ChoiceReason.NO_RECOMMENDATION),
    # bol's recommendation would be late while another is on time: no strike taken.
    (OptionRule.RECOMMENDED, [option("late", "2.00", recommended=True, on_time=False),
                              CHEAP_PARCEL], "dhl", ChoiceReason.RECOMMENDED_LATE),
])
def test_each_rule_chooses_and_says_why(rule, options, chosen, reason) -> None:
    choice = choose_option(options, rule, TODAY)
    assert choice.option is not None and choice.option.offer_id == chosen
    assert choice.reason is reason
    assert not choice.needs_confirmation


def test_nothing_offered_and_everything_expired_are_told_apart() -> None:
    assert choose_option([], OptionRule.RECOMMENDED, TODAY).reason is ChoiceReason.NO_OPTIONS
    yesterday = TODAY - timedelta(days=1)
    stale = [option("a", valid_until=yesterday), option("b", valid_until=yesterday)]
    choice = choose_option(stale, OptionRule.CHEAPEST_ON_TIME, TODAY)
    assert choice.option is None and choice.reason is ChoiceReason.ALL_EXPIRED
    assert not choice.needs_confirmation  # nothing to confirm: nothing can be bought


def test_an_expired_option_is_never_chosen_even_when_cheapest_or_recommended() -> None:
    expired = option("expired", "1.00", recommended=True, valid_until=TODAY - timedelta(days=1))
    for rule in OptionRule:
        choice = choose_option([expired, option("parcel", "4.15")], rule, TODAY)
        assert choice.option is not None and choice.option.offer_id == "parcel", rule
    # Valid through today, and without an end date, an option stays valid.
    assert choose_option([option("today", valid_until=TODAY)], OptionRule.RECOMMENDED,
                         TODAY).option is not None
    assert choose_option([option("open", valid_until=None)], OptionRule.CHEAPEST_ON_TIME,
                         TODAY).option.offer_id == "open"


def test_no_option_meets_the_promise_asks_for_confirmation() -> None:
    late = [option("late-parcel", "4.15", on_time=False, recommended=True),
            option("late-dhl", "3.95", on_time=False),
            option("unknown", "2.00", on_time=None)]  # no handover details: not known on time
    for rule in OptionRule:
        choice = choose_option(late, rule, TODAY)
        assert choice.reason is ChoiceReason.NONE_ON_TIME, rule
        assert choice.option.offer_id == "late-parcel"  # bol's recommendation first
        assert choice.needs_confirmation
    unrecommended = [option("late-parcel", "4.15", on_time=False), option("late-dhl", "3.95",
                                                                          on_time=False)]
    choice = choose_option(unrecommended, OptionRule.RECOMMENDED, TODAY)
    assert choice.option.offer_id == "late-dhl" and choice.needs_confirmation  # then the cheapest


def test_ties_go_to_the_recommended_then_the_later_handover_then_bols_order() -> None:
    first = option("first", "3.95", handover_hours=4)
    later = option("later", "3.95", handover_hours=8)
    recommended = option("recommended", "3.95", recommended=True, handover_hours=2)
    choice = choose_option([first, later, recommended], OptionRule.CHEAPEST_ON_TIME, TODAY)
    assert choice.option.offer_id == "recommended"
    assert choice.ties == ("later", "first")
    choice = choose_option([first, later], OptionRule.CHEAPEST_ON_TIME, TODAY)
    assert choice.option.offer_id == "later" and choice.ties == ("first",)
    twins = [option("one", "3.95"), option("two", "3.95")]
    assert choose_option(twins, OptionRule.CHEAPEST_ON_TIME, TODAY).option.offer_id == "one"
    assert choose_option(list(reversed(twins)), OptionRule.CHEAPEST_ON_TIME,
                         TODAY).option.offer_id == "two"
    untied = choose_option([PARCEL, CHEAP_PARCEL], OptionRule.CHEAPEST_ON_TIME, TODAY)
    assert untied.ties == ()


def test_an_unknown_price_is_never_taken_for_the_cheapest() -> None:
    choice = choose_option([option("no-price", None), option("priced", "9.99")],
                           OptionRule.CHEAPEST_ON_TIME, TODAY)
    assert choice.option.offer_id == "priced"


def test_several_recommended_the_one_on_time_and_cheapest_wins() -> None:
    options = [option("late", "2.00", recommended=True, on_time=False),
               option("dear", "5.00", recommended=True),
               option("cheap", "4.00", recommended=True)]
    assert choose_option(options, OptionRule.RECOMMENDED, TODAY).option.offer_id == "cheap"


def test_bol_delivery_options_become_label_options() -> None:
    wire = {
        "shippingLabelOfferId": "027b79fa", "recommended": True, "validUntilDate": "2026-08-03",
        "transporterCode": "TNT", "labelType": "MAILBOX_LIGHT", "labelDisplayName": "PostNL",
        "labelPrice": {"totalPrice": 2.45},
        "packageRestrictions": {"maxWeight": "2 kg", "maxDimensions": "38 x 26.5 x 3.2 cm"},
        "handoverDetails": {"meetsCustomerExpectation": True,
                            "latestHandoverDateTime": "2026-08-03T18:00:00+02:00"},
    }
    label = label_option_of(DeliveryOption.model_validate(wire))
    assert label == LabelOption("027b79fa", True, True, Decimal("2.45"), True, TODAY,
                                datetime.fromisoformat("2026-08-03T18:00:00+02:00"))
    bare = DeliveryOption.model_validate({"shippingLabelOfferId": "x", "labelType": "DRONE"})
    assert label_option_of(bare) == LabelOption("x")  # nothing known: not mailbox, not on time


# --- the property -----------------------------------------------------------------------------

label_options = st.builds(
    LabelOption,
    offer_id=st.text("abcdef0123", min_size=1, max_size=6),
    recommended=st.booleans(),
    mailbox=st.booleans(),
    price=st.none() | st.decimals("0.00", "20.00", places=2),
    meets_promise=st.none() | st.booleans(),
    valid_until=st.none() | st.dates(TODAY - timedelta(days=3), TODAY + timedelta(days=3)),
    latest_handover=st.none() | st.datetimes(NOON.replace(tzinfo=None),
                                             (NOON + timedelta(days=2)).replace(tzinfo=None),
                                             timezones=st.just(UTC)),
)


@settings(max_examples=EXAMPLES, deadline=None, database=None)
@given(options=st.lists(label_options, max_size=8), rule=st.sampled_from(list(OptionRule)))
def test_the_choice_is_always_an_offered_valid_option(options, rule) -> None:
    choice = choose_option(options, rule, TODAY)
    valid = [o for o in options if o.valid_until is None or o.valid_until >= TODAY]
    if not options:
        assert choice.reason is ChoiceReason.NO_OPTIONS
    if not valid:
        assert choice.option is None
        return
    assert any(choice.option is o for o in valid)  # one of those offered, never expired
    assert all(tie in {o.offer_id for o in valid} for tie in choice.ties)
    # A late label is chosen only when nothing valid is on time, and then must be confirmed.
    on_time = [o for o in valid if o.meets_promise is True]
    assert choice.needs_confirmation == (not on_time)
    if on_time and rule is OptionRule.CHEAPEST_ON_TIME:
        cheapest = min((o.price for o in on_time if o.price is not None), default=None)
        assert choice.option.price == cheapest
