"""What the pages say, in English and Russian: their own labels, and the API's enum values read aloud."""

from app.common.language import Language
from app.iso4217 import CURRENCY_CODES

LABELS: dict[str, tuple[str, str]] = {
    # key: (English, Russian)
    "site": ("Bilateral relations explorer", "Обозреватель двусторонних отношений"),
    "home": ("Home", "Главная"),
    "search": ("Search", "Поиск"),
    "search_records": ("Search every record", "Поиск по всем записям"),
    "review": ("Review queue", "Очередь проверки"),
    "api_docs": ("API documentation", "Документация API"),
    "as_json": ("as JSON", "в JSON"),
    "language": ("Language", "Язык"),
    "pairs": ("Country pairs with data", "Пары стран с данными"),
    "pair": ("Pair", "Пара"),
    "records": ("Records", "Записи"),
    "latest_sources": ("Latest sources", "Последние источники"),
    "events": ("Events", "События"),
    "agreements": ("Agreements", "Соглашения"),
    "trade_figures": ("Trade figures", "Торговые показатели"),
    "infrastructure_projects": ("Infrastructure projects", "Инфраструктурные проекты"),
    "people": ("People", "Люди"),
    "organizations": ("Organizations", "Организации"),
    "places": ("Places", "Места"),
    "countries": ("Countries", "Страны"),
    "sources": ("Sources", "Источники"),
    "conflicts": ("Conflicts", "Противоречия"),
    "timeline": ("Timeline", "Хронология"),
    "timeline_note": (
        "Each bar spans what the source says: a year-precision event spans the year, a month the month.",
        "Каждая полоса занимает то время, которое указывает источник: событие с точностью до года — весь "
        "год, до месяца — месяц.",
    ),
    "timeline_more": (
        "The timeline shows the latest {shown} events of {total}; the earlier ones, as JSON:",
        "На шкале последние {shown} событий из {total}; более ранние, в JSON:",
    ),
    "trade": ("Trade and transit", "Торговля и транзит"),
    "chart_note": (
        "Each column spans its period. Hatched: forecast or estimate; pale: a partial period "
        "(part of a year); ≈ approximate, ≥ at least, ≤ at most, a whisker a range.",
        "Каждый столбец занимает свой период. Штриховка — прогноз или оценка; бледный — неполный период "
        "(часть года); ≈ приблизительно, ≥ не менее, ≤ не более, «ус» — диапазон.",
    ),
    "chart_table": ("The figures of this chart", "Показатели этого графика"),
    "chart_many": (
        "{n} figures: too many for a table here; each series as JSON:",
        "Показателей: {n} — слишком много для таблицы здесь; каждый ряд в JSON:",
    ),
    "chart_cut": (
        "Each series' latest {n} points are drawn; a series in full, as JSON:",
        "Показаны последние точки каждого ряда, не больше {n}; ряд целиком, в JSON:",
    ),
    "chart_rows_more": ("the first {shown} of {total}", "первые {shown} из {total}"),
    "series": ("Series", "Ряд"),
    "period": ("Period", "Период"),
    "value": ("Value", "Значение"),
    "status": ("Status", "Статус"),
    "bound": ("Bound", "Точность"),
    "date": ("Date", "Дата"),
    "type": ("Type", "Тип"),
    "title": ("Title", "Название"),
    "summary": ("Summary", "Описание"),
    "kind": ("Kind", "Вид"),
    "note": ("Note", "Примечание"),
    "role": ("Role", "Должность"),
    "country": ("Country", "Страна"),
    "location": ("Location", "Место"),
    "host_country": ("Host country", "Принимающая страна"),
    "event": ("Event", "Событие"),
    "sectors": ("Sectors", "Отрасли"),
    "document_count": ("Documents", "Документов"),
    "reporter": ("Reporter", "Отчитывающаяся страна"),
    "partner": ("Partner", "Страна-партнёр"),
    "indicator": ("Indicator", "Показатель"),
    "commodity": ("Commodity", "Товар"),
    "unit": ("Unit", "Единица"),
    "compared_period": ("Compared with", "По сравнению с"),
    "projects": ("Projects", "Проекты"),
    "citations": ("Citations", "Цитаты"),
    "quote": ("Quote", "Цитата"),
    "paragraph": ("paragraph {n}", "абзац {n}"),
    "in_source": ("in its source", "в источнике"),
    "support": ("Support", "Подтверждение"),
    "source_count": ("Sources citing it", "Источников"),
    "contested": ("Contested by other sources", "Другие источники расходятся"),
    "contested_field": ("{field}: {value}", "{field}: {value}"),
    "corroborating": ("Sources that state it", "Источники, которые это сообщают"),
    "revisions": ("Revisions", "История изменений"),
    "revision_by": ("{action} by {actor}", "{action}: {actor}"),
    "no_revisions": (
        "No revisions are recorded for this kind of record.",
        "Для записей этого вида история не ведётся.",
    ),
    "fields": ("Every field", "Все поля"),
    "full_text": ("Full text", "Полный текст"),
    "quotes_taken": ("Every quote taken from it", "Все цитаты из него"),
    "supports": ("supports", "подтверждает"),
    "author": ("Author", "Автор"),
    "publisher": ("Publisher", "Издатель"),
    "published": ("Published", "Опубликовано"),
    "url": ("Address", "Адрес"),
    "no_results": ("Nothing matches.", "Ничего не найдено."),
    "results_for": ("Results for “{q}”", "Результаты по запросу «{q}»"),
    "next_page": ("Next page", "Следующая страница"),
    "query": ("Words to find", "Что искать"),
    "go": ("Search", "Найти"),
    "none": ("none", "нет"),
    "unknown": ("unknown", "неизвестно"),
    "candidates": ("Candidates", "Кандидаты"),
    "review_intro": (
        "Records the extractor proposed from new sources. Reading needs no key; to accept, edit or "
        "reject, type an API key with the write scope (kept in this tab only, in sessionStorage).",
        "Записи, которые извлекатель предложил по новым источникам. Читать можно без ключа; чтобы "
        "принять, исправить или отклонить, введите ключ API с правом записи (он хранится только в этой "
        "вкладке, в sessionStorage).",
    ),
    "write_key": ("Write key", "Ключ записи"),
    "use_key": ("Use this key", "Использовать ключ"),
    "forget_key": ("Forget the key", "Забыть ключ"),
    "key_needed": (
        "Read-only: without JavaScript, or until a write key is given, the queue can only be read.",
        "Только чтение: без JavaScript или пока не введён ключ записи очередь можно только читать.",
    ),
    "accept": ("Accept", "Принять"),
    "accept_edited": ("Accept with these edits", "Принять с правками"),
    "reject": ("Reject", "Отклонить"),
    "reason": ("Reason", "Причина"),
    "edits": ("Edits to its body (JSON)", "Правки тела (JSON)"),
    "body": ("Body", "Тело записи"),
    "confidence": ("Confidence", "Уверенность"),
    "action": ("Action", "Действие"),
    "record_type": ("Record type", "Вид записи"),
    "filter_status": ("Show", "Показать"),
    "show": ("Show", "Показать"),
    "error": ("Error", "Ошибка"),
    "back_home": ("Back to the home page", "На главную"),
    "main_content": ("Skip to the content", "К содержанию"),
    "count_of": ("{n} records", "записей: {n}"),
    "figures_linked": ("Figures linked", "Связанные показатели"),
    "linked_events": ("Events", "События"),
    "no_trade": ("No trade figures for this pair.", "Торговых показателей для этой пары нет."),
    "no_events": ("No events or agreements for this pair.", "Событий и соглашений для этой пары нет."),
    "no_conflicts": ("The sources do not disagree on this pair.", "Источники по этой паре не расходятся."),
    "record_of": ("A record of {source}", "Запись источника {source}"),
    "all_records": ("All records", "Все записи"),
    "id": ("Id", "Идентификатор"),
    "claims": ("Claims", "Утверждения"),
    "conflicts_note": (
        "Where the sources disagree on these two countries, and figures that contradict one another: "
        "the consistency report, read over all the data, on a page of its own.",
        "Где источники расходятся в сведениях об этих двух странах и какие показатели противоречат друг "
        "другу: отчёт о согласованности по всем данным, на отдельной странице.",
    ),
    "conflicts_of": ("Conflicts: {pair}", "Противоречия: {pair}"),
    "about": (
        "Every panel shows what the public API returns: its call is linked beside the panel.",
        "Каждая панель показывает то, что возвращает открытый API: ссылка на вызов рядом с панелью.",
    ),
}

# The API's enum values, read aloud: (English, Russian).
VALUES: dict[str, tuple[str, str]] = {
    # event types and statuses
    "state_visit": ("state visit", "государственный визит"),
    "official_visit": ("official visit", "официальный визит"),
    "working_visit": ("working visit", "рабочий визит"),
    "summit": ("summit", "саммит"),
    "ministerial_meeting": ("ministerial meeting", "встреча министров"),
    "multilateral_meeting": ("multilateral meeting", "многосторонняя встреча"),
    "intergovernmental_commission": ("intergovernmental commission", "межправительственная комиссия"),
    "forum": ("forum", "форум"),
    "talks": ("talks", "переговоры"),
    "interstate_council": ("interstate council", "межгосударственный совет"),
    "phone_call": ("phone call", "телефонный разговор"),
    "other": ("other", "другое"),
    "held": ("held", "состоялось"),
    "planned": ("planned", "запланировано"),
    "cancelled": ("cancelled", "отменено"),
    # agreements
    "proposed": ("proposed", "предложено"),
    "signed": ("signed", "подписано"),
    "ratified": ("ratified", "ратифицировано"),
    "in_force": ("in force", "действует"),
    "expired": ("expired", "истекло"),
    "terminated": ("terminated", "прекращено"),
    # trade
    "trade_turnover": ("trade turnover", "товарооборот"),
    "exports": ("exports", "экспорт"),
    "imports": ("imports", "импорт"),
    "transit_volume": ("transit volume", "объём транзита"),
    "trade_turnover_growth": ("trade turnover growth", "рост товарооборота"),
    "exports_growth": ("exports growth", "рост экспорта"),
    "imports_growth": ("imports growth", "рост импорта"),
    "transit_volume_growth": ("transit volume growth", "рост транзита"),
    "re_exports": ("re-exports", "реэкспорт"),
    "re_imports": ("re-imports", "реимпорт"),
    "domestic_exports": ("domestic exports", "экспорт отечественных товаров"),
    "foreign_imports": ("foreign imports", "импорт иностранных товаров"),
    "imports_for_inward_processing": ("imports for inward processing", "импорт для переработки"),
    "exports_after_inward_processing": ("exports after inward processing", "экспорт после переработки"),
    "imports_after_outward_processing": ("imports after outward processing", "импорт после переработки"),
    "exports_for_outward_processing": ("exports for outward processing", "экспорт для переработки"),
    "cif": ("CIF", "CIF"),
    "fob": ("FOB", "FOB"),
    "exact": ("exact", "точно"),
    "approximate": ("approximate", "приблизительно"),
    "at_least": ("at least", "не менее"),
    "at_most": ("at most", "не более"),
    "range": ("range", "диапазон"),
    "reported": ("reported", "отчётные данные"),
    "preliminary": ("preliminary", "предварительные данные"),
    "estimate": ("estimate", "оценка"),
    "forecast": ("forecast", "прогноз"),
    "target": ("target", "цель"),
    "year": ("year", "год"),
    "half_year": ("half-year", "полугодие"),
    "quarter": ("quarter", "квартал"),
    "month": ("month", "месяц"),
    "day": ("day", "день"),
    "year_to_date": ("part of a year", "часть года"),
    # projects
    "port": ("port", "порт"),
    "transport_corridor": ("transport corridor", "транспортный коридор"),
    "pipeline": ("pipeline", "трубопровод"),
    "railway": ("railway", "железная дорога"),
    "road": ("road", "автодорога"),
    "ferry_line": ("ferry line", "паромная линия"),
    "digital_system": ("digital system", "цифровая система"),
    "power_line": ("power line", "линия электропередачи"),
    "under_development": ("under development", "в разработке"),
    "under_construction": ("under construction", "строится"),
    "expanding": ("expanding", "расширяется"),
    "operating": ("operating", "действует"),
    "completed": ("completed", "завершён"),
    "suspended": ("suspended", "приостановлен"),
    # sectors
    "transport": ("transport", "транспорт"),
    "digitalization": ("digitalization", "цифровизация"),
    "industry": ("industry", "промышленность"),
    "agriculture": ("agriculture", "сельское хозяйство"),
    "energy": ("energy", "энергетика"),
    "trade": ("trade", "торговля"),
    "finance": ("finance", "финансы"),
    "culture": ("culture", "культура"),
    "education": ("education", "образование"),
    "security": ("security", "безопасность"),
    # support
    "single": ("one source", "один источник"),
    "corroborated": ("corroborated", "подтверждено"),
    # sources
    "article": ("article", "статья"),
    "wire_report": ("wire report", "сообщение агентства"),
    "press_release": ("press release", "пресс-релиз"),
    "interview": ("interview", "интервью"),
    "report": ("report", "доклад"),
    "statistics": ("statistics", "статистика"),
    "dataset": ("dataset", "набор данных"),
    "official_statement": ("official statement", "официальное заявление"),
    # record types
    "event": ("event", "событие"),
    "agreement": ("agreement", "соглашение"),
    "trade_figure": ("trade figure", "торговый показатель"),
    "infrastructure_project": ("infrastructure project", "инфраструктурный проект"),
    "country": ("country", "страна"),
    "organization": ("organization", "организация"),
    "person": ("person", "человек"),
    "place": ("place", "место"),
    "source": ("source", "источник"),
    # candidates and revisions
    "pending": ("pending", "ожидает"),
    "accepted": ("accepted", "принят"),
    "rejected": ("rejected", "отклонён"),
    "create": ("create", "создание"),
    "corroborate": ("corroborate", "подтверждение"),
    "contest": ("contest", "оспаривание"),
    "update": ("update", "изменение"),
    "delete": ("delete", "удаление"),
    # units
    "USD": ("US dollars", "долл. США"),
    "EUR": ("euros", "евро"),
    "tonnes": ("tonnes", "тонн"),
    "percent": ("per cent", "%"),
    "teu": ("TEU", "TEU"),
    "containers": ("containers", "контейнеров"),
    "barrels_per_day": ("barrels a day", "баррелей в сутки"),
    "cubic_metres": ("cubic metres", "куб. м"),
    "km": ("km", "км"),
    "RUB": ("roubles", "руб."),
    "KZT": ("tenge", "тенге"),
    "AZN": ("manats", "манатов"),
    "CNY": ("yuan", "юаней"),
    "items": ("items", "шт."),
    "pairs": ("pairs", "пар"),
    "dozens": ("dozens", "дюжин"),
    "thousand_items": ("thousand items", "тыс. шт."),
    "packages": ("packages", "упаковок"),
    "litres": ("litres", "литров"),
    "metres": ("metres", "метров"),
    "square_metres": ("square metres", "кв. м"),
    "carats": ("carats", "карат"),
    "thousand_kwh": ("thousand kWh", "тыс. кВт·ч"),
    # conflicts
    "contested_value": ("sources give different values", "источники дают разные значения"),
    "part_exceeds_whole": ("a part above its whole", "часть больше целого"),
    "growth_implies_share": (
        "a growth rate that leaves too little for the rest",
        "темп роста, после которого на остальное почти ничего не остаётся",
    ),
    # commodities
    "TOTAL": ("all goods", "все товары"),
    # city, region
    "city": ("city", "город"),
    "region": ("region", "регион"),
}


def label(key: str, lang: Language, **values: object) -> str:
    english, russian = LABELS[key]
    text = russian if lang == "ru" else english
    return text.format(**values) if values else text


def value_label(value: object, lang: Language) -> str:
    """An enum value as words; a currency the table does not know in CLDR's words for an amount of it
    ("японских иен"); any other value as it is."""
    if value is None:
        return ""
    words = VALUES.get(str(value))
    if words is None:
        if str(value) in _CURRENCIES:
            # Imported here: a worker starts without Babel (only a page that names such a unit needs it).
            from babel.numbers import get_currency_name

            return get_currency_name(str(value), count=5, locale=lang)
        return str(value).replace("_", " ")
    return words[1] if lang == "ru" else words[0]


_CURRENCIES = frozenset(CURRENCY_CODES)
