"""Use cases behind the settings dialog's account page (no Qt).

The dialog edits plain ``AccountDraft`` values, never ORM rows, and hands them back here in one
go: the accounts are written in one transaction, and only after it committed are new client
secrets put in the OS keyring. A missing keyring therefore never loses the rest of the edit; it
comes back as a message in ``SaveOutcome.secret_errors``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import time

import keyring
from keyring.backends import fail, null
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from haydigo_desk.bol.credentials import (
    SecretStoreUnavailableError,
    has_client_secret,
    store_client_secret,
)
from haydigo_desk.domain.delivery_options import OptionRule
from haydigo_desk.domain.shipping_mode import ShippingMode
from haydigo_desk.domain.transporters import transporter_by_code
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OutboxEntry,
    PickList,
    SyncRun,
)
from haydigo_desk.services.accounts import AccountError, AccountSpec, save_account

log = logging.getLogger(__name__)

# Countries a bol.com seller delivers to or may want to keep out; offered as check boxes.
DELIVERY_COUNTRIES: tuple[str, ...] = ("NL", "BE", "DE", "FR", "LU", "AT", "GB", "ES", "IT", "PL")


@dataclass
class AccountDraft:
    """One account as the dialog edits it. ``new_secret`` is only set when the user typed one."""

    name: str = ""
    client_id: str = ""
    store_name: str = ""
    product_list_name: str = ""
    environment: str = "production"
    base_url: str = ""
    token_url: str = ""
    excluded_countries: list[str] = field(default_factory=list)
    harvest_products: bool = True
    harvest_orders: bool = False
    sync_interval_minutes: int = 10
    default_transporter: str = "TNT"
    # The local time after which nothing more leaves today (None: no cut-off).
    cutoff_time: time | None = None
    shipping_mode: str = ShippingMode.OWN_CARRIER.value
    label_option_rule: str = OptionRule.RECOMMENDED.value
    id: int | None = None
    has_secret: bool = False
    new_secret: SecretStr | None = field(default=None, repr=False)

    def to_spec(self) -> AccountSpec:
        custom = self.environment == "custom"
        return AccountSpec(
            name=self.name.strip(),
            client_id=self.client_id.strip(),
            store_name=self.store_name.strip(),
            product_list_name=self.product_list_name.strip(),
            environment=self.environment,
            base_url=(self.base_url.strip() or None) if custom else None,
            token_url=(self.token_url.strip() or None) if custom else None,
            excluded_countries=[c.strip().upper() for c in self.excluded_countries if c.strip()],
            harvest_products=self.harvest_products,
            harvest_orders=self.harvest_orders,
            sync_interval_minutes=self.sync_interval_minutes,
            default_transporter=self.default_transporter,
        )

    def copy(self) -> AccountDraft:
        return replace(self, excluded_countries=list(self.excluded_countries))


def keyring_available() -> bool:
    """False where secrets cannot be kept: no backend at all, or the null one that drops them."""
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring | null.Keyring)


def secret_stored(client_id: str) -> bool:
    return bool(client_id) and has_client_secret(client_id)


class DraftError(AccountError):
    """A draft the dialog must not save.

    ``field`` names the input to highlight and ``code`` the problem, so the dialog can show its
    own translated text.
    """

    def __init__(self, message: str, field_name: str, code: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.code = code


def validate_draft(draft: AccountDraft, others: list[AccountDraft] = ()) -> None:
    """Everything ``AccountSpec.validate`` checks plus what only the dialog knows."""
    if not draft.name.strip():
        raise DraftError("An account needs a name", "name", "name_missing")
    if any(o.name.strip().casefold() == draft.name.strip().casefold() for o in others):
        raise DraftError("Another account already has this name", "name", "name_taken")
    if not draft.store_name.strip():
        raise DraftError("An account needs a store", "store_name", "store_missing")
    if not draft.client_id.strip():
        raise DraftError("An account needs a client id", "client_id", "client_id_missing")
    if draft.environment == "custom":
        for attr in ("base_url", "token_url"):
            value = getattr(draft, attr).strip()
            if not value.startswith(("http://", "https://")) or len(value) < 10:
                raise DraftError("A custom environment needs an http(s) URL", attr, "url_invalid")
    if not 1 <= draft.sync_interval_minutes <= 60:
        raise DraftError("The sync interval is 1 to 60 minutes", "sync_interval", "interval")
    if transporter_by_code(draft.default_transporter) is None:
        # Never save a default the shipment dialog could not preselect (or a silent "TNT").
        raise DraftError("The default transporter must be a bol.com transporter code",
                         "transporter", "transporter_unknown")
    if draft.cutoff_time is not None and not isinstance(draft.cutoff_time, time):
        raise DraftError("The cut-off is a time of day", "cutoff", "cutoff_invalid")
    if draft.shipping_mode not in tuple(ShippingMode):
        raise DraftError("Choose how this account ships", "shipping_mode", "shipping_mode")
    if draft.label_option_rule not in tuple(OptionRule):
        raise DraftError("Choose which bol.com label to buy", "label_option_rule",
                         "label_option_rule")
    try:
        draft.to_spec().validate()
    except AccountError as exc:
        raise DraftError(str(exc), exc.field or "excluded_countries",
                         exc.code or "country_invalid") from None


def load_account_drafts(database: Database) -> list[AccountDraft]:
    """Enabled accounts as drafts, with whether the keyring holds their secret."""
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(MarketplaceAccount)
            .where(MarketplaceAccount.enabled.is_(True))
            .order_by(MarketplaceAccount.name)
        ).all()
        drafts = [_draft_of(row) for row in rows]
    for draft in drafts:
        draft.has_secret = secret_stored(draft.client_id)
    return drafts


def _draft_of(row: MarketplaceAccount) -> AccountDraft:
    return AccountDraft(
        id=row.id,
        name=row.name,
        client_id=row.client_id,
        store_name=row.store.name,
        product_list_name=row.product_list.name,
        environment=row.environment,
        base_url=row.base_url or "",
        token_url=row.token_url or "",
        excluded_countries=list(row.excluded_countries or []),
        harvest_products=row.harvest_products,
        harvest_orders=row.harvest_orders,
        sync_interval_minutes=row.sync_interval_minutes,
        default_transporter=row.default_transporter,
        cutoff_time=row.cutoff_time,
        shipping_mode=row.shipping_mode,
        label_option_rule=row.label_option_rule,
    )


@dataclass
class SaveOutcome:
    saved: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    secrets_stored: list[str] = field(default_factory=list)
    secret_errors: list[str] = field(default_factory=list)


def save_account_drafts(
    database: Database, drafts: list[AccountDraft], removed_ids: list[int] = ()
) -> SaveOutcome:
    """Write all drafts and removals in one transaction, then store typed secrets."""
    outcome = SaveOutcome()
    for index, draft in enumerate(drafts):
        validate_draft(draft, drafts[:index] + drafts[index + 1 :])
    with database.unit_of_work() as uow:
        session = uow.session
        for account_id in removed_ids:
            name = _remove_account(session, account_id)
            if name:
                outcome.removed.append(name)
        for draft in drafts:
            if draft.id is not None:
                _rename(session, draft.id, draft.name.strip())
            account = save_account(session, draft.to_spec())
            account.cutoff_time = draft.cutoff_time.replace(second=0, microsecond=0) \
                if draft.cutoff_time else None
            account.enabled = True  # saving a name that was removed earlier brings it back
            account.shipping_mode = draft.shipping_mode
            account.label_option_rule = draft.label_option_rule
            draft.id = account.id
            outcome.saved.append(account.name)
        uow.commit()
    for draft in drafts:
        if draft.new_secret is None or not draft.new_secret.get_secret_value():
            continue
        try:
            store_client_secret(draft.client_id.strip(), draft.new_secret)
        except SecretStoreUnavailableError as exc:
            outcome.secret_errors.append(str(exc))
            continue
        draft.has_secret = True
        draft.new_secret = None
        outcome.secrets_stored.append(draft.name)
    log.info(
        "Accounts saved: %s; removed: %s; secrets stored for: %s",
        outcome.saved, outcome.removed, outcome.secrets_stored,
    )
    return outcome


def _rename(session: Session, account_id: int, new_name: str) -> None:
    account = session.get(MarketplaceAccount, account_id)
    if account is not None and account.name != new_name:
        account.name = new_name
        session.flush()


def _remove_account(session: Session, account_id: int) -> str | None:
    """Delete an unused account; one with history (orders, syncs...) is only disabled."""
    account = session.get(MarketplaceAccount, account_id)
    if account is None:
        return None
    name = account.name
    in_use = any(
        session.scalar(select(func.count()).where(model.account_id == account_id))
        for model in (Order, PickList, OutboxEntry, SyncRun)
    )
    if in_use:
        account.enabled = False
    else:
        session.delete(account)
    session.flush()
    return name
