"""The typed error tree of the bol.com client.

Every error carries what a support ticket to bol needs (HTTP status, bol's problem details, the
``x-request-id`` of the response, the endpoint) and never the client secret or a token: messages
are built from bol's answer, which the client scrubs of both before raising.
"""

from __future__ import annotations

from haydigo_desk.bol.models import Problem, Violation


class BolError(Exception):
    """Base of everything the bol.com client raises."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        endpoint: str | None = None,
        request_id: str | None = None,
        problem: Problem | None = None,
        may_have_been_processed: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.endpoint = endpoint
        self.request_id = request_id
        self.problem = problem
        # True when a write may have reached bol.com although it failed here (a read timeout
        # or a 500 on a POST): check bol's state before sending it again.
        self.may_have_been_processed = may_have_been_processed

    def __str__(self) -> str:
        context = [part for part in (self.endpoint, self._status_text()) if part]
        if self.request_id:
            context.append(f"request id {self.request_id}")
        return f"{self.message} [{', '.join(context)}]" if context else self.message

    def _status_text(self) -> str | None:
        return f"HTTP {self.status}" if self.status is not None else None


class BolConfigurationError(BolError):
    """The client cannot be used as configured (for example: no client secret stored)."""


class BolAuthenticationError(BolError):
    """bol.com refused the credentials or the token (401, ``invalid_client``)."""


class BolForbiddenError(BolError):
    """403: the account may not do this."""


class BolAccountInactiveError(BolForbiddenError):
    """403 "Account is not active": the seller account is suspended or not yet active."""


class BolNotFoundError(BolError):
    """404: the order, offer, process status... does not exist (any more)."""


class BolValidationError(BolError):
    """400: bol.com rejected the request; ``violations`` says which fields and why."""

    @property
    def violations(self) -> list[Violation]:
        return list(self.problem.violations) if self.problem else []


class BolRequestError(BolError):
    """Another 4xx answer (406 wrong media type, 409 conflict, 415...)."""


class BolRateLimitedError(BolError):
    """429 that the client did not wait out (too many in a row, or a Retry-After too long)."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class BolServerError(BolError):
    """5xx that persisted through the retries."""


class BolNetworkError(BolError):
    """Connection failure or timeout that persisted through the retries."""


class BolUnexpectedResponseError(BolError):
    """An answer the client cannot use: malformed JSON, a wrong shape, an unexpected status."""


class BolMalformedResponseError(BolUnexpectedResponseError):
    """An answer that could not be read: cut-off or malformed JSON, a false encoding, an empty
    body where one is required, a redirect, or a shape that does not fit the endpoint.

    A read got this after its retries; ``record_id`` names the order, offer, EAN... it asked
    for (None for a list page), so a caller can skip that one record and go on. After a write
    ``may_have_been_processed`` is True: the write was not re-sent, check bol.com's state.
    """

    def __init__(self, message: str, *, record_id: str | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.record_id = record_id

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text} (record {self.record_id})" if self.record_id else text
