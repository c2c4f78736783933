"""Names seen in one script only, written in the other: a readable guess, marked as such by a lower
confidence wherever it is used."""

_RU_TO_EN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}
_EN_TO_RU = (
    ("shch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ts", "ц"),
    ("ya", "я"),
    ("yu", "ю"),
    ("yo", "ё"),
    ("ye", "е"),
    ("ph", "ф"),
    ("th", "т"),
    ("ck", "к"),
    ("ee", "и"),
    ("oo", "у"),
    ("a", "а"),
    ("b", "б"),
    ("c", "к"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("j", "дж"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "у"),
    ("x", "кс"),
    ("y", "й"),
    ("z", "з"),
)
_VOWELS = set("аеёиоуыэюя")


def to_latin(text: str) -> str:
    out = []
    previous = ""
    for char in text:
        lower = char.lower()
        if lower == "е" and (not previous or previous in _VOWELS or not previous.isalpha()):
            latin = "ye"
        else:
            latin = _RU_TO_EN.get(lower, char)
        out.append(latin.capitalize() if char.isupper() and latin else latin)
        previous = lower
    return "".join(out)


def to_cyrillic(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        for latin, cyrillic in _EN_TO_RU:
            piece = text[i : i + len(latin)]
            if piece.lower() == latin:
                if latin == "y" and i + 1 < len(text) and text[i + 1].isalpha():
                    cyrillic = "и" if i > 0 and text[i - 1].isalpha() else "й"
                out.append(cyrillic.capitalize() if piece[0].isupper() else cyrillic)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
