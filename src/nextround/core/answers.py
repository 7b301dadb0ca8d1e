"""The answers format: what a workbook's forms record, as plain JSON data.

An answers document is a dict that follows `schema/answers.schema.json`. This module
knows its shape — defaults, validation, upgrades from older versions, and the small
edits the forms make — and nothing about files, widgets or notebooks. Persisting it
is the job of `store`.

Edits are written as functions of the document as it is *on disk at save time*, so
that two windows saving the same workbook merge instead of dropping each other's
entries: lists that only grow (check-ins, contact logs, engagement) are merged by
each entry's `id`; a form's own fields are replaced by what the form shows.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Iterator, Mapping
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from nextround.core.i18n import _
from nextround.errors import AnswersError

FORMAT = "nextround-answers"
VERSION = 2

SECTIONS = ("checkins", "feedback", "reply", "cv_on_file", "self_review", "contacts", "company",
            "you", "plan", "keep_going")

CV_STATUSES = ("not_asked", "asked", "agreed", "declined")

#: In a class workbook, what the student shares with their instructor, by default.
#: Feelings and free text stay private unless the student chooses otherwise.
SHARING_DEFAULTS: dict[str, bool] = {
    "progress": True,
    "rubric_scores": True,
    "checkins": False,
    "feedback": False,
    "reply": False,
    "cv_on_file": False,
    "self_review_notes": False,
    "contacts": False,
    "company": False,
}


#: How often to get back in touch with a contact, in weeks, unless the person says otherwise.
CADENCE_WEEKS = 8
#: How long a company keeps a CV on file, in months, unless it says otherwise.
KEEP_MONTHS = 6
#: How often to look at a company's vacancies, in days, unless the person says otherwise.
CHECK_EVERY_DAYS = 14

#: The whole numbers dates are worked out from, and the most each may be (the least
#: is 1): the schema's bounds, so that no count can run a date off the calendar.
MOST = {"cadence_weeks": 104, "keep_months": 60, "check_every_days": 365}

#: The dates an answers file may hold: every day a person could mean (a date decades
#: back on a CV, a keep-in-touch date decades ahead), and far enough from the
#: calendar's ends (years 1 and 9999) that adding a cadence or the months a CV is
#: kept never runs off them. The schema's date patterns say the same (years 19xx-21xx).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
#: The schema's patterns for a day and for a moment (a day with an optional time).
DATE_PATTERN = r"^(19\d\d|2[01]\d\d)-\d{2}-\d{2}$"
MOMENT_PATTERN = r"^(19\d\d|2[01]\d\d)-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
_WINDOW = f"from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"


def empty_sections() -> dict[str, Any]:
    """Every section with its default value: what an untouched workbook holds."""
    return {
        "checkins": [],
        "feedback": {
            "requested_on": None,
            "requested_via": "",
            "received_on": None,
            "given_by": "",
            "via": "",
            "text": "",
            "takeaways": "",
            "request_draft": "",
            "follow_up_draft": "",
            "vague": None,
            "themes": [],
            "closed": "",
            "follow_ups": [],
            "max_follow_ups": None,
        },
        "reply": {"draft": "", "sent_on": None},
        "cv_on_file": {
            "status": "not_asked",
            "asked_on": None,
            "answered_on": None,
            "keep_months": KEEP_MONTHS,
            "keep_until": None,
            "request_draft": "",
        },
        "self_review": {"scores": {}, "notes": {}, "questions": []},
        "contacts": [],
        "company": {
            "followed": {},
            "engagement": [],
            "vacancy_watch": {
                "careers_page": "",
                "keywords": [],
                "last_checked_on": None,
                "check_every_days": CHECK_EVERY_DAYS,
            },
        },
        "sharing": dict(SHARING_DEFAULTS),
        "you": {"name": "", "sign_off": ""},
        "plan": {
            "style": "combined",
            "main_contact": "",
            "combined_draft": "",
            "combined_sent_on": None,
            "checkin_dismissed_on": None,
        },
        "keep_going": {"applications": "", "weekly_goal": None, "next_focus": ""},
    }


def empty_contact(name: str, email: str = "") -> dict[str, Any]:
    """A contact with nothing yet done."""
    return {
        "name": name,
        "email": email,
        "role": "",
        "thank_you_note": "",
        "thank_you_sent_on": None,
        "linkedin_note": "",
        "linkedin_request_sent_on": None,
        "linkedin_accepted_on": None,
        "cadence_weeks": CADENCE_WEEKS,
        "next_contact_on": None,
        "detail": "",
        "log": [],
    }


def new_document(workbook_id: str, rejection: Mapping[str, Any]) -> dict[str, Any]:
    """A complete, valid answers document for a workbook nobody has filled in yet."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "workbook_id": workbook_id,
        "rejection": dict(rejection),
        "created_at": now_iso(),
        "saved_at": None,
    }
    doc.update(empty_sections())
    for contact in rejection.get("contacts", []):
        doc["contacts"].append(empty_contact(contact["name"], contact.get("email", "")))
    add_contact_ids(doc)
    return doc


def with_defaults(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A view of `doc` with every missing section and field filled by its default.

    A minimal file (format, version, workbook_id and a few fields) is valid; forms
    and reports read this complete view of it. For speed (a journal reads
    thousands), the view shares the document's own lists and values instead of
    copying them: copy before changing them.
    """
    full = dict(doc)
    full.setdefault("rejection", {})
    full.setdefault("saved_at", None)
    for name, default in empty_sections().items():
        full[name] = _merge_defaults(default, full.get(name))
    full["contacts"] = [_merge_defaults(empty_contact(""), c) for c in full["contacts"]]
    return full


def _merge_defaults(default: Any, value: Any) -> Any:
    # `default` is always a fresh object (made per call), so it may be returned as is.
    if value is None:
        return default
    if type(default) is dict and default and type(value) is dict:
        merged = {**default, **value}  # one C-level pass; then mend what it got wrong
        for key, inner in default.items():
            item = merged[key]
            if item is None:
                merged[key] = inner  # an explicit null means "the default"
            elif type(inner) is dict and inner and type(item) is dict and item is not inner:
                merged[key] = _merge_defaults(inner, item)
        return merged
    return value


# --- schema -----------------------------------------------------------------------


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the current answers version, as shipped in the package."""
    text = resources.files("nextround").joinpath("schema/answers.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Any:
    import jsonschema  # imported here: a second's start-up the CLI should not pay

    checker = jsonschema.FormatChecker(formats=["date"])
    return jsonschema.Draft202012Validator(schema(), format_checker=checker)


def problems(doc: Any) -> list[str]:
    """What is wrong with `doc` against the schema, one readable line each.

    A line names the field and what it should be, never the value found there: that
    is a person's own words, and these lines reach logs, terminals and instructors.
    """
    found = []
    for error in sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        line = f"{where}: {_expected(error)}"
        if line not in found:  # a bad date breaks both its pattern and its format
            found.append(line)
    return found


def _expected(error: Any) -> str:
    rule, value = error.validator, error.validator_value
    if rule == "type":
        kinds = value if isinstance(value, list) else [value]
        return "should be " + " or ".join("null" if k == "null" else f"{'an' if k[0] in 'aeiou' else 'a'} {k}"
                                          for k in kinds)
    if rule == "maximum":
        return f"should be at most {value}"
    if rule == "minimum":
        return f"should be at least {value}"
    if rule == "enum":
        return "should be one of " + ", ".join(repr(v) for v in value)
    if rule == "const":
        return f"should be {value!r}"
    if rule in ("format", "pattern"):
        if ":" in str(value):  # only the date-and-time pattern has one
            return f"should be a date and time, written YYYY-MM-DDTHH:MM:SS, {_WINDOW}"
        return f"should be a real date, written YYYY-MM-DD, {_WINDOW}"
    if rule == "required":
        return error.message  # names the missing field, which is ours, not the person's
    if rule == "minLength":
        return "should not be empty"
    return "is not in the expected form"


@cache
def _fast_check() -> Any:
    # fastjsonschema compiles the schema to Python: ~25x faster than jsonschema and
    # without jsonschema's one-second import, which every workbook would otherwise
    # pay when it opens. It only says yes or no well; jsonschema explains a "no".
    import fastjsonschema

    draft7 = {**schema(), "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(draft7, formats={"date": _is_date})


def _is_date(value: str) -> bool:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10 and EARLIEST_DATE <= day <= LATEST_DATE


def range_problem(doc: Any) -> str | None:
    """The first date outside the window, or number outside its bounds, in `doc`; or None.

    As one of `problems`' lines ("contacts/0/cadence_weeks: should be at most 104"),
    found without jsonschema: a journal asks it, cheaply, why a file it skipped could
    not be worked out. Only the values the schema bounds are looked at, and only where
    they have the right kind; the walk follows the schema, so a file nested deeper
    than the schema goes is never walked into.
    """
    return next(_out_of_range(schema(), doc, ()), None)


def _out_of_range(rule: Mapping[str, Any], value: Any, path: tuple[Any, ...]) -> Iterator[str]:
    for option in rule.get("anyOf", ()):
        yield from _out_of_range(option, value, path)
    if type(value) is dict:
        known, extra = rule.get("properties", {}), rule.get("additionalProperties")
        for key, inner in value.items():
            sub = known.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                yield from _out_of_range(sub, inner, (*path, key))
    elif type(value) is list and isinstance(rule.get("items"), dict):
        for i, inner in enumerate(value):
            yield from _out_of_range(rule["items"], inner, (*path, i))
    elif type(value) is int:
        where = "/".join(str(p) for p in path)
        if "minimum" in rule and value < rule["minimum"]:
            yield f"{where}: should be at least {rule['minimum']}"
        elif "maximum" in rule and value > rule["maximum"]:
            yield f"{where}: should be at most {rule['maximum']}"
    elif type(value) is str and rule.get("pattern") in (DATE_PATTERN, MOMENT_PATTERN):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return  # not a date at all: a reader takes it as "not known yet"
        if not EARLIEST_DATE <= day <= LATEST_DATE:
            kind = "a date and time" if rule["pattern"] == MOMENT_PATTERN else "a date"
            yield f"{'/'.join(str(p) for p in path)}: should be {kind} {_WINDOW}"


def is_valid(doc: Any) -> bool:
    """Whether `doc` follows the schema (fast; `problems` says what is wrong)."""
    import fastjsonschema

    try:
        _fast_check()(doc)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def validate(doc: Any, *, file: str | None = None) -> None:
    """Raise AnswersError naming the first problem when `doc` breaks the schema."""
    if is_valid(doc):
        return
    found = problems(doc)
    if found:
        more = " " + _("(and {count} more)").format(count=len(found) - 1) if len(found) > 1 else ""
        raise AnswersError(_("not a valid answers file: {problem}").format(problem=found[0]) + more, file=file)


def _from_version_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds `you`, `plan` and `keep_going`, `feedback.closed`, `feedback.follow_ups`,
    `feedback.max_follow_ups` and `contacts[].detail`.

    A workbook that already sent its messages one by one keeps that plan; the others
    get the combined reply, the default since version 2. Every new field has its
    default, so nothing else changes.
    """
    def section(name: str) -> dict[str, Any]:
        value = doc.get(name)
        return value if isinstance(value, dict) else {}

    feedback, reply, cv = section("feedback"), section("reply"), section("cv_on_file")
    contacts = doc.get("contacts")
    contacts = contacts if isinstance(contacts, list) else []
    sent_separately = (feedback.get("requested_on") or reply.get("sent_on") or cv.get("asked_on")
                       or any(isinstance(c, dict) and c.get("thank_you_sent_on") for c in contacts))
    plan = doc.setdefault("plan", {})
    if isinstance(plan, dict):
        plan.setdefault("style", "separate" if sent_separately else "combined")
    doc["version"] = 2
    return doc


# Upgrade functions, by the version they upgrade *from*; each returns the next version.
UPGRADES: dict[int, Any] = {1: _from_version_1}


def dumps(doc: Mapping[str, Any]) -> str:
    """An answers document as its file holds it: two-space indents, readable text, a final newline."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def upgrade(doc: dict[str, Any], *, file: str | None = None) -> dict[str, Any]:
    """Bring a document of an older version up to VERSION."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise AnswersError(_('not a nextround answers file (its "format" is not {format})').format(
            format=repr(FORMAT)), file=file)
    version = doc.get("version")
    if not isinstance(version, int) or version < 1:
        raise AnswersError(_("has an unknown version {version}").format(version=repr(version)), file=file)
    if version > VERSION:
        raise AnswersError(
            _("was written by a newer nextround (version {version}); please upgrade nextround").format(
                version=version),
            file=file,
        )
    while version < VERSION:
        doc = UPGRADES[version](doc)
        version = doc["version"]
    # Within version 1, a later addition that older readers ignore: contacts' ids.
    add_contact_ids(doc)
    return doc


# --- the edits forms make -------------------------------------------------------------


def new_id() -> str:
    """A short unique id for an entry in a list that only grows."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    """The current local time, with its UTC offset, to the millisecond (saves can be close)."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


def iso(value: date | None) -> str | None:
    """A date as YYYY-MM-DD, or None."""
    return value.isoformat() if value else None


def add_checkin(doc: dict[str, Any], entry: Mapping[str, Any]) -> dict[str, Any]:
    """Append a check-in (kept once, however often the same one is saved)."""
    entry = {"id": new_id(), "at": now_iso(), **entry}
    doc.setdefault("checkins", [])
    if all(c.get("id") != entry["id"] for c in doc["checkins"]):
        doc["checkins"].append(entry)
    doc["checkins"].sort(key=lambda c: c.get("at", ""))
    return entry


def add_follow_ups(doc: dict[str, Any], entries: list[dict[str, Any]]) -> None:
    """Add follow-ups (`{"id", "sent_on"}`) to `feedback.follow_ups`: a list that only grows, merged by id."""
    feedback = doc.setdefault("feedback", {})
    new = [{"id": e.get("id") or new_id(), **e} for e in entries]
    feedback["follow_ups"] = merge_by_id(feedback.get("follow_ups") or [], new)


def set_fields(doc: dict[str, Any], section: str, values: Mapping[str, Any]) -> None:
    """Replace the given fields of a dict section, keeping the ones not given."""
    current = doc.get(section) or {}
    current.update(values)
    doc[section] = current


def contact_id(name: str, taken: Collection[str]) -> str:
    """A new contact's key: its name as a slug (`priya-shah`), then `-2`, `-3`… if taken.

    Made from the name, not at random, so that every window reading a file from
    before contacts had ids, or a workbook's contacts before its first save, gives
    each contact the same key.
    """
    from nextround.core.names import slugify

    base = slugify(name, 40) or "contact"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def add_contact_ids(doc: dict[str, Any]) -> None:
    """Give every contact without an `id` one (see `contact_id`), in list order.

    Files written before contacts had ids get them here, as they are read; they are
    written at the next save.
    """
    contacts = doc.get("contacts")
    if not isinstance(contacts, list):
        return  # not ours to mend: validation names the problem
    entries = [c for c in contacts if isinstance(c, dict)]
    taken = {c["id"] for c in entries if isinstance(c.get("id"), str) and c["id"]}
    for contact in entries:
        if not (isinstance(contact.get("id"), str) and contact["id"]):
            name = contact.get("name")
            contact["id"] = contact_id(name if isinstance(name, str) else "", taken)
            taken.add(contact["id"])


def find_contact(doc: Mapping[str, Any], key: str, *, file: str | None = None) -> dict[str, Any] | None:
    """The contact whose `id` is `key`, or else the only one named `key`; None if none is.

    Two people may share a name: then the name does not say which one is meant, and
    AnswersError asks for the id.
    """
    contacts = [c for c in doc.get("contacts") or () if isinstance(c, dict)]
    for contact in contacts:
        if contact.get("id") == key:
            return contact
    named = [c for c in contacts if c.get("name") == key]
    if len(named) > 1:
        ids = ", ".join(repr(c.get("id")) for c in named)
        raise AnswersError(
            _("{count} contacts have that name; give the id of the one you mean: {ids}").format(
                count=len(named), ids=ids),
            file=file, field="contacts",
        )
    return named[0] if named else None


def upsert_contact(doc: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """Update the contact whose `id` is given (adding it, with that id, if new); its log merges by id.

    Without an `id`, a new contact is added with one of its own (`contact_id`): a
    name is not a key, as two people may share one. Its next-contact date is worked
    out again (see `next_contact_on`) unless one is given.
    """
    contacts = doc.setdefault("contacts", [])
    add_contact_ids(doc)
    key = values.get("id")
    contact = next((c for c in contacts if c.get("id") == key), None) if key else None
    if contact is None:
        key = key or contact_id(values["name"], {c.get("id") for c in contacts})
        contact = {"id": key, **empty_contact(values["name"])}
        contacts.append(contact)
    log = merge_by_id(contact.get("log", []), values.get("log", []))
    contact.update({k: v for k, v in values.items() if k != "log"})
    contact["log"] = log
    if "next_contact_on" not in values:
        upcoming = next_contact_on(contact)
        contact["next_contact_on"] = upcoming.isoformat() if upcoming else contact.get("next_contact_on")
    return contact


def last_contact_on(contact: Mapping[str, Any]) -> date | None:
    """The latest contact of any kind: a thank-you, a LinkedIn request or acceptance, a log entry."""
    get = contact.get
    touches = [as_date(get("thank_you_sent_on")), as_date(get("linkedin_request_sent_on")),
               as_date(get("linkedin_accepted_on"))]
    for entry in get("log") or ():
        touches.append(as_date(entry.get("on")))
    return max(filter(None, touches), default=None)


def next_contact_on(contact: Mapping[str, Any]) -> date | None:
    """The keep-in-touch date: the latest contact of any kind plus the cadence.

    Any logged contact resets the clock.
    """
    last = last_contact_on(contact)
    weeks = contact.get("cadence_weeks", CADENCE_WEEKS)
    if not last or not weeks:
        return None
    return last + timedelta(weeks=int(weeks))


def main_contact(doc: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Who the combined reply goes to: the one chosen, else the first contact with an email address."""
    contacts = doc.get("contacts") or ()
    chosen = (doc.get("plan") or {}).get("main_contact") or ""
    for contact in contacts:
        if chosen and contact.get("name") == chosen:
            return contact
    return next((c for c in contacts if (c.get("email") or "").strip()), None)


def main_address(doc: Mapping[str, Any]) -> str:
    """The main contact's email address; else the rejection's `reply_to` (a shared mailbox); else ""."""
    return str((main_contact(doc) or {}).get("email") or (doc.get("rejection") or {}).get("reply_to") or "")


def record_combined_reply(doc: dict[str, Any], sent: str) -> None:
    """The combined reply (`plan.combined_sent_on`) did each of its parts: record them.

    The feedback request, the reply, the CV-on-file request and the main contact's
    thanks each get the day it was sent, leaving any date already there.
    """
    feedback = doc.setdefault("feedback", {})
    if not feedback.get("requested_on"):
        feedback["requested_on"] = sent
        feedback["requested_via"] = feedback.get("requested_via") or "email"
    reply = doc.setdefault("reply", {})
    if not reply.get("sent_on"):
        reply["sent_on"] = sent
    cv = doc.setdefault("cv_on_file", {})
    if (cv.get("status") or "not_asked") == "not_asked":
        cv["status"], cv["asked_on"] = "asked", sent
    main = main_contact(doc)
    if isinstance(main, dict) and not main.get("thank_you_sent_on"):
        main["thank_you_sent_on"] = sent


class DateOutOfRange(ValueError):
    """A real date in an answers file, outside EARLIEST_DATE..LATEST_DATE."""


def as_date(value: Any) -> date | None:
    """The date in an answers field (a date or date-time string), or None.

    Text that is not a date reads as None ("not known yet"). A real date written
    outside EARLIEST_DATE..LATEST_DATE raises DateOutOfRange (a ValueError): it is a
    typo or a hostile file, and working from it would run off the calendar.
    """
    if type(value) is str:  # nearly always, so checked first
        return _parse_day(value[:10]) if value else None
    if not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return _parse_day(str(value)[:10])


@lru_cache(maxsize=8192)
def _parse_day(text: str) -> date | None:
    # Cached: a journal of thousands of workbooks reads the same few hundred days
    # tens of thousands of times.
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise DateOutOfRange(f"a date {_WINDOW} expected")
    return day


def merge_by_id(kept: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries of both lists, each id once (the newer copy wins), in date order."""
    merged = {e.get("id") or new_id(): e for e in kept}
    merged.update({e.get("id") or new_id(): e for e in new})
    return sorted(merged.values(), key=lambda e: (e.get("on") or e.get("at") or e.get("sent_on") or ""))
