"""Use cases behind Settings → Pick lists: read and save each account's pick-list rules.

The dialog edits plain ``RuleDraft`` values and hands the whole set back; a save validates
every account's rules (domain.pick_list_rules) before it writes anything, then writes them in
one transaction of its own. Rules keep their ids across edits, so the open lists a rule made
keep filling after the rule is renamed, reordered or given another maximum; a deleted rule's
lists keep its name (pick_lists.rule_name) and take no new orders. No Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import select

from haydigo_desk.domain.pick_list_rules import (
    DEFAULT_MAX_ORDERS,
    Carrier,
    Due,
    PickListRule,
    normalise_countries,
    validate_rules,
)
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount
from haydigo_desk.persistence.models import PickListRule as RuleRow

log = logging.getLogger(__name__)


@dataclass
class RuleDraft:
    """One rule as the dialog edits it; ``id`` None until saved."""

    name: str = ""
    due: str = Due.ANY.value
    countries: str = ""  # as typed: "NL, BE"; empty: any country
    carrier: str = Carrier.ANY.value
    singles_only: bool = False
    max_orders: int = DEFAULT_MAX_ORDERS
    id: int | None = None

    def to_rule(self) -> PickListRule:
        return PickListRule(name=self.name.strip(), due=_choice(Due, self.due),
                            countries=normalise_countries(self.countries),
                            carrier=_choice(Carrier, self.carrier),
                            singles_only=self.singles_only, max_orders=self.max_orders,
                            id=self.id)


def _choice(kind, value: str):
    try:
        return kind(value)
    except ValueError:
        return kind.ANY


@dataclass
class AccountRules:
    """An account's rules in the manager's order."""

    account_id: int
    account_name: str
    rules: list[RuleDraft] = field(default_factory=list)


def validate_rule_set(drafts: list[RuleDraft]) -> None:
    """Raise domain.pick_list_rules.RuleSetError for the first problem of one account's set."""
    validate_rules([draft.to_rule() for draft in drafts])


def load_rule_sets(database: Database) -> list[AccountRules]:
    """Every enabled account (by name) with its rules."""
    with database.unit_of_work() as uow:
        session = uow.session
        accounts = session.execute(
            select(MarketplaceAccount.id, MarketplaceAccount.name)
            .where(MarketplaceAccount.enabled.is_(True))
            .order_by(MarketplaceAccount.name)).all()
        rows = session.scalars(select(RuleRow).order_by(RuleRow.position, RuleRow.id)).all()
        per_account: dict[int, list[RuleDraft]] = {}
        for row in rows:
            per_account.setdefault(row.account_id, []).append(RuleDraft(
                name=row.name, due=row.due, countries=", ".join(row.countries or ()),
                carrier=row.carrier, singles_only=row.singles_only,
                max_orders=row.max_orders, id=row.id))
        return [AccountRules(account_id, name, per_account.get(account_id, []))
                for account_id, name in accounts]


def save_rule_sets(database: Database, rule_sets: list[AccountRules]) -> int:
    """Validate every set, then write them all in one transaction: rules kept by id, new
    ones inserted, the account's other rules deleted. Fills in the new rules' ids; returns
    how many rules the accounts have now. An account deleted meanwhile is skipped."""
    for rule_set in rule_sets:
        validate_rule_set(rule_set.rules)
    saved = 0
    with database.unit_of_work() as uow:
        session = uow.session
        inserted: list[tuple[RuleDraft, RuleRow]] = []
        for rule_set in rule_sets:
            if session.get(MarketplaceAccount, rule_set.account_id) is None:
                continue
            existing = {row.id: row for row in session.scalars(
                select(RuleRow).where(RuleRow.account_id == rule_set.account_id))}
            kept = {draft.id for draft in rule_set.rules if draft.id in existing}
            for rule_id, row in existing.items():
                if rule_id not in kept:
                    session.delete(row)
            for position, draft in enumerate(rule_set.rules):
                rule = draft.to_rule()
                row = existing.get(draft.id) if draft.id in kept else None
                if row is None:
                    row = RuleRow(account_id=rule_set.account_id)
                    session.add(row)
                    inserted.append((draft, row))
                row.position = position
                row.name = rule.name
                row.due = rule.due.value
                row.countries = sorted(rule.countries)
                row.carrier = rule.carrier.value
                row.singles_only = rule.singles_only
                row.max_orders = rule.max_orders
                saved += 1
        session.flush()
        new_ids = [(draft, row.id) for draft, row in inserted]
        uow.commit()
    for draft, rule_id in new_ids:  # only once committed: a failed save leaves them new
        draft.id = rule_id
    log.info("Pick-list rules saved: %d rules over %d accounts", saved, len(rule_sets))
    return saved
