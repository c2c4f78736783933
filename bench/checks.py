"""Before measuring: every URL of a sample answers 200 on both sides with the same number of rows,
and the next pages of some first pages, found by following each side's own cursor."""

import random
from collections import Counter
from typing import Any
from urllib.parse import quote

import httpx

from bench.mix import Twin, tuned


def api_rows(twin: Twin, body: Any) -> int:
    if twin.kind == "pair dossier":
        agreements = {a["id"] for group in body["agreements_by_sector"] for a in group["agreements"]}
        points = sum(len(series["points"]) for series in body["trade_series"])
        return (
            len(body["events"])
            + len(agreements)
            + len(body["infrastructure_projects"])
            + len(body["sources"])
            + points
        )
    if twin.kind == "trade-figures series":
        return len(body["points"])
    if "items" in body:
        return len(body["items"])
    return 1  # one record


def ds_rows(twin: Twin, body: Any) -> int:
    if twin.kind == "pair dossier":
        parts = Counter(row["part"] for row in body)
        figures = {row["row"].split(",", 1)[0] for row in body if row["part"] == "figure"}
        return parts["event"] + parts["agreement"] + parts["project"] + parts["source"] + len(figures)
    return len(body) if isinstance(body, list) else len(body["rows"])


def verify(api: str, ds: str, twins: list[Twin], per_kind: int, seed: int) -> dict[str, Any]:
    """Ask both sides a sample of `per_kind` twins of every kind; SystemExit on any 4xx/5xx; the
    twins whose row counts differ are printed and returned."""
    rng = random.Random(seed)
    by_kind: dict[str, list[Twin]] = {}
    for twin in twins:
        by_kind.setdefault(twin.kind, []).append(twin)
    sample = [
        t for kind in sorted(by_kind) for t in rng.sample(by_kind[kind], min(per_kind, len(by_kind[kind])))
    ]
    mismatches = []
    with httpx.Client(timeout=60) as client:
        for twin in sample:
            counts = []
            for base, path, count in ((api, twin.api, api_rows), (ds, tuned(twin.ds), ds_rows)):
                response = client.get(base + path)
                if response.status_code != 200:
                    raise SystemExit(
                        f"{twin.kind}: {path[:300]} answered {response.status_code}: {response.text[:500]}"
                    )
                counts.append(count(twin, response.json()))
            if counts[0] != counts[1]:
                mismatches.append({"kind": twin.kind, "api": twin.api, "ds": twin.ds, "rows": counts})
                print(f"  rows differ ({counts[0]} API, {counts[1]} Datasette): {twin.api} | {twin.ds[:200]}")
    return {"checked": len(sample), "kinds": len(by_kind), "mismatches": mismatches}


def next_pages(api: str, ds: str | None, seeds: list[Twin], pages: int = 2) -> list[Twin]:
    """Pages 2.. of each first page, through the cursor each side hands out (`next_cursor`,
    Datasette's `next`), as twins of the kind "<kind>, next page". Without `ds` (the API measured
    alone), Datasette's side of each twin is left empty."""
    found = []
    with httpx.Client(timeout=60) as client:
        for seed in seeds:
            api_path, ds_path = seed.api, seed.ds
            for _ in range(pages):
                api_cursor = client.get(api + api_path).raise_for_status().json().get("next_cursor")
                ds_next = (
                    ""
                    if ds is None
                    else client.get(ds + tuned(ds_path)).raise_for_status().json().get("next")
                )
                if not api_cursor or (ds is not None and not ds_next):
                    break
                api_path = f"{seed.api}&cursor={quote(api_cursor)}"
                ds_path = f"{seed.ds}&_next={quote(str(ds_next))}"
                found.append(Twin(f"{seed.kind}, next page", api_path, ds_path))
    return found
