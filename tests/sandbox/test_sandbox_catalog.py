"""Catalog content: titles by language, 404 problems, counting and the 50/min bucket."""

from __future__ import annotations

import pytest
from sandbox_helpers import V10, V11, Api, fast_config

from haydigo_desk.sandbox import start_sandbox
from haydigo_desk.sandbox.ratelimit import find_bucket
from haydigo_desk.sandbox.routes_content import content_language

KEY = "GET /retailer/content/catalog-products/{ean}"


def catalog(api: Api, ean: str, language: str | None = None, media: str = V10):
    headers = api.headers(media)
    if language is not None:
        headers["Accept-Language"] = language
    return api.http.get(f"/retailer/content/catalog-products/{ean}", headers=headers)


def attribute(body: dict, attribute_id: str) -> str:
    [value] = [a["values"][0]["value"] for a in body["attributes"] if a["id"] == attribute_id]
    return value


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("nl", "nl"),
        ("nl-BE", "nl"),
        ("fr", "nl"),  # bol knows fr, the sandbox has no French titles
        ("fr-BE", "nl"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("de-DE", "nl"),
        ("", "nl"),
        (None, "nl"),
        ("eng", "nl"),  # not an English tag
    ],
)
def test_language_choice(header: str | None, language: str) -> None:
    assert content_language(header) == language


def test_titles_come_from_the_catalogue_by_language(api: Api) -> None:
    offer = api.sandbox.state.offers[3]
    dutch = catalog(api, offer.ean, "nl")
    assert dutch.status_code == 200 and dutch.headers["content-type"].startswith(V10)
    body = dutch.json()
    assert attribute(body, "Name") == offer.title_nl
    assert offer.title_nl in attribute(body, "Description")
    assert body["published"] is True and body["parties"][0]["role"] == "BRAND"
    assert attribute(catalog(api, offer.ean, "nl-BE").json(), "Name") == offer.title_nl
    assert attribute(catalog(api, offer.ean, "en").json(), "Name") == offer.title_en
    assert attribute(catalog(api, offer.ean).json(), "Name") == offer.title_nl  # no header
    # v11 offers still carry no title: the catalogue is the only source.
    listed = api.get("/retailer/offers", media=V11, params={"eans": offer.ean}).json()
    assert "title" not in str(listed["offers"][0]).lower()


def test_unknown_ean_is_a_404_problem_and_every_call_is_counted(api: Api) -> None:
    missing = catalog(api, "0000000000000", "nl")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(V10)
    problem = missing.json()
    assert problem["status"] == 404 and "0000000000000" in problem["detail"]
    catalog(api, api.sandbox.state.offers[0].ean, "nl")
    assert catalog(api, api.sandbox.state.offers[0].ean, "nl", media=V11).status_code == 406
    assert api.sandbox.state.request_counts[KEY] == 3
    assert "x-ratelimit-limit" in missing.headers


def test_catalog_bucket_is_50_per_minute() -> None:
    rule = find_bucket("GET", "/retailer/content/catalog-products/8712345678906")
    assert (rule.name, rule.capacity, rule.window_s) == ("catalog-product", 50, 60)
    assert find_bucket("GET", "/retailer/products/8712345678906/assets").name != rule.name
    with start_sandbox(fast_config(rate_scale=1.0)) as sandbox:
        api = Api(sandbox)
        ean = sandbox.state.offers[0].ean
        answers = [catalog(api, ean, "nl") for _ in range(51)]
        assert [a.status_code for a in answers[:50]] == [200] * 50
        assert answers[0].headers["x-ratelimit-limit"] == "50"
        assert answers[50].status_code == 429 and int(answers[50].headers["Retry-After"]) >= 1
        # Its own bucket: the assets of the same product are still allowed.
        assert api.get(f"/retailer/products/{ean}/assets").status_code == 200
        api.close()
