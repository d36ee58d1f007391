"""Pick-list rules: which list a new order goes on. Pure: no I/O, no Qt.

An account has an ordered list of rules; the first rule that matches an order takes it (the
manager puts the narrow rules first: "singles via bol" before "via bol"). An order no rule
takes goes on the default list ("Other orders"), 50 orders a list, as before rules existed.

A rule matches on four criteria, each "any" or a choice:
- due: due today (by the account's cut-off: what must leave on the working day, late ones too)
  or later (everything else, also orders without a deadline);
- country: a set of delivery countries (empty: any);
- carrier: the order ships via bol (a label bought from bol.com) or with the own carrier;
- singles: orders of exactly one unit, packed straight from the batch.
and fills lists of at most ``max_orders`` orders.

A rule set is refused when a rule could never receive an order because the rules before it
take every order it would match (``shadowed``), or when two rules have the same criteria
(``duplicate``): a manager who writes such a rule means something else.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import product

DEFAULT_MAX_ORDERS = 50  # the default list's size, and a new rule's
MAX_ORDERS_LIMIT = 500  # a printable list; more is a typing error
NAME_LENGTH = 80  # pick_list_rules.name and pick_lists.rule_name

# Delivery countries a rule may name: the European countries bol.com sellers ship to (ISO
# 3166-1 alpha-2). Anything else is a typing error, not a country an order can have.
KNOWN_COUNTRIES = frozenset({
    "AD", "AL", "AT", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO",
    "FR", "GB", "GI", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD",
    "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "UA", "VA",
})


class Due(StrEnum):
    ANY = "any"
    TODAY = "today"  # must leave on the working day (by the cut-off), late ones included
    LATER = "later"


class Carrier(StrEnum):
    ANY = "any"
    VIA_BOL = "via_bol"
    OWN = "own_carrier"


class ListOrigin(StrEnum):
    """Who made a pick list."""

    HAND = "hand"  # orders chosen by a person
    RULE = "rule"  # a rule of the account
    DEFAULT = "default"  # the orders no rule takes ("Other orders")


@dataclass(frozen=True)
class OrderFacts:
    """What a rule looks at of one order."""

    due_today: bool
    country: str
    via_bol: bool  # ships with a label bought from bol.com (domain.shipping_mode)
    units: int  # units still to pick


@dataclass(frozen=True)
class PickListRule:
    name: str
    due: Due = Due.ANY
    countries: frozenset[str] = field(default_factory=frozenset)  # empty: any country
    carrier: Carrier = Carrier.ANY
    singles_only: bool = False
    max_orders: int = DEFAULT_MAX_ORDERS
    id: int | None = None

    def matches(self, order: OrderFacts) -> bool:
        if self.due is Due.TODAY and not order.due_today:
            return False
        if self.due is Due.LATER and order.due_today:
            return False
        if self.countries and order.country.upper() not in self.countries:
            return False
        if self.carrier is Carrier.VIA_BOL and not order.via_bol:
            return False
        if self.carrier is Carrier.OWN and order.via_bol:
            return False
        return not self.singles_only or order.units == 1

    @property
    def criteria(self) -> tuple:
        return (self.due, self.countries, self.carrier, self.singles_only)


def choose_rule(rules: Sequence[PickListRule], order: OrderFacts) -> int | None:
    """The position of the first rule that takes ``order``; None: the default list."""
    for index, rule in enumerate(rules):
        if rule.matches(order):
            return index
    return None


class RuleProblem(StrEnum):
    NAME_MISSING = "name_missing"
    NAME_TOO_LONG = "name_too_long"
    NAME_TAKEN = "name_taken"
    MAX_ORDERS = "max_orders"
    COUNTRY_UNKNOWN = "country_unknown"
    DUPLICATE = "duplicate"
    SHADOWED = "shadowed"


class RuleSetError(ValueError):
    """A rule set that must not be saved. ``position`` is the rule to fix, ``others`` the
    names of the earlier rules it clashes with, ``detail`` an unknown country code; the UI
    words the message from ``problem`` in the user's language."""

    def __init__(self, problem: RuleProblem, position: int, name: str,
                 others: tuple[str, ...] = (), detail: str = "") -> None:
        self.problem = problem
        self.position = position
        self.name = name
        self.others = others
        self.detail = detail
        super().__init__(_english(self))


def _english(error: RuleSetError) -> str:
    others = " and ".join(f"“{name}”" for name in error.others)
    texts = {
        RuleProblem.NAME_MISSING: f"Rule {error.position + 1} needs a name",
        RuleProblem.NAME_TOO_LONG: f"The name of rule {error.position + 1} is longer than "
                                   f"{NAME_LENGTH} characters",
        RuleProblem.NAME_TAKEN: f"Two rules are called “{error.name}”",
        RuleProblem.MAX_ORDERS: f"Rule “{error.name}”: at most 1 to {MAX_ORDERS_LIMIT} orders "
                                "a list",
        RuleProblem.COUNTRY_UNKNOWN: f"Rule “{error.name}”: {error.detail!r} is not a country "
                                     "code",
        RuleProblem.DUPLICATE: f"Rule “{error.name}” has the same criteria as {others}",
        RuleProblem.SHADOWED: f"Rule “{error.name}” can never get an order: {others} "
                              "before it take every order it matches",
    }
    return texts[error.problem]


def normalise_countries(codes: Sequence[str] | str) -> frozenset[str]:
    """Codes as typed ("nl, be" or a list) as a set of upper-case codes; not checked."""
    if isinstance(codes, str):
        codes = codes.replace(";", ",").replace(" ", ",").split(",")
    return frozenset(code.strip().upper() for code in codes if code.strip())


def validate_rules(rules: Sequence[PickListRule]) -> None:
    """Raise RuleSetError for the first problem, rule by rule in the manager's order."""
    seen: dict[str, int] = {}
    for position, rule in enumerate(rules):
        name = rule.name.strip()
        if not name:
            raise RuleSetError(RuleProblem.NAME_MISSING, position, name)
        if len(name) > NAME_LENGTH:
            raise RuleSetError(RuleProblem.NAME_TOO_LONG, position, name)
        if name.casefold() in seen:
            raise RuleSetError(RuleProblem.NAME_TAKEN, position, name,
                               (rules[seen[name.casefold()]].name.strip(),))
        seen[name.casefold()] = position
        if not 1 <= rule.max_orders <= MAX_ORDERS_LIMIT:
            raise RuleSetError(RuleProblem.MAX_ORDERS, position, name)
        for code in sorted(rule.countries):
            if code not in KNOWN_COUNTRIES:
                raise RuleSetError(RuleProblem.COUNTRY_UNKNOWN, position, name, detail=code)
        for earlier in rules[:position]:
            if earlier.criteria == rule.criteria:
                raise RuleSetError(RuleProblem.DUPLICATE, position, name,
                                   (earlier.name.strip(),))
        takers = shadowing_rules(rules[:position], rule)
        if takers:
            raise RuleSetError(RuleProblem.SHADOWED, position, name,
                               tuple(r.name.strip() for r in takers))


def _cells(rule: PickListRule, countries: frozenset[str]) -> Iterator[OrderFacts]:
    """One order for every kind of order ``rule`` matches. Countries are the ones any rule
    names plus one that no rule names ("" stands for every other country); units are one
    (a single) or two (any multi-unit order)."""
    dues = (True, False) if rule.due is Due.ANY else (rule.due is Due.TODAY,)
    places = sorted(rule.countries) if rule.countries else [*sorted(countries), ""]
    carriers = (True, False) if rule.carrier is Carrier.ANY else (
        rule.carrier is Carrier.VIA_BOL,)
    units = (1,) if rule.singles_only else (1, 2)
    for due, country, via_bol, count in product(dues, places, carriers, units):
        yield OrderFacts(due, country, via_bol, count)


def shadowing_rules(earlier: Sequence[PickListRule],
                    rule: PickListRule) -> tuple[PickListRule, ...]:
    """The earlier rules that together take every order ``rule`` matches (in their order);
    empty when ``rule`` can receive some order. Exact: the criteria are finite choices, and
    countries no rule names behave alike, so one order of each kind decides."""
    countries = frozenset().union(*(r.countries for r in (*earlier, rule)))
    takers: list[int] = []
    for order in _cells(rule, countries):
        taker = choose_rule(earlier, order)
        if taker is None:
            return ()
        if taker not in takers:
            takers.append(taker)
    return tuple(earlier[i] for i in sorted(takers))
