"""Weight and dimensions on both databases: set one, import a CSV (preview, then apply), and
the mailbox answer for an order from what is stored."""

import pytest
from sqlalchemy import select
from support.factories import ean13, make_account, make_order, make_products

from haydigo_desk.domain.dimensions import Dimensions, Measure, MeasureProblem
from haydigo_desk.domain.parcel import Fit, FitReason
from haydigo_desk.persistence.models import MarketplaceAccount, Product
from haydigo_desk.services.parcel_fit import order_parcel_fit
from haydigo_desk.services.product_dimensions import (
    DimensionsApplyError,
    DimensionsFormatError,
    DimensionsFormatProblem,
    LineProblemKind,
    apply_dimensions,
    preview_dimensions,
    set_dimensions,
)
from haydigo_desk.services.product_queries import ProductQueryError


@pytest.fixture
def shop(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 5)
        products[4].weight_g, products[4].length_mm = 999, 111  # measured before
        uow.commit()
        return account.product_list_id, [p.id for p in products]


def _stored(database):
    with database.unit_of_work() as uow:
        return {p.sku: (p.weight_g, p.length_mm, p.width_mm, p.height_mm)
                for p in uow.session.scalars(select(Product))}


MIXED = "\n".join([
    "EAN;SKU;Gewicht (g);Lengte (mm);Breedte (mm);Hoogte (mm)",
    f"{ean13(1)};;250;240;160;20",       # good
    ";SKU-00002;12,5;;;",                # good: only the weight (rounded up), sides stay
    "8712345678900;;100;1;1;1",          # bad check digit
    f"{ean13(3)};;-4;10;10;10",          # negative weight
    f"{ean13(99999)};;100;10;10;10",     # valid EAN, unknown product
    f"{ean13(4)};;100;10;10;abc",        # height not a number
    ";SKU-00005;;;;",                    # a code and nothing else
    f"{ean13(2)};;1;1;1;1",              # SKU-00002 again: both lines refused
])


def test_preview_reports_every_bad_line_and_changes_nothing(database, shop):
    product_list_id, _ids = shop
    before = _stored(database)
    with database.unit_of_work() as uow:
        preview = preview_dimensions(uow.session, product_list_id, MIXED)
    assert _stored(database) == before
    assert preview.line_count == 8
    assert [m.sku for m in preview.matches] == ["SKU-00001"]
    assert preview.matches[0].new == Dimensions(250, 240, 160, 20)
    problems = [(p.line_no, p.kind) for p in preview.problems]
    assert problems == [
        (3, LineProblemKind.DUPLICATE),
        (4, LineProblemKind.INVALID_EAN),
        (5, LineProblemKind.BAD_VALUE),
        (6, LineProblemKind.UNKNOWN_CODE),
        (7, LineProblemKind.BAD_VALUE),
        (8, LineProblemKind.NO_VALUES),
        (9, LineProblemKind.DUPLICATE),
    ]
    negative = preview.problems[2].error
    assert (negative.measure, negative.problem) == (Measure.WEIGHT, MeasureProblem.NEGATIVE)
    assert preview.problems[4].error.measure is Measure.HEIGHT
    assert preview.problems[0].value == "9"  # the duplicate names the other line


def test_apply_is_refused_with_problems_unless_only_the_good_lines_are_chosen(database, shop):
    product_list_id, _ids = shop
    before = _stored(database)
    with database.unit_of_work() as uow:
        preview = preview_dimensions(uow.session, product_list_id, MIXED)
        with pytest.raises(DimensionsApplyError):
            apply_dimensions(uow.session, preview)
        uow.commit()
    assert _stored(database) == before
    seen = []
    with database.unit_of_work() as uow:
        result = apply_dimensions(uow.session, preview, only_valid_rows=True,
                                  progress=lambda done, total: seen.append((done, total)))
        uow.commit()
    assert (result.changed, result.unchanged, result.skipped_lines) == (1, 0, 7)
    assert seen == [(1, 1)]
    after = _stored(database)
    assert after["SKU-00001"] == (250, 240, 160, 20)
    assert after["SKU-00002"] == before["SKU-00002"]  # its lines were refused


def test_a_partial_file_keeps_the_values_it_does_not_name(database, shop):
    product_list_id, _ids = shop
    text = "sku,weight\nSKU-00005,1.5\nsku-00003,300\n"  # commas; a SKU typed in lower case
    with database.unit_of_work() as uow:
        preview = preview_dimensions(uow.session, product_list_id, text)
        assert preview.measures == (Measure.WEIGHT,)
        assert not preview.has_errors
        apply_dimensions(uow.session, preview)
        uow.commit()
    after = _stored(database)
    assert after["SKU-00005"] == (2, 111, None, None)  # the length measured before stays
    assert after["SKU-00003"] == (300, None, None, None)


def test_progress_is_reported_in_steps_on_a_large_file(database, shop):
    product_list_id, _ids = shop
    with database.unit_of_work() as uow:  # 115 more products in the list, 120 in all
        uow.session.add_all(Product(product_list_id=product_list_id, ean=ean13(i),
                                    sku=f"SKU-{i:05d}", title=f"Product {i}")
                            for i in range(6, 121))
        uow.commit()
    lines = ["ean;weight"] + [f"{ean13(i)};{i}" for i in range(1, 121)]
    seen = []
    with database.unit_of_work() as uow:
        preview = preview_dimensions(uow.session, product_list_id, "\n".join(lines))
        apply_dimensions(uow.session, preview, progress=lambda *p: seen.append(p))
        uow.commit()
    assert seen == [(50, 120), (100, 120), (120, 120)]


FORMAT_PROBLEMS = [
    ("", DimensionsFormatProblem.EMPTY),
    ("title;weight\nx;1", DimensionsFormatProblem.NO_CODE_COLUMN),
    ("ean;aantal\n8712345678906;1", DimensionsFormatProblem.NO_MEASURE_COLUMN),
    ("ean;weight\n", DimensionsFormatProblem.NO_LINES),
]


def test_files_that_cannot_be_read_say_why(database, shop):
    product_list_id, _ids = shop
    for text, kind in FORMAT_PROBLEMS:  # one database for all four: they only read
        with database.unit_of_work() as uow, pytest.raises(DimensionsFormatError) as caught:
            preview_dimensions(uow.session, product_list_id, text)
        assert caught.value.kind is kind, text


def test_set_dimensions_stores_and_clears(database, shop):
    _list, ids = shop
    with database.unit_of_work() as uow:
        row = set_dimensions(uow.session, ids[4], Dimensions(120, 200, 100, 10))
        uow.commit()
    assert row.dimensions == Dimensions(120, 200, 100, 10)
    with database.unit_of_work() as uow:
        set_dimensions(uow.session, ids[4], Dimensions(weight_g=120))
        uow.commit()
    assert _stored(database)["SKU-00005"] == (120, None, None, None)
    with database.unit_of_work() as uow, pytest.raises(ProductQueryError):
        set_dimensions(uow.session, 99_999, Dimensions())


def test_an_orders_mailbox_answer_comes_from_its_products(database, shop):
    _list, ids = shop
    with database.unit_of_work() as uow:
        account = uow.session.scalars(select(MarketplaceAccount)).one()
        products = {p.id: p for p in uow.session.scalars(select(Product))}
        flat = products[ids[0]]
        flat.weight_g, flat.length_mm, flat.width_mm, flat.height_mm = 300, 240, 160, 12
        fits_order = make_order(uow.session, account, "M1", [(flat, 2)])
        thick_order = make_order(uow.session, account, "M2", [(flat, 3)])
        unknown_order = make_order(uow.session, account, "M3", [(flat, 1), (products[ids[1]], 1)])
        unmatched_order = make_order(uow.session, account, "M4", [(None, 1)])
        uow.commit()
        order_ids = [o.id for o in (fits_order, thick_order, unknown_order, unmatched_order)]
    with database.unit_of_work() as uow:
        answers = [order_parcel_fit(uow.session, order_id) for order_id in order_ids]
    assert [a.fit for a in answers] == [Fit.FITS, Fit.TOO_BIG, Fit.UNKNOWN, Fit.UNKNOWN]
    assert answers[1].reason is FitReason.TOO_LARGE  # 3 x 12 mm is thicker than 32 mm
    assert answers[2].unknown == (ean13(2),)
