"""The sections of the main window, in the order of the navigation.

Each is a ``ui.section.Section`` (which says what a section has), listed as "module:Class"
strings so this module stays import-light.
"""

from collections.abc import Callable, Iterator, Mapping
from typing import Any

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


class LazySections(Mapping[str, Any]):
    """The window's sections by ``section_id``, built in SECTIONS order as they are needed.

    The window builds the first section before it shows and the others right after its first
    paint (their modules are most of a start-up's imports); asking for a section that is not
    built yet builds the sections before it and that one, so nobody sees the difference.
    """

    def __init__(self, build_next: Callable[[], Any | None]) -> None:
        self._build_next = build_next  # builds the next section and returns it (None: done)
        self._built: dict[str, Any] = {}
        self.complete = False

    def add(self, section: Any) -> None:
        self._built[section.section_id] = section

    def build_next(self) -> Any | None:
        if self.complete:
            return None
        section = self._build_next()
        if section is None:
            self.complete = True
        return section

    def build_all(self) -> None:
        while self.build_next() is not None:
            pass

    def built(self) -> list[Any]:
        """The sections built so far (closing the window must not build the rest)."""
        return list(self._built.values())

    def __getitem__(self, section_id: str) -> Any:
        while section_id not in self._built and self.build_next() is not None:
            pass
        return self._built[section_id]

    def __iter__(self) -> Iterator[str]:
        self.build_all()
        return iter(self._built)

    def __len__(self) -> int:
        self.build_all()
        return len(self._built)
