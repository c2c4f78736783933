"""The SQL that writes a record's CSV line (`CsvLine`), byte for byte as the csv module writes
`rows.row_cells` of its item: the export runs it (app/common/export.py), and the writers store its
lines (app/export_lines.py)."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    Enum,
    Float,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.sql.elements import Case, ColumnClause, Label, TypeCoerce
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Exists, ScalarSelect
from sqlalchemy.sql.util import ClauseAdapter
from sqlalchemy.sql.visitors import iterate, replacement_traverse

from app.common.rows import _NEEDS_QUOTES, FORMULA_START, LIST_SEPARATOR, Plan, nested_model

PRINTF_ARGUMENTS = 100  # cells per printf() call: SQLite takes at most 127 arguments by default
MAX_LINES = 1024  # `CsvLine`s kept (per plan, columns and engine)


def csv_columns(schema: type[BaseModel], fields: Sequence[str] = ()) -> list[str]:
    """One column per scalar field; a nested record or list of them becomes `field.subfield` columns."""
    columns = []
    for name, info in schema.model_fields.items():
        if name == "included" or (fields and name not in fields):
            continue
        nested = nested_model(info.annotation)
        if nested is None:
            columns.append(name)
        else:
            columns += [f"{name}.{sub}" for sub in csv_columns(nested)]
    return columns


class CsvLine:
    """For one plan, CSV columns and database engine: an SQL expression of each record's CSV line
    (with its `\\r\\n`), as the csv module writes `rows.row_cells` of the item; `sql` is None when a
    column has a kind this does not write."""

    def __init__(
        self,
        plan: Plan,
        columns: Sequence[str],
        engine: str,
        aliases: dict[tuple[Any, str], Any] | None = None,
        lateral: bool = False,
    ) -> None:
        self._engine = engine
        self.model = plan.reader.model
        # PostgreSQL (`CsvLines`): a list that computed columns read too is joined (`_join_lists`).
        self._lateral = lateral
        self._joined_lists: dict[int, tuple[Any, list[Any]]] = {}
        # The referenced tables to join (outer), each with its condition; `aliases` shares them
        # between the lines of several languages (`CsvLines`).
        self.joins: list[tuple[Any, ColumnElement[bool]]] = []
        self._aliases = {} if aliases is None else aliases
        # The cells that are NULL where SQL cannot write the value (floats): the line must be NULL then.
        self._strict: set[int] = set()
        try:
            cells = self._cells(plan, columns)
        except _NotInSql:
            self.sql: ColumnElement[str] | None = None
            return
        if len(cells) == 1:  # the csv module quotes a line's only cell when it is empty
            written = cells[0] if self._strict else func.coalesce(cells[0], _text(""))
            cells = [case((written == _text(""), _text('""')), else_=written)]
        self.cells = cells
        self.sql = self.joined(range(len(cells)), "\r\n")

    def joined(self, at: Sequence[int], end: str) -> ColumnElement[str]:
        """The cells at these positions written one after the other, each followed by a comma but the
        last, by `end`: NULL when a strict cell is."""
        cells = [self.cells[i] for i in at]
        if self._engine == "sqlite":
            return self._printed(cells, {n for n, i in enumerate(at) if i in self._strict}, end)
        line = cells[0]
        for cell in cells[1:]:
            line = line.concat(_text(",")).concat(cell)
        return line.concat(_text(end)) if end else line

    def is_strict(self, at: int) -> bool:
        return at in self._strict

    def _printed(
        self, cells: Sequence[ColumnElement[str]], strict: set[int], last: str
    ) -> ColumnElement[str]:
        """SQLite: the line written by printf(), one `%s` a cell, which writes NULL as an empty cell:
        one string made, where `a || ',' || b …` makes one per cell. The strict cells are
        concatenated instead, so that their NULL still makes the line NULL."""
        parts: list[ColumnElement[str]] = []
        run: list[ColumnElement[str]] = []
        form = ""
        for at, cell in enumerate(cells):
            end = last if at == len(cells) - 1 else ","
            if at in strict or len(run) == PRINTF_ARGUMENTS:
                if form:
                    parts.append(func.printf(_text(form), *run) if run else _text(form))
                run, form = [], ""
            if at in strict:
                parts.append(cell)
                form = end
            else:
                run.append(cell)
                form += "%s" + end
        if form:
            parts.append(func.printf(_text(form), *run) if run else _text(form))
        line = parts[0]
        for part in parts[1:]:
            line = line.concat(part)
        return line

    def _cells(self, plan: Plan, columns: Sequence[str]) -> list[ColumnElement[str]]:
        """One expression per CSV column; a list's columns come from one subquery, as one
        expression of their cells joined by commas."""
        related = {plan.names[at]: relation for at, relation in plan.related}
        cells: list[ColumnElement[str]] = []
        done: set[str] = set()
        if self._lateral:
            self._join_lists(plan, columns, related)
        for column in columns:
            name, _, _ = column.partition(".")
            if name not in related:
                value = _unwrapped(plan.columns[plan.index_of(name)])
                if self._joined_lists:
                    value = self._from_groups(value)
                self._add(cells, self._cell(value), strict=_is_float(value.type))
                continue
            if name in done:
                continue
            done.add(name)
            relation = related[name]
            subs = [c.partition(".")[2] for c in columns if c.partition(".")[0] == name]
            query = relation.queries[plan.lang]
            keys = relation.keys or ("",)
            at = [keys.index(sub) + 1 for sub in subs] if relation.keys else [1]
            if relation.many:
                kinds = [_unwrapped(query.columns[i]).type for i in at]
                empty = _text("," * (len(subs) - 1))
                written: ColumnElement[str]
                if id(relation) in self._joined_lists:
                    grouped, _ = self._joined_lists[id(relation)]
                    parts = self._quoted_cells([grouped.c[f"cell{i}"] for i in at], kinds)
                    written = case((grouped.c.item_count > literal_column("0"), _joined(parts)), else_=empty)
                else:
                    owner = query.columns[0] == plan.reader.id_column
                    inner = query.select_where(owner).correlate(plan.reader.model).subquery()
                    aggregates = [
                        self._list_cell(inner.c[i], kind) for i, kind in zip(at, kinds, strict=True)
                    ]
                    if self._engine == "sqlite":
                        # SQLite computes an aggregate once however often the cell's quoting names it:
                        # no derived table (a co-routine per record) to name it once.
                        values: Sequence[Any] = aggregates
                    else:
                        labelled = (
                            aggregate.label(f"cell{i}") for i, aggregate in zip(at, aggregates, strict=True)
                        )
                        values = list(select(*labelled).subquery().c)
                    parts = self._quoted_cells(values, kinds)
                    listing = select(_joined(parts)).scalar_subquery()
                    if self._engine == "sqlite":
                        written = self._by_count(plan, query, owner, at, kinds, listing, empty)
                    else:
                        # The list's subquery (a sort and an aggregate) only for a record with items:
                        # most records have none in most lists, and one index probe says so for less.
                        listed = exists(select(literal_column("1")).where(owner).correlate(plan.reader.model))
                        written = case((listed, listing), else_=empty)
                self._add(cells, written, strict=any(_is_float(k) for k in kinds))
            else:
                # A reference is an outer join: the planner can remember the few rows referenced
                # (PostgreSQL's Memoize), which a subquery per record cannot.
                table = query.columns[0].table
                target = self._aliases.setdefault((table, str(relation.local_key)), table.alias())
                self.joins.append(
                    (target, target.corresponding_column(query.columns[0]) == relation.local_key)
                )
                for i in at:
                    value = target.corresponding_column(_unwrapped(query.columns[i]))
                    self._add(cells, self._cell(value), strict=_is_float(value.type))
        return cells

    def _by_count(
        self,
        plan: Plan,
        query: Any,
        owner: ColumnElement[bool],
        at: Sequence[int],
        kinds: Sequence[Any],
        listing: ColumnElement[str],
        empty: ColumnElement[str],
    ) -> ColumnElement[str]:
        """SQLite: a list's cells by the record's count of items, counted once (a CASE on a value):
        none, `empty`; one (a trade figure's one citation, as every figure a file's import writes),
        the item's row written as scalar cells, which is what the list of one item writes, without
        the list's sort and aggregate; more, `listing`."""
        model = plan.reader.model
        count = select(func.count()).where(owner).correlate(model).scalar_subquery()
        row = query.select_where(owner).order_by(None).correlate(model).subquery()
        cells = []
        for i, kind in zip(at, kinds, strict=True):
            cell = self._cell(type_coerce(row.c[i], kind))
            # NULL is an empty cell, as in the list; a float SQL cannot write keeps the line NULL.
            cells.append(cell if _is_float(kind) else func.coalesce(cell, _text("")))
        one = select(_joined(cells)).scalar_subquery()
        return case({literal_column("0"): empty, literal_column("1"): one}, value=count, else_=listing)

    def _join_lists(self, plan: Plan, columns: Sequence[str], related: dict[str, Any]) -> None:
        """Each list whose rows computed columns also read (`support`, `source_count`: the
        citations) as one LATERAL join per record: its cells' aggregates and those columns' counts of
        its rows at once, where a subquery each would read the rows again (`_groups`); shared by the
        lines of every language where the SQL is the same (`aliases`)."""
        computed = [
            _unwrapped(plan.columns[plan.index_of(name)])
            for name in dict.fromkeys(column.partition(".")[0] for column in columns)
            if name not in related
        ]
        for relation in related.values():
            if not relation.many:
                continue
            query = relation.queries[plan.lang]
            owner = query.columns[0] == plan.reader.id_column
            per_record = query.select_where(owner).correlate(plan.reader.model)
            # In the list's order, as the subquery per record has them (`_cells`).
            rows = per_record.subquery()
            counts: list[tuple[Any, Any]] = []
            for value in computed:
                for count in _reads_of(value, per_record):
                    adapted = _adapted(count, rows)
                    if adapted is not None and not any(count.compare(seen) for seen, _ in counts):
                        counts.append((count, adapted))
            if not counts:
                continue
            cells = [
                self._list_cell(rows.c[i], _unwrapped(column).type).label(f"cell{i}")
                for i, column in enumerate(query.columns[1:], start=1)
            ]
            read = select(
                func.count().label("item_count"),
                *cells,
                *(adapted.label(f"count{n}") for n, (_, adapted) in enumerate(counts)),
            ).select_from(rows)
            grouped = self._aliases.setdefault((str(read), "lateral"), read.lateral())
            self._joined_lists[id(relation)] = (grouped, [per_record, *(count for count, _ in counts)])
            self.joins.append((grouped, literal_column("true")))

    def _from_groups(self, value: Any) -> Any:
        """A computed column with its subqueries over a joined list's rows of the record (an EXISTS,
        a count) read from that list's join instead."""

        def replace(element: Any, **_kw: Any) -> Any:
            for grouped, (per_record, *counts) in self._joined_lists.values():
                if isinstance(element, Exists) and _same_rows(_select_of(element), per_record):
                    return grouped.c.item_count > literal_column("0")
                if isinstance(element, ScalarSelect) and _same_rows(element.element, per_record):
                    for n, count in enumerate(counts):
                        if element.element.selected_columns[0].compare(count):
                            return grouped.c[f"count{n}"]
            return None

        clause: ColumnElement[Any] = (
            value.__clause_element__() if hasattr(value, "__clause_element__") else value
        )
        replaced = replacement_traverse(clause, {}, replace)
        return value if replaced is clause else replaced

    def _add(self, cells: list[ColumnElement[str]], cell: ColumnElement[str], strict: bool = False) -> None:
        if strict:
            self._strict.add(len(cells))
        cells.append(cell)

    def _cell(self, column: Any) -> ColumnElement[str]:
        """A value's CSV cell: `rows.cell`'s text, quoted as the csv module does."""
        if isinstance(column.type, Float):
            return self._float(column)
        text = self._text_of(column)
        if _is_plain(column.type) or _constant_outcomes(column):
            return self._or_empty(text)
        # Most text needs neither quoting nor escaping: one or two pattern tests say so sooner than
        # the checks one by one.
        if self._engine == "sqlite":
            plain = and_(
                ~text.op("GLOB", is_comparison=True)(_text('*[,"\r\n]*')),
                ~text.op("GLOB", is_comparison=True)(_text("[\t\r=+@-]*")),
            )
        else:
            plain = ~text.op("~", is_comparison=True)(_text('[,"\r\n]|^[\t\r=+@-]'))
        written = case((plain, text), else_=self._quoted(text, _escaped(text)))
        return self._or_empty(written)

    def _or_empty(self, cell: ColumnElement[str]) -> ColumnElement[str]:
        """NULL as an empty cell; on SQLite printf() writes it so (`_printed`)."""
        return cell if self._engine == "sqlite" else func.coalesce(cell, _text(""))

    def _list_cell(self, value: Any, kind: Any) -> ColumnElement[str]:
        """A list's cell, unquoted, from its items' `value`s (a derived table's column, in the items'
        order): each item's cell joined by ` | `; NULL when an item's value SQL does not write."""
        typed = type_coerce(value, kind)
        if isinstance(kind, Float):
            part = self._float(typed)
            joined = self._aggregate(part)
            # An aggregate skips NULLs: a part SQL could not write makes the whole cell NULL instead.
            return case((func.count() == func.count(part), func.coalesce(joined, _text(""))), else_=null())
        text = self._text_of(typed)
        part = func.coalesce(text if _is_plain(kind) else _escaped(text), _text(""))
        return func.coalesce(self._aggregate(part), _text(""))

    def _aggregate(self, part: ColumnElement[str]) -> ColumnElement[str]:
        aggregate = "group_concat" if self._engine == "sqlite" else "string_agg"
        joined: ColumnElement[str] = getattr(func, aggregate)(part, _text(LIST_SEPARATOR))
        return joined

    def _text_of(self, column: Any) -> ColumnElement[str]:
        kind = column.type
        if isinstance(kind, Boolean):
            return case((column.is_(None), null()), (column, _text("true")), else_=_text("false"))
        if isinstance(kind, Date) and self._engine == "sqlite":
            return type_coerce(column, String())  # stored as its ISO text
        if isinstance(kind, Date | Integer):
            return cast(column, String())
        if isinstance(kind, String):  # text, and an enum's value as stored
            return type_coerce(column, String())
        raise _NotInSql(kind)

    def _float(self, value: Any) -> ColumnElement[str]:
        """`rows.cell` of a float: a whole number without `.0`, else repr(). NULL where the engine's
        own text may differ from repr() (beyond 15 digits, an exponent, inf and nan)."""
        whole = and_(func.abs(value) < _number("9.2e18"), value == self._truncated(value))
        shown: ColumnElement[str]
        exact: ColumnElement[bool]
        if self._engine == "sqlite":
            shown = func.printf(_text("%.15g"), value)
            # The 15 digits read back as the value: they are repr()'s (its shortest digits).
            exact = cast(shown, Float()) == value
        else:
            # float8's text is the shortest that reads back (PostgreSQL 12 and later), as repr().
            shown = cast(value, String())
            exact = literal_column("true")
        decimal = and_(func.abs(value) >= _number("1e-4"), func.abs(value) < _number("1e15"), exact)
        return case(
            (value.is_(None), _text("")),
            (whole, cast(cast(value, BigInteger()), String())),
            (decimal, shown),
            else_=null(),
        )

    def _truncated(self, value: Any) -> ColumnElement[Any]:
        if self._engine == "sqlite":
            return cast(value, Integer())
        return func.trunc(value)

    def _quoted_cells(self, values: Sequence[Any], kinds: Sequence[Any]) -> list[ColumnElement[str]]:
        """A list's aggregated cells, each of text quoted as a CSV field."""
        return [
            self._quoted(cell, cell) if _is_text(kind) else cell
            for cell, kind in zip(values, kinds, strict=True)
        ]

    def _quoted(self, text: ColumnElement[str], shown: ColumnElement[str]) -> ColumnElement[str]:
        """`shown` quoted (its quotes doubled) where `text` holds a comma, a quote or a line break."""
        find = func.instr if self._engine == "sqlite" else func.strpos
        needs = or_(*(find(text, _text(char)) > _number("0") for char in ',"\r\n'))
        quoted = _text('"').concat(func.replace(shown, _text('"'), _text('""'))).concat(_text('"'))
        return case((needs, quoted), else_=shown)


class CsvLines:
    """Each record's line in several languages (one plan each, of one reader), as one SELECT of
    (record_id, lang, line) for the records `ids` selects; `None` when a line has a column SQL does
    not write. Most cells are the same in every language (ids, numbers, the lists of citations): the
    runs of them are written once per record, in a materialized CTE, beside each language's own
    cells (names, notes), and each language's line is then a concatenation of a few texts."""

    def __init__(self, plans: Sequence[Plan], columns: Sequence[str], engine: str) -> None:
        aliases: dict[tuple[Any, str], Any] = {}
        lateral = engine == "postgresql"  # SQLite has no LATERAL
        lines = [CsvLine(plan, columns, engine, aliases, lateral) for plan in plans]
        self._langs = [plan.lang for plan in plans]
        self._id_column = plans[0].reader.id_column
        # The CTE's SELECT (without its records) and each language's columns of it, in order; built
        # once (comparing the cells takes a while).
        self._cells: Select[Any] | None = None
        self._parts: list[list[str]] = [[] for _ in lines]
        if all(line.sql is not None for line in lines):
            self._cells = self._written(lines)

    def _written(self, lines: list[CsvLine]) -> Select[Any]:
        first, others = lines[0], lines[1:]
        count = len(first.cells)
        shared = [
            all(
                line.cells[at].compare(first.cells[at]) and line.is_strict(at) == first.is_strict(at)
                for line in others
            )
            for at in range(count)
        ]
        runs: list[list[int]] = []
        for at in range(count):
            if runs and shared[at] and shared[runs[-1][-1]]:
                runs[-1].append(at)
            else:
                runs.append([at])
        cells: list[Any] = []
        for number, run in enumerate(runs):
            end = "\r\n" if run[-1] == count - 1 else ","
            if shared[run[0]]:
                cells.append(first.joined(run, end).label(f"part{number}"))
                for names in self._parts:
                    names.append(f"part{number}")
                continue
            for line, lang, names in zip(lines, self._langs, self._parts, strict=True):
                cells.append(line.joined(run, end).label(f"part{number}_{lang}"))
                names.append(f"part{number}_{lang}")
        written = select(self._id_column.label("record_id"), *cells).select_from(first.model)
        joined: set[Any] = set()
        for line in lines:
            for target, condition in line.joins:
                if target not in joined:
                    joined.add(target)
                    written = written.outerjoin(target, condition)
        return written

    def select(self, ids: Any) -> Select[Any] | None:
        if self._cells is None:
            return None
        table = self._cells.where(self._id_column.in_(ids)).cte("cells").prefix_with("MATERIALIZED")
        selects = []
        for lang, names in zip(self._langs, self._parts, strict=True):
            text: ColumnElement[str] = table.c[names[0]]
            for name in names[1:]:
                text = text.concat(table.c[name])
            selects.append(select(table.c.record_id, _text(lang).label("lang"), text.label("line")))
        return select(union_all(*selects).subquery())


class _NotInSql(Exception):
    pass


def _unlabelled(column: Any) -> Any:
    return column.element if isinstance(column, Label) else column


def _select_of(element: Any) -> Any:
    """The SELECT inside an EXISTS."""
    while not isinstance(element, Select):
        element = element.element
    return element


def _same_rows(query: Any, rows: Select[Any]) -> bool:
    """Whether a subquery reads the same rows as `rows` (the same FROM and WHERE)."""
    if not isinstance(query, Select) or query.whereclause is None or rows.whereclause is None:
        return False
    froms, theirs = query.get_final_froms(), rows.get_final_froms()
    return (
        query.whereclause.compare(rows.whereclause)
        and len(froms) == len(theirs)
        and all(a.compare(b) for a, b in zip(froms, theirs, strict=True))
    )


def _adapted(expression: Any, rows: Any) -> Any:
    """`expression` over the columns of the subquery `rows` instead of its tables' (None when it
    reads a column `rows` does not select)."""
    adapted = ClauseAdapter(rows).traverse(expression)
    for element in iterate(adapted):
        if isinstance(element, ColumnClause) and element.table is not None and element.table is not rows:
            return None
    return adapted


def _reads_of(value: Any, rows: Select[Any]) -> list[Any]:
    """The counts a computed column's subqueries take of `rows` (as `_same_rows` finds them)."""
    found = []
    for element in iterate(value):
        if isinstance(element, ScalarSelect) and _same_rows(element.element, rows):
            selected = [_unlabelled(column) for column in element.element.selected_columns]
            if (
                len(selected) == 1
                and isinstance(selected[0], FunctionElement)
                and selected[0].name == "count"
            ):
                found.append(selected[0])
    return found


def _text(constant: str) -> ColumnElement[str]:
    """A string constant written into the SQL (no parameter to bind on each statement)."""
    return literal_column("'" + constant.replace("'", "''") + "'", String())


def _number(constant: str) -> ColumnElement[Any]:
    return literal_column(constant, Float())


def _escaped(text: ColumnElement[str]) -> ColumnElement[str]:
    """`rows.cell`'s formula escaping: a quote mark before text a spreadsheet would run."""
    starts = func.substr(text, _number("1"), _number("1")).in_([_text(char) for char in FORMULA_START])
    return case((starts, _text("'").concat(text)), else_=text)


def _joined(cells: Sequence[ColumnElement[str]]) -> ColumnElement[str]:
    joined = cells[0]
    for cell in cells[1:]:
        joined = joined.concat(_text(",")).concat(cell)
    return joined


def _is_float(kind: Any) -> bool:
    return isinstance(kind, Float)


def _is_text(kind: Any) -> bool:
    """Text that may need quoting (not a float, not `_is_plain`)."""
    return not isinstance(kind, Float) and not _is_plain(kind)


def _is_plain(kind: Any) -> bool:
    """Values whose text never starts a formula nor needs quoting (numbers, dates, booleans, an
    enum's values as they are)."""
    if isinstance(kind, Enum):
        return not any(value[:1] in FORMULA_START or _NEEDS_QUOTES.search(value) for value in kind.enums)
    return isinstance(kind, Integer | Date | Boolean)


def _constant_outcomes(column: Any) -> bool:
    """A computed value (a CASE, as `support`) whose every outcome is a constant the csv module writes
    as it is. Written as plain text, the value is computed once: each test of the text (quotes,
    formula) would compute it again, subqueries and all."""
    expression = getattr(column, "expression", column)
    case_ = getattr(expression, "element", expression)  # under its label
    if not isinstance(case_, Case) or case_.value is not None:
        return False
    outcomes = [result for _, result in case_.whens]
    if case_.else_ is not None:
        outcomes.append(case_.else_)
    for outcome in outcomes:
        written = getattr(outcome, "name", None) if getattr(outcome, "is_literal", False) else None
        if not written or written[0] != "'" or written[-1] != "'" or "'" in written[1:-1]:
            return False
        value = written[1:-1]
        if value[:1] in FORMULA_START or _NEEDS_QUOTES.search(value) or not value:
            return False
    return True


def _unwrapped(column: Any) -> Any:
    """The column under `rows._raw`'s type_coerce: its own type says how to write it."""
    return column.clause if isinstance(column, TypeCoerce) else column


_lines: dict[tuple[Plan, tuple[str, ...], str], CsvLine] = {}
_multi: dict[tuple[tuple[Plan, ...], tuple[str, ...], str], CsvLines] = {}
T = TypeVar("T")


def csv_line(plan: Plan, columns: Sequence[str], engine: str) -> CsvLine:
    return _kept(_lines, (plan, tuple(columns), engine), lambda: CsvLine(plan, columns, engine))


def csv_lines(plans: Sequence[Plan], columns: Sequence[str], engine: str) -> CsvLines:
    return _kept(_multi, (tuple(plans), tuple(columns), engine), lambda: CsvLines(plans, columns, engine))


def _kept(kept: dict[Any, T], key: Any, build: Callable[[], T]) -> T:
    """The value kept for `key`, built the first time (and kept while fewer than MAX_LINES are)."""
    value = kept.get(key)
    if value is None:
        value = build()
        if len(kept) < MAX_LINES:
            kept[key] = value
    return value
