"""Queue stock pushes to bol.com: one outbox row per offer, coalesced to the latest value."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.states import OutboxKind, OutboxState
from haydigo_desk.persistence.models import MarketplaceAccount, OutboxEntry, Product, utcnow


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
            pending.payload = {**pending.payload, "amount": amount}
            queued += 1
            continue
        if unchanged:
            continue
        session.add(
            OutboxEntry(
                account_id=account.id,
                kind=OutboxKind.STOCK,
                coalesce_key=key,
                payload={
                    "offer_id": product.offer_id,
                    "product_id": product.id,
                    "amount": amount,
                    "managed_by_retailer": True,
                },
                state=OutboxState.QUEUED,
                next_attempt_at=utcnow(),
            )
        )
        queued += 1
    return queued
