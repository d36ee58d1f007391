"""Where a bol.com account lives: production, bol's demo, or any base URL (the local sandbox)."""

from __future__ import annotations

from dataclasses import dataclass

PRODUCTION_API_ROOT = "https://api.bol.com"
PRODUCTION_TOKEN_URL = "https://login.bol.com/token"


@dataclass(frozen=True, slots=True)
class BolEnvironment:
    """Base URLs of the two API families the desk uses and of the token endpoint.

    ``retailer_url`` replaces the ``/retailer`` prefix of bol's paths and ``shared_url`` the
    ``/shared`` prefix, so a path from the spec maps onto every environment the same way.
    """

    name: str
    retailer_url: str
    shared_url: str
    token_url: str

    def url(self, spec_path: str) -> str:
        """Absolute URL of a path as the spec writes it, e.g. ``/retailer/orders``."""
        for prefix, base in (("/retailer", self.retailer_url), ("/shared", self.shared_url)):
            if spec_path == prefix or spec_path.startswith(prefix + "/"):
                return base + spec_path[len(prefix) :]
        raise ValueError(f"not a bol.com API path: {spec_path!r}")

    @classmethod
    def production(cls) -> BolEnvironment:
        return cls(
            name="production",
            retailer_url=f"{PRODUCTION_API_ROOT}/retailer",
            shared_url=f"{PRODUCTION_API_ROOT}/shared",
            token_url=PRODUCTION_TOKEN_URL,
        )

    @classmethod
    def demo(cls) -> BolEnvironment:
        """bol's demo environment: canned answers, real token from login.bol.com."""
        return cls(
            name="demo",
            retailer_url=f"{PRODUCTION_API_ROOT}/retailer-demo",
            shared_url=f"{PRODUCTION_API_ROOT}/shared-demo",
            token_url=PRODUCTION_TOKEN_URL,
        )

    @classmethod
    def custom(cls, base_url: str, token_url: str | None = None) -> BolEnvironment:
        """Any server that speaks bol's contract under ``base_url``, such as the local sandbox.

        ``base_url`` is the API root (``http://127.0.0.1:8765``); a trailing ``/retailer`` is
        tolerated. The token URL defaults to ``<base_url>/token``.
        """
        root = base_url.rstrip("/")
        if root.endswith("/retailer"):
            root = root[: -len("/retailer")]
        if not root.startswith(("http://", "https://")):
            raise ValueError(f"base URL must start with http:// or https://: {base_url!r}")
        return cls(
            name="custom",
            retailer_url=f"{root}/retailer",
            shared_url=f"{root}/shared",
            token_url=token_url or f"{root}/token",
        )

    @classmethod
    def named(cls, name: str, base_url: str | None = None, token_url: str | None = None):
        """The environment an account's settings name: ``production``, ``demo`` or ``custom``."""
        if name == "production":
            return cls.production()
        if name == "demo":
            return cls.demo()
        if name == "custom":
            if not base_url:
                raise ValueError("a custom bol.com environment needs a base URL")
            return cls.custom(base_url, token_url)
        raise ValueError(f"unknown bol.com environment {name!r}")
