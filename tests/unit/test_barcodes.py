import pytest

from haydigo_desk.domain.barcodes import (
    BarcodeProblem,
    GtinKind,
    check_gtin,
    gtin_check_digit,
    looks_like_gtin,
    normalise_gtin,
)


@pytest.mark.parametrize(
    ("code", "kind"),
    [("8712345678906", GtinKind.EAN13), ("4006381333931", GtinKind.EAN13),
     ("96385074", GtinKind.EAN8), ("036000291452", GtinKind.UPCA)],
)
def test_valid_codes_are_recognised(code, kind):
    result = check_gtin(code)
    assert result.valid and result.kind is kind


@pytest.mark.parametrize(
    ("code", "problem"),
    [("8712345678907", BarcodeProblem.BAD_CHECK_DIGIT),
     ("96385075", BarcodeProblem.BAD_CHECK_DIGIT),
     ("036000291453", BarcodeProblem.BAD_CHECK_DIGIT), ("87123456789", BarcodeProblem.WRONG_LENGTH),
     ("87123A5678906", BarcodeProblem.NOT_DIGITS), ("", BarcodeProblem.NOT_DIGITS),
     ("٨٧١٢٣٤٥٦٧٨٩٠٦", BarcodeProblem.NOT_DIGITS)],
)
def test_invalid_codes_say_why(code, problem):
    result = check_gtin(code)
    assert not result.valid and result.problem is problem


def test_check_digit_and_upc_normalisation():
    assert gtin_check_digit("871234567890") == 6
    assert normalise_gtin("036000291452") == "0036000291452"
    assert check_gtin(normalise_gtin("036000291452")).valid
    assert normalise_gtin("036000291453") == "036000291453"  # invalid stays as scanned
    assert looks_like_gtin(" 8712345678906 ") and not looks_like_gtin("PL-000001")
