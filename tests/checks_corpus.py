"""Texts on which the feedback and tone checks' full outputs are pinned.

`tests/data/checks_golden.json` holds both checks' outputs (`to_dict()`, so every
flag, phrase, reason, question and theme) on each text named here: every labelled
case of the three files, a few short texts made to reach the corners of the checks
(runs of "?!", clauses with and without a pronoun, capitals, emoji, letters whose
lower case is longer, sentences with "but"), and long texts made by repeating and
varying the labelled cases (as typed, as one sentence with no full stops, as one
line). Labelled cases are named by file and id, and their text is read from the CSV;
the golden file keeps a hash of every text, so a changed case is reported as changed
rather than as a wrong answer.

The golden file was written by the checks before they were made to run in linear
time, and pins that they still say exactly the same. To write it again after a
deliberate change to what the checks say:

    PYTHONPATH=src python tests/checks_corpus.py --write
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "checks_golden.json"
CASE_FILES = ("tone_cases.csv", "feedback_cases.csv", "feedback_cases_3.csv")
# The long texts are made from the first two files only, as they were before the third
# batch of feedback was added, so that they stayed the same texts.
MIXED_FILES = CASE_FILES[:2]

# Short texts for the corners: each line says what it reaches.
EDGE_TEXTS: dict[str, str] = {
    # runs of "!" and "?", spaced and not, with and without a word before them
    "punctuation runs": "What?!?! Really??? No!!! Why ?? ! ! ! ok?! " + "?" * 40 + " and " + "!?" * 15,
    "punctuation with no space before": "Seriously???Really!!!" + "?" * 25,
    # insults in clauses about me, about them, and with no pronoun at all
    "insult clauses": "Your process is a joke, and the interviewer was rude but I was useless; "
                      "they're pathetic: you'rude and my'rude. Rude. What a farce.",
    "insults with no break": "I think honestly that whole thing was rude rude rude and pointless "
                             "absurd ridiculous laughable",
    # letters whose lower case is two letters, or an ASCII letter
    "dotted capital I": "İlker here. İ was rude? Your team was İncompetent, and İ think it's a farce.",
    "Kelvin sign": "The \u212aelvin team was rude, and \u212a was useless.",
    "Greek capitals": "ΣΑΣ rude ΟΔΟΣ, you were rude. ΑΣ.",
    # contrast words, which the sentiment lexicon handles by position
    "sentences with but": "It was good but bad but good. Great great great but awful awful awful. "
                          "Nice, but you never replied. Fine but fine but fine.",
    "but with repeated scores": "Good good good good good but good good. Sad sad but sad sad sad bad.",
    "emoji": "Thanks 🙄 for nothing 😡😡. Great 👍 job.😒 Good luck finding someone as good as me 🖕",
    "capitals": "THIS IS RIDICULOUS. SQL and NHS are fine. WHY WOULD YOU DO THAT??? I'M DONE!!!",
    "tabs and newlines": "\tyou\twere\trude\t!!!\n\nYour loss.\r\nWhatever.\n",
    "repeated phrases": "Thanks for nothing. Thanks for nothing. Your loss. Your loss! "
                        "Thank you for the rejection, thank you for the rejection.",
    "no punctuation at all": "you ghosted me and your team was hopeless and I bet you had someone "
                             "lined up all along and whoever read my application clearly never "
                             "bothered and I expect a full explanation by Friday and you will "
                             "regret this and do you even read anything",
    # feedback: enumerations, stages and work, numbers, names
    "feedback enumerations": "Two things: (a) the budget had no contingency; (b) the plan was late. "
                             "First, your SQL answer; second, the deck. (1) the take-home (2) the pitch. "
                             "a) nothing here",
    "feedback stages and work": "In round 2 the take-home presentation ran to 25 minutes. During the "
                                "site visit your risk assessment missed the forklifts. The group exercise "
                                "and the written exercise were fine, but the case study in the final "
                                "interview was thin. Priya asked about Excel and Power BI at the "
                                "assessment centre.",
    "feedback numbers": "We had 300 applicants for 2 places over 3 rounds; your essay was 900 words "
                        "against a 600-word limit, 20 minutes late, and scored 40 per cent on £5k.",
    "empty after strip": "  \n\t ",
    "one word": "Whatever",
}


def case_texts(files: tuple[str, ...] = CASE_FILES) -> list[tuple[str, str]]:
    """(name, text) for every labelled case of `files`, named "<file>#<id>"."""
    out = []
    for name in files:
        with open(DATA / name, newline="", encoding="utf-8") as f:
            out += [(f"{name}#{row['id']}", row["text"]) for row in csv.DictReader(f)]
    return out


def mixed_text(size: int, step: int = 37) -> str:
    """About `size` characters of labelled cases of both kinds, run together as typed.

    Deterministic: the k-th piece is case (k * step) mod n, joined by a space, a new
    line or a blank line in turn, and every fifth piece has its first word in capitals.
    """
    texts = [text for _, text in case_texts(MIXED_FILES)]
    seps = (" ", "\n", " ", "\n\n")
    pieces: list[str] = []
    length = 0
    k = 0
    while length < size:
        text = texts[(k * step) % len(texts)]
        if k % 5 == 4:
            first, _, rest = text.partition(" ")
            text = first.upper() + " " + rest
        pieces.append(text + seps[k % len(seps)])
        length += len(pieces[-1])
        k += 1
    return "".join(pieces)


def generated_texts() -> list[tuple[str, str]]:
    """Long texts made from the labelled cases: as typed, as one sentence, as one line."""
    mixed = mixed_text(12_000)
    short = mixed_text(5_000, step=53)
    one_sentence = short.translate(str.maketrans(".!?", ",,,"))
    one_line = short.replace("\n", " ")
    return [
        ("generated: mixed, 12 KB", mixed),
        ("generated: one sentence, 5 KB", one_sentence),
        ("generated: one line, 5 KB", one_line),
        ("generated: one case 40 times", texts_repeated(40)),
    ]


def texts_repeated(times: int) -> str:
    """A gracious-but-pointed reply and a vague rejection, repeated as paragraphs."""
    one = ("Thank you for letting me know. Honestly, your process was a joke and you never "
           "replied to my emails!!! Your loss. The panel asked about SQL in round 2, but "
           "another candidate had more experience.\n\n")
    return one * times


def all_texts() -> list[tuple[str, str]]:
    return case_texts() + list(EDGE_TEXTS.items()) + generated_texts()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def outputs(text: str) -> dict[str, Any]:
    """Both checks' full outputs on `text`, as JSON-ready data."""
    from nextround.checks import check_feedback, check_tone

    return {"tone": check_tone(text).to_dict(), "feedback": check_feedback(text).to_dict()}


# The golden file keeps each long string that appears more than once (a flag's "why", a
# follow-up question) once, in "strings", and refers to it by its number there; it
# would otherwise be mostly the same few hundred sentences, over and over.


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings_in(v)]
    return []


def _encode(value: Any, index: dict[str, int]) -> Any:
    if isinstance(value, str):
        return index.get(value, value)
    if isinstance(value, dict):
        return {k: _encode(v, index) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v, index) for v in value]
    return value


def decode(value: Any, strings: list[str]) -> Any:
    """A golden entry with its string numbers replaced by the strings."""
    if isinstance(value, int) and not isinstance(value, bool):
        return strings[value]
    if isinstance(value, dict):
        return {k: decode(v, strings) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v, strings) for v in value]
    return value


def write_golden() -> None:
    found = {name: outputs(text) for name, text in all_texts()}
    counts = Counter(s for out in found.values() for s in _strings_in(out))
    strings = [s for s, n in counts.items() if n > 1 and len(s) >= 30]
    index = {s: i for i, s in enumerate(strings)}
    hashes = dict((name, text_hash(text)) for name, text in all_texts())
    lines = [
        f" {json.dumps(name, ensure_ascii=False)}: "
        + json.dumps({"text_sha256": hashes[name], **_encode(out, index)}, ensure_ascii=False)
        for name, out in found.items()
    ]
    GOLDEN.write_text(
        '{"strings": ' + json.dumps(strings, ensure_ascii=False, indent=0) + ',\n"cases": {\n'
        + ",\n".join(lines) + "\n}}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: PYTHONPATH=src python tests/checks_corpus.py --write")
    write_golden()
