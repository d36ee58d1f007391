"""Which bol.com label to buy: one delivery option chosen by the account's rule, and why.

Pure (no I/O): the station asks bol for the delivery options of an order's items, turns them
into ``LabelOption`` and calls ``choose_option``; the packer's screen shows the ``Choice`` with
its ``reason`` and lets the packer take another option.

The rules:

- ``RECOMMENDED``: the option bol marks as recommended (if it meets the promise).
- ``CHEAPEST_ON_TIME``: the cheapest option that meets the customer's promise (bol's
  ``meetsCustomerExpectation``: handed over in time, it earns no strike).
- ``MAILBOX_WHEN_FITS``: the cheapest mailbox label on time (bol offers mailbox labels only
  when the items fit through a letterbox), else as ``CHEAPEST_ON_TIME``.

An option whose ``valid_until`` lies before ``today`` (bol's date) is expired and never chosen;
an unknown ``meets_promise`` counts as not meeting it, and an unknown price as the dearest.
When nothing on time is left the choice falls back (bol's recommendation, else the cheapest)
and ``needs_confirmation`` says a person must agree before money is spent on a late label.
Ties on the rule's criterion go, in this order, to bol's recommendation, to the later handover
deadline (more time to pack), then to the order bol listed them in; ``ties`` names the others.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


class OptionRule(enum.StrEnum):
    RECOMMENDED = "recommended"
    CHEAPEST_ON_TIME = "cheapest_on_time"
    MAILBOX_WHEN_FITS = "mailbox_when_fits"


class ChoiceReason(enum.StrEnum):
    """Why this option (or none) was chosen; the packer's screen shows it in words."""

    RECOMMENDED = "recommended"  # bol recommends it
    CHEAPEST_ON_TIME = "cheapest_on_time"  # the cheapest that meets the promise
    MAILBOX = "mailbox"  # the cheapest mailbox label on time
    NO_RECOMMENDATION = "no_recommendation"  # bol recommends none: the cheapest on time
    RECOMMENDED_LATE = "recommended_late"  # bol's recommendation is late: the cheapest on time
    NO_MAILBOX = "no_mailbox"  # no mailbox label offered: the cheapest on time
    MAILBOX_LATE = "mailbox_late"  # mailbox labels only late: the cheapest on time
    NONE_ON_TIME = "none_on_time"  # nothing meets the promise: a late label, to confirm
    NO_OPTIONS = "no_options"  # bol offered nothing for these items
    ALL_EXPIRED = "all_expired"  # every offer expired: ask bol for options again


@dataclass(frozen=True, slots=True)
class LabelOption:
    """What the rule needs to know of one delivery option."""

    offer_id: str
    recommended: bool = False
    mailbox: bool = False
    price: Decimal | None = None  # excluding VAT
    meets_promise: bool | None = None
    valid_until: date | None = None  # None: bol gave no end
    latest_handover: datetime | None = None

    def expired(self, today: date) -> bool:
        return self.valid_until is not None and self.valid_until < today


@dataclass(frozen=True, slots=True)
class Choice:
    option: LabelOption | None  # None: nothing can be bought (see reason)
    reason: ChoiceReason
    # Offer ids that were as good by the rule's criterion and lost only on the tie-break.
    ties: tuple[str, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        """True when the chosen label does not meet the customer's promise."""
        return self.option is not None and self.option.meets_promise is not True


def choose_option(options: Sequence[LabelOption], rule: OptionRule, today: date) -> Choice:
    """The option ``rule`` picks among ``options`` on bol's date ``today``; see the module doc."""
    rule = OptionRule(rule)
    if not options:
        return Choice(None, ChoiceReason.NO_OPTIONS)
    # The position in bol's list is the last tie-break, so keep it beside each option.
    valid = [(index, option) for index, option in enumerate(options)
             if not option.expired(today)]
    if not valid:
        return Choice(None, ChoiceReason.ALL_EXPIRED)
    on_time = [entry for entry in valid if entry[1].meets_promise is True]

    if rule is OptionRule.RECOMMENDED:
        recommended = [entry for entry in on_time if entry[1].recommended]
        if recommended:
            # bol recommends one; should it mark several, the cheapest wins.
            return _best(recommended, _price_key, ChoiceReason.RECOMMENDED)
        late = any(option.recommended for _, option in valid)
        fallback = ChoiceReason.RECOMMENDED_LATE if late else ChoiceReason.NO_RECOMMENDATION
    elif rule is OptionRule.MAILBOX_WHEN_FITS:
        mailbox = [entry for entry in valid if entry[1].mailbox]
        mailbox_on_time = [entry for entry in mailbox if entry[1].meets_promise is True]
        if mailbox_on_time:
            return _best(mailbox_on_time, _price_key, ChoiceReason.MAILBOX)
        fallback = ChoiceReason.MAILBOX_LATE if mailbox else ChoiceReason.NO_MAILBOX
    else:
        fallback = ChoiceReason.CHEAPEST_ON_TIME

    if on_time:
        return _best(on_time, _price_key, fallback)
    # Nothing meets the promise: bol's recommendation if it has one, else the cheapest; a
    # person confirms (Choice.needs_confirmation).
    return _best(valid, lambda o: (not o.recommended, _price_key(o)), ChoiceReason.NONE_ON_TIME)


def _price_key(option: LabelOption) -> tuple[bool, Decimal]:
    return (option.price is None, option.price if option.price is not None else Decimal(0))


def _best(entries: list[tuple[int, LabelOption]], criterion: Callable[[LabelOption], object],
          reason: ChoiceReason) -> Choice:
    def tie_break(entry: tuple[int, LabelOption]) -> tuple:
        index, option = entry
        handover = option.latest_handover.timestamp() if option.latest_handover else float("-inf")
        return (not option.recommended, -handover, index)

    best_value = min(criterion(option) for _, option in entries)
    equal = sorted((entry for entry in entries if criterion(entry[1]) == best_value),
                   key=tie_break)
    chosen = equal[0][1]
    return Choice(chosen, reason, tuple(option.offer_id for _, option in equal[1:]))
