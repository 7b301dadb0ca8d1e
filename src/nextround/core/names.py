"""Slugs: the readable ASCII names of workbook files and contact ids, from words in any script."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, at most `limit` characters.

    Letters of every script are transliterated (`Яндекс` -> `yandeks`, `Straße` ->
    `strasse`, `腾讯` -> `tengxun`), so a company or role in Cyrillic, Greek or Chinese
    keeps a readable name of its own instead of vanishing from the file name.
    Symbols and emoji are separators, not words.
    """
    from anyascii import anyascii  # small and pure Python; imported when a name is made

    # Letters and digits only: anyascii would spell an emoji out as ":grinning:".
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(kept).lower()).strip("-")
    return slug[:limit].rstrip("-")
