"""The token endpoint and token expiry."""

from __future__ import annotations

import time

from sandbox_helpers import V10, Api, fast_config

from haydigo_desk.sandbox import start_sandbox


def test_token_for_demo_credentials(api: Api) -> None:
    answer = api.http.post(
        "/token", auth=(api.sandbox.client_id, api.sandbox.client_secret),
        data={"grant_type": "client_credentials"},
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "Bearer" and body["scope"] == "retailer"
    assert body["expires_in"] == 599 and body["access_token"].count(".") == 2
    assert "x-ratelimit-limit" not in answer.headers  # bol's /token sends none
    assert api.get("/retailer/orders").status_code == 200


def test_wrong_credentials_get_invalid_client(api: Api) -> None:
    for auth in ((api.sandbox.client_id, "wrong"), ("someone", api.sandbox.client_secret)):
        answer = api.http.post("/token", auth=auth, data={"grant_type": "client_credentials"})
        assert answer.status_code == 401
        assert answer.json() == {"error": "invalid_client"}
    answer = api.http.post("/token", data={"grant_type": "client_credentials"})
    assert answer.status_code == 401


def test_missing_and_foreign_tokens_are_refused(api: Api) -> None:
    answer = api.http.get("/retailer/orders", headers={"Accept": V10})
    assert answer.status_code == 401
    answer = api.http.get(
        "/retailer/orders", headers={"Accept": V10, "Authorization": "Bearer abc.def.ghi"}
    )
    assert answer.status_code == 401 and answer.json()["title"] == "Invalid JWT"


def test_token_expires_after_its_lifetime() -> None:
    with start_sandbox(fast_config(token_lifetime_s=1)) as sandbox:
        api = Api(sandbox)
        assert api.get("/retailer/orders").status_code == 200
        time.sleep(2.1)  # lifetime plus bol's 1 s clock skew allowance
        answer = api.get("/retailer/orders")
        assert answer.status_code == 401
        body = answer.json()
        assert body["title"] == "Expired JWT" and body["status"] == 401
        assert body["detail"].startswith("JWT expired at ")
        assert "Allowed clock skew: 1000 milliseconds." in body["detail"]
        api.token = api.new_token()
        assert api.get("/retailer/orders").status_code == 200
        api.close()
