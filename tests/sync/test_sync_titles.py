"""Catalog titles for products imported from v11 offers (which carry none), in the image visit."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio
from sqlalchemy import select

from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.persistence.models import MarketplaceAccount, Product
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.images import ImageFetcher

CATALOG = "GET /retailer/content/catalog-products/{ean}"
ASSETS = "GET /retailer/products/{ean}/assets"
UNKNOWN_EAN = "0000000000000"


@pytest_asyncio.fixture
async def runner(setup):
    with setup.database.unit_of_work() as uow:
        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    retry = RetryPolicy(max_attempts=3, backoff_base=0.01, backoff_cap=0.02)
    runner = CycleRunner(setup.database, build_client(connection, retry=retry), setup.account_id)
    yield runner
    await runner.client.aclose()


def fetcher_for(setup, runner: CycleRunner, tmp_path: Path) -> ImageFetcher:
    return ImageFetcher(
        runner.client, setup.database, setup.account_id, tmp_path / "img", per_minute=0
    )


def titles(setup) -> dict[str, str]:
    with setup.database.unit_of_work() as uow:
        rows = uow.session.execute(select(Product.ean, Product.title))
        return {ean: title for ean, title in rows}


def add_unknown_product(setup) -> None:
    """A product bol.com's catalogue does not know (its EAN is not in the sandbox)."""
    with setup.database.unit_of_work() as uow:
        account = uow.session.get(MarketplaceAccount, setup.account_id)
        uow.session.add(
            Product(product_list_id=account.product_list_id, ean=UNKNOWN_EAN, sku="LOCAL-1")
        )
        uow.commit()


@pytest.mark.asyncio
async def test_empty_titles_arrive_from_the_catalogue_once(setup, runner, tmp_path: Path):
    await runner.run()
    offers = {offer.ean: offer for offer in setup.sandbox.state.offers}
    before = titles(setup)
    empty = {ean for ean, title in before.items() if not title}
    named = set(before) - empty
    assert empty and named  # the seeded orders named some products, the offers none
    assert all(before[ean] == offers[ean].title_nl for ean in named)
    add_unknown_product(setup)
    counts = setup.sandbox.state.request_counts
    assert counts[CATALOG] == 0  # the sync cycle itself never asks the catalogue

    fetcher = fetcher_for(setup, runner, tmp_path)
    assert await fetcher.run() == 41
    after = titles(setup)
    assert all(after[ean] == offer.title_nl for ean, offer in offers.items())  # Dutch titles
    assert after[UNKNOWN_EAN] == ""  # bol's 404: no title, and none invented
    # One catalog request per product that had no title, none for the named ones.
    assert counts[CATALOG] == len(empty) + 1
    assert counts[ASSETS] == 41
    assert (fetcher.titles_fetched, fetcher.titles_missing) == (len(empty), 1)
    with setup.database.unit_of_work() as uow:
        unknown = uow.session.scalars(select(Product).where(Product.ean == UNKNOWN_EAN)).one()
        assert unknown.image_checked_at is not None and unknown.image_path is None

    # A second run, and a fresh fetcher (a restarted desk), ask nothing again: not even for
    # the product whose title bol.com did not know.
    snapshot = dict(counts)
    assert await fetcher.run() == 0
    assert await fetcher_for(setup, runner, tmp_path).run() == 0
    assert setup.sandbox.state.request_counts == snapshot


@pytest.mark.asyncio
async def test_a_transient_error_stops_the_round_and_is_retried_later(
    setup, runner, tmp_path: Path
):
    await runner.run()
    empty_before = {ean for ean, title in titles(setup).items() if not title}
    setup.sandbox.state.set_faults(error_rate=1.0)
    fetcher = fetcher_for(setup, runner, tmp_path)
    assert await fetcher.run() == 0  # the first 5xx ends the round, nothing is marked
    state = setup.sandbox.state
    assert state.request_counts[CATALOG] + state.request_counts[ASSETS] == 3  # one retried call
    with setup.database.unit_of_work() as uow:
        assert not uow.session.scalars(select(Product.image_checked_at)).first()
    setup.sandbox.state.set_faults(error_rate=0.0)
    assert await fetcher.run() == 40
    after = titles(setup)
    assert all(after[ean] for ean in empty_before)


@pytest.mark.asyncio
async def test_a_title_named_meanwhile_is_not_overwritten(setup, runner, tmp_path: Path):
    await runner.run()
    with setup.database.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).where(Product.title == "")).first()
        product_id, ean = product.id, product.ean
        product.title = "Named by hand"  # after the fetcher picked the product, say
        uow.commit()
    fetcher = fetcher_for(setup, runner, tmp_path)
    assert await fetcher.fetch_title(product_id, ean)
    assert titles(setup)[ean] == "Named by hand"
