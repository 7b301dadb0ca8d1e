"""Step 4: the self-review rubric and the interview's questions, beside the company's feedback."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from nextround.core.i18n import N_, _
from nextround.core.labels import RUBRIC
from nextround.notebook import aria, views
from nextround.notebook.forms.base import (
    Form,
    checks_read_this_language,
    heading,
    hint,
    hook,
    html,
    speaking,
    star_view,
    text_area,
)
from nextround.render import palette
from nextround.render.html import Markup


class SelfReviewForm(Form):
    """The rubric (1-5 with notes) and the questions asked, beside the company's feedback."""

    save_label = N_("Save self-review")
    section = "self_review"
    hook_name = "review"

    def build(self, doc: dict[str, Any]) -> None:
        review = doc["self_review"]
        self.feedback = html(views.feedback_panel(doc["feedback"]))
        # Feedback recorded in step 1 appears here at once, as the panel promises.
        self.workbook.on_save(speaking(
            lambda saved: setattr(self.feedback, "value", views.feedback_panel(saved["feedback"]))))
        # Each row's label on screen is the dimension in the first column; a screen
        # reader hears it with the scores (a group) and the note too.
        self.scores = {
            key: aria.group(aria.hidden_label(w.ToggleButtons(
                options=[str(n) for n in range(1, 6)],
                value=str(review["scores"][key]) if key in review["scores"] else None,
                style={"button_width": "2.6em"},
                tooltips=[_("1 weak"), "2", _("3 fair"), "4", _("5 strong")],
            ), _(label)))
            for key, label in RUBRIC.items()
        }
        self.notes = {key: aria.hidden_label(
            w.Text(value=review["notes"].get(key, ""), placeholder=_("what happened, in a few words"),
                   layout=w.Layout(width="auto")), _("Note: {dimension}").format(dimension=_(label)))
            for key, label in RUBRIC.items()}
        self.questions = w.VBox()
        for q in review["questions"]:
            self._add_question(q)
        if not review["questions"]:
            self._add_question({})
        self.add_question_button = w.Button(description=_("Add another question"), icon="plus",
                                            layout=w.Layout(width="max-content"))
        self.add_question_button.on_click(speaking(lambda button: self._add_question({})))
        self.practice = html(views.practice_plan(review["scores"]))

    def _add_question(self, values: Mapping[str, str]) -> None:
        better = hook(text_area(_("A better answer"), values.get("better_answer", ""), 3), "review-better-answer")
        rows = (
            hook(text_area(_("Question asked"), values.get("question", ""), 2), "review-question"),
            hook(text_area(_("How I answered"), values.get("my_answer", ""), 3), "review-my-answer"),
            better,
            # The STAR check of the better answer, as it is typed.
            hook(star_view(better), "review-star"),
        )
        box = w.VBox(list(rows),
                     layout=w.Layout(border=f"1px solid {palette.LIGHT_BORDER}", padding="6px", margin="4px 0"))
        self.questions.children = [*self.questions.children, box]

    def children(self) -> list[w.Widget]:
        # One row per dimension: what it is, the score, a note; aligned in columns.
        cells = [
            cell
            for key, label in RUBRIC.items()
            for cell in (
                html(Markup('<div style="font-weight:600;line-height:1.3">{}</div>').format(_(label))),
                self.scores[key],
                self.notes[key],
            )
        ]
        rubric = w.GridBox(cells, layout=w.Layout(
            grid_template_columns="minmax(9em, 19em) max-content minmax(8em, 1fr)",
            grid_gap="6px 8px", align_items="center", max_width="800px",
        ))
        rubric.add_class("nextround-rubric")  # one column on a narrow screen
        return [
            self.feedback,
            heading(_("Score yourself: 1 weak, 5 strong")),
            rubric,
            heading(_("The questions they asked")),
            hint(_("For each one, write a better answer the STAR way: the Situation, your Task, the Action you "
                   "took and the Result. It is checked as you type.") if checks_read_this_language() else
                 _("For each one, write a better answer the STAR way: the Situation, your Task, the Action you "
                   "took and the Result.")),
            *([] if checks_read_this_language() else [html(views.checks_english_only())]),
            self.questions,
            self.add_question_button,
            self.practice,
        ]

    def saved(self, doc: dict[str, Any]) -> None:
        self.practice.value = views.practice_plan(doc["self_review"]["scores"])

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        questions = []
        for box in self.questions.children:
            question, mine, better = (area.value for area in box.children[:3])
            if question.strip() or mine.strip() or better.strip():
                questions.append({"question": question, "my_answer": mine, "better_answer": better})
        return {
            "scores": {k: int(b.value) for k, b in self.scores.items() if b.value},
            "notes": {k: t.value for k, t in self.notes.items() if t.value.strip()},
            "questions": questions,
        }
