"""The demo: a workbook for a fictional rejection, filled in and executed.

Run by `make demo`. Everything here goes through nextround's public Python API,
the same one your own scripts can use. The people and companies are made up.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import nextround
from nextround.making.run import execute

FOLDER = Path(__file__).resolve().parent.parent / "demo"
MARKER = ".nextround-demo"  # only a folder the demo made is ever cleared by it


def fresh_folder() -> Path:
    if FOLDER.exists():
        if not (FOLDER / MARKER).exists():
            sys.exit(f"{FOLDER} exists and was not made by the demo; move it away first.")
        shutil.rmtree(FOLDER)
    FOLDER.mkdir()
    (FOLDER / MARKER).write_text("made by examples/demo.py; safe to delete\n")
    return FOLDER


def main() -> None:
    folder = fresh_folder()
    rejected = date.today() - timedelta(days=6)
    path = nextround.new(
        company="Northwind Analytics",
        role="Junior Data Analyst",
        interview_date=rejected - timedelta(days=7),
        rejected_on=rejected,
        stage="final interview",
        contacts=["Priya Shah <priya.shah@example.org>", "Tom Reid"],
        your_name="Alex Morgan",
        careers_page="https://careers.example.org/northwind",
        dir=folder,
    )
    answers = nextround.open_answers(path)
    answers.add_checkin(3, ready=False, emotions=["disappointed", "embarrassed"], note="Flat today.",
                        at=f"{rejected.isoformat()}T18:30:00")
    answers.add_checkin(6, ready=True, emotions=["calm", "determined"], note="Slept on it.",
                        at=f"{(rejected + timedelta(days=2)).isoformat()}T09:15:00")
    answers.update("feedback", requested_on=rejected + timedelta(days=2), requested_via="email",
                   received_on=rejected + timedelta(days=5), given_by="Priya Shah", via="email",
                   text="Another candidate had more experience with stakeholder reporting.",
                   takeaways="Ask which part of the reporting work mattered most.")
    answers.update("reply", draft="Thank you for letting me know. I enjoyed meeting the team...",
                   sent_on=rejected + timedelta(days=2))
    answers.update("cv_on_file", status="asked", asked_on=rejected + timedelta(days=3))
    for dimension, score in {"preparation": 4, "structured_answers": 2, "skills_evidence": 3}.items():
        answers.score(dimension, score)
    answers.update_contact("Priya Shah", thank_you_sent_on=rejected + timedelta(days=1))
    execute(path)
    print()
    print(f"Demo workbook: {path}")
    print(f"Its answers:   {path.with_name(path.stem + '.answers.json')}")
    print()
    print("Open it in JupyterLab (then Run > Run All Cells):")
    print(f"  .venv/bin/jupyter lab {path}")


if __name__ == "__main__":
    main()
