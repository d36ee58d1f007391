"""Queue stock pushes to bol.com: one outbox row per offer, coalesced to the latest value."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.outbox_payloads import StockPayload
from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import MarketplaceAccount, OutboxEntry, Product, utcnow
from haydigo_desk.services.outbox_writer import enqueue


def stock_coalesce_key(account_id: int, offer_id: str) -> str:
    return f"stock:{account_id}:{offer_id}"


def queue_stock_push(session: Session, product: Product) -> int:
    """Queue (or update, or drop) the stock push of every offer of this product.

    Returns how many outbox rows now wait to be sent for it. A value equal to what bol.com
    last confirmed needs no push, so a queued older value is withdrawn instead.
    """
    if not product.offer_id:
        return 0
    amount = max(product.on_hand - product.reserved, 0)
    accounts = session.scalars(
        select(MarketplaceAccount).where(
            MarketplaceAccount.product_list_id == product.product_list_id,
            MarketplaceAccount.enabled.is_(True),
        )
    ).all()
    queued = 0
    for account in accounts:
        key = stock_coalesce_key(account.id, product.offer_id)
        pending = session.scalars(
            select(OutboxEntry).where(
                OutboxEntry.coalesce_key == key, OutboxEntry.state == OutboxState.QUEUED
            )
        ).first()
        # bol.com never offers fewer than 0, so an oversold -2 there equals our 0 here.
        unchanged = (product.last_pushed_available is not None
                     and max(product.last_pushed_available, 0) == amount)
        if pending is not None:
            if unchanged:
                pending.state = OutboxState.CANCELLED
                pending.last_error = "Withdrawn: the value equals what bol.com already has"
                pending.done_at = utcnow()
                continue
            current = StockPayload.from_json(pending.payload)
            pending.payload = replace(current, amount=amount).to_json()
            queued += 1
            continue
        if unchanged:
            continue
        enqueue(session, account.id,
                StockPayload(product.offer_id, amount, product_id=product.id),
                coalesce_key=key)
        queued += 1
    return queued
