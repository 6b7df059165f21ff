"""The menus that correct the open meeting: Meeting > details and membership,
and the Agenda menu (items and recommendations). Built here, beside the
commands they call (meeting_editor.py), so main_menus.py only calls this."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from clerkdesk.domain.terms import Disposal
from clerkdesk.ui.meeting_editor import MeetingEditor
from clerkdesk.ui.membership_dialog import MembershipChange

if TYPE_CHECKING:
    from clerkdesk.ui.main_window import MainWindow

Adder = Callable[[QMenu, str, Callable[[], object], "list[QKeySequence] | None"], QAction]


def build_edit_menus(window: MainWindow, meeting: QMenu, add: Adder) -> MeetingEditor:
    from clerkdesk.ui.main_menus import keys  # built from there: it is loaded

    editor = MeetingEditor(window)
    meeting.addSeparator()
    add(meeting, "Meeting deta&ils…", editor.edit_details, keys("Ctrl+Shift+T"))
    add(meeting, "De&lete this meeting…", editor.delete_meeting, None)
    members = meeting.addMenu("Committee mem&bership")
    add(members, "&Add a member…", partial(editor.membership, MembershipChange.ADD), None)
    add(
        members,
        "&Replace a member…",
        partial(editor.membership, MembershipChange.REPLACE),
        keys("Ctrl+Shift+R"),
    )
    add(
        members, "Change a member's r&ole…", partial(editor.membership, MembershipChange.ROLE), None
    )
    add(
        members,
        "&Take a member off the committee…",
        partial(editor.membership, MembershipChange.REMOVE),
        None,
    )

    agenda = window.menuBar().insertMenu(meeting.menuAction(), QMenu("&Agenda", window))
    menu = agenda.menu()
    assert isinstance(menu, QMenu)
    add(menu, "Add an &urgent item…", partial(editor.add_item, True), keys("Ctrl+Shift+A"))
    add(menu, "Add an &item…", partial(editor.add_item, False), None)
    add(menu, "&Edit the item's number and title…", editor.edit_item, keys("F2"))
    add(
        menu,
        "Take the item &out of order…",
        partial(editor.move_item, True),
        keys("Ctrl+Shift+O"),
    )
    add(menu, "&Move the item on the agenda…", partial(editor.move_item, False), None)
    add(
        menu,
        "&Withdraw the item",
        partial(editor.set_disposal, Disposal.WITHDRAWN),
        keys("Ctrl+Shift+W"),
    )
    add(menu, "&Defer the item", partial(editor.set_disposal, Disposal.DEFERRED), None)
    add(menu, "Item &considered after all", partial(editor.set_disposal, None), None)
    add(menu, "Pu&blic or exempt (Part I or II)…", editor.set_part, None)
    add(menu, "&Remove the item…", editor.remove_item, None)
    menu.addSeparator()
    add(menu, "&Add a recommendation…", editor.add_recommendation, None)
    add(
        menu,
        "Edi&t a recommendation's text or label…",
        editor.edit_recommendation,
        keys("Shift+F2"),
    )
    add(menu, "Move the recommendation u&p", partial(editor.move_recommendation, -1), None)
    add(menu, "Move the recommendation dow&n", partial(editor.move_recommendation, 1), None)
    add(menu, "De&lete the recommendation…", editor.delete_recommendation, None)
    return editor
