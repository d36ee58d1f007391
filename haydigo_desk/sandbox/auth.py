"""OAuth2 client-credentials tokens: JWT-shaped strings the sandbox issues and remembers."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass


@dataclass
class Token:
    value: str
    issued_at: float
    expires_at: float  # what ``expires_in`` promised
    dies_at: float  # when it really stops working (earlier under the token fault)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TokenStore:
    def __init__(self, client_id: str, client_secret: str, clock=time.time) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._tokens: dict[str, Token] = {}
        self._lock = threading.Lock()
        self.issued = 0

    def credentials_ok(self, authorization: str | None) -> bool:
        """Checks a ``Basic`` header in constant time."""
        if not authorization or not authorization.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return False
        client_id, _, secret = decoded.partition(":")
        return hmac.compare_digest(client_id, self._client_id) & hmac.compare_digest(
            secret, self._client_secret
        )

    def issue(self, lifetime_s: int, early_expiry_s: float | None) -> Token:
        now = self._clock()
        payload = {
            "sub": self._client_id,
            "iat": int(now),
            "exp": int(now + lifetime_s),
            "jti": secrets.token_hex(8),
            "scope": "retailer",
        }
        head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        body = _b64(json.dumps(payload).encode())
        signature = _b64(hmac.new(self._key, f"{head}.{body}".encode(), hashlib.sha256).digest())
        dies = now + lifetime_s if early_expiry_s is None else now + min(early_expiry_s, lifetime_s)
        token = Token(f"{head}.{body}.{signature}", now, now + lifetime_s, dies)
        with self._lock:
            self._prune(now)
            self._tokens[token.value] = token
            self.issued += 1
        return token

    def lookup(self, value: str) -> Token | None:
        with self._lock:
            return self._tokens.get(value)

    def expire_all(self) -> int:
        """The "tokens expire early" fault, at once: every issued token dies now."""
        # Past the 1 s clock-skew allowance, so the very next call already sees "Expired JWT".
        dead = self._clock() - 2.0
        with self._lock:
            for token in self._tokens.values():
                token.dies_at = min(token.dies_at, dead)
            return len(self._tokens)

    def now(self) -> float:
        return self._clock()

    def _prune(self, now: float) -> None:
        # Keep expired tokens an hour so they still answer "Expired JWT" rather than unknown.
        stale = [key for key, token in self._tokens.items() if token.dies_at < now - 3600]
        for key in stale:
            del self._tokens[key]
