"""What kind of message the station shows: each kind has its own colour role and sound.

A picker must tell a wrong product from "one too many" or "database busy" without reading:
every refusal class has its own colour (a ``QLabel[role="scan-…"]`` in the theme's .qss) and
its own short sound (``resources/sounds/<sound>.wav``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Feedback(StrEnum):
    # success kinds
    OK = "ok"  # a unit counted
    OPENED = "opened"  # a pick list or order opened
    DONE = "done"  # the work is complete, or shipped
    INFO = "info"  # guidance without a verdict (carry on, posting…): no sound
    # refusals
    WRONG_PRODUCT = "wrong-product"
    TOO_MANY = "too-many"
    CANCELLED = "cancelled"
    UNKNOWN_CODE = "unknown-code"
    BAD_CHECK_DIGIT = "bad-check-digit"
    NOT_IN_LIST = "not-in-list"
    DB_BUSY = "db-busy"
    REFUSED = "refused"  # any other refusal (quantity, nothing to ship, order closed)
    STOP = "stop"  # the customer cancelled or another desk took over: stop now

    @property
    def role(self) -> str:
        return f"scan-{self.value}"

    @property
    def sound(self) -> str | None:
        """The WAV's name in resources/sounds (the two oldest keep their first names)."""
        if self is Feedback.INFO:
            return None
        return {Feedback.REFUSED: "error", Feedback.STOP: "alert"}.get(self, self.value)

    @property
    def refusal(self) -> bool:
        return self not in (Feedback.OK, Feedback.OPENED, Feedback.DONE, Feedback.INFO)


@dataclass(frozen=True)
class Message:
    text: str
    feedback: Feedback
