"""Applies the order lifecycle (``domain.lifecycle``) to database rows.

The one writer of the status and quantity fields of Order, OrderLine, PickList, PickListLine
and Shipment. Sync, station, CLI and the other services call these functions inside their own
transaction; each function leaves the rows consistent: stock reserved for exactly the open
units of matched lines, order and pick-list status derived from their lines, claims released
once an order needs no more work.
"""

from haydigo_desk.services.lifecycle.imports import (
    BatchImport,
    ImportedOrder,
    ImportResult,
    NewLine,
    NewOrder,
    import_order,
    import_orders,
    refresh_fulfilment,
)
from haydigo_desk.services.lifecycle.labels import (
    LabelOffer,
    label_bought,
    label_document_stored,
    label_failed,
    label_ready,
    label_unavailable,
    label_withdrawn,
    queue_label,
)
from haydigo_desk.services.lifecycle.orders import (
    ItemOutcome,
    apply_bol_item,
    cancellation_answered,
    cancellation_dropped,
    cancellation_resent,
)
from haydigo_desk.services.lifecycle.oversold import (
    apply_oversold,
    apply_pending_oversold,
)
from haydigo_desk.services.lifecycle.rows import (
    FINAL_ORDER_STATUSES,
    LIVE_SHIPMENT_STATES,
    cart_units,
    counts_of,
    derive_statuses,
    line_counts,
    refresh_order,
    refresh_pick_lists,
)
from haydigo_desk.services.lifecycle.shipments import (
    queue_shipment,
    shipment_confirmed,
    shipment_failed,
    shipment_requeued,
    shipment_resent,
    shipment_sent,
    shipment_withdrawn,
)
from haydigo_desk.services.lifecycle.short_picks import (
    Reported,
    cancel_at_bol,
    report_short,
    stock_arrived,
    wait_for_stock,
)
from haydigo_desk.services.lifecycle.station import (
    CartLine,
    PutBackUnits,
    add_to_pick_list,
    cart_lines,
    new_pick_list,
    pick_into_box,
    pick_onto_cart,
    put_back_order,
    put_back_pick_list,
)

__all__ = [
    "FINAL_ORDER_STATUSES",
    "LIVE_SHIPMENT_STATES",
    "BatchImport",
    "CartLine",
    "ImportResult",
    "ImportedOrder",
    "ItemOutcome",
    "LabelOffer",
    "NewLine",
    "NewOrder",
    "PutBackUnits",
    "Reported",
    "add_to_pick_list",
    "apply_bol_item",
    "apply_oversold",
    "apply_pending_oversold",
    "cancel_at_bol",
    "cancellation_answered",
    "cancellation_dropped",
    "cancellation_resent",
    "cart_lines",
    "cart_units",
    "counts_of",
    "derive_statuses",
    "import_order",
    "import_orders",
    "label_bought",
    "label_document_stored",
    "label_failed",
    "label_ready",
    "label_unavailable",
    "label_withdrawn",
    "line_counts",
    "new_pick_list",
    "pick_into_box",
    "pick_onto_cart",
    "put_back_order",
    "put_back_pick_list",
    "queue_label",
    "queue_shipment",
    "refresh_fulfilment",
    "refresh_order",
    "refresh_pick_lists",
    "report_short",
    "shipment_confirmed",
    "shipment_failed",
    "shipment_requeued",
    "shipment_resent",
    "shipment_sent",
    "shipment_withdrawn",
    "stock_arrived",
    "wait_for_stock",
]
