"""Printable documents (reportlab): pure functions from plain data to PDF bytes.

No database and no Qt here: callers build the dataclasses of `model` and run the renderers,
in a worker thread when called from the GUI.
"""

from haydigo_desk.reports.model import (
    Address,
    PackingSlipDocument,
    PackingSlipLine,
    PageFormat,
    PickListDocument,
    PickListLine,
    PickListOrder,
)
from haydigo_desk.reports.packing_slip import render_packing_slip, render_packing_slips
from haydigo_desk.reports.pick_list import render_pick_list

__all__ = [
    "Address",
    "PackingSlipDocument",
    "PackingSlipLine",
    "PageFormat",
    "PickListDocument",
    "PickListLine",
    "PickListOrder",
    "render_packing_slip",
    "render_packing_slips",
    "render_pick_list",
]
