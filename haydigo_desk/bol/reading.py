"""Reading bol.com answers: anything unusable becomes a ``BolMalformedResponseError``."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

import httpx
import pydantic

from haydigo_desk.bol.errors import BolMalformedResponseError

M = TypeVar("M", bound=pydantic.BaseModel)
R = TypeVar("R")
# Reads a 2xx answer into what the caller gets; raises BolMalformedResponseError when it can't.
Reader = Callable[[httpx.Response], R]
# Turns decoded JSON into the caller's value, given the endpoint for error messages.
Parser = Callable[[Any, str], R]

# The request id of the answer the current task is handling: each asyncio task has its own
# context, so concurrent calls never report each other's id in an error.
answer_request_id: ContextVar[str | None] = ContextVar("bol_answer_request_id", default=None)


def malformed_answer(message: str, response: httpx.Response, endpoint: str
                     ) -> BolMalformedResponseError:
    return BolMalformedResponseError(
        message,
        status=response.status_code,
        endpoint=endpoint,
        request_id=response.headers.get("x-request-id"),
    )


def decode_json(response: httpx.Response, endpoint: str) -> Any:
    """The JSON of a 2xx answer; an empty body is malformed: every JSON endpoint of bol's
    answers with a document (``{}`` for an empty list page)."""
    if not response.content.strip():
        raise malformed_answer("bol.com sent an empty answer where data was expected",
                                response, endpoint)
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        raise malformed_answer("bol.com sent malformed or cut-off JSON",
                               response, endpoint) from None


def parse(model: type[M], data: Any, endpoint: str) -> M:
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise shape_error(exc, endpoint, answer_request_id.get()) from None
    except RecursionError:
        raise BolMalformedResponseError(
            "bol.com answer is nested too deeply", endpoint=endpoint,
            request_id=answer_request_id.get(),
        ) from None


def model(model: type[M]) -> Parser[M]:
    """A parser of one ``model`` document."""
    return lambda data, endpoint: parse(model, data, endpoint)


def model_list(model: type[M], key: str) -> Parser[list[M]]:
    """A parser of the list ``data[key]`` of ``model`` items."""
    return lambda data, endpoint: [
        parse(model, item, endpoint) for item in list_field(data, key, endpoint)
    ]


def list_field(data: Any, key: str, endpoint: str) -> list[Any]:
    """``data[key]`` as a list; bol's empty answer ``{}`` (key absent) is an empty list."""
    if not isinstance(data, dict):
        raise BolMalformedResponseError(
            f"expected a JSON object with {key!r}",
            endpoint=endpoint,
            request_id=answer_request_id.get(),
        )
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BolMalformedResponseError(
            f"{key!r} is not a list", endpoint=endpoint, request_id=answer_request_id.get()
        )
    return value


def shape_error(
    exc: pydantic.ValidationError, endpoint: str, request_id: str | None
) -> BolMalformedResponseError:
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ())) or "(root)"
    return BolMalformedResponseError(
        f"bol.com answer does not have the expected shape ({exc.error_count()} problem(s), "
        f"first at {where}: {first.get('msg', '')})",
        endpoint=endpoint,
        request_id=request_id,
    )
