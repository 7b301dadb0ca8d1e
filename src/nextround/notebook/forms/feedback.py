"""Steps 1 and 2: asking for feedback, recording it, following up, and the reply draft."""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as w

from nextround.core import answers, messages
from nextround.core.answers import iso, main_address
from nextround.core.i18n import N_, _, pgettext
from nextround.notebook import views
from nextround.notebook.forms.base import (
    LABEL_STYLE,
    Form,
    beside,
    checks_read_this_language,
    choice_field,
    date_field,
    draft_area,
    draft_tools,
    heading,
    hint,
    html,
    own_text,
    refresh_draft,
    rows_for,
    speaking,
    text_area,
    tone_view,
)

# Saved as these English words (the answers' data); each shows in the workbook's language.
CHANNELS = ("", "email", "phone", "video call", "LinkedIn", "in person", "other")
CLOSED_LABELS = {
    "": "—",
    "no_reply": N_("They never replied, even after a follow-up"),
    "declined": N_("They don't give feedback (a company policy)"),
}


def _channels() -> list[tuple[str, str]]:
    """How feedback was asked for or given: (the word shown, the word saved)."""
    shown = {"": "—", "email": pgettext("channel", "email"), "phone": pgettext("channel", "phone"),
             "video call": pgettext("channel", "video call"), "LinkedIn": "LinkedIn",
             "in person": pgettext("channel", "in person"), "other": pgettext("channel", "other")}
    return [(shown[channel], channel) for channel in CHANNELS]


class FeedbackForm(Form):
    """Asking for feedback, recording what was said, and following up when it's vague."""

    save_label = N_("Save feedback")
    section = "feedback"
    hook_name = "feedback"

    def build(self, doc: dict[str, Any]) -> None:
        fb = doc["feedback"]
        self.request_draft = draft_area(_("Request to send"), messages.feedback_request(doc),
                                        fb.get("request_draft", ""))
        self.requested_on = date_field(_("Asked on"), fb["requested_on"])
        self.requested_via = choice_field(_("Asked by"), _channels(),
                                          fb["requested_via"] if fb["requested_via"] in CHANNELS else "")
        names = [c["name"] for c in doc["contacts"]]
        self.received_on = date_field(_("Received on"), fb["received_on"])
        self.given_by = w.Combobox(
            description=_("From"), value=fb["given_by"], options=names, ensure_option=False,
            placeholder=_("who gave it"), style=LABEL_STYLE, layout=w.Layout(width="30em"),
        )
        self.via = choice_field(_("How"), _channels(), fb["via"] if fb["via"] in CHANNELS else "")
        self.text = text_area(_("What they said"), fb["text"], 6, _("their words, as close as you can remember them"))
        self.takeaways = text_area(_("What I take from this"), fb["takeaways"], 4)
        self._doc = doc
        self.offer = html(views.feedback_offer(doc))
        self.verdict = html()
        self.follow_up_draft = draft_area(
            _("Follow-up to send"), messages.feedback_follow_up(doc), fb.get("follow_up_draft", "")
        )
        self._suggested = self.follow_up_draft.value
        self.text.observe(speaking(self._check), names="value")
        self._check()
        self.closed = w.Dropdown(
            description=_("No feedback?"),
            options=[(_(label) if key else label, key) for key, label in CLOSED_LABELS.items()],
            value=fb.get("closed") or "", style=LABEL_STYLE, layout=w.Layout(width="36em"),
        )
        self.closed_advice = html()
        self.closed.observe(speaking(self._advise_closed), names="value")
        self._advise_closed()
        self.request_tools = draft_tools(self.request_draft, self._address, "feedback-request")
        self._suggested_request = messages.feedback_request(doc).text
        self.workbook.on_save(speaking(self._redraft))
        self.follow_up_tools = draft_tools(self.follow_up_draft, self._address, "feedback-follow-up")
        # If no reply comes: a polite nudge, at most a few, each logged as it goes.
        self.follow_up_status = html()
        self.nudge = draft_area(_("Polite follow-up"), messages.feedback_nudge(doc))
        self._suggested_nudge = self.nudge.value
        self.nudge_tools = draft_tools(self.nudge, self._address, "feedback-nudge")
        self.followed_up_on = date_field(_("Followed up on"), date.today())
        # Under the fields it logs, apart from the Save button below.
        self.follow_up_button = beside(w.Button(
            description=_("Log this follow-up"), icon="plus",
            layout=w.Layout(width="max-content", margin="2px 0 14px calc(13em + 10px)")))
        self.follow_up_button.on_click(speaking(lambda button: self.log_follow_up()))
        self._pending_follow_up: dict[str, Any] | None = None
        self._show_follow_ups(doc)

    def _redraft(self, doc: dict[str, Any]) -> None:
        """New details (a name, a sign-off) reach the drafts the person has not edited."""
        self._doc = doc
        self._suggested_request = refresh_draft(self.request_draft, self._suggested_request,
                                                messages.feedback_request(doc))
        self._check()
        self._show_follow_ups(doc)
        self.offer.value = views.feedback_offer(doc)

    def _show_follow_ups(self, doc: dict[str, Any]) -> None:
        """How many follow-ups are left, and the next one drafted while one may go."""
        self.follow_up_status.value = views.follow_up_status(doc)
        shown = views.can_follow_up(doc)
        for widget in (self.nudge, self.nudge_tools, self.followed_up_on, self.follow_up_button):
            widget.layout.display = None if shown else "none"
        self._suggested_nudge = refresh_draft(self.nudge, self._suggested_nudge, messages.feedback_nudge(doc))

    def log_follow_up(self) -> bool:
        """Record a follow-up as sent on the day chosen, and save at once."""
        if not self.followed_up_on.value:
            self._say(_("Choose the day you sent the follow-up."), "warn")
            return False
        self._pending_follow_up = {"id": answers.new_id(), "sent_on": iso(self.followed_up_on.value)}
        try:
            ok = self.save()
        finally:
            self._pending_follow_up = None
        if ok:  # that one went: the next starts from a fresh draft
            self.nudge.value = self._suggested_nudge
        return ok

    def _address(self) -> str:
        return main_address(self._doc)

    def _advise_closed(self, change: Any = None) -> None:
        self.closed_advice.value = views.feedback_closed_advice(self.closed.value)

    def _check(self, change: Any = None) -> None:
        """Judge the feedback as it is typed, and suggest a follow-up built on it.

        In a language the checks do not read, no judgement and no English questions
        in the draft: one line says the check reads English only.
        """
        from nextround.checks import check_feedback

        if not checks_read_this_language():
            self.verdict.value = views.checks_english_only()
            questions: tuple[str, ...] | list[str] = ()
        else:
            result = check_feedback(self.text.value)
            self.verdict.value = views.feedback_verdict(result) if self.text.value.strip() else ""
            questions = result.follow_up_questions
        suggestion = messages.feedback_follow_up(self._doc, questions).text
        if self.follow_up_draft.value == self._suggested:  # never replace the person's own edits
            self.follow_up_draft.value = suggestion
            self.follow_up_draft.rows = rows_for(suggestion)  # the questions make it longer
        self._suggested = suggestion

    def children(self) -> list[w.Widget]:
        return [
            heading(_("Ask for it")),
            self.offer,
            hint(_("With one short reply (above), this is already asked: just note the date here if it isn't. "
                   "Otherwise edit the draft, copy it into an email, then note when you sent it.")),
            self.request_draft, self.request_tools, self.requested_on, self.requested_via,
            heading(_("What they said")),
            self.received_on, self.given_by, self.via, self.text, self.verdict, self.takeaways,
            heading(_("If no reply comes, follow up politely")),
            hint(_("A week on, a short follow-up often gets an answer. Log each one here: logging saves at once, "
                   "and the workbook says when the next may go, and when to stop.")),
            self.follow_up_status, self.nudge, self.nudge_tools, self.followed_up_on, self.follow_up_button,
            heading(_("If it was vague, ask for more")),
            hint(_("Generic feedback is hard to act on. One short, polite follow-up often gets a real answer.")),
            self.follow_up_draft, self.follow_up_tools,
            heading(_("If no feedback comes")),
            self.closed, self.closed_advice,
        ]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        from nextround.checks import judged_feedback

        # Text in a language the checks do not read is not judged (nor given English themes).
        judged = judged_feedback(self.text.value if checks_read_this_language() else "")
        return {
            **judged,
            "request_draft": own_text(self.request_draft.value, messages.feedback_request(doc)),
            "requested_on": iso(self.requested_on.value),
            "requested_via": self.requested_via.value,
            "received_on": iso(self.received_on.value),
            "given_by": self.given_by.value.strip(),
            "via": self.via.value,
            "text": self.text.value,
            "takeaways": self.takeaways.value,
            "follow_up_draft": "" if self.follow_up_draft.value == self._suggested else self.follow_up_draft.value,
            "closed": self.closed.value,
        }

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        super().write(doc, changed)
        if self._pending_follow_up:  # a list that only grows: merged, never replaced
            answers.add_follow_ups(doc, [self._pending_follow_up])


# --- 2. reply ------------------------------------------------------------------------------


class ReplyForm(Form):
    """A reply drafted calmly before it is sent."""

    save_label = N_("Save reply")
    section = "reply"
    hook_name = "reply"

    def build(self, doc: dict[str, Any]) -> None:
        reply = doc["reply"]
        self._doc = doc
        self.draft = draft_area(_("Your reply"), messages.reply(doc), reply["draft"])
        self.tools = draft_tools(self.draft, lambda: main_address(self._doc), "reply")
        self.sent_on = date_field(_("Sent on"), reply["sent_on"])
        self.advice = html()
        self._advise(doc)
        self.workbook.on_save(speaking(self._advise))  # a new check-in changes the advice
        self.tone = tone_view(self.draft, "reply")

    def _advise(self, doc: dict[str, Any]) -> None:
        self._doc = doc
        self.advice.value = views.waiting_notice(doc)

    def children(self) -> list[w.Widget]:
        return [self.advice, self.draft, self.tools, self.tone, self.sent_on]

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {"draft": self.draft.value, "sent_on": iso(self.sent_on.value)}
