"""The words of a lesson that say what was learnt, and how alike two lessons' words are.

A lesson's *significant words* are its words after dropping common English words and the
words nearly every lesson uses ("need", "agencies", "practitioners"), with plural and
"-ing"/"-ed" endings cut so that "misuses" meets "misuse", "sleeping" meets "sleep" and
"babies" meets "baby".

Not every word says as much:

* **Rare words say more.** Sharing "father", "male" and "carer" says more than sharing
  "parent" and "assessment", which many of the board's lessons use. Each word weighs
  ``1 + ln((1 + lessons) / (1 + lessons using it))``: 1 for a word in every lesson, 1.7 for
  one in half of them, 4.9 for a word in one lesson of 100, 9.5 in one of 10,000. How many lessons use each
  word is kept in a table (``WordCount``), so nothing is counted again on a save.
* **The circumstance is not the learning.** Lessons read "There is a need for <the
  learning> when <the circumstance>": "safe sleeping advice at every contact when a parent
  misuses alcohol or drugs". The words of a clause opened by "when", "where", "if", "while",
  "especially" or "particularly" (up to the next comma, full stop or bracket) weigh half:
  two lessons that share only the circumstance ("reflective supervision when a parent misuses
  alcohol or drugs") are not the same lesson. "When to" and "about where" open no such clause:
  "a shared understanding of when to hold a meeting" is the learning itself.

Two lessons are as alike as the cosine of their weighted words: what they share, weighed, over
the size of each (``sum(a * b) / sqrt(sum(a * a) * sum(b * b))``, over the words of both). It
is 1 for the same words, 0 for none in common, and does not fall just because one lesson says
more than the other. No database is involved here: the score is the same on SQLite and
PostgreSQL.
"""

import math
import re
from collections.abc import Mapping

TOKEN = re.compile(r"[^\W\d_]+|[.,;:!?()\[\]]")
_ENGLISH = """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each every few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just may me might more most much must my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up upon very was we
    were what when where which while who whom why will with within would you your yours"""
ENGLISH = frozenset(_ENGLISH.split())
# Words nearly every lesson uses: sharing them says nothing about sharing the learning.
_EVERY_LESSON = """agency agencie all child children ensure important lesson need needed practitioner
    professional staff there"""
EVERY_LESSON = frozenset(_EVERY_LESSON.split())
ENDINGS = ("ing", "ed", "s")
# Words that open the clause saying when a lesson applies, and what such a clause's words weigh.
CIRCUMSTANCE = frozenset(
    {"when", "whenever", "where", "wherever", "if", "while", "whilst", "especially", "particularly"}
)
CIRCUMSTANCE_WEIGHT = 0.5
# Longer than any English word: a typing slip or pasted code, never what two lessons share.
LONGEST_WORD = 40


def stem(word: str) -> str:
    """``word`` without its ending: "misuses", "sleeping", "babies", "assessments" as "misuse",
    "sleep", "baby", "assess". Crude, but the same for every lesson, which is all it needs."""
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    for ending in ENDINGS:
        if word.endswith(ending) and not word.endswith("ss") and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            # "planning" and "plan", "referred" and "refer"; but "assessed" keeps "assess".
            if ending != "s" and word[-1] == word[-2] and word[-1] not in "elsz":
                word = word[:-1]
            break
    # "assessment" and "assessed", "involvement" and "involve"; not "comment" or "document".
    if word.endswith("ment") and len(word) - 4 >= 5:
        word = word[:-4]
    return word


def _words(text: str):
    """Each significant word of ``text`` as (word, as spelt, whether it is in a circumstance)."""
    tokens = TOKEN.findall(text.casefold())
    circumstance = False
    for i, token in enumerate(tokens):
        if not token[0].isalpha():
            circumstance = False
            continue
        if token in CIRCUMSTANCE:
            asks = i + 1 < len(tokens) and tokens[i + 1] == "to"
            named = i > 0 and tokens[i - 1] in ("about", "of")
            circumstance = circumstance or not (asks or named)
            continue
        if len(token) <= 2 or len(token) > LONGEST_WORD or token in ENGLISH:
            continue
        word = stem(token)
        if word not in EVERY_LESSON:
            yield word, token, circumstance


def lesson_words(text: str) -> dict[str, float]:
    """Each significant word of ``text``, weighing 1, or ``CIRCUMSTANCE_WEIGHT`` if only in a circumstance."""
    words: dict[str, float] = {}
    for word, _, circumstance in _words(text):
        words[word] = max(words.get(word, 0.0), CIRCUMSTANCE_WEIGHT if circumstance else 1.0)
    return words


def spellings(text: str) -> dict[str, str]:
    """Each significant word of ``text`` as ``text`` first spells it: what a search index was given."""
    spelt: dict[str, str] = {}
    for word, token, _ in _words(text):
        spelt.setdefault(word, token)
    return spelt


def significant_words(text: str) -> frozenset[str]:
    return frozenset(lesson_words(text))


def rarity(counts: Mapping[str, int], lessons: int) -> dict[str, float]:
    """What each word of ``counts`` (lessons using it, of ``lessons``) weighs: more the rarer it is."""
    return {word: 1 + math.log((1 + lessons) / (1 + min(used, lessons))) for word, used in counts.items()}


def likeness(
    words: Mapping[str, float], other: Mapping[str, float], weight: Mapping[str, float] | None = None
) -> float:
    """How alike two lessons' ``lesson_words`` are, from 0 to 1; ``weight``: each word's rarity (else 1)."""
    if not words or not other:
        return 0.0
    weight = weight or {}
    mine = {word: w * weight.get(word, 1.0) for word, w in words.items()}
    theirs = {word: w * weight.get(word, 1.0) for word, w in other.items()}
    shared = sum(mine[word] * theirs[word] for word in mine.keys() & theirs.keys())
    size = math.sqrt(sum(w * w for w in mine.values()) * sum(w * w for w in theirs.values()))
    return min(shared / size, 1.0) if size else 0.0
