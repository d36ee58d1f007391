"""Order search on PostgreSQL (pg_trgm): the orders that contain a term of three or more
characters, for the count and for a sorted page.

Measured at 300,000 orders / 900,000 lines: a term found in a few thousand orders is cheap
through the trigram indexes, but the old one-query form (``id IN (union of three index
scans)``) joined every match back to ``orders`` and sorted them all: 0.2-0.7 s for a term in
20,000-90,000 orders ("van", or a word of every tenth SKU), and the planner sometimes walked
all 300,000 orders by date for a rare term it thought common. So the desk decides itself:

- First it asks each source (order id, customer name, line SKUs or EANs) for at most
  ``SEARCH_COUNT_LIMIT`` matches, through its trigram index.
- Below that everywhere, the matches are those ids: the count is exact, and the page reads
  just those orders (``id = ANY(ids)``), sorted.
- A term with that many matches in a source is broad: its page walks the sort's index and
  tests each order (a term that common fills a page within a few thousand orders), and the
  count says "at least N" (``MatchCount.at_least``) instead of counting tens of thousands
  of orders exactly on every key stroke.

The matches are remembered for the rest of the transaction, so the screen's count and page
(one transaction) look them up once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, Select, any_, bindparam, false, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from haydigo_desk.persistence.models import Order, OrderLine

SEARCH_COUNT_LIMIT = 5_000
# A broad term within other filters (a status, the Today view) is counted up to this many:
# each order is tested on its own there, so the count stops early.
FILTERED_COUNT_LIMIT = 1_000
_REMEMBERED = "order_search_matches"


@dataclass(frozen=True)
class MatchCount:
    """How many orders match; ``at_least``: more do, counting stopped at ``count``."""

    count: int
    at_least: bool = False


def like_pattern(text: str) -> str:
    """``%text%`` for LIKE, case-folded, with LIKE's own characters escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.casefold()}%"


def looks_like_ean(text: str) -> bool:
    """EAN-8, UPC-A, EAN-13 or GTIN-14: such a term is matched exactly against line EANs."""
    return text.isdigit() and len(text) in (8, 12, 13, 14)


def _contains(column, term: str) -> ColumnElement[bool]:
    # lower(column) LIKE '%term%': the expression the pg_trgm GIN indexes of 0007 serve.
    return func.lower(column).like(like_pattern(term), escape="\\")


def _line_matches(term: str) -> ColumnElement[bool]:
    return OrderLine.ean == term if looks_like_ean(term) else _contains(OrderLine.sku, term)


def _starts_with(term: str) -> ColumnElement[bool]:
    starts = like_pattern(term)[1:]  # without the leading %: anchored, which pg_trgm serves
    return func.lower(Order.bol_order_id).like(starts, escape="\\")


def _sources(term: str, prefix: bool) -> list[Select]:
    if prefix:  # one or two characters: the start of the order id only
        return [select(Order.id).where(_starts_with(term))]
    return [select(Order.id).where(_contains(Order.bol_order_id, term)),
            select(Order.id).where(_contains(Order.customer_name, term)),
            select(OrderLine.order_id).where(_line_matches(term))]


def matching_ids(session: Session, term: str, *, prefix: bool = False
                 ) -> frozenset[int] | None:
    """The ids of the orders that contain ``term`` (``prefix``: whose order id starts with
    it); None when it is broad (a source has ``SEARCH_COUNT_LIMIT`` matches or more)."""
    transaction = session.get_transaction()
    remembered = session.info.get(_REMEMBERED)
    key = (term, prefix)
    if remembered is not None and remembered[0] is transaction and remembered[1] == key:
        return remembered[2]
    # One round trip, each source's ids as one array (parsed in psycopg's C code).
    arrays = session.execute(select(*(
        select(func.array_agg(limited.c[0])).select_from(limited).scalar_subquery()
        for limited in (source.limit(SEARCH_COUNT_LIMIT).subquery()
                        for source in _sources(term, prefix))))).one()
    result: frozenset[int] | None = frozenset().union(*(ids or () for ids in arrays))
    if any(len(ids or ()) >= SEARCH_COUNT_LIMIT for ids in arrays):
        result = None
    session.info[_REMEMBERED] = (transaction, key, result)
    return result


def search_condition(session: Session, term: str, *, prefix: bool = False
                     ) -> ColumnElement[bool]:
    """Orders that contain ``term`` (``prefix``: whose order id starts with it): by id when
    the matches are known, else tested order by order (for a broad term, as the sort's
    index walks them)."""
    ids = matching_ids(session, term, prefix=prefix)
    if ids is not None:
        if not ids:
            return false()
        return Order.id == any_(bindparam("search_ids", sorted(ids), type_=ARRAY(Integer)))
    if prefix:
        return _starts_with(term)
    # A correlated aggregate, not EXISTS: PostgreSQL would turn EXISTS into one hashed scan
    # of every matching line (90,000 for a common SKU word) before the first order.
    in_lines = (select(func.bool_or(_line_matches(term)))
                .where(OrderLine.order_id == Order.id).scalar_subquery())
    return or_(_contains(Order.bol_order_id, term), _contains(Order.customer_name, term),
               in_lines.is_(True))


def count_matches(session: Session, filtered: Select | None, term: str, *,
                  prefix: bool = False) -> MatchCount:
    """How many orders match: ``filtered`` is the screen's other filters with the search
    condition, or None when there are none. Exact unless the term is broad: then at least
    ``SEARCH_COUNT_LIMIT`` (a source found that many), or within other filters the count up
    to ``FILTERED_COUNT_LIMIT``."""
    ids = matching_ids(session, term, prefix=prefix)
    if ids is not None:
        if filtered is None:
            return MatchCount(len(ids))
        return MatchCount(session.scalar(
            select(func.count()).select_from(filtered.subquery())) or 0)
    if filtered is None:
        return MatchCount(SEARCH_COUNT_LIMIT, at_least=True)
    counted = session.scalar(select(func.count()).select_from(
        filtered.limit(FILTERED_COUNT_LIMIT).subquery())) or 0
    return MatchCount(counted, at_least=counted >= FILTERED_COUNT_LIMIT)
