"""The ipywidget forms a person fills in: one module per section of the workbook.

`base` has what every form is made of; each other module is one section's form.
Forms hold no rules of their own: progress, dates and drafts come from the domain
(`nextround.core`), the checks from `nextround.checks`, and the answers are read and
saved through the workbook's `Session`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nextround.notebook.forms.base import Form, hook
from nextround.notebook.forms.checkin import CheckinForm
from nextround.notebook.forms.contacts import CompanyForm, ContactPanel, ContactsForm
from nextround.notebook.forms.cv import CvOnFileForm
from nextround.notebook.forms.feedback import FeedbackForm, ReplyForm
from nextround.notebook.forms.keep_going import KeepGoingForm
from nextround.notebook.forms.plan import DetailsForm, PlanForm
from nextround.notebook.forms.review import SelfReviewForm
from nextround.notebook.forms.sharing import SharingForm
from nextround.notebook.session import Session

FORMS: dict[str, Callable[[Session], Any]] = {
    "sharing": SharingForm,
    "you": DetailsForm,
    "plan": PlanForm,
    "keep_going": KeepGoingForm,
    "checkin": CheckinForm,
    "feedback": FeedbackForm,
    "reply": ReplyForm,
    "cv_on_file": CvOnFileForm,
    "self_review": SelfReviewForm,
    "contacts": ContactsForm,
    "company": CompanyForm,
}


__all__ = [
    "FORMS", "CheckinForm", "CompanyForm", "ContactPanel", "ContactsForm", "CvOnFileForm", "DetailsForm",
    "KeepGoingForm", "PlanForm",
    "FeedbackForm", "Form", "ReplyForm", "SelfReviewForm", "SharingForm", "hook",
]
