"""The ipywidget forms a person fills in: one class per section of the workbook.

Each form is built from the answers on disk, shows them, and on Save applies its
values to the answers as they are on disk at that moment (see `answers`), then
says in the form that it saved — or why it could not. Forms hold no rules of
their own: progress, dates and drafts come from the domain modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from ipywidgets.widgets.widget_string import HTMLStyle

from . import answers, messages, sharing, views
from .answers import RUBRIC, as_date, iso
from .errors import NextroundError
from .parameters import parse_contact
from .progress import cv_keep_until

if TYPE_CHECKING:
    from .session import Workbook

EMOTIONS = (
    "disappointed", "sad", "angry", "frustrated", "embarrassed", "anxious",
    "numb", "relieved", "calm", "hopeful", "determined",
)
CHANNELS = ("", "email", "phone", "video call", "LinkedIn", "in person", "other")
CV_STATUS_LABELS = (
    ("Not asked yet", "not_asked"),
    ("Asked", "asked"),
    ("They agreed", "agreed"),
    ("They declined", "declined"),
)
NETWORK_LABELS = {
    "linkedin": "LinkedIn company page",
    "website": "Newsletter or website",
    "blog": "Engineering or team blog",
    "other": "Other network",
}

_LABEL = {"description_width": "13em"}


def _wide() -> w.Layout:
    # A new Layout each time: a widget kept at module level would outlive the workbook
    # (warm kernels reuse the module), and be missing from the next one's widget state.
    return w.Layout(width="100%", max_width="760px")


# --- small building blocks ----------------------------------------------------------


def _date(label: str, value: Any) -> w.DatePicker:
    return w.DatePicker(description=label, value=as_date(value), style=_LABEL, layout=w.Layout(width="24em"))


def _text(label: str, value: str, placeholder: str = "") -> w.Text:
    return w.Text(description=label, value=value or "", placeholder=placeholder, style=_LABEL, layout=_wide())


def _area(label: str, value: str, rows: int = 4, placeholder: str = "") -> w.Textarea:
    return w.Textarea(
        description=label, value=value or "", rows=rows, placeholder=placeholder, style=_LABEL, layout=_wide()
    )


def _choice(label: str, options: Any, value: Any) -> w.Dropdown:
    # A blank option reads as broken; "—" reads as "not yet".
    labelled = [(option or "—", option) if isinstance(option, str) else option for option in options]
    return w.Dropdown(description=label, options=labelled, value=value, style=_LABEL, layout=w.Layout(width="24em"))


# While a form is being built, its plain HTML widgets share one Layout and one style:
# one model each instead of one per widget, about a fifth of a workbook's widget
# models, which is time saved each time it opens or runs in a batch. Nothing is
# kept here once the form is built (a widget kept in a module would outlive it).
_SHARED: list[dict[str, Any]] = []


def _html(value: str = "") -> w.HTML:
    """An HTML widget; inside a form being built, with the form's shared layout and style."""
    if not _SHARED:
        return w.HTML(value)
    shared = _SHARED[-1]
    if not shared:
        shared.update(layout=w.Layout(), style=HTMLStyle())
    return w.HTML(value, layout=shared["layout"], style=shared["style"])


class _SharedLooks:
    """The span in which new HTML widgets share their look (a form's building)."""

    def __enter__(self) -> None:
        _SHARED.append({})

    def __exit__(self, *exc: object) -> None:
        _SHARED.pop()


def _label(text: str) -> w.HTML:
    """A label in the column of the fields' own labels: 13em wide, right-aligned."""
    return w.HTML(
        f'<div style="text-align:right;line-height:1.3;padding-top:6px">{views.escape(text)}</div>',
        layout=w.Layout(width="13em", min_width="13em", margin="2px 6px 2px 2px"),
    )


def _row(label: str, *widgets: w.Widget) -> w.HBox:
    """Widgets without a label of their own (toggle buttons, say), labelled like the others."""
    return w.HBox([_label(label), *widgets], layout=w.Layout(align_items="flex-start"))


def _number(label: str, value: int, low: int, high: int) -> w.BoundedIntText:
    return w.BoundedIntText(value=value, min=low, max=high, description=label, style=_LABEL,
                            layout=w.Layout(width="20em"))


def _dated_list(entries: list[dict[str, Any]]) -> str:
    """Logged entries, newest first, as an HTML list (empty when there are none)."""
    items = "".join(
        f"<li>{views.escape(messages.nice_date(e.get('on')))}: {views.escape(e.get('note', ''))}</li>"
        for e in reversed(entries)
    )
    return f'<ul style="line-height:1.45;margin:4px 0">{items}</ul>' if items else ""


def _heading(text: str) -> w.HTML:
    return _html(f'<div style="font-weight:600;margin:12px 0 2px">{views.escape(text)}</div>')


def _hint(text: str, *, beside: bool = False) -> w.HTML:
    """A line of guidance; `beside` sets it under the fields rather than under the labels."""
    indent = "calc(13em + 10px)" if beside else "0"
    return _html(
        f'<div style="color:#4a5568;max-width:760px;margin:2px 0 4px {indent};line-height:1.45">'
        f"{views.escape(text)}</div>"
    )


def hook(widget: w.Widget, *names: str) -> w.Widget:
    """Give `widget` stable CSS classes, `nextround-<name>`, for styling and browser tests.

    Names are the Python attribute names with `_` as `-`, so a test in the browser
    finds `form.text` of the feedback form as `.nextround-feedback-text`.
    """
    for name in names:
        widget.add_class("nextround-" + name.replace("_", "-"))
    return widget


def _hook_attributes(owner: Any, prefix: str) -> None:
    """Hook every widget attribute of `owner` (and every widget in a dict attribute)."""
    for attribute, value in vars(owner).items():
        if isinstance(value, w.Widget):
            hook(value, f"{prefix}-{attribute}")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, w.Widget):
                    hook(item, f"{prefix}-{attribute}-{key}")


def _draft(label: str, message: messages.Message, saved: str = "") -> w.Textarea:
    """A drafted message to edit and copy; the person's own edits win over the template.

    Tall enough to show the whole draft, so its sign-off is never hidden below a scroll.
    """
    text = saved or message.text
    return _area(label, text, rows=_rows_for(text))


def _rows_for(text: str) -> int:
    """Rows to show all of `text`: long lines wrap at about 70 characters in a 760-pixel box."""
    lines = sum(max(1, -(-len(line) // 70)) for line in text.splitlines())
    return min(max(8, lines + 1), 28)


def _status(text: str, kind: str) -> str:
    """A form's one-line status: `ok`, `warn` or `error`, with its mark and colour."""
    colour = {"ok": "#2f855a", "warn": "#b7791f", "error": "#c53030"}[kind]
    mark = {"ok": "✓", "warn": "!", "error": "✗"}[kind]
    return f'<span style="color:{colour};margin-left:10px">{mark} {views.escape(text)}</span>'


def _saving(workbook: Workbook, edit: Callable[[dict[str, Any]], Any]) -> tuple[dict[str, Any] | None, str]:
    """Save through the workbook: (what was saved, "") or (None, why not, for the form)."""
    try:
        return workbook.save(edit), ""
    except NextroundError as exc:
        return None, f"Not saved: {exc}"
    except OSError as exc:  # a full disk, a folder made read-only: say so in the form
        return None, f"Not saved: {exc.filename or workbook.store.path}: {exc.strerror}"


class _Shown:
    """Something a notebook cell shows as its widget, with a status line to say how it went."""

    widget: w.Widget
    status: w.HTML

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def _say(self, text: str, kind: str) -> None:
        self.status.value = _status(text, kind)


class Form(_Shown):
    """A section's form: its widgets, a Save button and a status line.

    A Save writes only the fields the person changed since the form showed them
    (`fields` compared with what was shown), so a form left open in another tab
    cannot undo this one's answers with its stale copy.
    """

    save_label = "Save"
    #: The answers section whose fields the form writes (see `write`).
    section = ""
    #: The form's name in CSS classes: `nextround-<name>`, `nextround-<name>-<field>`.
    hook_name = "form"

    def __init__(self, workbook: Workbook, doc: dict[str, Any] | None = None) -> None:
        # `doc`: the answers as the workbook read them, when the caller has them already.
        with _SharedLooks():
            self._make(workbook, workbook.answers() if doc is None else doc)
        if workbook.problem:
            self._say(workbook.problem, "error")

    def _make(self, workbook: Workbook, doc: dict[str, Any]) -> None:
        self.workbook = workbook
        self.status = _html()
        self.save_button = w.Button(
            description=self.save_label, icon="save", button_style="primary", layout=w.Layout(width="auto")
        )
        self.save_button.on_click(lambda _: self.save())
        self.build(doc)
        self._shown = self.fields(doc)
        self._writing: dict[str, Any] = {}
        self.widget = w.VBox(
            [*self.children(), w.HBox([self.save_button, self.status], layout=w.Layout(align_items="center"))],
            layout=w.Layout(width="100%", max_width="800px"),
        )
        _hook_attributes(self, self.hook_name)
        hook(self.widget, "form", self.hook_name)

    def build(self, doc: dict[str, Any]) -> None:
        """Make the widgets from the saved answers."""
        raise NotImplementedError

    def children(self) -> list[w.Widget]:
        """The widgets, in order, above the Save button."""
        raise NotImplementedError

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        """The form's values, as the fields it writes; `doc` is the answers they go into."""
        return {}

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        """Put the changed fields into the answers (by default: into `section`)."""
        answers.set_fields(doc, self.section, changed)

    def edit(self, doc: dict[str, Any]) -> None:
        """Apply the form's changes to the answers as they are on disk now."""
        self._writing = self.fields(doc)
        changed = {k: v for k, v in self._writing.items() if k not in self._shown or self._shown[k] != v}
        self.write(doc, changed)

    def check(self) -> str | None:
        """A reason not to save yet (shown to the person), or None."""
        return None

    def saved(self, doc: dict[str, Any]) -> None:
        """Called after a successful save, with what was saved."""

    def save(self) -> bool:
        """Save the form; returns whether it worked. The form says which."""
        reason = self.check()
        if reason:
            self._say(reason, "warn")
            return False
        doc, why_not = _saving(self.workbook, self.edit)
        if doc is None:
            self._say(why_not, "error")
            return False
        self._shown = self._writing
        self.saved(answers.with_defaults(doc))
        self._say(f"Saved at {doc['saved_at'][11:16]}", "ok")
        return True


# --- 0. check-in ----------------------------------------------------------------------


class CheckinForm(Form):
    """A mood check-in; each Save adds one, and the history shows the curve."""

    save_label = "Save check-in"
    hook_name = "checkin"

    def build(self, doc: dict[str, Any]) -> None:
        self.mood = w.IntSlider(
            value=5, min=1, max=10, description="Mood (1 low, 10 good)", style=_LABEL, layout=w.Layout(width="36em")
        )
        self.emotions = {
            name: w.ToggleButton(description=name, layout=w.Layout(width="auto")) for name in EMOTIONS
        }
        self.other_emotion = _text("Anything else?", "", "another word for how you feel")
        self.note = _area("Note", "", 3, "a few words for yourself (stays private)")
        self.ready = w.ToggleButtons(
            options=[("Not yet", False), ("Yes, I'm ready", True)], value=None, style={"button_width": "auto"}
        )
        self.history = _html()
        self.advice = _html()
        self._show(doc["checkins"])

    def children(self) -> list[w.Widget]:
        return [
            self.mood,
            _row("How do you feel?", w.HBox(list(self.emotions.values()), layout=w.Layout(flex_flow="row wrap"))),
            self.other_emotion,
            self.note,
            _row("Ready to act?", self.ready),
            self.advice,
            self.history,
        ]

    def check(self) -> str | None:
        if self.ready.value is None:
            return "Choose whether you feel ready to act."
        return None

    def edit(self, doc: dict[str, Any]) -> None:
        chosen = [name for name, button in self.emotions.items() if button.value]
        chosen += [e.strip() for e in self.other_emotion.value.split(",") if e.strip()]
        answers.add_checkin(
            doc, {"mood": self.mood.value, "emotions": chosen, "note": self.note.value, "ready": self.ready.value}
        )

    def saved(self, doc: dict[str, Any]) -> None:
        # A check-in is a moment: clear the fields for the next one.
        for button in self.emotions.values():
            button.value = False
        self.other_emotion.value = self.note.value = ""
        self.ready.value = None
        self._show(doc["checkins"])

    def _show(self, checkins: list[dict[str, Any]]) -> None:
        self.history.value = views.checkin_history(checkins)
        self.advice.value = views.not_ready_notice(checkins)


# --- 1. feedback ------------------------------------------------------------------------


class FeedbackForm(Form):
    """Asking for feedback, recording what was said, and following up when it's vague."""

    save_label = "Save feedback"
    section = "feedback"
    hook_name = "feedback"

    def build(self, doc: dict[str, Any]) -> None:
        fb = doc["feedback"]
        self.request_draft = _draft("Request to send", messages.feedback_request(doc), fb.get("request_draft", ""))
        self.requested_on = _date("Asked on", fb["requested_on"])
        self.requested_via = _choice("Asked by", CHANNELS, fb["requested_via"] if fb["requested_via"] in CHANNELS else "")
        names = [c["name"] for c in doc["contacts"]]
        self.received_on = _date("Received on", fb["received_on"])
        self.given_by = w.Combobox(
            description="From", value=fb["given_by"], options=names, ensure_option=False,
            placeholder="who gave it", style=_LABEL, layout=w.Layout(width="30em"),
        )
        self.via = _choice("How", CHANNELS, fb["via"] if fb["via"] in CHANNELS else "")
        self.text = _area("What they said", fb["text"], 6, "their words, as close as you can remember them")
        self.takeaways = _area("What I take from this", fb["takeaways"], 4)
        self._doc = doc
        self.verdict = _html()
        self.follow_up_draft = _draft(
            "Follow-up to send", messages.feedback_follow_up(doc), fb.get("follow_up_draft", "")
        )
        self._suggested = self.follow_up_draft.value
        self.text.observe(self._check, names="value")
        self._check()

    def _check(self, _: Any = None) -> None:
        """Judge the feedback as it is typed, and suggest a follow-up built on it."""
        from .checks import check_feedback

        result = check_feedback(self.text.value)
        self.verdict.value = views.feedback_verdict(result) if self.text.value.strip() else ""
        suggestion = messages.feedback_follow_up(self._doc, result.follow_up_questions).text
        if self.follow_up_draft.value == self._suggested:  # never replace the person's own edits
            self.follow_up_draft.value = suggestion
            self.follow_up_draft.rows = _rows_for(suggestion)  # the questions make it longer
        self._suggested = suggestion

    def children(self) -> list[w.Widget]:
        return [
            _heading("Ask for it"),
            _hint("Edit the draft as you like, copy it into an email, then note when you sent it."),
            self.request_draft, self.requested_on, self.requested_via,
            _heading("What they said"),
            self.received_on, self.given_by, self.via, self.text, self.verdict, self.takeaways,
            _heading("If it was vague, ask for more"),
            _hint("Generic feedback is hard to act on. A short, polite follow-up often gets a real answer."),
            self.follow_up_draft,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        from .checks import judged_feedback

        return {
            **judged_feedback(self.text.value),
            "request_draft": _own(self.request_draft.value, messages.feedback_request(doc)),
            "requested_on": iso(self.requested_on.value),
            "requested_via": self.requested_via.value,
            "received_on": iso(self.received_on.value),
            "given_by": self.given_by.value.strip(),
            "via": self.via.value,
            "text": self.text.value,
            "takeaways": self.takeaways.value,
            "follow_up_draft": "" if self.follow_up_draft.value == self._suggested else self.follow_up_draft.value,
        }


def _tone_view(draft: w.Textarea, what: str) -> w.HTML:
    """A view of the tone check of `draft`, kept up to date as it is edited."""
    from .checks import check_tone

    view = _html()

    def update(_: Any = None) -> None:
        view.value = views.tone_report(check_tone(draft.value), what=what) if draft.value.strip() else ""

    draft.observe(update, names="value")
    update()
    return view


def _own(value: str, template: messages.Message) -> str:
    """Keep a draft only when the person changed it, so template fixes still reach them."""
    return "" if value.strip() == template.text.strip() else value


# --- 2. reply ------------------------------------------------------------------------------


class ReplyForm(Form):
    """A reply drafted calmly before it is sent."""

    save_label = "Save reply"
    section = "reply"
    hook_name = "reply"

    def build(self, doc: dict[str, Any]) -> None:
        reply = doc["reply"]
        self.draft = _draft("Your reply", messages.reply(doc), reply["draft"])
        self.sent_on = _date("Sent on", reply["sent_on"])
        self.advice = _html()
        self._advise(doc)
        self.workbook.on_save(self._advise)  # a new check-in changes the advice
        self.tone = _tone_view(self.draft, "reply")

    def _advise(self, doc: dict[str, Any]) -> None:
        self.advice.value = views.not_ready_notice(doc["checkins"])

    def children(self) -> list[w.Widget]:
        return [self.advice, self.draft, self.tone, self.sent_on]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {"draft": self.draft.value, "sent_on": iso(self.sent_on.value)}


# --- 3. CV on file ---------------------------------------------------------------------------


class CvOnFileForm(Form):
    """Asking for the CV to be kept on file, and when it lapses."""

    save_label = "Save CV request"
    section = "cv_on_file"
    hook_name = "cv"

    def build(self, doc: dict[str, Any]) -> None:
        cv = doc["cv_on_file"]
        self.request_draft = _draft("Request to send", messages.cv_on_file(doc), cv.get("request_draft", ""))
        self.status_choice = w.ToggleButtons(
            options=CV_STATUS_LABELS, value=cv["status"], style={"button_width": "auto"}
        )
        self.asked_on = _date("Asked on", cv["asked_on"])
        self.answered_on = _date("They answered on", cv["answered_on"])
        self.keep_months = _number("They keep it (months)", cv["keep_months"], 1, 60)
        self.keep_until = _date("Kept until", cv["keep_until"])
        self.reminder = _html()
        for widget in (self.answered_on, self.keep_months):
            widget.observe(self._recompute, names="value")
        for widget in (self.keep_until, self.status_choice):
            widget.observe(self._remind, names="value")
        self._remind()

    def children(self) -> list[w.Widget]:
        return [
            self.request_draft, _row("Where it stands", self.status_choice), self.asked_on, self.answered_on,
            self.keep_months,
            _hint("Employers often keep a CV for about 6 months, or 12 if you give consent.", beside=True),
            self.keep_until, self.reminder,
        ]

    def _recompute(self, _: Any = None) -> None:
        lapse = cv_keep_until(self.answered_on.value, self.keep_months.value)
        if lapse:
            self.keep_until.value = lapse

    def _remind(self, _: Any = None) -> None:
        lapse = self.keep_until.value
        if self.status_choice.value == "agreed" and lapse:
            self.reminder.value = views.banner(
                f"Your CV stays on file until {messages.nice_date(lapse)}. "
                "The summary reminds you to re-send it two weeks before.", "info"
            )
        else:
            self.reminder.value = ""

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "request_draft": _own(self.request_draft.value, messages.cv_on_file(doc)),
            "status": self.status_choice.value,
            "asked_on": iso(self.asked_on.value),
            "answered_on": iso(self.answered_on.value),
            "keep_months": self.keep_months.value,
            "keep_until": iso(self.keep_until.value),
        }


# --- 4. self-review -----------------------------------------------------------------------------


class SelfReviewForm(Form):
    """The rubric (1-5 with notes) and the questions asked, beside the company's feedback."""

    save_label = "Save self-review"
    section = "self_review"
    hook_name = "review"

    def build(self, doc: dict[str, Any]) -> None:
        review = doc["self_review"]
        self.feedback = _html(views.feedback_panel(doc["feedback"]))
        # Feedback recorded in step 1 appears here at once, as the panel promises.
        self.workbook.on_save(lambda saved: setattr(self.feedback, "value", views.feedback_panel(saved["feedback"])))
        self.scores = {
            key: w.ToggleButtons(
                options=[str(n) for n in range(1, 6)],
                value=str(review["scores"][key]) if key in review["scores"] else None,
                style={"button_width": "2.6em"},
                tooltips=["1 weak", "2", "3 fair", "4", "5 strong"],
            )
            for key in RUBRIC
        }
        self.notes = {key: w.Text(value=review["notes"].get(key, ""), placeholder="what happened, in a few words",
                                  layout=w.Layout(width="auto")) for key in RUBRIC}
        self.questions = w.VBox()
        for q in review["questions"]:
            self._add_question(q)
        if not review["questions"]:
            self._add_question({})
        self.add_question_button = w.Button(description="Add another question", icon="plus",
                                            layout=w.Layout(width="max-content"))
        self.add_question_button.on_click(lambda _: self._add_question({}))

    def _add_question(self, values: Mapping[str, str]) -> None:
        rows = (
            hook(_area("Question asked", values.get("question", ""), 2), "review-question"),
            hook(_area("How I answered", values.get("my_answer", ""), 3), "review-my-answer"),
            hook(_area("A better answer", values.get("better_answer", ""), 3), "review-better-answer"),
        )
        box = w.VBox(list(rows), layout=w.Layout(border="1px solid #e2e8f0", padding="6px", margin="4px 0"))
        self.questions.children = [*self.questions.children, box]

    def children(self) -> list[w.Widget]:
        # One row per dimension: what it is, the score, a note; aligned in columns.
        cells = [
            cell
            for key, label in RUBRIC.items()
            for cell in (
                _html(f'<div style="font-weight:600;line-height:1.3">{views.escape(label)}</div>'),
                self.scores[key],
                self.notes[key],
            )
        ]
        rubric = w.GridBox(cells, layout=w.Layout(
            grid_template_columns="minmax(12em, 19em) max-content minmax(10em, 1fr)",
            grid_gap="6px 8px", align_items="center", max_width="800px",
        ))
        return [
            self.feedback,
            _heading("Score yourself: 1 weak, 5 strong"),
            rubric,
            _heading("The questions they asked"),
            self.questions,
            self.add_question_button,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        questions = []
        for box in self.questions.children:
            question, mine, better = (area.value for area in box.children)
            if question.strip() or mine.strip() or better.strip():
                questions.append({"question": question, "my_answer": mine, "better_answer": better})
        return {
            "scores": {k: int(b.value) for k, b in self.scores.items() if b.value},
            "notes": {k: t.value for k, t in self.notes.items() if t.value.strip()},
            "questions": questions,
        }


# --- 5. stay in touch --------------------------------------------------------------------------


class ContactPanel(Form):
    """One contact: thank-you, LinkedIn note, keep-in-touch cadence and log."""

    save_label = "Save contact"
    hook_name = "contact"

    def __init__(self, workbook: Workbook, name: str, doc: dict[str, Any] | None = None) -> None:
        self.name = name
        # Two buttons in one tab: say whose details this one saves.
        self.save_label = f"Save {name.split()[0] if name.split() else name}'s details"
        super().__init__(workbook, doc)
        hook(self.widget, "person-" + _slug(name))  # the panel of one person

    def build(self, doc: dict[str, Any]) -> None:
        contact = next((c for c in doc["contacts"] if c["name"] == self.name), answers.empty_contact(self.name))
        self.email = _text("Email", contact["email"])
        self.role = _text("Their role", contact["role"], "e.g. hiring manager")
        self.thank_you = _draft("Thank-you note", messages.thank_you(doc, contact), contact.get("thank_you_note", ""))
        self.thank_you_tone = _tone_view(self.thank_you, "thank-you note")
        self.thank_you_sent_on = _date("Thank-you sent on", contact["thank_you_sent_on"])
        self.linkedin_note = _area(
            "LinkedIn note", contact["linkedin_note"] or messages.linkedin_note(doc, contact).text, 3
        )
        self.linkedin_count = _html()
        self.linkedin_tone = _tone_view(self.linkedin_note, "LinkedIn note")
        self.linkedin_note.observe(self._count, names="value")
        self._count()
        self.linkedin_request_sent_on = _date("Request sent on", contact["linkedin_request_sent_on"])
        self.linkedin_accepted_on = _date("Accepted on", contact["linkedin_accepted_on"])
        self.cadence_weeks = _number("Get in touch every", contact["cadence_weeks"], 1, 104)
        self.log_on = _date("Contact on", date.today())
        self.log_note = _text("What happened", "", "e.g. commented on their post about the new team")
        # Under the fields it logs, apart from the Save button below.
        self.log_button = w.Button(description="Log this contact", icon="plus",
                                   layout=w.Layout(width="max-content", margin="2px 0 14px calc(13em + 10px)"))
        self.log_button.on_click(lambda _: self.log())
        self.next_contact = _html()
        self._pending_log: dict[str, Any] | None = None
        self._show(contact)

    def children(self) -> list[w.Widget]:
        return [
            self.email, self.role,
            _heading("Thank them"), self.thank_you, self.thank_you_tone, self.thank_you_sent_on,
            _heading("Connect on LinkedIn"), self.linkedin_note, self.linkedin_count, self.linkedin_tone,
            self.linkedin_request_sent_on, self.linkedin_accepted_on,
            _heading("Keep in touch"), w.HBox([self.cadence_weeks, w.Label("weeks")]), self.next_contact,
            _hint("Each time you're in touch, log it here: logging saves at once and moves the next date on."),
            self.log_on, self.log_note, self.log_button,
        ]

    def _count(self, _: Any = None) -> None:
        length = len(self.linkedin_note.value)
        parts = []
        for account, limit in messages.LINKEDIN_LIMITS.items():
            fits = length <= limit
            colour = "#2f855a" if fits else "#c53030"
            word = "fits" if fits else f"{length - limit} too long"
            parts.append(f'<span style="color:{colour}">{account} {length}/{limit} {word}</span>')
        self.linkedin_count.value = (
            f'<div style="margin-left:13em;font-size:0.9em">{" · ".join(parts)}</div>'
        )

    def _show(self, contact: Mapping[str, Any]) -> None:
        upcoming = contact.get("next_contact_on")
        when = (f"Next contact on <b>{views.escape(messages.nice_date(upcoming))}</b>."
                if upcoming else "Once you log a contact, the next date appears here.")
        self.next_contact.value = f"<div>{when}</div>" + _dated_list(contact.get("log") or [])

    def log(self) -> bool:
        """Record a contact now (it resets the keep-in-touch clock) and save."""
        if not self.log_on.value:
            self._say("Choose the date of the contact.", "warn")
            return False
        self._pending_log = {"id": answers.new_id(), "on": iso(self.log_on.value), "note": self.log_note.value}
        try:
            ok = self.save()
        finally:
            self._pending_log = None
        if ok:
            self.log_note.value = ""
        return ok

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "email": self.email.value.strip(),
            "role": self.role.value,
            "thank_you_note": _own(self.thank_you.value, messages.thank_you(doc, {"name": self.name})),
            "thank_you_sent_on": iso(self.thank_you_sent_on.value),
            "linkedin_note": self.linkedin_note.value,
            "linkedin_request_sent_on": iso(self.linkedin_request_sent_on.value),
            "linkedin_accepted_on": iso(self.linkedin_accepted_on.value),
            "cadence_weeks": self.cadence_weeks.value,
        }

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        log = [self._pending_log] if self._pending_log else []
        answers.upsert_contact(doc, {"name": self.name, **changed, "log": log})

    def saved(self, doc: dict[str, Any]) -> None:
        self._show(next(c for c in doc["contacts"] if c["name"] == self.name))


class ContactsForm(_Shown):
    """A tab per contact, and a way to add someone."""

    def __init__(self, workbook: Workbook) -> None:
        with _SharedLooks():
            self._make(workbook)

    def _make(self, workbook: Workbook) -> None:
        self.workbook = workbook
        doc = workbook.answers()
        self.panels: dict[str, ContactPanel] = {}
        self.tabs = w.Tab()
        for contact in doc["contacts"]:
            self._add_panel(contact["name"], doc)  # the answers read once, for every panel
        self.new_contact = w.Text(
            placeholder='Name <email>, e.g. Sam Lee <sam@example.org>', layout=w.Layout(width="26em")
        )
        self.add_button = w.Button(description="Add contact", icon="user-plus")
        self.add_button.on_click(lambda _: self.add())
        self.status = _html()
        empty = "" if doc["contacts"] else "<i>No contacts yet. Add the people you met below.</i>"
        self.empty = _html(empty)
        self.widget = w.VBox([
            self.empty, self.tabs,
            _heading("Someone else you met?"),
            w.HBox([self.new_contact, self.add_button, self.status], layout=w.Layout(align_items="center")),
        ])
        _hook_attributes(self, "contacts")
        hook(self.widget, "form", "contacts")

    def _add_panel(self, name: str, doc: dict[str, Any] | None = None) -> ContactPanel:
        panel = ContactPanel(self.workbook, name, doc)
        self.panels[name] = panel
        self.tabs.children = [*self.tabs.children, panel.widget]
        self.tabs.set_title(len(self.tabs.children) - 1, name)
        return panel

    def add(self) -> ContactPanel | None:
        """Add the contact typed in the box (saved at once)."""
        try:
            contact = parse_contact(self.new_contact.value)
        except ValueError as exc:
            self._say(str(exc), "error")
            return None
        if contact.name in self.panels:
            self._say(f"{contact.name} is already here.", "warn")
            return None
        doc, why_not = _saving(self.workbook, lambda doc: answers.upsert_contact(doc, contact.to_dict()))
        if doc is None:
            self._say(why_not, "error")
            return None
        panel = self._add_panel(contact.name)
        self.tabs.selected_index = len(self.tabs.children) - 1
        self.new_contact.value = ""
        self.empty.value = ""
        self._say(f"Added {contact.name}", "ok")
        return panel


class CompanyForm(Form):
    """Following the company, a light engagement log and a vacancy watch."""

    save_label = "Save company"
    hook_name = "company"

    def build(self, doc: dict[str, Any]) -> None:
        company = doc["company"]
        self.followed = {
            key: (w.Checkbox(value=bool(company["followed"].get(key)), description=label, indent=False,
                             layout=w.Layout(width="16em")),
                  w.DatePicker(value=as_date(company["followed"].get(key)), layout=w.Layout(width="12em")))
            for key, label in NETWORK_LABELS.items()
        }
        for key, (box, picker) in self.followed.items():
            box.observe(lambda change, p=picker: _today_if_empty(change, p), names="value")
            hook(box, f"company-followed-{key}")
            hook(picker, f"company-followed-{key}-on")
        watch = company["vacancy_watch"]
        self.careers_page = _text("Careers page", watch["careers_page"] or doc["rejection"].get("careers_page", ""),
                                  "https://…")
        self.keywords = _text("Keywords", ", ".join(watch["keywords"]), "e.g. analyst, SQL, London")
        self.last_checked_on = _date("Last checked on", watch["last_checked_on"])
        self.check_every_days = _number("Check every (days)", watch["check_every_days"], 1, 365)
        self.engagement_on = _date("Engaged on", date.today())
        self.engagement_note = _text("What you did", "", "e.g. liked their post on the new office")
        self.engagement_list = _html(_dated_list(company["engagement"]))

    def children(self) -> list[w.Widget]:
        return [
            _heading("Follow them"),
            _hint("Tick each place you follow them; the date is when you started."),
            *[w.HBox([box, picker]) for box, picker in self.followed.values()],
            _heading("Engage lightly (a like, a thoughtful comment)"),
            self.engagement_list, self.engagement_on, self.engagement_note,
            _heading("Watch for new vacancies"),
            self.careers_page, self.keywords, self.last_checked_on, self.check_every_days,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {
            "followed": {
                key: iso(picker.value or date.today()) for key, (box, picker) in self.followed.items() if box.value
            },
            "vacancy_watch": {
                "careers_page": self.careers_page.value.strip(),
                "keywords": [k.strip() for k in self.keywords.value.split(",") if k.strip()],
                "last_checked_on": iso(self.last_checked_on.value),
                "check_every_days": self.check_every_days.value,
            },
        }

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        company = doc.setdefault("company", {})
        company.update(changed)
        if self.engagement_note.value.strip():  # a log that only grows: merged, never replaced
            entry = {"id": answers.new_id(), "on": iso(self.engagement_on.value or date.today()),
                     "note": self.engagement_note.value.strip()}
            company["engagement"] = answers.merge_by_id(company.get("engagement", []), [entry])

    def saved(self, doc: dict[str, Any]) -> None:
        self.engagement_note.value = ""
        self.engagement_list.value = _dated_list(doc["company"]["engagement"])


def _slug(name: str) -> str:
    """A contact's name as a CSS class part: `Priya Shah` -> `priya-shah`."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower())) or "contact"


def _today_if_empty(change: Mapping[str, Any], picker: w.DatePicker) -> None:
    if change["new"] and picker.value is None:
        picker.value = date.today()


class SharingForm(Form):
    """In a class workbook: one switch per part of the answers, private by default."""

    save_label = "Save sharing choices"
    hook_name = "sharing"

    def build(self, doc: dict[str, Any]) -> None:
        chosen = sharing.choices(doc)
        self.choices = {
            key: w.Checkbox(value=chosen[key], description=label, indent=False, layout=w.Layout(width="auto"))
            for key, label in sharing.LABELS.items()
        }

    def children(self) -> list[w.Widget]:
        return [
            _heading("What your instructor may see"),
            _hint("The class report only uses what you tick here, added up across the class and never "
                  "with your name. Your notebook keeps a copy of all your answers, so whoever receives the "
                  "file you hand in could read them: hand it in only to your instructor."),
            *self.choices.values(),
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {key: box.value for key, box in self.choices.items()}

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        doc["sharing"] = {**sharing.choices(doc), **changed}


FORMS: dict[str, Callable[[Workbook], Any]] = {
    "sharing": SharingForm,
    "checkin": CheckinForm,
    "feedback": FeedbackForm,
    "reply": ReplyForm,
    "cv_on_file": CvOnFileForm,
    "self_review": SelfReviewForm,
    "contacts": ContactsForm,
    "company": CompanyForm,
}
