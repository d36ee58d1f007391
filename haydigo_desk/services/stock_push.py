"""Queue stock pushes to bol.com: one outbox row per offer, coalesced to the latest value."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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
    return queue_stock_pushes(session, [product])


def queue_stock_pushes(session: Session, products: Iterable[Product]) -> int:
    """``queue_stock_push`` for many products with two queries in all (accounts, queued rows)."""
    products = [p for p in products if p.offer_id]
    if not products:
        return 0
    accounts: dict[int, list[int]] = defaultdict(list)
    for account_id, list_id in session.execute(
        select(MarketplaceAccount.id, MarketplaceAccount.product_list_id).where(
            MarketplaceAccount.product_list_id.in_({p.product_list_id for p in products}),
            MarketplaceAccount.enabled.is_(True),
        ).order_by(MarketplaceAccount.id)
    ):
        accounts[list_id].append(account_id)
    keys = {stock_coalesce_key(account_id, p.offer_id)
            for p in products for account_id in accounts[p.product_list_id]}
    pending: dict[str, OutboxEntry] = {}
    if keys:
        for entry in session.scalars(
            select(OutboxEntry).where(OutboxEntry.coalesce_key.in_(keys),
                                      OutboxEntry.state == OutboxState.QUEUED)
            .order_by(OutboxEntry.id.desc())
        ):
            pending[entry.coalesce_key] = entry  # the oldest wins, as one row per key waits
    queued = 0
    for product in products:
        amount = max(product.on_hand - product.reserved, 0)
        # bol.com never offers fewer than 0, so an oversold -2 there equals our 0 here.
        unchanged = (product.last_pushed_available is not None
                     and max(product.last_pushed_available, 0) == amount)
        for account_id in accounts[product.product_list_id]:
            key = stock_coalesce_key(account_id, product.offer_id)
            entry = pending.get(key)
            if entry is not None and entry.state == OutboxState.QUEUED:
                if unchanged:
                    entry.state = OutboxState.CANCELLED
                    entry.last_error = "Withdrawn: the value equals what bol.com already has"
                    entry.done_at = utcnow()
                    continue
                current = StockPayload.from_json(entry.payload)
                entry.payload = replace(current, amount=amount).to_json()
                queued += 1
                continue
            if unchanged:
                continue
            pending[key] = enqueue(session, account_id,
                                   StockPayload(product.offer_id, amount, product_id=product.id),
                                   coalesce_key=key)
            queued += 1
    return queued
