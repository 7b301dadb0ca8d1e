"""Candidates for one field weighed by their votes; a short name's votes counted for the fuller one."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class _Vote:
    forms: list[str]
    score: float = 0.0
    sources: dict[str, float] = dataclasses.field(default_factory=dict)
    first: int = 0


#: The most candidates weighed against each other (the best by their own votes): enough
#: for any email, and the merging below takes time in proportion to their square.
MAX_CANDIDATES = 60


def _merge_fuller(votes: dict[str, _Vote], *, roles: bool = False) -> dict[str, _Vote]:
    """Votes for a short name counted for the fuller one that starts with it ("Pinecrest" -> "Pinecrest Labs")."""
    if len(votes) > MAX_CANDIDATES:
        best = sorted(votes, key=lambda k: (-votes[k].score, votes[k].first))[:MAX_CANDIDATES]
        votes = {k: votes[k] for k in best}
    keys = sorted(votes, key=len)
    merged = {k: dataclasses.replace(v, forms=list(v.forms), sources=dict(v.sources)) for k, v in votes.items()}
    for short in keys:
        fuller = [k for k in keys if len(k) > len(short) and (k.startswith(short + " ") or k.startswith(short + "(")
                                                              or (roles and f" {short}" in f" {k}"))]
        if not fuller:
            continue
        target = max(fuller, key=lambda k: (votes[k].score, len(k)))
        entry = merged[target]
        entry.score += votes[short].score
        for source, weight in votes[short].sources.items():
            entry.sources[source] = entry.sources.get(source, 0) + weight
        entry.first = min(entry.first, votes[short].first)
        merged[short].score = -1
    return {k: v for k, v in merged.items() if v.score >= 0}
