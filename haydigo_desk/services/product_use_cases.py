"""The Products section's use cases: product pages, a location, a unit's weight and size and
their CSV import. Each opens its own unit of work around the session-level functions of
``product_queries`` and ``product_dimensions``; the writing ones commit, the reads never do."""

from __future__ import annotations

from collections.abc import Callable

from haydigo_desk.domain.dimensions import Dimensions
from haydigo_desk.persistence.database import Database
from haydigo_desk.services import product_dimensions, product_queries
from haydigo_desk.services.product_dimensions import DimensionsPreview, DimensionsResult
from haydigo_desk.services.product_queries import ProductListInfo, ProductPage, ProductRow


def product_lists(database: Database) -> list[ProductListInfo]:
    with database.unit_of_work() as uow:
        return product_queries.list_product_lists(uow.session)


def products_page(database: Database, *, product_list_id: int | None, search: str,
                  offset: int, limit: int) -> ProductPage:
    """The page at ``offset``; the first page when that one emptied (fewer products now)."""
    with database.unit_of_work() as uow:
        page = product_queries.list_products(uow.session, product_list_id=product_list_id,
                                             search=search, offset=offset, limit=limit)
        if not page.rows and page.offset > 0:
            page = product_queries.list_products(uow.session, product_list_id=product_list_id,
                                                 search=search, offset=0, limit=limit)
        return page


def set_location(database: Database, product_id: int, code: str) -> ProductRow:
    with database.unit_of_work() as uow:
        row = product_queries.set_location(uow.session, product_id, code)
        uow.commit()
        return row


def set_dimensions(database: Database, product_id: int, dimensions: Dimensions) -> ProductRow:
    with database.unit_of_work() as uow:
        row = product_dimensions.set_dimensions(uow.session, product_id, dimensions)
        uow.commit()
        return row


def preview_dimensions(database: Database, product_list_id: int, csv_text: str
                       ) -> DimensionsPreview:
    """Read and match a dimensions CSV; changes nothing."""
    with database.unit_of_work() as uow:
        return product_dimensions.preview_dimensions(uow.session, product_list_id, csv_text)


def apply_dimensions(database: Database, preview: DimensionsPreview, *,
                     only_valid_rows: bool = False,
                     progress: Callable[[int, int], None] | None = None) -> DimensionsResult:
    """Write the preview's matched lines, all in one commit (a refusal writes none)."""
    with database.unit_of_work() as uow:
        result = product_dimensions.apply_dimensions(
            uow.session, preview, only_valid_rows=only_valid_rows, progress=progress)
        uow.commit()
        return result
