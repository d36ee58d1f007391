"""Transporter list and track & trace checks."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from haydigo_desk.domain.transporters import (
    MAX_TRACK_AND_TRACE_LENGTH,
    TrackAndTraceResult,
    Transporter,
    load_transporters,
    normalise_track_and_trace,
    search_transporters,
    tracking_url,
    transporter_by_code,
    validate_track_and_trace,
)

R = TrackAndTraceResult

# The 30 codes of the last enum in bol.com's v10 spec (bol-retailer-api.md, section 11).
BOL_V10_CODES = {
    "AMPERE", "BPOST_BE", "BPOST_BRIEF", "BRIEFPOST", "BUDBEE", "COURIER", "CYCLOON", "DHL",
    "DHL-GLOBAL-MAIL", "DHL-SD", "DHLFORYOU", "DHL_DE", "DPD-BE", "DPD-NL", "DYL", "FEDEX_BE",
    "FEDEX_NL", "GLS", "OTHER", "PACKS", "PARCEL-NL", "PES", "TNT", "TNT-EXPRESS", "TNT-EXTRA",
    "TNT_BRIEF", "TRANSMISSION", "TRUNKRS", "TSN", "UPS",
}  # fmt: skip

# Every carrier with a known format: (code, a valid sample, a well-formed sample it must refuse).
KNOWN_FORMAT_SAMPLES = [
    ("TNT", "3SABCD1234567", "3SAB1234567"),
    ("TNT-EXTRA", "3SXYZW123456789", "3SXYZW12345678901"),
    ("TNT_BRIEF", "RR123456789NL", "RR12345678NL"),
    ("TNT-EXPRESS", "123456789012", "12345678"),
    ("DHLFORYOU", "JVGL05712345678901234567", "JVGL123"),
    ("DHL", "JJD0099999999123456", "ABCDEFGHIJ"),
    ("DHL_DE", "00340434161234567890", "1234567"),
    ("DHL-GLOBAL-MAIL", "LX123456789DE", "LX1234"),
    ("DHL-SD", "JVGL0571234567890123", "3SABCD1234567"),
    ("DPD-NL", "05212345678901", "0521234567890"),
    ("DPD-BE", "01234567890123", "012345678901234"),
    ("BPOST_BE", "323212345678901234567890", "32321234567890123456789"),
    ("BPOST_BRIEF", "CD123456789BE", "CD1234567BE"),
    ("FEDEX_NL", "123456789012", "1234567890123"),
    ("FEDEX_BE", "123456789012345", "12345678901"),
    ("GLS", "12345678901", "1234567890123"),
    ("UPS", "1Z999AA10123456784", "1Z999AA1012345678"),
]

# More valid samples named in the brief, one per line so a failure says which one.
EXTRA_VALID_SAMPLES = [
    ("TNT", "RR123456789NL"),  # international (UPU S10) on PostNL
    ("TNT", "3SABCD123456789"),  # 15 characters
    ("DHLFORYOU", "CD12345678"),  # DHL Parcel 'CD' style
    ("DHL", "JVGL0123456789012345"),
    ("GLS", "123456789012"),  # 12 digits
    ("GLS", "ZX4K9P2Q"),  # 8 alphanumerics
    ("BPOST_BE", "CD123456789BE"),
    ("FEDEX_NL", "123456789012345"),
]


@pytest.fixture(scope="module")
def transporters() -> list[Transporter]:
    return load_transporters()


def by_code(code: str) -> Transporter:
    transporter = transporter_by_code(code)
    assert transporter is not None, code
    return transporter


# --- the list ----------------------------------------------------------------------------


def test_shipped_list_has_exactly_the_30_bol_codes(transporters: list[Transporter]) -> None:
    codes = [t.code for t in transporters]
    assert len(codes) == 30
    assert set(codes) == BOL_V10_CODES


def test_postnl_is_not_a_retailer_transporter_code() -> None:
    # POSTNL exists only in bol's FBB replenishment enum; sending it for a shipment fails.
    assert transporter_by_code("POSTNL") is None


def test_every_transporter_has_english_and_dutch_names(transporters: list[Transporter]) -> None:
    for t in transporters:
        assert t.name_en.strip() and t.name_nl.strip(), t.code
    assert by_code("COURIER").name("nl") == "Koerier"
    assert by_code("COURIER").name("en") == "Courier"
    assert by_code("OTHER").name("nl-BE") == "Andere vervoerder"


def test_only_letter_post_and_other_allow_an_empty_track_and_trace(
    transporters: list[Transporter],
) -> None:
    allowed = {t.code for t in transporters if t.empty_track_and_trace_allowed}
    assert allowed == {"BRIEFPOST", "OTHER", "TNT_BRIEF", "BPOST_BRIEF"}


def test_carriers_without_a_known_format(transporters: list[Transporter]) -> None:
    without = {t.code for t in transporters if not t.has_known_format}
    assert without == {
        "BRIEFPOST", "DYL", "TSN", "TRANSMISSION", "PARCEL-NL", "PACKS", "COURIER", "TRUNKRS",
        "CYCLOON", "BUDBEE", "PES", "AMPERE", "OTHER",
    }  # fmt: skip
    assert {code for code, _, _ in KNOWN_FORMAT_SAMPLES} == BOL_V10_CODES - without


def test_json_says_formats_are_best_known_patterns_not_bol_rules() -> None:
    from haydigo_desk.resources_path import resource

    data = json.loads(resource("data", "transporters.json").read_text(encoding="utf-8"))
    assert "not bol.com rules" in data["source"].lower()


def test_transporter_by_code_ignores_case_and_whitespace() -> None:
    assert by_code(" dpd-nl ").code == "DPD-NL"
    assert transporter_by_code("NOPE") is None


def test_load_transporters_from_an_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(
        json.dumps(
            {"transporters": [{"code": "X", "name_en": "Ex", "name_nl": "Iks",
                               "empty_track_and_trace_allowed": True, "formats": ["\\d{3}"]}]}
        ),
        encoding="utf-8",
    )  # fmt: skip
    [x] = load_transporters(path)
    assert x == Transporter("X", "Ex", "Iks", True, (re.compile(r"\d{3}"),))


def test_load_transporters_refuses_duplicate_codes(tmp_path: Path) -> None:
    item = {"code": "X", "name_en": "X", "name_nl": "X", "empty_track_and_trace_allowed": False}
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"transporters": [item, item]}), encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate"):
        load_transporters(path)


def test_transporter_is_immutable() -> None:
    with pytest.raises(AttributeError):
        by_code("UPS").code = "DHL"  # type: ignore[misc]


# --- normalising -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  3sabcd1234567\n", "3SABCD1234567"),
        ("\t1z999aa10123456784 ", "1Z999AA10123456784"),
        ("3S AB-CD", "3S AB-CD"),  # inner characters kept for validation to refuse
        ("", ""),
        ("   ", ""),
        (None, ""),
    ],
)
def test_normalise_track_and_trace(raw: str | None, expected: str) -> None:
    assert normalise_track_and_trace(raw) == expected


# --- validation --------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "valid", "invalid"), KNOWN_FORMAT_SAMPLES)
def test_known_format_accepts_valid_and_flags_invalid(code: str, valid: str, invalid: str) -> None:
    transporter = by_code(code)
    ok = validate_track_and_trace(transporter, valid)
    assert ok.result is R.OK, (code, valid)
    assert ok.can_post and not ok.needs_confirmation
    unknown = validate_track_and_trace(transporter, invalid)
    assert unknown.result is R.UNKNOWN_FORMAT, (code, invalid)
    assert unknown.needs_confirmation and not unknown.can_post


@pytest.mark.parametrize(("code", "sample"), EXTRA_VALID_SAMPLES)
def test_more_valid_samples(code: str, sample: str) -> None:
    assert validate_track_and_trace(by_code(code), sample).result is R.OK


def test_lowercase_input_is_normalised_before_matching() -> None:
    check = validate_track_and_trace(by_code("UPS"), " 1z999aa10123456784 ")
    assert check.result is R.OK
    assert check.code == "1Z999AA10123456784"


def test_dpd_code_on_postnl_needs_confirmation() -> None:
    check = validate_track_and_trace(by_code("TNT"), "05212345678901")
    assert check.result is R.UNKNOWN_FORMAT
    assert "05212345678901" in check.message_en and "PostNL" in check.message_en
    assert "PostNL" in check.message_nl and "bevestig" in check.message_nl


@pytest.mark.parametrize("code", ["TRUNKRS", "BUDBEE", "COURIER", "DYL", "PES", "AMPERE"])
def test_carrier_without_known_format_accepts_any_well_formed_code(code: str) -> None:
    check = validate_track_and_trace(by_code(code), "ABC123XYZ")
    assert check.result is R.OK
    assert check.can_post


@pytest.mark.parametrize("code", ["BRIEFPOST", "OTHER", "TNT_BRIEF", "BPOST_BRIEF"])
@pytest.mark.parametrize("empty", ["", "   ", None])
def test_empty_allowed(code: str, empty: str | None) -> None:
    check = validate_track_and_trace(by_code(code), empty)
    assert check.result is R.EMPTY_ALLOWED
    assert check.can_post
    assert check.code == ""


@pytest.mark.parametrize("code", sorted(BOL_V10_CODES - {"BRIEFPOST", "OTHER", "TNT_BRIEF",
                                                           "BPOST_BRIEF"}))  # fmt: skip
def test_empty_not_allowed(code: str) -> None:
    check = validate_track_and_trace(by_code(code), " ")
    assert check.result is R.EMPTY_NOT_ALLOWED
    assert not check.can_post and not check.needs_confirmation
    assert "track & trace" in check.message_en and "track & trace" in check.message_nl


@pytest.mark.parametrize(
    "raw",
    [
        "3SABCD 1234567",  # inner space
        "3SABCD-1234567",  # symbol
        "3SABCD_1234567",
        "3SABCD1234567!",
        "3SABCDÉ1234567",  # letter outside A-Z
        "3SABCD\t1234567",
    ],
)
@pytest.mark.parametrize("code", ["TNT", "TRUNKRS", "OTHER"])
def test_malformed_characters_are_refused_for_every_kind_of_carrier(code: str, raw: str) -> None:
    check = validate_track_and_trace(by_code(code), raw)
    assert check.result is R.MALFORMED
    assert not check.can_post and not check.needs_confirmation
    assert "A-Z" in check.message_en and "A-Z" in check.message_nl


def test_length_limit() -> None:
    courier = by_code("COURIER")
    at_limit = "A" * MAX_TRACK_AND_TRACE_LENGTH
    assert validate_track_and_trace(courier, at_limit).result is R.OK
    too_long = validate_track_and_trace(courier, at_limit + "1")
    assert too_long.result is R.MALFORMED
    assert str(MAX_TRACK_AND_TRACE_LENGTH) in too_long.message_en
    assert "te lang" in too_long.message_nl


def test_messages_by_language() -> None:
    check = validate_track_and_trace(by_code("DPD-NL"), "")
    assert (
        check.message("nl")
        == check.message_nl
        == "DPD Nederland heeft een track & trace-code nodig."
    )
    assert check.message("en") == check.message_en == "DPD Netherlands needs a track & trace code."
    assert check.message() == check.message_en


@pytest.mark.parametrize("result", list(TrackAndTraceResult))
def test_every_result_has_both_messages(result: TrackAndTraceResult) -> None:
    samples = {
        R.OK: ("UPS", "1Z999AA10123456784"),
        R.EMPTY_ALLOWED: ("OTHER", ""),
        R.EMPTY_NOT_ALLOWED: ("UPS", ""),
        R.MALFORMED: ("UPS", "1Z 999"),
        R.UNKNOWN_FORMAT: ("UPS", "123"),
    }
    code, text = samples[result]
    check = validate_track_and_trace(by_code(code), text)
    assert check.result is result
    assert check.message_en and check.message_nl and check.message_en != check.message_nl


# --- the list against bol.com's own spec ---------------------------------------------------

# bol's OpenAPI files and our notes on them live beside the checkout, never inside it.
SHARED = Path(os.environ.get("HAYDIGO_SHARED_DIR",
                             Path(__file__).resolve().parents[3] / "shared"))
SHIPMENT_SCHEMAS = ("ShipmentTransport", "TransportInstruction", "ChangeTransportRequest")


def _shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"{'/'.join(parts)} not found in the shared folder beside the checkout "
                    "(set HAYDIGO_SHARED_DIR): bol.com's spec is not part of the repository")
    return path


def _last_published_enum() -> set[str]:
    notes = _shared_file("bol-retailer-api.md").read_text(encoding="utf-8")
    found = re.search(r"had these (\d+) codes:\s*(.+?)\.\n", notes, re.DOTALL)
    assert found, "bol-retailer-api.md no longer lists the last transporterCode enum"
    codes = {code.strip() for code in found.group(2).split(",")}
    assert len(codes) == int(found.group(1))
    return codes


def test_codes_follow_the_transporter_code_enum_of_bol_spec(transporters) -> None:
    spec = json.loads(_shared_file("bol-openapi", "retailer-v10.json").read_text("utf-8"))
    schemas = spec["components"]["schemas"]
    fields = [schemas[name]["properties"]["transporterCode"] for name in SHIPMENT_SCHEMAS]
    ours = {t.code for t in transporters}
    enums = [set(field["enum"]) for field in fields if "enum" in field]
    if enums:  # bol published an enum again: it is the list
        for enum_codes in enums:
            assert ours == enum_codes, (sorted(enum_codes - ours), sorted(ours - enum_codes))
    else:  # today a free string: the last published enum (our notes, section 11) is the list
        assert all(field["type"] == "string" for field in fields)
        assert ours == _last_published_enum()
    for field in fields:
        assert field["example"] in ours
    # The replenishment (FBB) enum is a different list: POSTNL must never be a shipment code.
    fbb = set(schemas["CreateDeliveryInfo"]["properties"]["transporterCode"]["enum"])
    assert "POSTNL" in fbb and "POSTNL" not in ours


# --- which carrier the user typed ----------------------------------------------------------


def codes_for(query: str) -> list[str]:
    return [t.code for t in search_transporters(query)]


@pytest.mark.parametrize(("query", "first"), [
    ("TNT", "TNT"), ("tnt", "TNT"), (" TNT ", "TNT"), ("DHL", "DHL"), ("dhl", "DHL"),
    ("POSTNL", "TNT"), ("PostNL", "TNT"), ("TNT-EXPRESS", "TNT-EXPRESS"),
    ("tnt express", "TNT-EXPRESS"), ("TNT_BRIEF", "TNT_BRIEF"), ("dpd-be", "DPD-BE"),
    ("DHLFORYOU", "DHLFORYOU"), ("for you", "DHLFORYOU"), ("koerier", "COURIER"),
    ("Duitsland", "DHL_DE"), ("extra", "TNT-EXTRA"), ("bpost", "BPOST_BE"), ("T", "TNT"),
    ("DH", "DHL"),
])
def test_the_best_match_of_a_typed_code_or_name(query: str, first: str) -> None:
    assert codes_for(query)[0] == first


def test_exact_code_wins_over_longer_codes_and_names() -> None:
    # The bug seen: TNT chose TNT-EXPRESS, DHL chose DHLFORYOU, POSTNL chose TNT-EXTRA.
    assert codes_for("TNT")[:1] == ["TNT"] and "TNT-EXPRESS" in codes_for("TNT")
    assert codes_for("DHL")[:1] == ["DHL"] and "DHLFORYOU" in codes_for("DHL")
    assert codes_for("POSTNL") == ["TNT", "TNT-EXTRA", "TNT_BRIEF"]


def test_nothing_matching_gives_nothing() -> None:
    assert codes_for("XYZ") == [] and codes_for("POSTNLX") == []


def test_empty_query_lists_everything_in_file_order(transporters) -> None:
    assert codes_for("") == codes_for("  -  ") == [t.code for t in transporters]


def test_search_keys_of_codes_are_unique(transporters) -> None:
    # "dpd nl" finds DPD-NL because case, spaces, '-' and '_' are ignored: no two codes may
    # then look the same, or an "exact" code would be ambiguous.
    keys = [re.sub(r"[^0-9a-z]", "", t.code.casefold()) for t in transporters]
    assert len(keys) == len(set(keys))


# --- tracking links ------------------------------------------------------------------------


def test_postnl_link_carries_code_country_and_postal_code() -> None:
    assert tracking_url(by_code("TNT"), " 3sabcd1234567 ", postal_code="1234 ab",
                        country_code="nl") == (
        "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1234AB")


def test_link_without_postal_code_where_the_page_needs_none() -> None:
    assert tracking_url(by_code("UPS"), "1Z999AA10123456784") == (
        "https://www.ups.com/track?tracknum=1Z999AA10123456784")


def test_no_link_when_the_page_needs_what_the_order_lacks_or_there_is_no_code() -> None:
    assert tracking_url(by_code("TNT"), "3SABCD1234567", country_code="NL") is None
    assert tracking_url(by_code("UPS"), "") is None
    assert tracking_url(by_code("UPS"), None) is None
    assert tracking_url(by_code("COURIER"), "ABC123") is None  # no public page


def test_link_values_are_url_encoded() -> None:
    link = tracking_url(by_code("TRUNKRS"), "AB/12?x", postal_code="1234 AB&x=1")
    assert link == "https://parcel.trunkrs.nl/AB%2F12%3FX/1234AB%26X%3D1"


def test_every_link_template_is_https_and_has_the_code(transporters) -> None:
    with_links = {t.code for t in transporters if t.tracking_url_template}
    assert {"TNT", "DHL", "DHLFORYOU", "DPD-NL", "GLS", "UPS", "BPOST_BE"} <= with_links
    for t in transporters:
        link = tracking_url(t, "CODE123", postal_code="1234AB", country_code="NL")
        assert (link is not None) == (t.code in with_links), t.code
        if link:
            assert link.startswith("https://") and "CODE123" in link, t.code


@pytest.mark.parametrize("template", [
    "http://example.com/{track_and_trace}",  # not https
    "https://example.com/track",  # no code
    "https://example.com/{track_and_trace}/{house}",  # unknown placeholder
])
def test_a_bad_link_template_is_refused_when_loading(tmp_path: Path, template: str) -> None:
    item = {"code": "X", "name_en": "X", "name_nl": "X", "empty_track_and_trace_allowed": False,
            "tracking_url": template}
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"transporters": [item]}), encoding="utf-8")
    with pytest.raises(ValueError, match="tracking_url of X"):
        load_transporters(path)
