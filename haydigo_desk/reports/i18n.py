"""Every word printed on the documents, in Dutch and English.

Reports do not use Qt's translator: they run outside the GUI (CLI, worker threads) and a printed
document's language is chosen per call (a Belgian picker may want Dutch while the UI is English).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from haydigo_desk.domain.clock import format_local


@dataclass(frozen=True, slots=True)
class Labels:
    language: str
    # shared
    order: str
    orders: str
    quantity: str
    product: str
    sku: str
    ean: str
    location: str
    page_of: str  # format string with {page} and {pages}
    not_a_valid_ean: str
    no_ean: str
    date_format: str
    # pick list
    pick_list: str
    store: str
    account: str
    created: str
    rule: str  # the pick-list rule that made the list
    rule_default: str  # the default list: orders no rule takes
    rule_by_hand: str
    order_lines: str
    items: str
    products: str
    batch_section: str
    batch_hint: str
    tick: str
    for_orders: str
    no_location: str
    packing_section: str
    customer: str
    country: str
    placed: str
    picked_by: str
    checked_by: str
    empty_pick_list: str
    # packing slip
    packing_slip: str
    delivery_address: str
    order_number: str
    order_date: str
    total_items: str
    no_lines: str
    countries: dict[str, str]

    def page_x_of_y(self, page: int, pages: int) -> str:
        return self.page_of.format(page=page, pages=pages)

    def format_datetime(self, moment: datetime | None) -> str:
        """A stored (aware) time as the workstation's wall clock, in this language's format."""
        return format_local(moment, self.date_format) if moment else "—"

    def country_name(self, code: str) -> str:
        return self.countries.get(code.strip().upper(), code.strip().upper())


_NL = Labels(
    language="nl",
    order="Order",
    orders="Orders",
    quantity="Aantal",
    product="Product",
    sku="SKU",
    ean="EAN",
    location="Locatie",
    page_of="pagina {page} van {pages}",
    not_a_valid_ean="geen geldige EAN",
    no_ean="geen EAN",
    date_format="%d-%m-%Y %H:%M",
    pick_list="Picklijst",
    store="Winkel",
    account="Account",
    created="Aangemaakt",
    rule="Regel",
    rule_default="Overige orders",
    rule_by_hand="Met de hand",
    order_lines="Orderregels",
    items="Artikelen",
    products="Producten",
    batch_section="Verzamelpicken op locatie",
    batch_hint="Pak het totale aantal per product en vink het vakje af.",
    tick="OK",
    for_orders="Voor",
    no_location="geen locatie",
    packing_section="Inpakken per order",
    customer="Klant",
    country="Land",
    placed="Besteld",
    picked_by="Gepickt door",
    checked_by="Gecontroleerd door",
    empty_pick_list="Deze picklijst bevat geen orders.",
    packing_slip="Pakbon",
    delivery_address="Afleveradres",
    order_number="Ordernummer",
    order_date="Besteldatum",
    total_items="Totaal artikelen",
    no_lines="Deze order heeft geen regels.",
    countries={
        "NL": "Nederland",
        "BE": "België",
        "DE": "Duitsland",
        "FR": "Frankrijk",
        "LU": "Luxemburg",
        "GB": "Verenigd Koninkrijk",
    },
)

_EN = Labels(
    language="en",
    order="Order",
    orders="Orders",
    quantity="Qty",
    product="Product",
    sku="SKU",
    ean="EAN",
    location="Location",
    page_of="page {page} of {pages}",
    not_a_valid_ean="not a valid EAN",
    no_ean="no EAN",
    date_format="%Y-%m-%d %H:%M",
    pick_list="Pick list",
    store="Store",
    account="Account",
    created="Created",
    rule="Rule",
    rule_default="Other orders",
    rule_by_hand="By hand",
    order_lines="Order lines",
    items="Items",
    products="Products",
    batch_section="Batch picking by location",
    batch_hint="Pick the total quantity per product and tick the box.",
    tick="OK",
    for_orders="For",
    no_location="no location",
    packing_section="Packing per order",
    customer="Customer",
    country="Country",
    placed="Ordered",
    picked_by="Picked by",
    checked_by="Checked by",
    empty_pick_list="This pick list has no orders.",
    packing_slip="Packing slip",
    delivery_address="Delivery address",
    order_number="Order number",
    order_date="Order date",
    total_items="Total items",
    no_lines="This order has no lines.",
    countries={
        "NL": "Netherlands",
        "BE": "Belgium",
        "DE": "Germany",
        "FR": "France",
        "LU": "Luxembourg",
        "GB": "United Kingdom",
    },
)

LANGUAGES: dict[str, Labels] = {"nl": _NL, "en": _EN}


def labels_for(language: str) -> Labels:
    try:
        return LANGUAGES[language]
    except KeyError:
        raise ValueError(
            f"unsupported report language {language!r}; use one of {sorted(LANGUAGES)}"
        ) from None
