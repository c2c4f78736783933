"""Reading event datasets' lines into rows: cell counts, headers and the errors they give."""

from app.imports.events import ICEWS_COLUMNS, EventRow, RowError, gdelt_rows, icews_rows

ICEWS_ROW = {
    "Event ID": "1",
    "Event Date": "2018-03-05",
    "Source Name": "Foreign Ministry",
    "Source Sectors": "",
    "Source Country": "Kazakhstan",
    "Event Text": "Express intent to cooperate",
    "CAMEO Code": "030",
    "Intensity": "4.0",
    "Target Name": "Azerbaijan",
    "Target Sectors": "",
    "Target Country": "Azerbaijan",
    "Story ID": "9",
    "Sentence Number": "1",
    "Publisher": "Invented Wire",
    "City": "Astana",
    "District": "",
    "Province": "NA",
    "Country": "Kazakhstan",
    "Latitude": "51.1",
    "Longitude": "71.4",
}


def lines(*texts: str) -> list[tuple[int, str | RowError]]:
    return [(number, text) for number, text in enumerate(texts, start=1)]


def test_icews_header_names_the_columns_in_any_order() -> None:
    header = list(reversed(ICEWS_COLUMNS))
    row = "\t".join(ICEWS_ROW[name] for name in header)
    (read,) = icews_rows(iter(lines("\t".join(header), "", row)))
    assert isinstance(read, EventRow)
    assert (read.line, read.code, read.place) == (3, "030", "Astana, Kazakhstan")
    assert (read.actor.country, read.target.country) == ("KZ", "AZ")


def test_icews_file_without_its_header_stops_at_the_first_line() -> None:
    row = "\t".join(ICEWS_ROW.values())
    read = list(icews_rows(iter(lines("Event ID\tEvent Date", row, row))))
    assert len(read) == 1
    number, error = read[0]
    assert number == 1 and isinstance(error, RowError)
    assert error.field == "file" and "misses Source Name" in str(error)


def test_icews_row_with_a_missing_cell_is_an_error_of_its_line_only() -> None:
    header = "\t".join(ICEWS_COLUMNS)
    row = "\t".join(ICEWS_ROW.values())
    read = list(icews_rows(iter(lines(header, row[: row.rindex("\t")], row))))
    assert len(read) == 2
    number, error = read[0]
    assert number == 2 and str(error) == "19 cells under a header of 20"
    assert isinstance(read[1], EventRow) and read[1].line == 3


def test_gdelt_row_with_the_wrong_number_of_cells_is_an_error_of_its_line() -> None:
    ((number, error),) = list(gdelt_rows(iter(lines("\t".join(["x"] * 10)))))
    assert number == 1 and isinstance(error, RowError)
    assert str(error) == "10 cells: a GDELT 1.0 event row has 57 or 58 (with SOURCEURL)"


def test_errors_from_reading_the_file_pass_through() -> None:
    failed = RowError("file", "not utf-8: byte 3 of the line")
    assert list(gdelt_rows(iter([(4, failed)]))) == [(4, failed)]
    assert list(icews_rows(iter([(4, failed)]))) == [(4, failed)]
