"""Storage: files written whole or not at all, and the answers store that never loses a save.

`files` writes every file nextround writes (atomic replace, create-if-absent);
`store` reads, validates, locks, saves and keeps the history of one answers file.
May import: the domain (`nextround.core`), `nextround.errors`, `nextround.resources`.
"""
