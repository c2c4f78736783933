"""The rules of a trade figure (app.trade.rules) that need no database."""

import re
from datetime import date

import pytest

from app.models import FigureStatus, Indicator
from app.trade.rules import MAX_ID_LENGTH, figure_id, period_slug


def slug_of_the_whole(values: dict[str, object]) -> str:
    """figure_id as first written: the parts joined, then slugged at once."""
    parts = [values["reporter_id"], values["partner_id"], values["indicator"]]
    if values["commodity"] != "TOTAL":
        parts.append(values["commodity"])
    parts.append(period_slug(values["period_start"], values["period_end"]))
    if values["status"] != FigureStatus.reported:
        parts.append(values["status"])
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(str(part) for part in parts).lower()).strip("-")
    return slug[:MAX_ID_LENGTH].rstrip("-")


@pytest.mark.parametrize(
    "commodity",
    ["TOTAL", "2709", "27 09", "-27-", "...", " x ", "Ölü & İnce", "ΣΟΦΙΑΣ", "a--b", "x" * 130, "9." * 70],
)
@pytest.mark.parametrize("status", [FigureStatus.reported, FigureStatus.forecast])
def test_a_figure_id_is_the_slug_of_its_whole_key(commodity: str, status: FigureStatus) -> None:
    values = {
        "reporter_id": "AZ",
        "partner_id": "KZ",
        "indicator": Indicator.trade_turnover,
        "commodity": commodity,
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 9, 30),
        "status": status,
    }
    assert figure_id(values) == slug_of_the_whole(values)


def test_the_seed_figure_ids() -> None:
    values = {
        "reporter_id": "AZ",
        "partner_id": "KZ",
        "indicator": Indicator.trade_turnover,
        "commodity": "TOTAL",
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
        "status": FigureStatus.reported,
    }
    assert figure_id(values) == "az-kz-trade-turnover-2024"
    forecast = {**values, "commodity": "2709", "status": FigureStatus.forecast}
    assert figure_id(forecast) == "az-kz-trade-turnover-2709-2024-forecast"
