"""The explorer: HTML pages for people, drawn from the public /v1 API's own readers (docs/explorer.md)."""
