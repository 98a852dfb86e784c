"""First names a child, a parent or a practitioner in an English review might have.

Taken from the person lists that Faker ships for the English-speaking locales and the
languages most often spoken by families in England besides English: a well-kept list,
loaded once, and nothing downloaded. Faker builds fake people; here only its lists are read.
"""

import importlib
from functools import cache

LOCALES = ["en_GB", "en_US", "en_IE", "en_NZ", "en_IN", "en_PK", "en_NG", "pl_PL", "ro_RO", "lt_LT"]

# Names that are also ordinary words (or months, or words of the board's work): flagged only
# where the text shows they are names, after a title ("Mrs May") or before a surname.
ORDINARY = {
    "april", "august", "june", "may", "summer", "autumn", "winter", "dawn", "will", "mark", "grace",
    "hope", "faith", "joy", "rose", "ivy", "holly", "lily", "daisy", "pearl", "ruby", "amber", "iris",
    "violet", "heather", "jasmine", "crystal", "sky", "river", "star", "sunny", "bill", "jack", "guy",
    "pat", "sue", "rob", "don", "art", "dean", "chase", "hunter", "page", "major", "royal", "king",
    "earl", "duke", "frank", "miles", "penny", "bob", "sandy", "wade", "carol", "robin", "ray",
    "gene", "ward", "lane", "young", "brown", "early", "case", "child", "baby", "all", "care",
    "help", "christian", "virginia", "carolina", "georgia", "jordan", "chad", "israel",
    "india", "kenya", "china", "lincoln", "kent", "devon", "paris", "london", "york", "victoria",
    "sterling", "winston", "ada", "bay", "bee", "cash", "clay", "cole", "dale", "drew", "ed", "field",
    "ford", "forest", "glen", "hall", "harmony", "haven", "heath", "hill", "honor", "jay", "jean",
    "justice", "kay", "lee", "liberty", "marsh", "mason", "melody", "mercy", "misty", "mo", "neil",
    "norman", "park", "patience", "price", "reed", "rich", "rod", "rusty", "sage", "scott",
    "shade", "skip", "stone", "storm", "terry", "tony", "trinity", "unity", "van", "wayne", "wells",
    "west", "white", "wood", "zen", "an", "ash", "asia", "della", "eve", "son", "else", "ira", "tom",
    "ben", "dot", "nova", "memory", "precious", "blessing", "gift", "peace", "treasure",
    "princess", "prince", "marina", "sol", "rowan", "reggie", "nurse", "doctor", "police",
}  # fmt: skip


@cache
def first_names() -> frozenset[str]:
    """Every first name, lower-cased."""
    names = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names.update(name.lower() for name in getattr(provider, attribute, ()) if name.isalpha())
    return frozenset(name for name in names if len(name) > 1)
