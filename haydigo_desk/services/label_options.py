"""bol.com's delivery options as the label rule sees them (``domain/delivery_options.py``)."""

from __future__ import annotations

from haydigo_desk.bol.models_labels import DeliveryOption, HandoverDetails, LabelType
from haydigo_desk.domain.delivery_options import LabelOption


def label_option_of(option: DeliveryOption) -> LabelOption:
    handover = option.handover_details or HandoverDetails()
    return LabelOption(
        offer_id=option.shipping_label_offer_id,
        recommended=option.recommended,
        mailbox=option.label_type in (LabelType.MAILBOX, LabelType.MAILBOX_LIGHT),
        price=option.total_price,
        meets_promise=handover.meets_customer_expectation,
        valid_until=option.valid_until_date,
        latest_handover=handover.latest_handover_date_time,
    )
