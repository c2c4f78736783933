"""Bulk import: CSV and NDJSON files of records, all or nothing, streamed in batches.

reading.py    bytes → records (line number, verbatim text, fields), CSV or NDJSON
comtrade.py   UN Comtrade's export columns → the trade-figure columns
trade.py      one row → a checked trade figure (or the fields at fault)
repository.py batches → upserts on the natural key, citations, revisions, search documents
router.py     POST /v1/imports/{resource}
cli.py        bilateral import <resource> FILE
"""
