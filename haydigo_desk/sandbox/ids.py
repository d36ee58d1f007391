"""Identifiers shaped like bol's: EAN-13, alphanumeric order ids, numeric item ids, UUIDs."""

from __future__ import annotations

import random
import uuid

_ORDER_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def ean13_check_digit(first12: str) -> int:
    """GS1 check digit: weights 1,3,1,3... from the left over the first 12 digits."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(f"need 12 digits, got {first12!r}")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def is_valid_ean13(ean: str) -> bool:
    return len(ean) == 13 and ean.isdigit() and ean13_check_digit(ean[:12]) == int(ean[12])


def make_ean13(rng: random.Random) -> str:
    # 87x is the GS1 Netherlands prefix, 54x Belgium: the codes look like a Benelux shop's.
    prefix = rng.choice(("871", "872", "873", "871", "540", "541"))
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(9))
    return body + str(ean13_check_digit(body))


def make_order_id(rng: random.Random) -> str:
    """New bol order ids are 10 characters, alphanumeric, starting with a letter (C000GUOJ8Q)."""
    return "C" + "".join(rng.choice(_ORDER_ALPHABET) for _ in range(9))


def make_numeric_id(rng: random.Random, digits: int = 10) -> str:
    return str(rng.randrange(10 ** (digits - 1), 10**digits))


def make_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
