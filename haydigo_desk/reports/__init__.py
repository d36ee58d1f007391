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

# The renderers load reportlab (a quarter of a second): imported on first use, so that the
# desk's window and the command line's --help do not pay for it.
_RENDERERS = {
    "render_packing_slip": "haydigo_desk.reports.packing_slip",
    "render_packing_slips": "haydigo_desk.reports.packing_slip",
    "render_pick_list": "haydigo_desk.reports.pick_list",
}


def __getattr__(name: str):
    if name in _RENDERERS:
        import importlib

        return getattr(importlib.import_module(_RENDERERS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
