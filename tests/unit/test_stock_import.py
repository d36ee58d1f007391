"""Reading stock count files: delimiters, headers in English and Dutch, clear refusals."""

import pytest

from haydigo_desk.services.stock_count import (
    StockCountFormatError,
    parse_quantity,
    parse_stock_count_csv,
)


def test_semicolon_file_with_dutch_header_and_blank_lines():
    parsed = parse_stock_count_csv("EAN;Omschrijving;Aantal\n\n8712345678906;Lamp;5\n;;\n")
    assert parsed.delimiter == ";"
    assert [(line.line_no, line.ean, line.sku, line.quantity_text) for line in parsed.lines] == [
        (3, "8712345678906", "", "5")
    ]


def test_comma_file_with_bom_quotes_and_crlf():
    parsed = parse_stock_count_csv('\ufeffSKU,Title,Quantity\r\n"A-1","Lamp, big",2\r\nB-2,,3')
    assert parsed.delimiter == ","
    assert [(line.sku, line.quantity_text) for line in parsed.lines] == [("A-1", "2"), ("B-2", "3")]
    assert parsed.lines[0].code == "A-1"


def test_a_short_row_reads_as_empty_cells():
    parsed = parse_stock_count_csv("ean;sku;qty\n8712345678906")
    assert parsed.lines[0].quantity_text == "" and parsed.lines[0].sku == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("\n  \n", "empty"),
        ("ean;aantal\n", "no counted lines"),
        ("product;aantal\nx;1", "EAN or SKU column"),
        ("ean;location\n8712345678906;A-1", "quantity column"),
        ("8712345678906;5\n8712345678913;6", "EAN or SKU column"),
    ],
)
def test_files_that_cannot_be_read_are_refused_whole(text, message):
    with pytest.raises(StockCountFormatError, match=message):
        parse_stock_count_csv(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("5", 5), (" 0 ", 0), ("-1", None), ("1.5", None), ("", None), ("vijf", None),
     ("８", None), ("8712345678906", None)],
)
def test_quantities_are_whole_numbers_from_zero(text, value):
    assert parse_quantity(text) == value
