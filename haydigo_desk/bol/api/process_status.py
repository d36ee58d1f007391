"""Process statuses: how bol.com's asynchronous writes end."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from haydigo_desk.bol.models import ProcessStatus
from haydigo_desk.bol.reading import model, model_list
from haydigo_desk.bol.transport import BolTransport

log = logging.getLogger(__name__)

MAX_PROCESS_STATUS_IDS = 1000  # per bulk request


class ProcessStatusApi(BolTransport):

    async def get_process_status(self, process_status_id: str) -> ProcessStatus:
        return await self._call_json(
            "GET",
            "/shared/process-status/{process-status-id}",
            process_status_id,
            parse=model(ProcessStatus),
        )

    async def get_process_statuses_for_entity(self, entity_id: str, event_type: str
                                              ) -> list[ProcessStatus]:
        """The processes bol.com has for one entity (an order item id, say) and event type,
        newest first (its first page of 50): how a write of unknown outcome is found."""
        if not entity_id:
            raise ValueError("entity id is empty")
        return await self._call_json(
            "GET",
            "/shared/process-status",
            params={"entity-id": str(entity_id), "event-type": event_type, "page": 1},
            parse=model_list(ProcessStatus, "processStatuses"),
        )

    async def get_process_statuses(self, process_status_ids: Iterable[str]) -> list[ProcessStatus]:
        """Many process statuses through the bulk endpoint, 1000 ids per request."""
        ids = list(dict.fromkeys(str(i) for i in process_status_ids))
        statuses: list[ProcessStatus] = []
        for start in range(0, len(ids), MAX_PROCESS_STATUS_IDS):
            chunk = ids[start : start + MAX_PROCESS_STATUS_IDS]
            body = {"processStatusQueries": [{"processStatusId": i} for i in chunk]}
            # A read expressed as POST: repeating it is harmless.
            statuses += await self._call_json(
                "POST",
                "/shared/process-status",
                json_body=body,
                read_only=True,
                parse=model_list(ProcessStatus, "processStatuses"),
            )
        return statuses

