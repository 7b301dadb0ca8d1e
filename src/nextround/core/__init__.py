"""The domain: a rejection, its answers, progress through the five steps, the drafts.

What nextround knows about a rejection, with no widgets, files, notebooks or command
line: `parameters` (validating a rejection), `answers` (the answers format and its
edits), `labels` (what each key is called where a person reads it), `progress` (the
steps' states and the dated next actions), `messages` (drafts from the shipped
templates), `sharing` (what a student shares), `rejection_email` (a package: a
rejection email read for the company, role, contact, date, stage and feedback, a
module for each), `i18n` (the person's language: catalogs, dates) and `printable`
(text made safe to leave for a terminal or a spreadsheet). May import:
`nextround.errors` and `nextround.resources`, and nothing else of ours.
"""
