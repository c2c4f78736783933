"""What a record cites after a writer states it again from one source: one rule for every writer.

`writes.put` (the seed, the event, treaty and agreement importers) applies `restated` to a record's
citations; the trade importer applies it to the figures a file changes, and asks the database which
figures it leaves as they are with `unchanged_sql`, the same rule written in SQL for a whole batch.
"""

from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

# What makes two citations of a record the same one: the same quote of the same source, at the same
# place (a text's offsets, or a dataset file's line).
IDENTITY = ("source_id", "quote", "line", "char_start", "char_end")
_OF_MAPPING = itemgetter(*IDENTITY)
_OF_OBJECT = attrgetter(*IDENTITY)

C = TypeVar("C")


def identity(citation: Any) -> tuple[Any, ...]:
    """A citation's IDENTITY values, from an ORM Citation or a mapping of its columns."""
    return _OF_MAPPING(citation) if isinstance(citation, Mapping) else _OF_OBJECT(citation)


def restated(
    current: Sequence[C], stated: Sequence[C], source_id: str | None, *, values_changed: bool = False
) -> list[C]:
    """The citations of a record after a writer states it from the source `source_id`, citing `stated`:

    - what it states, a current citation the same as a stated one kept as it is (not written anew);
    - the current citations of other sources, since another file or article that states the same
      record still does; but not, when `values_changed`, the rows of other files (citations with a
      line): a row of a file states the record's values, and those replaced are not what it says.

    The writer's own source's other citations go: the source is stated again, whole. With `source_id`
    None the writer speaks for every source (the seed), and the record cites what it states."""
    held = {identity(citation): citation for citation in current}
    after = [held.get(identity(citation), citation) for citation in stated]
    if source_id is None:
        return after
    said = {identity(citation) for citation in stated}
    return after + [
        citation
        for citation in current
        if identity(citation) not in said and _stays(citation, source_id, values_changed)
    ]


def _stays(citation: Any, source_id: str, values_changed: bool) -> bool:
    source, _, line, _, _ = identity(citation)
    return source != source_id and not (values_changed and line is not None)


def unchanged_sql(
    column: str, record: str, stated: Mapping[str, str], source: str, same: Callable[[str, str], str]
) -> str:
    """SQL: `restated` keeps the citations of the record `record` (an SQL expression of its id, which
    the citations' `column` holds) as they are, when it states one citation, the row `stated`
    (IDENTITY → the SQL expression of each value), from the source `source` (an SQL expression) and
    its values are unchanged. That is: a citation of the record is the one stated, and none of the
    source's is another. `same(a, b)` is SQL for a equals b, NULL equalling NULL."""

    def same_as_stated(alias: str) -> str:
        # source_id is never NULL: `=` (which the citations' index serves) is `same` for it.
        return " AND ".join(
            f"{alias}.{name} = {stated[name]}"
            if name == "source_id"
            else same(f"{alias}.{name}", stated[name])
            for name in IDENTITY
        )

    return (
        f"EXISTS (SELECT 1 FROM citations c WHERE c.{column} = {record} AND {same_as_stated('c')}) "
        f"AND NOT EXISTS (SELECT 1 FROM citations o WHERE o.{column} = {record} "
        f"AND o.source_id = {source} AND NOT ({same_as_stated('o')}))"
    )
