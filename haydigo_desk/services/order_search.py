"""Order search: which orders a search term of the Orders screen matches, through the index of
migration 0007 (PostgreSQL's pg_trgm GIN indexes, SQLite's FTS5 trigram table)."""

from __future__ import annotations

import weakref

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    and_,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
)
from sqlalchemy.orm import Session

from haydigo_desk.persistence.models import Order, OrderLine
from haydigo_desk.persistence.search_index import (
    SKU_SEPARATOR,
    SQLITE_SEARCH_TABLE,
    has_sqlite_search_table,
)
from haydigo_desk.services import order_search_postgres as postgres_search

# A term of three or more characters is found anywhere (case-insensitive) in the order id, the
# customer's name or a line's SKU; a term that looks like an EAN matches line EANs exactly
# instead of SKUs (the scanner's usual input). Trigram indexes cannot serve shorter terms, so a
# term of one or two characters matches the start of the order id only.

MIN_CONTAINS_LENGTH = 3

_sqlite_index_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


_like_pattern = postgres_search.like_pattern
_looks_like_ean = postgres_search.looks_like_ean


def _ean_lines(term: str) -> Select:
    return select(OrderLine.order_id).where(OrderLine.ean == term)  # ix_order_lines_ean


def _like_condition(term: str) -> ColumnElement[bool]:
    """Case-insensitive "contains" with LIKE, for SQLite without its search table (it reads
    every order); PostgreSQL has its own path (``services.order_search_postgres``)."""
    pattern = _like_pattern(term)

    def contains(column) -> ColumnElement[bool]:
        return func.lower(column).like(pattern, escape="\\")

    line_match = _ean_lines(term) if _looks_like_ean(term) else (
        select(OrderLine.order_id).where(contains(OrderLine.sku)))
    # One set of ids (not OR-ed conditions) lets the planner use one index per part.
    return Order.id.in_(union(
        select(Order.id).where(contains(Order.bol_order_id)),
        select(Order.id).where(contains(Order.customer_name)),
        line_match,
    ))


def _fts_phrase(term: str, columns: str = "") -> str:
    quoted = '"' + term.replace('"', '""') + '"'  # one phrase: the characters in this order
    return f"{{{columns}}} : {quoted}" if columns else quoted


# A page of a term matching this many orders or more is found faster by walking the sort's
# index and probing the matches (stops after one page) than by looking every match up.
BROAD_MATCHES = 2000


def _sqlite_trigram_ids(term: str) -> tuple[Select, Select]:
    """The ids of the orders that contain the term, through the FTS5 trigram table (which
    folds case like LIKE does, and beyond ASCII too), and the text matches alone."""
    if _looks_like_ean(term):
        phrase, lines = _fts_phrase(term, "bol_order_id customer_name"), _ean_lines(term)
    else:
        phrase, lines = _fts_phrase(term), None
    match = text(f"{SQLITE_SEARCH_TABLE} MATCH :search_phrase").bindparams(search_phrase=phrase)
    found = select(literal_column("rowid")).select_from(table(SQLITE_SEARCH_TABLE)).where(match)
    return (union(found, lines) if lines is not None else found), found


def _sqlite_trigram_condition(session: Session, term: str, *,
                              for_page: bool) -> ColumnElement[bool]:
    ids, found = _sqlite_trigram_ids(term)
    if for_page:
        broad = session.scalar(select(func.count()).select_from(
            found.limit(BROAD_MATCHES).subquery())) >= BROAD_MATCHES
        if broad:  # "+ 0" keeps SQLite from looking the matches up by id
            return (Order.id + 0).in_(ids)
    return Order.id.in_(ids)


def _order_id_prefix(session: Session, term: str) -> ColumnElement[bool]:
    """SQLite's "starts with" (PostgreSQL's is in ``services.order_search_postgres``)."""
    # SQLite compares text by code point, so every case variant of the term is one range on
    # ix_orders_bol_order_id (at most four for two letters).
    variants = {""}
    for char in term:
        variants = {v + c for v in variants for c in {char.lower(), char.upper()}}
    ranges = or_(*(
        and_(Order.bol_order_id >= v, Order.bol_order_id < v[:-1] + chr(ord(v[-1]) + 1))
        for v in sorted(variants)
    ))
    # As a set of ids, so the page query does not walk the placed_at index past every order.
    return Order.id.in_(select(Order.id).where(ranges))


def _uses_sqlite_index(session: Session, term: str) -> bool:
    return (len(term) >= MIN_CONTAINS_LENGTH and session.get_bind().dialect.name == "sqlite"
            and SKU_SEPARATOR not in term and _sqlite_index_ready(session))


def _sqlite_index_ready(session: Session) -> bool:
    engine = session.get_bind().engine
    if engine not in _sqlite_index_present:
        _sqlite_index_present[engine] = has_sqlite_search_table(session.connection())
    return _sqlite_index_present[engine]


def search_condition(session: Session, term: str, *,
                     for_page: bool = False) -> ColumnElement[bool]:
    """Orders that match a (stripped, non-empty) search term, through the search index;
    ``for_page``: the condition of a sorted page rather than of a count."""
    if _uses_sqlite_index(session, term):
        return _sqlite_trigram_condition(session, term, for_page=for_page)
    if session.get_bind().dialect.name == "postgresql":
        return postgres_search.search_condition(
            session, term, prefix=len(term) < MIN_CONTAINS_LENGTH)
    if len(term) < MIN_CONTAINS_LENGTH:
        return _order_id_prefix(session, term)
    return _like_condition(term)


def count_matches(session: Session, term: str) -> int | None:
    """How many orders match ``term``, counted on the SQLite search table alone (one row per
    order); None where that table cannot answer (PostgreSQL, short terms): count the orders."""
    if not _uses_sqlite_index(session, term):
        return None
    ids, _ = _sqlite_trigram_ids(term)
    return session.scalar(select(func.count()).select_from(ids.subquery())) or 0
