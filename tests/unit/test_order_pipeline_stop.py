"""The order pipeline stopped from outside (the desk quits mid-import) logs no error."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest

from haydigo_desk.sync.orders import _unless_writer_stops


@pytest.mark.asyncio
async def test_a_stop_while_fetchers_wait_leaves_no_unread_gather(caplog):
    caplog.set_level(logging.ERROR, logger="asyncio")
    forever = asyncio.Event()
    fetchers = [asyncio.create_task(forever.wait()) for _ in range(3)]
    writer = asyncio.create_task(forever.wait())
    step = asyncio.create_task(_unless_writer_stops(asyncio.gather(*fetchers), writer))
    await asyncio.sleep(0.01)

    step.cancel()  # the sync loop is told to stop
    with pytest.raises(asyncio.CancelledError):
        await step
    for task in [*fetchers, writer]:  # what import_orders' cleanup does
        task.cancel()
    await asyncio.gather(*fetchers, writer, return_exceptions=True)
    await asyncio.sleep(0)
    gc.collect()  # an unread future reports itself when it is collected
    await asyncio.sleep(0)

    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []
