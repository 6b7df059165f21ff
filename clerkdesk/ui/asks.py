"""Every question the window asks the clerk, in one replaceable object.

The window never opens a modal dialog directly: it calls a method here. Tests
replace a method with a plain function (``asker.casting_vote = lambda ...``),
so they drive the real window and the real services without a modal loop.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

# The file, input and message dialogs are imported where they are asked for:
# importing a Qt class builds its Python enums (QFileDialog's five, QMessageBox's
# four, QInputDialog's and QLineEdit's two each), a few milliseconds of the
# window's first paint.
from PySide6.QtWidgets import QDialog, QWidget

from clerkdesk.domain.terms import VoteOption

if TYPE_CHECKING:
    from PySide6.QtWidgets import QInputDialog

    from clerkdesk.domain.minutes_details import MinutesDetails
    from clerkdesk.domain.model import Declaration, MeetingRecord, Recommendation
    from clerkdesk.services.lookups import CommitteeSummary

    # The agenda, details and recommendation dialogs, as the others, are imported
    # when first asked for: the window's first paint does not need them.
    from clerkdesk.ui.agenda_item_dialogs import ItemInput, PartInput, PlaceInput
    from clerkdesk.ui.amendment_dialog import AmendmentInput
    from clerkdesk.ui.approval_dialog import Approval
    from clerkdesk.ui.attendee_dialog import AttendeeInput
    from clerkdesk.ui.declaration_dialog import DeclarationInput
    from clerkdesk.ui.meeting_details_dialog import MeetingDetailsInput
    from clerkdesk.ui.membership_dialog import MemberInput, MembershipChange
    from clerkdesk.ui.new_meeting_dialog import NewMeetingInput
    from clerkdesk.ui.recommendation_dialog import RecommendationInput


def _answered(dialog: QDialog) -> bool:
    """Run a dialog; it is deleted once its answer has been read (a hidden dialog
    left behind would keep the agenda's text, and on some platforms stay the
    active window)."""
    dialog.finished.connect(dialog.deleteLater)
    return dialog.exec() == QDialog.DialogCode.Accepted


class Asker:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent, title, message)

    def info(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, title, message)

    def confirm(self, title: str, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def correction_reason(self) -> str | None:
        from clerkdesk.ui.correction_dialog import CorrectionReasonDialog

        dialog = CorrectionReasonDialog(self.parent)
        return dialog.value() if dialog.exec() else None

    def casting_vote(self, presiding: str, each: int) -> VoteOption | None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setWindowTitle("Casting vote")
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            f"The vote is tied at {each} each.\n\n"
            f"How did {presiding}, presiding, give the casting vote?"
        )
        yes = box.addButton("&For", QMessageBox.ButtonRole.YesRole)
        no = box.addButton("&Against", QMessageBox.ButtonRole.NoRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        # No default answer: Enter must not give a casting vote the chair did not
        # give. For and Against take no Enter of their own; Enter cancels.
        for answer in (yes, no):
            answer.setAutoDefault(False)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is yes:
            return VoteOption.YES
        if box.clickedButton() is no:
            return VoteOption.NO
        return None

    def presiding_member(self, choices: list[tuple[int, str]], each: int) -> int | None:
        """Neither the chair nor the vice-chair may preside over a tied vote: the
        clerk names the member presiding, who gives the casting vote."""
        from PySide6.QtWidgets import QInputDialog

        names = [name for _person, name in choices]
        name, ok = QInputDialog.getItem(
            self.parent,
            "Who is presiding?",
            f"The vote is tied at {each} each, and neither the chair nor the vice-chair\n"
            "may preside over it (not in the room, or barred by an interest).\n\n"
            "Who is presiding, and so gives the casting vote?",
            names,
            0,
            False,
        )
        if not ok:
            return None
        return next((person for person, label in choices if label == name), None)

    def approval(self, presiding: str, meeting_date: dt.date) -> Approval | None:
        """Who signed the minutes as a correct record, and when."""
        from clerkdesk.ui.approval_dialog import ApprovalDialog

        dialog = ApprovalDialog(presiding, meeting_date, self.parent)
        return dialog.value() if dialog.exec() else None

    def substitute_name(self, member: str, suggestions: list[str]) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getItem(
            self.parent,
            "Substitute",
            f"Who is substituting for {member}?",
            suggestions,
            0,
            True,
        )
        return text.strip() if ok and text.strip() else None

    def attendance_note(self, name: str, note: str) -> str | None:
        """The note on a person's attendance; "" removes it, None is Cancel."""
        dialog = attendance_note_dialog(name, note, self.parent)
        return dialog.textValue() if dialog.exec() else None

    def declaration(
        self, record: MeetingRecord, item_id: int | None, at: dt.time, person_id: int | None = None
    ) -> DeclarationInput | None:
        """A new declaration, the dialog opening on ``person_id`` if given."""
        from clerkdesk.ui.declaration_dialog import DeclarationDialog

        dialog = DeclarationDialog(record, item_id, at, self.parent, person_id=person_id)
        return dialog.value() if dialog.exec() else None

    def edit_declaration(
        self, record: MeetingRecord, declaration: Declaration, at: dt.time
    ) -> DeclarationInput | None:
        from clerkdesk.ui.declaration_dialog import DeclarationDialog

        dialog = DeclarationDialog(record, declaration.item_id, at, self.parent, declaration)
        return dialog.value() if dialog.exec() else None

    def named_vote(
        self, record: MeetingRecord, item_id: int, at: dt.time
    ) -> dict[int, VoteOption] | None:
        from clerkdesk.ui.named_vote_dialog import NamedVoteDialog

        dialog = NamedVoteDialog(record, item_id, at, self.parent)
        return dialog.exceptions() if dialog.exec() else None

    def amendment(self, record: MeetingRecord, recommendation_id: int) -> AmendmentInput | None:
        from clerkdesk.ui.amendment_dialog import AmendmentDialog

        dialog = AmendmentDialog(record, recommendation_id, self.parent)
        return dialog.value() if dialog.exec() else None

    def attendee(self) -> AttendeeInput | None:
        from clerkdesk.ui.attendee_dialog import AttendeeDialog

        dialog = AttendeeDialog(self.parent)
        return dialog.value() if dialog.exec() else None

    def new_meeting(self, committees: list[CommitteeSummary]) -> NewMeetingInput | None:
        from clerkdesk.ui.new_meeting_dialog import NewMeetingDialog

        dialog = NewMeetingDialog(committees, self.parent)
        return dialog.value() if dialog.exec() else None

    def sub_points(self, recommendation: Recommendation) -> list[str] | None:
        """The recommendation's sub-points, one a line (blank lines left out); None if cancelled."""
        from PySide6.QtWidgets import QInputDialog

        label = f" {recommendation.label}" if recommendation.label else ""
        text, ok = QInputDialog.getMultiLineText(
            self.parent,
            "Sub-points of a recommendation",
            f"Recommendation{label}: its sub-points, one a line, printed as a list under it.",
            "\n".join(recommendation.points),
        )
        if not ok:
            return None
        return [line.strip() for line in text.splitlines() if line.strip()]

    def minutes_details(self, record: MeetingRecord) -> MinutesDetails | None:
        from clerkdesk.ui.minutes_details_dialog import MinutesDetailsDialog

        dialog = MinutesDetailsDialog(record, self.parent)
        return dialog.value() if dialog.exec() else None

    def open_path(self, title: str, filters: str, folder: str = "") -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filters)
        return Path(name) if name else None

    def password(self, title: str, prompt: str) -> str | None:
        """A password, typed hidden; None if cancelled. The caller uses it once."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(self.parent, title, prompt, QLineEdit.EchoMode.Password)
        return text if ok else None

    def certificate_settings(
        self, council: Path | None, roots: Path | None
    ) -> tuple[Path | None, Path | None] | None:
        from clerkdesk.ui.certificate_settings_dialog import CertificateSettingsDialog

        dialog = CertificateSettingsDialog(council, roots, self.parent)
        return dialog.value() if dialog.exec() else None

    def save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), filters)
        return Path(name) if name else None

    def checkout_file(self, title: str, default: Path) -> Path | None:
        """The file on this computer to check the meeting of ``title`` out into:
        ``default`` (the check-outs file beside the clerk's database) or one the
        clerk picks; None if cancelled."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setWindowTitle("Check out to this computer")
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            f"Check the meeting of {title} out into\n{default}?\n\n"
            "It can then be recorded on this computer with no network, and checked "
            "back in from that file. Until then the server shows it as yours."
        )
        into = box.addButton("&Check out", QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton("Choose &another file…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(into)
        box.exec()
        if box.clickedButton() is into:
            return default
        if box.clickedButton() is not other:
            return None
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self.parent,
            "Check out into",
            str(default),
            "ClerkDesk database (*.db);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,  # a file of check-outs is added to
        )
        return Path(name) if name else None

    def meeting_details(self, record: MeetingRecord) -> MeetingDetailsInput | None:
        from clerkdesk.ui.meeting_details_dialog import MeetingDetailsDialog

        dialog = MeetingDetailsDialog(record, self.parent)
        return dialog.value() if _answered(dialog) else None

    def item(self, record: MeetingRecord, item_id: int | None, *, urgent: bool) -> ItemInput | None:
        from clerkdesk.ui.agenda_item_dialogs import AgendaItemDialog

        item = None if item_id is None else record.item(item_id)
        dialog = AgendaItemDialog(item, urgent=urgent, parent=self.parent)
        return dialog.value() if _answered(dialog) else None

    def place(
        self, record: MeetingRecord, item_id: int, *, out_of_order: bool
    ) -> PlaceInput | None:
        from clerkdesk.ui.agenda_item_dialogs import ItemPlaceDialog

        dialog = ItemPlaceDialog(
            record, record.item(item_id), out_of_order=out_of_order, parent=self.parent
        )
        return dialog.value() if _answered(dialog) else None

    def part(self, record: MeetingRecord, item_id: int) -> PartInput | None:
        from clerkdesk.ui.agenda_item_dialogs import ItemPartDialog

        dialog = ItemPartDialog(record.item(item_id), self.parent)
        return dialog.value() if _answered(dialog) else None

    def recommendation(
        self, record: MeetingRecord, item_id: int, *, new: bool, chosen: int | None
    ) -> RecommendationInput | None:
        from clerkdesk.ui.recommendation_dialog import RecommendationDialog

        dialog = RecommendationDialog(record, item_id, new=new, chosen=chosen, parent=self.parent)
        return dialog.value() if _answered(dialog) else None

    def member(
        self, record: MeetingRecord, change: MembershipChange, chosen: int | None
    ) -> MemberInput | None:
        from clerkdesk.ui.membership_dialog import MembershipDialog

        dialog = MembershipDialog(record, change, chosen, self.parent)
        return dialog.value() if _answered(dialog) else None

    def same_meeting(self, message: str) -> str | None:
        """ "open" the meeting already here, make a "copy" on purpose, or None."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setWindowTitle("This meeting is already here")
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(message.split(" Open it")[0])
        box.setInformativeText(
            "Open the meeting already saved to correct it, or save this agenda as a "
            "second, separate meeting."
        )
        open_it = box.addButton("&Open the saved meeting", QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton("Save a second &copy", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_it)
        box.exec()
        clicked = box.clickedButton()
        return "open" if clicked is open_it else "copy" if clicked is copy else None

    def delete_meeting(self, summary: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.parent,
            "Delete meeting",
            f"Delete {summary}, with everything recorded in it?\n\n"
            "A backup of the database is taken first; the meeting can be got back only "
            "by restoring that backup.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def attendance_note_dialog(name: str, note: str, parent: QWidget | None = None) -> QInputDialog:
    """The question for a note on a person's attendance, wide enough for a sentence."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Attendance note")
    dialog.setLabelText(
        f"Note on {name}'s attendance, printed in the minutes\n"
        "(for example: attended remotely, not entitled to vote).\n"
        "Leave it empty to remove the note."
    )
    dialog.setTextValue(note)
    dialog.setAccessibleName("Attendance note")
    dialog.resize(max(dialog.sizeHint().width(), 520), dialog.sizeHint().height())
    return dialog
