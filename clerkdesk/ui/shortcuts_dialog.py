"""Help > Keyboard shortcuts: every menu shortcut plus the panel keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

PANEL_KEYS = [
    (
        "Attendance list",
        "P present · A apologies · X absent · L arrived late · D left · "
        "S substitute · N note · Delete clear times",
    ),
    ("Vote counts", "Enter records the vote; a tie asks for the casting vote"),
    ("Named vote", "F/1 for · A/2 against · B/3 abstain · Space cycles"),
    ("Minutes", "Ctrl+Enter adds the paragraph · Enter on a paragraph edits it · Delete removes"),
    (
        "Declarations",
        "Enter or double-click edits the selected declaration · Delete removes it",
    ),
    ("Voting", "Tab moves For → Against → Abstain → Record vote"),
]


def on_a_keyboard(sequence: QKeySequence) -> bool:
    """A shortcut a clerk types on an ordinary keyboard: not F13 and beyond nor
    the dedicated Undo, Find, Help … keys some keyboards have (which Qt's
    standard shortcuts include), nor the old Alt+Backspace for undo."""
    for n in range(sequence.count()):
        combination = sequence[n]  # type: ignore[index]  # QKeySequence::operator[]
        key = combination.key()
        if key.value >= Qt.Key.Key_F13.value:  # F13 on, then Help, Undo, Find …
            return False
        if key is Qt.Key.Key_Backspace and combination.keyboardModifiers():
            return False
    return True


def _rows(menu_bar: QMenuBar) -> list[tuple[str, str]]:
    rows = []
    for top in menu_bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        stack: list[QAction] = list(menu.actions())
        while stack:
            action = stack.pop(0)
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                stack[0:0] = submenu.actions()
                continue
            shortcuts = [
                s.toString(QKeySequence.SequenceFormat.NativeText)
                for s in action.shortcuts()
                if on_a_keyboard(s)
            ]
            if shortcuts:
                name = action.text().replace("&", "").split(" ", 1)
                label = action.text().replace("&", "")
                if name[0] in ("Undo", "Redo"):
                    label = name[0]
                rows.append((label, " or ".join(shortcuts)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        browser = QTextBrowser()
        browser.setAccessibleName("Keyboard shortcuts")
        html = ["<h3>Menus</h3><table cellpadding='3'>"]
        html += [
            f"<tr><td><b>{keys}</b></td><td>{label}</td></tr>" for label, keys in _rows(menu_bar)
        ]
        html.append("</table><h3>In the panels</h3><table cellpadding='3'>")
        html += [f"<tr><td><b>{where}</b></td><td>{keys}</td></tr>" for where, keys in PANEL_KEYS]
        html.append("</table>")
        browser.setHtml("".join(html))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(560, 620)
