"""Helpers shared by the sandbox tests: a small bol API client over real HTTP."""

from __future__ import annotations

import httpx

from haydigo_desk.sandbox import RunningSandbox, SandboxConfig

V10 = "application/vnd.retailer.v10+json"
V11 = "application/vnd.retailer.v11+json"


class Api:
    """Talks to a sandbox the way the desk's client will: token, versioned media types."""

    def __init__(self, sandbox: RunningSandbox, timeout: float = 5.0) -> None:
        self.sandbox = sandbox
        self.http = httpx.Client(base_url=sandbox.url, timeout=timeout)
        self.token = self.new_token()

    def new_token(self) -> str:
        answer = self.http.post(
            "/token",
            auth=(self.sandbox.client_id, self.sandbox.client_secret),
            data={"grant_type": "client_credentials"},
            headers={"Accept": "application/json"},
        )
        answer.raise_for_status()
        return answer.json()["access_token"]

    def headers(self, media: str = V10, body: bool = False) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": media}
        if body:
            headers["Content-Type"] = media
        return headers

    def get(self, path: str, media: str = V10, **kwargs) -> httpx.Response:
        return self.http.get(path, headers=self.headers(media), **kwargs)

    def send(self, method: str, path: str, body: dict, media: str = V10) -> httpx.Response:
        return self.http.request(method, path, json=body, headers=self.headers(media, True))

    def all_open_orders(self) -> list[dict]:
        orders, page = [], 1
        while True:
            body = self.get("/retailer/orders", params={"page": page}).json()
            if "orders" not in body:
                return orders
            orders += body["orders"]
            page += 1

    def close(self) -> None:
        self.http.close()


def fast_config(**changes) -> SandboxConfig:
    """Small, quick and without background orders unless a test asks for them."""
    values = dict(
        products=60, open_orders=120, order_rate_per_hour=0.0, cancel_rate=0.0,
        rate_scale=1000.0, process_delay_s=0.05,
    )
    values.update(changes)
    return SandboxConfig(**values)
