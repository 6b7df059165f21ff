"""The open meeting's panels, as tabs: attendance, voting, declarations, minutes.

Only the Attendance panel, the one shown first, is built with the window. The
other three are built by :meth:`MeetingTabs.build`: just after the window's
first paint when the app starts (see ``clerkdesk.ui.app``), or as soon as
anything asks for one of them, whichever comes first. Their tabs are there
from the start, so nothing on screen moves when they are filled in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from clerkdesk.domain.changes import Area
from clerkdesk.ui.attendance_panel import AttendancePanel
from clerkdesk.ui.open_meeting import EVERYTHING, OpenMeeting

if TYPE_CHECKING:
    from clerkdesk.ui.declarations_panel import DeclarationsPanel
    from clerkdesk.ui.minutes_panel import MinutesPanel
    from clerkdesk.ui.voting_panel import VotingPanel

LATER = ("&Voting", "&Declarations", "Minutes &notes")
VOTING_TAB = 1


# A named tuple, not a frozen dataclass: made before the window's first paint,
# where making a dataclass compiles each of its methods (docs/benchmarks.md, issue 19).
class LaterPanels(NamedTuple):
    voting: VotingPanel
    declarations: DeclarationsPanel
    minutes: MinutesPanel

    def all(self) -> tuple[VotingPanel | DeclarationsPanel | MinutesPanel, ...]:
        """In the order of their tabs."""
        return self.voting, self.declarations, self.minutes


class MeetingTabs(QTabWidget):
    built = Signal()  # the voting, declarations and minutes panels now exist

    def __init__(self, meeting: OpenMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.setAccessibleName("Meeting panels")
        # The tab bar is the Tab stop, placed by focus_chain(). QTabWidget makes
        # the bar its focus proxy, which would make the widget itself a second
        # stop at its own place in the chain (see widgets.Panel).
        self.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr here
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.attendance = AttendancePanel(meeting)
        self.addTab(self.attendance, "&Attendance")
        self._pages: list[QWidget] = []
        for label in LATER:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._pages.append(page)
            self.addTab(page, label)
        self._later: LaterPanels | None = None
        self._voting_behind = Area.NONE  # what the voting panel has yet to redraw: see refresh()
        self.currentChanged.connect(self._shown)

    def build(self) -> LaterPanels:
        """Build the voting, declarations and minutes panels, if not yet built."""
        if self._later is not None:
            return self._later
        from clerkdesk.ui.declarations_panel import DeclarationsPanel
        from clerkdesk.ui.minutes_panel import MinutesPanel
        from clerkdesk.ui.voting_panel import VotingPanel

        later = LaterPanels(
            VotingPanel(self.meeting), DeclarationsPanel(self.meeting), MinutesPanel(self.meeting)
        )
        self._later = later
        for page, panel in zip(self._pages, later.all(), strict=True):
            layout = page.layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.refresh(EVERYTHING)  # catch up with what happened before it was built
        self.built.emit()
        return later

    @property
    def voting(self) -> VotingPanel:
        self._catch_up_voting()
        return self.build().voting

    @property
    def declarations(self) -> DeclarationsPanel:
        return self.build().declarations

    @property
    def minutes(self) -> MinutesPanel:
        return self.build().minutes

    def focus_chain(self) -> list[QWidget]:
        """The tab bar, then each panel's controls (Tab skips those of hidden tabs)."""
        chain: list[QWidget] = [self.tabBar(), *self.attendance.focus_chain()]
        for panel in self._later.all() if self._later is not None else ():
            chain += panel.focus_chain()
        return chain

    def refresh(self, areas: Area) -> None:
        """Redraw what ``areas`` covers. The voting panel, when not on show,
        redraws when it is next shown or asked for (``voting``), with all it
        missed, rather than after every action: on a large meeting its motions
        and roll were a good part of each attendance key press, for a tab the
        clerk could not see. The other panels cost little and redraw at once."""
        self.attendance.refresh(areas)
        if self._later is None:
            return
        self._voting_behind |= areas
        if self.currentIndex() == VOTING_TAB:
            self._catch_up_voting()
        self._later.declarations.refresh(areas)
        self._later.minutes.refresh(areas)

    def _shown(self, index: int) -> None:
        if index > 0:
            self.build()
        if index == VOTING_TAB:
            self._catch_up_voting()

    def _catch_up_voting(self) -> None:
        behind, self._voting_behind = self._voting_behind, Area.NONE
        if behind and self._later is not None:
            self._later.voting.refresh(behind)

    def show_panel(self, panel: QWidget) -> None:
        """Bring ``panel`` (or its tab page) to the front and give it the keyboard."""
        index = self.indexOf(panel)
        page = panel.parentWidget()
        if index < 0 and page is not None:
            index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)
        panel.setFocus()

    def show_index(self, index: int) -> None:
        if index > 0:
            self.build()
        self.setCurrentIndex(index)
        panel = self.panel_at(index)
        if panel is not None:
            panel.setFocus()

    def panel_at(self, index: int) -> QWidget | None:
        if index == 0:
            return self.attendance
        if self._later is None or not 0 < index <= len(LATER):
            return None
        if index == VOTING_TAB:
            self._catch_up_voting()
        return self._later.all()[index - 1]
