"""What a motivated intruder could use to find a child: the publication check of one text.

Pure functions of a text and a ``Vocabulary`` (the review's pseudonyms, the board's safe and
sensitive words), so that the command, the workflow and the tests run the same check. Each
detector is a regular expression or a well-kept library (``phonenumbers``; first names from
Faker's lists): no language model, nothing downloaded, a few hundred microseconds a finding.

A heuristic errs on the side of asking: the approver either rewrites the text or records
why a finding is safe (``disclosure.services``).
"""

import calendar
import re
from dataclasses import dataclass, field

import phonenumbers
from django.db import models

from disclosure.names import ORDINARY, first_names


class Kind(models.TextChoices):
    DATE = "date", "Exact date"
    AGE_DATE = "age_date", "Age with a date"
    NAME = "name", "Personal name"
    PLACE = "place", "Named place"
    POSTCODE = "postcode", "Postcode"
    PHONE = "phone", "Telephone number"
    EMAIL = "email", "E-mail address"
    IDENTIFIER = "identifier", "Identifying number"
    SENSITIVE = "sensitive", "Board's sensitive word"


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    start: int
    end: int
    message: str
    where: str = ""  # which field of the review or newsletter, e.g. "Lesson 3"

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


@dataclass(frozen=True)
class Vocabulary:
    pseudonyms: tuple = ()
    safe: tuple = ()
    sensitive: tuple = ()
    _safe_words: frozenset = field(init=False, repr=False, default=frozenset())

    def __post_init__(self):
        words = {w.lower() for phrase in (*self.pseudonyms, *self.safe) for w in WORD.findall(phrase)}
        object.__setattr__(self, "_safe_words", frozenset(words))

    def is_safe_word(self, word: str) -> bool:
        return word.lower() in self._safe_words


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MONTHS = "|".join(
    [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m and m != "May"] + ["Sept"]
)
MONTH_NUMBER = {name.lower(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.lower(): n for n, name in enumerate(calendar.month_abbr) if name
}
MONTH_NUMBER["sept"] = 9
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring"} | {
    6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"
}  # fmt: skip
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"

DAY_MONTH = re.compile(rf"\b{DAY}(?: of)? (?P<month>{MONTHS})\.?(?:,? {YEAR})?\b")
MONTH_DAY = re.compile(rf"\b(?P<month>{MONTHS})\.? {DAY}\b(?![\d/:])(?:,? {YEAR})?")
NUMERIC_DATE = re.compile(r"\b(?P<a>[0-3]?\d)[/.-](?P<b>[01]?\d)[/.-](?P<year>(?:19|20)?\d\d)\b")
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<b>[01]\d)-(?P<a>[0-3]\d)\b")
MONTH_YEAR = re.compile(rf"\b(?:{MONTHS}) (?:19|20)\d\d\b")
AGE = re.compile(
    r"\b(?:aged?\s+\d+(?:\s+(?:years?|months?|weeks?|days?))?"
    r"|\d+[- ](?:years?|months?|weeks?|days?)[- ]old)\b",
    re.IGNORECASE,
)
BORN = re.compile(rf"\bborn (?:in |on )?(?:(?:early|mid|late)[- ])?(?:{MONTHS}) (?:19|20)\d\d\b")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")

TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse|Sister|PC|DC|DS|DI|Sgt|Rev|Reverend|Cllr|Councillor|Father)"
TITLED = re.compile(rf"\b{TITLES}\.? (?P<name>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)")
CAPITALISED = re.compile(r"\b[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\b")
SURNAME_AFTER = re.compile(r"\s+[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\b")

PROPER = r"(?:St\.? |Saint )?[A-Z][A-Za-z'’]+(?: (?:[A-Z][A-Za-z'’]+|of|the|and|&))*"
SCHOOL = re.compile(
    rf"\b(?P<name>{PROPER}) (?:(?:C of E|CE|RC|Catholic|Church of England|Community|Primary|Secondary|"
    r"Infant|Infants|Junior|Nursery|High|Grammar|Special|Free|Middle) )*(?:School|Academy|College|Nursery)\b"
)
HEALTH = re.compile(
    rf"\b(?P<name>{PROPER}) (?:Hospital|Infirmary|Medical Centre|Health Centre|Medical Practice|Surgery|"
    r"Clinic|Children's Centre|Family Centre|Hospice)\b"
)
WARD = re.compile(rf"\b(?P<name>{PROPER}) Ward\b|\bWard \d+\b")
STREET_TYPES = (
    r"Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive|Way|Crescent|Gardens|Place|Terrace|Court|Grove|"
    r"Mews|Square|Row|Walk|Rise|View|Parade|Hill"
)
STREET = re.compile(rf"\b(?:\d+[A-Za-z]? )?(?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+)?) (?:{STREET_TYPES})\b")
ESTATE = re.compile(rf"\b(?P<name>{PROPER}) (?:Estate|Flats|House|Tower|Towers)\b")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
NHS = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NI_NUMBER = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
CASE_NUMBER = re.compile(
    r"\b(?:case|file|client|crime|referral|incident|patient|hospital|record|police|log|reference|ref)"
    r"\.?(?: (?:no|number|ref|reference|id))?\.?[:#]? ?(?P<id>[A-Z]{0,4}[/-]?\d[\d/-]{3,}[A-Z]?)\b",
    re.IGNORECASE,
)
CODE = re.compile(r"\b(?:[A-Z]{1,4}\d{5,}|[A-Z]{2,4}[/-]\d{2,4}[/-]\d{3,}|\d{7,})\b")
DIGIT = re.compile(r"\d")
YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
PHONE_HINT = re.compile(r"(?:\+44|\b0)\s?\(?\d[\d\s()-]{7,}\d")

# Words that begin an institution's name but name no particular one ("The School", "Primary School").
GENERIC = {
    "the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "each", "every", "any", "local",
    "primary", "secondary", "infant", "junior", "nursery", "high", "special", "new", "same", "other",
    "previous", "current", "designated", "mainstream", "independent", "residential", "community",
    "general", "district", "county", "children's", "childrens", "maternity", "acute", "psychiatric",
    "neonatal", "paediatric", "one", "both", "another", "named", "emergency", "a&e", "gp",
    "st", "saint", "of", "and", "&", "practice", "dental", "family", "health", "medical", "ward",
    "crown", "youth", "magistrates", "sexual", "mental", "safe", "further", "education", "royal",
}  # fmt: skip


def _valid_day(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or 2000, month)[1]


def _date_message(found: str, month: int, year: str | None) -> str:
    name = calendar.month_name[month]
    if year:
        return (
            f"“{found}” is an exact date; say “{name} {year}” or “{SEASONS[month]} {year}”, "
            "or the child's age, never both."
        )
    return f"“{found}” is an exact date; say “in {name}” or “in {SEASONS[month]}”."


def _dates(text):
    for pattern in (DAY_MONTH, MONTH_DAY):
        for m in pattern.finditer(text):
            month, year = MONTH_NUMBER[m["month"].lower().rstrip(".")], m["year"]
            if _valid_day(int(m["day"]), month, int(year) if year else None):
                yield Kind.DATE, m.start(), m.end(), _date_message(m[0], month, year)
    for pattern in (NUMERIC_DATE, ISO_DATE):
        for m in pattern.finditer(text):
            a, b, year = int(m["a"]), int(m["b"]), m["year"]
            year = year if len(year) == 4 else f"20{year}"
            if _valid_day(a, b, int(year)):
                yield Kind.DATE, m.start(), m.end(), _date_message(m[0], b, year)
            elif _valid_day(b, a, int(year)):  # the American order, 03/14/2016
                yield Kind.DATE, m.start(), m.end(), _date_message(m[0], a, year)
    for m in BORN.finditer(text) if "born" in text else ():
        yield Kind.AGE_DATE, m.start(), m.end(), f"“{m[0]}” gives a date of birth; give an age instead."
    for sentence in SENTENCE.finditer(text):
        ages = list(AGE.finditer(sentence[0]))
        dated = MONTH_YEAR.search(sentence[0])
        if ages and dated:
            age = ages[0]
            start, end = sentence.start() + min(age.start(), dated.start()), sentence.start()
            end += max(age.end(), dated.end())
            yield (
                Kind.AGE_DATE,
                start,
                end,
                f"“{age[0]}” with “{dated[0]}” together give away a date of birth; keep the age "
                "and drop the date, or the other way round.",
            )


def _names(text, vocabulary):
    names = first_names()
    for m in TITLED.finditer(text):
        name = m["name"]
        if not all(vocabulary.is_safe_word(w) for w in name.split()):
            yield (
                Kind.NAME,
                m.start(),
                m.end(),
                f"“{m[0]}” names a person; say who they were, e.g. “the mother”, “a nurse”.",
            )
    for m in CAPITALISED.finditer(text):
        word = m[0].rstrip("'’").removesuffix("'s").removesuffix("’s")
        lower = word.lower()
        if lower not in names or vocabulary.is_safe_word(word):
            continue
        surname = SURNAME_AFTER.match(text, m.end())
        if lower in ORDINARY and not surname:
            continue
        if surname and vocabulary.is_safe_word(surname[0].strip()):
            surname = None
        end = surname.end() if surname else m.start() + len(word)
        yield (
            Kind.NAME,
            m.start(),
            end,
            f"“{text[m.start() : end]}” looks like a person's name and is not one of the review's "
            "pseudonyms; use the pseudonym, or a role such as “the mother”.",
        )


def _places(text, vocabulary):
    kinds = [
        (SCHOOL, "names a school; say “the primary school” or “the child's school”."),
        (HEALTH, "names a hospital, surgery or clinic; say “the hospital” or “the GP practice”."),
        (WARD, "names a hospital ward; say “the children's ward”."),
        (ESTATE, "names an estate or a building; say “a housing estate”."),
        (STREET, "names a street; say “the family's home” or “a street nearby”."),
    ]
    for pattern, advice in kinds:
        for m in pattern.finditer(text):
            name = m.groupdict().get("name") or ""
            words = [w for w in WORD.findall(name) if w.lower() not in GENERIC]
            if name and (not words or all(vocabulary.is_safe_word(w) for w in words)):
                continue
            yield Kind.PLACE, m.start(), m.end(), f"“{m[0]}” {advice}"


def _contacts_and_numbers(text):
    for m in POSTCODE.finditer(text):
        yield Kind.POSTCODE, m.start(), m.end(), f"“{m[0]}” is a postcode; name no more than the area."
    for m in EMAIL.finditer(text):
        yield Kind.EMAIL, m.start(), m.end(), f"“{m[0]}” is an e-mail address; leave it out."
    if PHONE_HINT.search(text):
        for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            yield (
                Kind.PHONE,
                match.start,
                match.end,
                f"“{match.raw_string}” is a telephone number; leave it out.",
            )
    for m in NHS.finditer(text):
        digits = [int(d) for d in m[0] if d.isdigit()]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=False)) % 11
        if (0 if check == 11 else check) == digits[9]:
            yield Kind.IDENTIFIER, m.start(), m.end(), f"“{m[0]}” is a valid NHS number; leave it out."
    for m in NI_NUMBER.finditer(text):
        yield Kind.IDENTIFIER, m.start(), m.end(), f"“{m[0]}” is a National Insurance number; leave it out."
    for pattern in (CASE_NUMBER, CODE):
        for m in pattern.finditer(text):
            if YEAR_ONLY.fullmatch(m.groupdict().get("id") or m[0]):
                continue
            yield (
                Kind.IDENTIFIER,
                m.start(),
                m.end(),
                f"“{m[0]}” looks like a case or record number; leave it out.",
            )


def _sensitive(text, vocabulary):
    for term in vocabulary.sensitive:
        for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE):
            yield (
                Kind.SENSITIVE,
                m.start(),
                m.end(),
                f"“{m[0]}” is on the board's list of sensitive words; leave it out or describe it generally.",
            )


def _safe_spans(text, vocabulary):
    spans = []
    for phrase in vocabulary.safe:
        spans += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)]
    return spans


def text_check(text: str, vocabulary: Vocabulary = Vocabulary(), *, where: str = "") -> list[Finding]:
    """What in ``text`` could identify a child or family, in order, each with what to say instead.

    Where two findings overlap the first found is kept (dates, then numbers, places and names, ...),
    so one detail gives one finding. A phrase on the board's safe list is never flagged, except
    as a sensitive word.
    """
    if not text:
        return []
    # Most sentences hold no digit, and every date, number and postcode needs one.
    numbers = DIGIT.search(text) is not None
    found = [
        *(_dates(text) if numbers else ()),
        *(_contacts_and_numbers(text) if numbers or "@" in text else ()),
        *_places(text, vocabulary),
        *_names(text, vocabulary),
    ]
    safe = _safe_spans(text, vocabulary)
    kept, taken = [], []
    for kind, start, end, message in found:
        if any(s <= start and end <= e for s, e in safe):
            continue
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        kept.append(Finding(kind, text[start:end], start, end, message, where))
    for kind, start, end, message in _sensitive(text, vocabulary):
        kept.append(Finding(kind, text[start:end], start, end, message, where))
    return sorted(kept, key=lambda f: f.start)
