"""Shipments: create, list, correct the transport (T&T); labels bought through bol are
``shipping_labels.py``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from haydigo_desk.bol.bodies import ShipmentLine, shipment_body
from haydigo_desk.bol.models import FulfilmentMethod, ProcessStatus, ReducedShipment
from haydigo_desk.bol.reading import model, model_list
from haydigo_desk.bol.transport import BolTransport

log = logging.getLogger(__name__)

SHIPMENTS_PAGE_SIZE = 50


class ShipmentsApi(BolTransport):

    async def create_shipment(
        self,
        lines: Sequence[ShipmentLine | str],
        *,
        transporter_code: str | None = None,
        track_and_trace: str | None = None,
        shipping_label_id: str | None = None,
        shipment_reference: str | None = None,
    ) -> ProcessStatus:
        """Ship order items of one order: with our own carrier (transporter code and track &
        trace) or with a label bought from bol (its id, no transport). 202 ``CREATE_SHIPMENT``.

        A POST is not repeated after a timeout or a 5xx, since it may have been processed:
        the error then says ``may_have_been_processed`` and the caller checks bol's state.
        """
        body = shipment_body(
            lines,
            transporter_code=transporter_code,
            track_and_trace=track_and_trace,
            shipping_label_id=shipping_label_id,
            shipment_reference=shipment_reference,
        )
        return await self._call_json(
            "POST",
            "/retailer/shipments",
            json_body=body,
            parse=model(ProcessStatus),
            record_id=",".join(item["orderItemId"] for item in body["orderItems"]),
        )

    async def list_shipments(
        self,
        *,
        order_id: str | None = None,
        fulfilment_method: str | None = None,
        page: int = 1,
    ) -> list[ReducedShipment]:
        """One page (50, newest first) of ``GET /retailer/shipments``."""
        if order_id and fulfilment_method:
            raise ValueError("bol accepts order-id only without fulfilment-method")
        params: dict[str, Any] = {"page": page}
        if order_id:
            params["order-id"] = str(order_id)
        if fulfilment_method:
            params["fulfilment-method"] = FulfilmentMethod(fulfilment_method).value
        return await self._call_json(
            "GET",
            "/retailer/shipments",
            params=params,
            parse=model_list(ReducedShipment, "shipments"),
            record_id=str(order_id) if order_id else None,
        )

    async def list_order_shipments(self, order_id: str) -> list[ReducedShipment]:
        """Every shipment of one order (all pages)."""
        shipments: list[ReducedShipment] = []
        for page in range(1, self._max_pages + 1):
            batch = await self.list_shipments(order_id=order_id, page=page)
            shipments.extend(batch)
            if len(batch) < SHIPMENTS_PAGE_SIZE:
                break
        return shipments

    async def change_transport(self, transport_id: str, *, track_and_trace: str,
                               transporter_code: str | None = None) -> ProcessStatus:
        """Add or correct the track & trace (and carrier) of a shipment's transport after
        shipping: ``PUT /retailer/transports/{transport-id}``, 202 ``CHANGE_TRANSPORT``.

        bol requires the track & trace here. Each PUT is a new process at bol.com, so after a
        lost answer it is never repeated blind: the outbox asks bol.com first.
        """
        if not str(transport_id or "").strip():
            raise ValueError("transport id is empty")
        if not (track_and_trace or "").strip():
            raise ValueError("bol requires a track & trace to change a transport")
        body: dict[str, Any] = {"trackAndTrace": track_and_trace}
        if transporter_code:
            body["transporterCode"] = transporter_code
        return await self._call_json(
            "PUT",
            "/retailer/transports/{transport-id}",
            str(transport_id),
            json_body=body,
            parse=model(ProcessStatus),
            idempotent=False,
        )

