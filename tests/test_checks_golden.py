"""The checks say exactly what they said before they were made to run in linear time.

`tests/data/checks_golden.json` (see `checks_corpus.py`) pins both checks' full
outputs — verdict, score, every flag, phrase, reason, question and theme — on every
labelled case, on short texts that reach the corners, and on long texts made from
the cases. A failure names the texts and the fields that changed, never the text
itself: held-out cases are for measuring, not for reading.
"""

from __future__ import annotations

import json

import pytest

from checks_corpus import GOLDEN, all_texts, decode, outputs, text_hash


@pytest.fixture(scope="module")
def golden() -> dict:
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return {name: decode(entry, data["strings"]) for name, entry in data["cases"].items()}


def _changed_fields(expected: dict, actual: dict) -> list[str]:
    out = []
    for check in ("tone", "feedback"):
        for field, value in expected[check].items():
            if actual[check].get(field) != value:
                out.append(f"{check}.{field}")
    return out


def test_every_text_of_the_corpus_is_pinned(golden):
    names = [name for name, _ in all_texts()]
    assert sorted(golden) == sorted(names)
    changed = [name for name, text in all_texts() if golden[name]["text_sha256"] != text_hash(text)]
    assert not changed, f"texts changed since the golden file was written (regenerate it): {changed}"


def test_both_checks_give_the_pinned_outputs_on_every_text(golden):
    wrong = {}
    for name, text in all_texts():
        fields = _changed_fields(golden[name], outputs(text))
        if fields:
            wrong[name] = fields
    assert not wrong, f"outputs changed: {wrong}"
