"""What the crash dialog and log scrub: tokens, secret-like pairs and URL passwords."""

from __future__ import annotations

import pytest

from haydigo_desk.services.redaction import scrub

pytestmark = pytest.mark.usefixtures("no_known_secrets")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer eyJhbGciOi.abc.def", "Authorization: Bearer ********"),
        ("Basic Y2xpZW50OnNlY3JldA==", "Basic ********"),
        ("client_secret=abc123&grant_type=x", "client_secret=********&grant_type=x"),
        ('{"client_secret": "abcd", "n": 1}', '{"client_secret": "********", "n": 1}'),
        ("access_token: eyJ0eXAi", "access_token: ********"),
        ("password=hunter2", "password=********"),
        ("postgresql+psycopg://desk:pw123@db/haydigo", "postgresql+psycopg://desk:********@db/haydigo"),
    ],
)
def test_credentials_are_masked(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize("text", ["token expired", "Order 123 shipped", "bearer of bad news"])
def test_ordinary_text_is_left_alone(text):
    assert scrub(text) == text
