"""Datelines and bylines at the start of a news story ("CORSICANA (October 14, 2014) ",
"WASHINGTON, Oct 3 (Reuters) - ", "BAGHDAD—", "(CNN) -- ", "By Jane Smith"): where the
story was filed, when, by whom or through which agency, and where its own words begin.

Plain text only (no Qt, no spaCy): the importer fills an article's details from it and the
language pipeline keeps it out of the first sentence, so neither takes a city or an agency
for someone who said something."""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.paths import lexicon

# A dateline's place is written in capitals: one to four words ("BAGHDAD", "ST. LOUIS",
# "SALT LAKE CITY"), then, in title case, a region or country (", N.C.", ", Burma").
_CAPITALS = r"[A-Z][A-Z.'’-]*[A-Z.](?:\s[A-Z][A-Z.'’-]*[A-Z.]){0,3}"
_REGION = r"[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"{_MONTH}\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s{_MONTH}(?:\s\d{{4}})?"
# what ends a dateline: a dash, with or without spaces ("BAGHDAD—An"); a hyphen or a
# double hyphen only with a space ("AP-GfK", "AFL-CIO" and "SIEGEL--Jerome" are no
# datelines). Not a colon: "UPDATE:", "HOAX:" and "JAKE TAPPER:" open a story too.
_DASH = r"\s*[—–]\s*|\s+--?\s*|--?\s+"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPITALS})(?:,\s(?P<region>{_REGION}))??"
    rf"(?:,\s(?P<date>{_DATE}))?"
    rf"(?:\s*\((?P<paren>[^()\n]{{2,40}})\))?"
    rf"(?P<end>{_DASH}|(?<=\))\s+)"
)
_AGENCY_ONLY = re.compile(r"\((?P<paren>[A-Z][A-Za-z. ]{1,20})\)(?P<end>" + _DASH + ")")
# Words in capitals that open a story without naming a place: labels and kickers.
_NOT_PLACES = frozenset(lexicon("headlines")["not_places"])
# "By Jane Smith", "BY JANE SMITH, Reuters", "date 2023-02-14 By Matthew Roscoe • 14
# February 2023": at the line's start or after a date or a separator, two to four names,
# then the line's end or a separator. "By Friday morning, ..." and "By Sanders's own
# argument" go on with words; "Clinton Acceptance Speech Skewered By Carly Fiorina." is
# a headline in title case.
_BYLINE = re.compile(
    r"(?:^|(?<=\d\s)|(?<=[•|·—–]\s))(?:By|BY)\s+(?P<name>[A-Z][\w'’.-]+"
    r"(?:\s(?:[A-Z][\w'’.-]+|van|von|de|da|del|der|la|le)){1,3}"
    r"(?:\s(?:and|&)\s[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3})?)"
    r"(?=\s*$|\s*[,|•·—–/]|\s+-\s)"
)
_BYLINE_LENGTH = 120  # a byline's line is short: longer ones are the story's sentences
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_NOT_NAMES = re.compile(  # a time, not a writer: "By Monday Night", "By March"
    rf"{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|MONDAY|TUESDAY|WEDNESDAY|THURSDAY"
    "|FRIDAY|SATURDAY|SUNDAY"
)
_LINE = re.compile(r"[^\S\n]*(\S[^\n]*)")  # a line with words, without its indent
_HEAD_LINES = 5  # a dateline or byline is in the story's first lines, or nowhere


@dataclass(frozen=True)
class Dateline:
    """A story's dateline: `start` and `end` are where it is in the text (the words of the
    story begin at `end`)."""

    start: int
    end: int
    place: str | None
    published: str | None  # yyyy-mm-dd, only when the dateline gives the year
    agency: str | None  # "AP", "Reuters", "CNN"


@dataclass(frozen=True)
class Byline:
    """A byline line: where it is in the text, and the writer's name as people write it."""

    start: int
    end: int
    author: str


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the story's first lines, if there is one."""
    for start, line in _head_lines(text):
        found = dateline_at(line)
        if found is not None:
            return Dateline(
                start + found.start, start + found.end, found.place, found.published, found.agency
            )
    return None


def dateline_at(line: str) -> Dateline | None:
    """The dateline at the start of `line`, with offsets into the line."""
    match = _DATELINE.match(line)
    if match is not None and _is_place(match.group("place")):
        paren = match.group("paren")
        when = match.group("date") or (paren if paren and _is_date(paren) else None)
        if paren is not None and when != paren and not _is_agency(paren):
            return None
        if not _story_follows(line, match.end()):
            return None
        place = _place(match.group("place"), match.group("region"))
        agency = paren if paren and paren != when else None
        return Dateline(0, match.end(), place, iso_date(when) if when else None, agency)
    match = _AGENCY_ONLY.match(line)
    if match is not None and _is_agency(match.group("paren")) and _story_follows(line, match.end()):
        return Dateline(0, match.end(), None, None, match.group("paren"))
    return None


def find_byline(text: str) -> Byline | None:
    """A short line in the story's first lines naming who wrote it ("By Jane Smith",
    "By Jane Smith, Reuters"); `start` and `end` are the whole line's."""
    for start, line in _head_lines(text):
        match = _BYLINE.search(line) if len(line) <= _BYLINE_LENGTH else None
        if match is None or _NOT_NAMES.fullmatch(match.group("name").split()[0]):
            continue
        if not _is_sentence(line[match.end() :].lstrip(" ,|•·—–/-")):
            return Byline(start, start + len(line), _name_case(match.group("name")))
    return None


def iso_date(words: str) -> str | None:
    """ "October 14, 2014", "14 Oct 2014" -> "2014-10-14"; None without a year or a valid day."""
    match = re.fullmatch(r"([A-Za-z]+)\.?\s(\d{1,2}),?\s(\d{4})", words.strip())
    if match is not None:
        month, day, year = match.group(1), match.group(2), match.group(3)
    else:
        match = re.fullmatch(r"(\d{1,2})\s([A-Za-z]+)\.?\s(\d{4})", words.strip())
        if match is None:
            return None
        day, month, year = match.group(1), match.group(2), match.group(3)
    number = _MONTHS.get(month[:3].lower())
    if number is None or not 1 <= int(day) <= _days(number, int(year)):
        return None
    return f"{int(year):04d}-{number:02d}-{int(day):02d}"


def _days(month: int, year: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _head_lines(text: str) -> list[tuple[int, str]]:
    """The first non-empty lines, each with where it starts (the text is read only as far
    as them: an article can be megabytes long)."""
    lines: list[tuple[int, str]] = []
    for match in _LINE.finditer(text):
        lines.append((match.start(1), match.group(1).rstrip()))
        if len(lines) == _HEAD_LINES:
            break
    return lines


def _is_place(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    first = re.split(r"[\s'’.-]", words)[0]
    return len(letters) >= 2 and first not in _NOT_PLACES


def _is_date(words: str) -> bool:
    return re.fullmatch(_DATE, words.strip()) is not None


def _is_agency(words: str) -> bool:
    """ "AP", "Reuters", "UPI", "CNN", "AFP": one or two words, a capital first."""
    return re.fullmatch(r"[A-Z][A-Za-z.&]{1,12}(?:\s[A-Z][A-Za-z.&]{1,12})?", words) is not None


def _story_follows(line: str, end: int) -> bool:
    """A dateline is followed by the story: a word that starts with a capital, a digit or
    a quotation mark, not the rest of a label."""
    rest = line[end:]
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")


def _place(capitals: str, region: str | None) -> str:
    """ "NEW YORK" -> "New York"; "ELON", "N.C." -> "Elon, N.C."."""
    place = " ".join(_word_case(word) for word in capitals.split())
    return f"{place}, {region}" if region else place


def _word_case(word: str) -> str:
    if "." in word and len(word) <= 5:  # "N.C.", "ST."
        return word if word.count(".") > 1 else word.capitalize()
    return "-".join(part.capitalize() for part in word.split("-"))


def _name_case(name: str) -> str:
    return " ".join(_word_case(w) if w.isupper() and len(w) > 1 else w for w in name.split())


def _is_sentence(words: str) -> bool:
    """What follows a byline's comma is an outlet or a title, not a clause."""
    return len(words.split()) > 6 or (words.endswith(".") and len(words.split()) > 3)


def without_dateline(line: str) -> str:
    """A line with the dateline it opens with taken off."""
    found = dateline_at(line)
    return line[found.end :] if found is not None else line
