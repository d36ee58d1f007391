"""Weight and size in the Products section: the dialog's checks, the CSV dry run and import,
and the section while another program holds the database."""

import pytest
from desk_fixtures import make_context
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from support.db_lock import database_locked, gui_thread_free
from support.factories import ean13, make_account, make_products

from haydigo_desk.domain.dimensions import Dimensions, Measure
from haydigo_desk.persistence.models import Product
from haydigo_desk.resources_path import resource
from haydigo_desk.ui import products_view
from haydigo_desk.ui.product_dialogs import DimensionsDialog
from haydigo_desk.ui.products_dimensions_import import DimensionsImportDialog
from haydigo_desk.ui.products_model import COL_SIZE
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def shop(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        make_products(uow.session, account, 4)
        uow.commit()
        list_id = account.product_list_id
    yield context, list_id
    context.database.dispose()


def _stored(context):
    with context.database.unit_of_work() as uow:
        return {p.sku: (p.weight_g, p.length_mm, p.width_mm, p.height_mm)
                for p in uow.session.scalars(select(Product).order_by(Product.sku))}


def _section(qtbot, context):
    section = products_view.ProductsSection(context, SyncController())
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.page is not None)
    return section


@pytest.fixture
def dutch(qapp):
    translator = QTranslator()
    assert translator.load(QLocale(QLocale.Language.Dutch),
                           str(resource("translations", "haydigo_desk")), "_")
    QApplication.installTranslator(translator)
    yield
    QApplication.removeTranslator(translator)


def test_dialog_refuses_bad_values_with_reasons_and_saves_good_ones(qtbot, shop, dutch):
    context, _list_id = shop
    section = _section(qtbot, context)
    section.table.selectRow(0)
    dialog = DimensionsDialog(context, section.selected_product(), section, section.tasks)
    qtbot.addWidget(dialog)
    dialog.edit(Measure.WEIGHT).setText("-250")
    dialog.edit(Measure.LENGTH).setText("24,5")  # a decimal comma: rounded up to 25 mm
    dialog.edit(Measure.WIDTH).setText("8712345678906")  # a scanned EAN in the field
    dialog.edit(Measure.HEIGHT).setText("twee")
    dialog.save()
    errors = {m: dialog.fields[m].error_text for m in Measure}
    assert errors[Measure.WEIGHT] == "Gewicht kan niet negatief zijn"
    assert errors[Measure.LENGTH] == ""
    assert "meer dan 3000 mm" in errors[Measure.WIDTH]
    assert "“twee” is geen getal" in errors[Measure.HEIGHT]
    assert not section.tasks.busy and _stored(context)["SKU-00001"] == (None,) * 4

    dialog.edit(Measure.WEIGHT).setText("250")
    dialog.edit(Measure.WIDTH).setText("160")
    dialog.edit(Measure.HEIGHT).setText("")  # unknown stays unknown, not 0
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_row is not None)
    assert dialog.result_row.dimensions == Dimensions(250, 25, 160, None)
    assert _stored(context)["SKU-00001"] == (250, 25, 160, None)
    section.model.replace_row(dialog.result_row)
    assert section.proxy.index(0, COL_SIZE).data() == "?"  # the height is still unknown
    tip = section.proxy.index(0, COL_SIZE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("250 g · 25×160×? mm\n")
    section.table.clearSelection()
    section.table.selectRow(0)
    assert section.size_label.text() == (
        "250 g · 25×160×? mm — brievenbuspakje: onbekend zolang gewicht en maten niet "
        "bekend zijn (F3)")


def test_csv_dry_run_writes_nothing_then_imports_only_the_good_lines(qtbot, shop, tmp_path):
    context, list_id = shop
    before = _stored(context)
    csv_file = tmp_path / "maten.csv"
    csv_file.write_text(
        "EAN;Gewicht;Lengte;Breedte;Hoogte\n"
        f"{ean13(1)};250;240;160;20\n"
        f"{ean13(2)};-3;10;10;10\n"
        f"{ean13(99)};1;1;1;1\n"
        f"{ean13(3)};1,5;;;\n", "utf-8")
    dialog = DimensionsImportDialog(context, list_id)
    qtbot.addWidget(dialog)
    dialog.load_file(csv_file)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.matches.rowCount() == 2
    assert dialog.matches.item(0, 5).text() == "250 g · 240×160×20 mm"
    problems = [(dialog.problems.item(r, 0).text(), dialog.problems.item(r, 2).text())
                for r in range(dialog.problems.rowCount())]
    assert problems == [("3", "Weight cannot be negative"),
                        ("4", "Unknown: no product with this code")]
    assert "2 product(s) change" in dialog.summary.text()
    assert _stored(context) == before  # a dry run
    assert not dialog.apply_button.isEnabled()  # problems: only with the explicit choice
    dialog.only_valid.setChecked(True)
    assert dialog.apply_button.isEnabled()
    steps = []
    dialog.progress_changed.connect(lambda done, total: steps.append((done, total)))
    dialog.apply_button.click()
    assert not dialog.progress.isHidden() and dialog.progress.maximum() == 2
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert (dialog.result.changed, dialog.result.skipped_lines) == (2, 2)
    assert steps == [(2, 2)]
    after = _stored(context)
    assert after["SKU-00001"] == (250, 240, 160, 20)
    assert after["SKU-00002"] == (None,) * 4
    assert after["SKU-00003"] == (2, None, None, None)


def test_a_file_that_cannot_be_read_says_why(qtbot, shop):
    context, list_id = shop
    dialog = DimensionsImportDialog(context, list_id)
    qtbot.addWidget(dialog)
    dialog.load_text("EAN;Aantal\n8712345678906;4\n")
    qtbot.waitUntil(lambda: "weight (g)" in dialog.summary.text())
    assert dialog.summary.property("role") == "scan-error"
    assert dialog.matches.rowCount() == 0 and not dialog.apply_button.isEnabled()


def test_products_stay_usable_while_the_database_is_locked(qtbot, shop):
    context, _list_id = shop
    with database_locked(context.database):
        section = products_view.ProductsSection(context, SyncController())
        qtbot.addWidget(section)
        gui_thread_free(qtbot)
        assert section.tasks.busy  # the load still waits for the lock
        assert section.count_label.text() == "Loading…"
        qtbot.waitUntil(lambda: not section.message.isHidden(), timeout=5_000)
        assert "The database is busy" in section.message.text()
        assert section.message.property("role") == "scan-error"
    section.refresh()
    qtbot.waitUntil(lambda: section.proxy.rowCount() == 4, timeout=5_000)
    assert section.message.isHidden()
