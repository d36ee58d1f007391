"""Shipping labels bought through bol ("Verzenden via bol"): options, purchase, the PDF.

The flow: ``get_delivery_options`` for the order items of one box, choose one (see
``domain/delivery_options.py``), ``create_shipping_label`` with its offer id (202,
``CREATE_SHIPPING_LABEL``; on SUCCESS the process status's ``entityId`` is the label id),
``get_shipping_label`` for the PDF, then ``create_shipment(..., shipping_label_id=...)``.

A label costs money: its purchase is never repeated blind. When its answer is lost (a timeout,
a 5xx, a malformed 202) the error says ``may_have_been_processed`` and the caller asks bol
with ``get_process_statuses_for_entity(<first order item id>, LABEL_EVENT)`` before buying again.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from haydigo_desk.bol import media
from haydigo_desk.bol.bodies import ShipmentLine, order_items_body
from haydigo_desk.bol.models import ProcessStatus
from haydigo_desk.bol.models_labels import DeliveryOption, ShippingLabel
from haydigo_desk.bol.reading import malformed_answer, model, model_list
from haydigo_desk.bol.transport import BolTransport

LABEL_EVENT = "CREATE_SHIPPING_LABEL"  # the process-status event type of a label purchase
LABEL_ENDPOINT = "GET /retailer/shipping-labels/{shipping-label-id}"
# A PDF ends with %%EOF (after it at most a line end or a little padding): a label cut off in
# transit starts like a PDF but would print half a label.
_PDF_TAIL = 1024


def is_whole_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-_PDF_TAIL:]


class ShippingLabelsApi(BolTransport):

    async def get_delivery_options(self, lines: Sequence[ShipmentLine | str]
                                   ) -> list[DeliveryOption]:
        """The labels bol offers for these order items (an empty list when none fits)."""
        items = order_items_body(lines, "a label")
        return await self._call_json(
            "POST",
            "/retailer/shipping-labels/delivery-options",
            json_body={"orderItems": items},
            # Asking for options buys nothing: repeating it is harmless.
            read_only=True,
            parse=model_list(DeliveryOption, "deliveryOptions"),
            record_id=",".join(item["orderItemId"] for item in items),
        )

    async def create_shipping_label(self, lines: Sequence[ShipmentLine | str],
                                    shipping_label_offer_id: str) -> ProcessStatus:
        """Buys the label of one delivery option for these order items (202 PENDING)."""
        if not shipping_label_offer_id:
            raise ValueError("shipping label offer id is empty")
        items = order_items_body(lines, "a label")
        return await self._call_json(
            "POST",
            "/retailer/shipping-labels",
            json_body={"orderItems": items, "shippingLabelOfferId": shipping_label_offer_id},
            parse=model(ProcessStatus),
            idempotent=False,  # each purchase is charged: never sent twice without asking bol
            record_id=",".join(item["orderItemId"] for item in items),
        )

    async def get_shipping_label(self, shipping_label_id: str) -> ShippingLabel:
        """The PDF of a bought label, with its transporter and T&T code (bol's headers)."""

        def read(response: httpx.Response) -> ShippingLabel:
            if not is_whole_pdf(response.content):
                raise malformed_answer("bol.com did not send a whole PDF label", response,
                                       LABEL_ENDPOINT)
            return ShippingLabel(
                pdf=response.content,
                transporter_code=response.headers.get("x-transporter-code") or None,
                track_and_trace=response.headers.get("x-track-and-trace-code") or None,
            )

        return await self._call(
            "GET",
            "/retailer/shipping-labels/{shipping-label-id}",
            shipping_label_id,
            accept=media.V10_PDF,
            read=read,
        )
