"""app/iso4217.py against pycountry's copy of ISO 4217: when the package's list moves (a currency
added or withdrawn), this fails, and the codes, the units a trade figure admits, want a migration
that widens or narrows the database's check as 0015 did."""

import pycountry

from app.iso4217 import CURRENCY_CODES
from app.models import Unit


def test_the_written_codes_are_pycountrys() -> None:
    listed = sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in {"XTS", "XXX"})
    assert list(CURRENCY_CODES) == listed


def test_every_code_is_a_unit_after_the_units_it_had() -> None:
    units = [unit.value for unit in Unit]
    assert set(CURRENCY_CODES) <= set(units)
    assert units[:3] == ["USD", "EUR", "tonnes"] and units.index("thousand_kwh") < units.index("JPY")
