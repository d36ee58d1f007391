"""Which carrier the shipment dialog starts with, and which one it only suggests.

The rule (issue: a carrier the user never chose was posted to bol.com): the account's default
transporter, chosen by a manager in Settings → Accounts, is preselected. The carrier last used
at this desk is never selected by itself; it is offered as a visible suggestion when it differs.
A code that is not (or no longer) a bol.com transporter code is neither preselected nor
suggested: then the picker starts empty and the user must choose.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from haydigo_desk.domain.transporters import transporter_by_code
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount


@dataclass(frozen=True)
class CarrierChoice:
    preselected: str  # a known bol.com code, or "" (nothing chosen yet)
    suggested: str  # the desk's last used code when known and different, else ""


def _known(code: str | None) -> str:
    transporter = transporter_by_code(code or "")
    return transporter.code if transporter is not None else ""


def choose_carrier(account_default: str | None, last_used: str | None) -> CarrierChoice:
    """The pure rule: preselect the account default, only suggest the last used."""
    preselected = _known(account_default)
    suggested = _known(last_used)
    return CarrierChoice(preselected, suggested if suggested != preselected else "")


def carrier_choice(database: Database, account_id: int, last_used: str = "") -> CarrierChoice:
    """:func:`choose_carrier` for an account as stored in the database."""
    with database.unit_of_work() as uow:
        account_default = uow.session.scalar(
            select(MarketplaceAccount.default_transporter)
            .where(MarketplaceAccount.id == account_id)
        )
    return choose_carrier(account_default, last_used)
