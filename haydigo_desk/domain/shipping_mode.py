"""How an account's orders leave the warehouse: with the seller's own carrier or with a label
bought from bol.com ("Verzenden via bol"); pure, no I/O.

``PER_ORDER`` follows bol.com: an order line whose ``distributionParty`` is ``BOL`` ships with
a bol label, every other line with the seller's own carrier.
"""

from __future__ import annotations

import enum


class ShippingMode(enum.StrEnum):
    OWN_CARRIER = "own_carrier"
    VIA_BOL = "via_bol"
    PER_ORDER = "per_order"  # as bol.com says for each order


BOL_DISTRIBUTION_PARTY = "BOL"


def ships_via_bol(mode: str, distribution_party: str | None = None) -> bool:
    """Whether an order of an account with ``mode`` ships with a label bought from bol.com."""
    try:
        mode = ShippingMode(mode)
    except ValueError:
        return False  # an unknown stored value never spends money on labels
    if mode is ShippingMode.VIA_BOL:
        return True
    if mode is ShippingMode.PER_ORDER:
        return (distribution_party or "").upper() == BOL_DISTRIBUTION_PARTY
    return False
