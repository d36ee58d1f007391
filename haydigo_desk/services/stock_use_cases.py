"""The desk's stock use cases: goods receipt, another channel's sale or return, a manager's
correction and the stock-count import. Each opens and commits its own unit of work around the
session-level functions of ``stock_tools`` (a refusal raises and writes nothing)."""

from __future__ import annotations

from haydigo_desk.context import StaffIdentity
from haydigo_desk.persistence.database import Database
from haydigo_desk.services import product_queries, stock_tools
from haydigo_desk.services.product_queries import ProductRow
from haydigo_desk.services.stock_tools import (
    ChannelMovement,
    StockCountPreview,
    StockCountResult,
    StockToolResult,
)


def receive(database: Database, product_list_id: int, code: str, quantity: int,
            user_name: str) -> StockToolResult:
    with database.unit_of_work() as uow:
        result = stock_tools.receive(uow.session, product_list_id, code, quantity, user_name)
        uow.commit()
        return result


def record_channel_movement(database: Database, product_list_id: int, *, channel: str,
                            code: str, quantity: int, movement: ChannelMovement | str,
                            user_name: str) -> StockToolResult:
    with database.unit_of_work() as uow:
        result = stock_tools.record_channel_movement(
            uow.session, product_list_id, channel=channel, code=code, quantity=quantity,
            movement=movement, user_name=user_name)
        uow.commit()
        return result


def change_product_stock(database: Database, product_id: int, *,
                         identity: StaffIdentity | None, reason: str, delta: int | None = None,
                         counted: int | None = None) -> ProductRow:
    """A manager's correction, committed; the product's row as it is now."""
    with database.unit_of_work() as uow:
        stock_tools.change_product_stock(uow.session, product_id, identity=identity,
                                         reason=reason, delta=delta, counted=counted)
        row = product_queries.get_product(uow.session, product_id)
        uow.commit()
        return row


def preview_stock_count(database: Database, product_list_id: int, csv_text: str
                        ) -> StockCountPreview:
    """Read and match a stock-count CSV; changes nothing."""
    with database.unit_of_work() as uow:
        return stock_tools.preview_stock_count(uow.session, product_list_id, csv_text)


def apply_stock_count(database: Database, preview: StockCountPreview, reason: str,
                      user_name: str, *, only_valid_rows: bool = False) -> StockCountResult:
    with database.unit_of_work() as uow:
        result = stock_tools.apply_stock_count(uow.session, preview, reason, user_name,
                                               only_valid_rows=only_valid_rows)
        uow.commit()
        return result
