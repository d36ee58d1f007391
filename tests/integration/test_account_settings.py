"""The settings dialog's account use cases: drafts in, accounts and keyring secrets out."""

from __future__ import annotations

import keyring.errors
import pytest
from pydantic import SecretStr
from support.factories import make_account, make_order

from haydigo_desk.bol.credentials import KEYRING_SERVICE
from haydigo_desk.persistence.models import MarketplaceAccount
from haydigo_desk.services.account_settings import (
    AccountDraft,
    DraftError,
    load_account_drafts,
    save_account_drafts,
    validate_draft,
)


def _draft(**overrides) -> AccountDraft:
    values = dict(name="bol NL", client_id="cid-1", store_name="Kussenwinkel")
    values.update(overrides)
    return AccountDraft(**values)


def test_saves_account_and_secret_only_in_keyring(database, memory_keyring):
    draft = _draft(new_secret=SecretStr("s3cr3t-value"), excluded_countries=["de", "FR"])
    outcome = save_account_drafts(database, [draft])

    assert outcome.saved == ["bol NL"] and outcome.secrets_stored == ["bol NL"]
    assert memory_keyring.store[(KEYRING_SERVICE, "cid-1")] == "s3cr3t-value"
    assert "s3cr3t" not in repr(draft)
    loaded = load_account_drafts(database)
    assert [(d.name, d.store_name, d.product_list_name) for d in loaded] == [
        ("bol NL", "Kussenwinkel", "Kussenwinkel")
    ]
    assert loaded[0].has_secret and loaded[0].new_secret is None
    assert loaded[0].excluded_countries == ["DE", "FR"]


def test_secret_is_unchanged_when_none_typed(database, memory_keyring):
    memory_keyring.store[(KEYRING_SERVICE, "cid-1")] = "old"
    save_account_drafts(database, [_draft()])
    assert memory_keyring.store[(KEYRING_SERVICE, "cid-1")] == "old"


def test_missing_keyring_reports_but_keeps_the_account(database, monkeypatch):
    def no_keyring(*_args):
        raise keyring.errors.NoKeyringError("No recommended backend was available")

    monkeypatch.setattr(keyring, "set_password", no_keyring)
    outcome = save_account_drafts(database, [_draft(new_secret=SecretStr("xyz-secret"))])

    assert outcome.saved == ["bol NL"]
    assert len(outcome.secret_errors) == 1 and "keyring" in outcome.secret_errors[0]
    assert "xyz-secret" not in outcome.secret_errors[0]
    assert [d.name for d in load_account_drafts(database)] == ["bol NL"]


def test_rename_edit_and_custom_environment(database):
    save_account_drafts(database, [_draft()])
    draft = load_account_drafts(database)[0]
    draft.name = "bol BE"
    draft.environment = "custom"
    draft.base_url = "http://127.0.0.1:8765"
    draft.token_url = "http://127.0.0.1:8765/token"
    draft.sync_interval_minutes = 5
    draft.harvest_orders = True
    save_account_drafts(database, [draft])

    [loaded] = load_account_drafts(database)
    assert loaded.id == draft.id and loaded.name == "bol BE"
    assert (loaded.environment, loaded.base_url) == ("custom", "http://127.0.0.1:8765")
    assert loaded.sync_interval_minutes == 5 and loaded.harvest_orders


def test_remove_deletes_unused_and_disables_used_accounts(database):
    with database.unit_of_work() as uow:
        used = make_account(uow.session, "used", client_id="c-used")
        make_order(uow.session, used, "A100", [])
        unused = make_account(uow.session, "unused", client_id="c-unused")
        ids = (used.id, unused.id)
        uow.commit()

    outcome = save_account_drafts(database, [], removed_ids=list(ids))

    assert sorted(outcome.removed) == ["unused", "used"]
    assert load_account_drafts(database) == []
    with database.unit_of_work() as uow:
        rows = {a.name: a.enabled for a in uow.session.query(MarketplaceAccount)}
    assert rows == {"used": False}  # orders keep their account; it is only hidden


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"name": " "}, "name", "name_missing"),
        ({"store_name": ""}, "store_name", "store_missing"),
        ({"client_id": ""}, "client_id", "client_id_missing"),
        ({"environment": "custom", "base_url": "ftp://x", "token_url": "http://x/token"},
         "base_url", "url_invalid"),
        ({"environment": "custom", "base_url": "http://host:1", "token_url": ""},
         "token_url", "url_invalid"),
        ({"sync_interval_minutes": 0}, "sync_interval", "interval"),
        ({"excluded_countries": ["NLD"]}, "excluded_countries", "country_invalid"),
    ],
)
def test_validation_names_field_and_problem(overrides, field, code):
    with pytest.raises(DraftError) as caught:
        validate_draft(_draft(**overrides))
    assert (caught.value.field, caught.value.code) == (field, code)


def test_duplicate_names_are_refused_before_anything_is_written(sqlite_url):
    from haydigo_desk.persistence.database import open_database

    database = open_database(sqlite_url)
    try:
        with pytest.raises(DraftError) as caught:
            save_account_drafts(database, [_draft(), _draft(name="BOL nl", client_id="c2")])
        assert caught.value.code == "name_taken"
        assert load_account_drafts(database) == []
    finally:
        database.dispose()
