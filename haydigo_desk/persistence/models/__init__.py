"""SQLAlchemy 2 models: the desk's whole database schema, one module per area.

Conventions: bol.com ids are text (they are alphanumeric or UUIDs); money is Numeric(10, 2);
every timestamp is timezone-aware UTC; enumerations are stored as short strings (constants
in haydigo_desk.domain.states) so that a new value never needs a schema change. Importing
this package registers every table on ``Base.metadata``.
"""

from haydigo_desk.persistence.models.accounts import MarketplaceAccount, StaffMember
from haydigo_desk.persistence.models.base import NAMING_CONVENTION, Base, utcnow
from haydigo_desk.persistence.models.catalog import (
    Location,
    Product,
    ProductList,
    StockMovement,
    Store,
)
from haydigo_desk.persistence.models.orders import Order, OrderLine, ShortPick
from haydigo_desk.persistence.models.picking import (
    PickList,
    PickListLine,
    PickListOrder,
    PickListRule,
    ScanLogEntry,
)
from haydigo_desk.persistence.models.returns import BolReturn, ReturnLine
from haydigo_desk.persistence.models.shipping import LabelPurchase, Shipment, ShipmentLine
from haydigo_desk.persistence.models.sync import OutboxEntry, QuarantinedRecord, SyncRun

__all__ = [
    "NAMING_CONVENTION",
    "Base",
    "BolReturn",
    "LabelPurchase",
    "Location",
    "MarketplaceAccount",
    "Order",
    "OrderLine",
    "OutboxEntry",
    "PickList",
    "PickListLine",
    "PickListOrder",
    "PickListRule",
    "Product",
    "ProductList",
    "QuarantinedRecord",
    "ReturnLine",
    "ScanLogEntry",
    "Shipment",
    "ShipmentLine",
    "ShortPick",
    "StaffMember",
    "StockMovement",
    "Store",
    "SyncRun",
    "utcnow",
]
