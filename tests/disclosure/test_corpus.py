"""How well the check finds what identifies, and how rarely it questions what does not; its speed."""

import random
import time

from demo import synthetic
from disclosure.checks import Kind, Vocabulary, text_check
from tests.disclosure.corpus import IDENTIFYING, PSEUDONYMS, SAFE, SAFE_WORDS

VOCABULARY = Vocabulary(pseudonyms=PSEUDONYMS, safe=SAFE_WORDS, sensitive=("Ashgrove", "Riverside"))


def test_the_corpus_holds_thirty_of_each_and_every_kind_of_detail():
    assert len(IDENTIFYING) >= 30 and len(SAFE) >= 30
    assert {kind for kind, _ in IDENTIFYING} == set(Kind.values)


def test_the_check_finds_nine_in_ten_identifying_details_and_questions_at_most_one_in_ten_safe_passages(
    capsys,
):
    found = [kind for kind, text in IDENTIFYING if kind in {f.kind for f in text_check(text, VOCABULARY)}]
    questioned = [text for text in SAFE if text_check(text, VOCABULARY)]
    recall, false_alarms = len(found) / len(IDENTIFYING), len(questioned) / len(SAFE)
    with capsys.disabled():
        print(
            f"\npublication check: found {len(found)}/{len(IDENTIFYING)} identifying ({recall:.0%}), "
            f"questioned {len(questioned)}/{len(SAFE)} safe ({false_alarms:.0%})"
        )
    assert recall >= 0.9
    assert false_alarms <= 0.1


def test_each_finding_says_what_to_write_instead():
    (finding,) = text_check("Child M was seen on 14 March 2016.", VOCABULARY)
    assert finding.kind == Kind.DATE and finding.text == "14 March 2016"
    assert "say “March 2016” or “spring 2016”" in finding.message


def test_a_pseudonym_and_a_safe_word_are_never_names_but_the_same_words_are_elsewhere():
    text = "Alice told Northshire Police that Sophie had hit her."
    assert [f.text for f in text_check(text, VOCABULARY)] == ["Sophie"]
    assert {f.text for f in text_check(text, Vocabulary())} >= {"Alice", "Sophie"}


def test_an_nhs_number_that_fails_its_check_digit_is_not_reported_as_one():
    assert not [f for f in text_check("The leaflet code was 943 476 5918.", VOCABULARY) if "NHS" in f.message]


def test_the_check_takes_under_two_milliseconds_a_finding(capsys):
    rng = random.Random(7)
    sentences = [synthetic.sentence(rng) for _ in range(2000)]
    details = [text for _, text in IDENTIFYING]
    passages = [" ".join([*rng.sample(sentences, 3), rng.choice(details)]) for _ in range(600)]
    started = time.perf_counter()
    findings = sum(len(text_check(text, VOCABULARY)) for text in passages)
    elapsed = time.perf_counter() - started
    per_finding = elapsed / findings * 1000
    with capsys.disabled():
        print(
            f"\npublication check: {findings} findings in {len(passages)} passages, {per_finding:.2f} ms a finding"
        )
    assert findings >= 550
    assert per_finding < 2
