"""Which country a code or a name stands for: the one rule every filter, path and write applies.

The API names countries by ISO 3166-1 alpha-2 (`KZ`), but the datasets people bring use alpha-3
(`KAZ`), numeric codes (`398`) or names (`Kazakhstan`, `Казахстан`). All of them are accepted and
answered with the alpha-2 id. The table comes from pycountry, as the `countries` rows do (see
app.seeding.load_countries: countries are not writable, so the two cannot drift apart).
"""

import gettext
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from app.common.text import normalize_text

ACCEPTED = (
    "an ISO 3166-1 code — alpha-2 (`KZ`), alpha-3 (`KAZ`) or numeric (`398`) — or a country's name in "
    "English or Russian (`Kazakhstan`, `Казахстан`; case-insensitive, ё and е alike); answered with the "
    "alpha-2 code"
)


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """alpha-3 → alpha-2, numeric (3 digits) → alpha-2, folded name → alpha-2."""
    import pycountry  # here: a worker's start needs only the two-letter codes, which need no table

    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    by_alpha3: dict[str, str] = {}
    by_numeric: dict[str, str] = {}
    by_name: dict[str, str] = {}
    ambiguous: set[str] = set()
    for entry in pycountry.countries:
        by_alpha3[entry.alpha_3] = entry.alpha_2
        by_numeric[entry.numeric] = entry.alpha_2
        english = [getattr(entry, name, None) for name in ("name", "official_name", "common_name")]
        names = {name for name in english if name}
        names |= {russian.gettext(name) for name in list(names)}
        for name in names:
            key = _fold(name)
            if by_name.get(key, entry.alpha_2) != entry.alpha_2:
                ambiguous.add(key)
            by_name[key] = entry.alpha_2
    for key in ambiguous:  # a name two countries share names neither
        del by_name[key]
    return by_alpha3, by_numeric, by_name


def _fold(text: str) -> str:
    return " ".join(normalize_text(text).split())


def resolve_country(value: str) -> str | None:
    """The alpha-2 code of the country `value` names (any code or name, see ACCEPTED); None when it
    names none. A two-letter value is taken as alpha-2 without looking it up: whether it exists is
    the database's to say (an unknown filter value is a 422 naming it, an unknown path a 404)."""
    text = value.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    by_alpha3, by_numeric, by_name = _tables()
    if text.isascii() and text.isdigit() and len(text) <= 3:
        return by_numeric.get(text.zfill(3))
    if len(text) == 3 and text.isascii() and text.isalpha() and text.upper() in by_alpha3:
        return by_alpha3[text.upper()]
    return by_name.get(_fold(text))


def country_code(value: object) -> object:
    """Pydantic's side of resolve_country: the alpha-2 code, or a ValueError that names the value."""
    if not isinstance(value, str):
        return value  # pydantic's own type error says what is wrong
    code = resolve_country(value)
    if code is None:
        raise ValueError(
            f"{value.strip()[:100]!r} is not a country code or name this API knows: give an ISO 3166-1 "
            "alpha-2, alpha-3 or numeric code, or the country's name in English or Russian"
        )
    return code


# A country as a request gives it (any code or name), read as its alpha-2 code.
CountryCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=2, max_length=100), AfterValidator(country_code)
]
