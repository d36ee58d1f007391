"""An account's pick-list rules as the domain sees them, and which rule takes each order.

The matching itself is :mod:`haydigo_desk.domain.pick_list_rules`; this module only reads the
rows and the facts a rule looks at: whether the order is due on its account's working day (the
same horizon as the Today filter, ``order_queries.due_dates``), its delivery country, whether
it ships via bol (``domain.shipping_mode``, as the label plan decides), and its open units.
No Qt; callers own the session and its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.pick_list_rules import (
    Carrier,
    Due,
    OrderFacts,
    PickListRule,
    choose_rule,
)
from haydigo_desk.domain.shipping_mode import BOL_DISTRIBUTION_PARTY, ships_via_bol
from haydigo_desk.persistence.models import MarketplaceAccount, Order
from haydigo_desk.persistence.models import PickListRule as RuleRow
from haydigo_desk.services.order_queries import due_dates


def rule_of(row: RuleRow) -> PickListRule:
    """A stored rule as the domain's value; values written by a newer desk read as "any"."""
    return PickListRule(
        name=row.name, due=_enum(Due, row.due), countries=frozenset(row.countries or ()),
        carrier=_enum(Carrier, row.carrier), singles_only=bool(row.singles_only),
        max_orders=max(1, row.max_orders), id=row.id)


def _enum(kind, value: str):
    try:
        return kind(value)
    except ValueError:
        return kind.ANY


def rules_of(session: Session, account_id: int) -> list[PickListRule]:
    """The account's rules in the manager's order."""
    rows = session.scalars(select(RuleRow).where(RuleRow.account_id == account_id)
                           .order_by(RuleRow.position, RuleRow.id))
    return [rule_of(row) for row in rows]


def order_facts(order: Order, due_by, shipping_mode: str) -> OrderFacts:
    """What the rules look at of ``order`` (its lines loaded); ``due_by`` is the latest
    deadline due on the account's working day."""
    party = BOL_DISTRIBUTION_PARTY if order.via_bol else None
    return OrderFacts(
        due_today=order.deadline_date is not None and order.deadline_date <= due_by,
        country=(order.country_code or "").upper(),
        via_bol=ships_via_bol(shipping_mode, party),
        units=sum(line.quantity_open for line in order.lines))


@dataclass(frozen=True)
class RuleGroup:
    """Orders of one account that one rule takes (``rule`` None: the default list)."""

    account_id: int
    rule: PickListRule | None
    orders: tuple[Order, ...]


def group_by_rule(session: Session, orders: Iterable[Order], now: datetime
                  ) -> list[RuleGroup]:
    """The orders per account and rule, each in the order given; per account the rules'
    groups come in the manager's order, the default group last."""
    per_account: dict[int, list[Order]] = {}
    for order in orders:
        per_account.setdefault(order.account_id, []).append(order)
    if not per_account:
        return []
    modes = dict(session.execute(
        select(MarketplaceAccount.id, MarketplaceAccount.shipping_mode)
        .where(MarketplaceAccount.id.in_(list(per_account)))).all())
    horizons = due_dates(session, now, None)
    groups: list[RuleGroup] = []
    for account_id, account_orders in per_account.items():
        rules = rules_of(session, account_id)
        buckets: dict[int | None, list[Order]] = {}
        for order in account_orders:
            facts = order_facts(order, horizons[account_id], modes.get(account_id, ""))
            buckets.setdefault(choose_rule(rules, facts), []).append(order)
        for index in sorted(buckets, key=lambda i: len(rules) if i is None else i):
            groups.append(RuleGroup(account_id, None if index is None else rules[index],
                                    tuple(buckets[index])))
    return groups
