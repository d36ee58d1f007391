"""The sections of the main window, in the order of the navigation.

Each is a ``ui.section.Section`` (which says what a section has), listed as "module:Class"
strings so this module stays import-light.
"""

SECTIONS: list[str] = [
    "haydigo_desk.ui.orders_view:OrdersSection",
    "haydigo_desk.ui.picklists_view:PickListsSection",
    "haydigo_desk.ui.pick_station:PickStationSection",
    "haydigo_desk.ui.products_view:ProductsSection",
    "haydigo_desk.ui.synclog_view:SyncLogSection",
    "haydigo_desk.ui.outbox_view:OutboxSection",
    "haydigo_desk.ui.returns_view:ReturnsSection",
    "haydigo_desk.ui.cant_fulfil_view:CantFulfilSection",
]
