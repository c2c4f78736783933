def normalize_text(text: str) -> str:
    """Case- and ё-insensitive form used for `q` matching on both engines.

    SQLite's LOWER() and LIKE fold ASCII only, so Cyrillic matching needs a folded copy.
    """
    return text.casefold().replace("ё", "е")


def like_pattern(query: str) -> str:
    """A LIKE pattern matching `query` anywhere, with LIKE's wildcards escaped (escape char: \\)."""
    escaped = normalize_text(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
