"""A bare PySide6 window: the start-up benchmark's baseline, frozen or not.

It reports, as one JSON line, the CLOCK_MONOTONIC seconds of its first paint
("shown") and the process's CPU seconds by then ("cpu") in the same shape as
``clerkdesk self-test --json``, then quits.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1366, 768)
    shown: list[float] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not shown:
                shown.append(time.monotonic())
                cpu = time.process_time()
                print(json.dumps({"shown": shown[0], "ready": shown[0], "cpu": cpu}), flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    paints = Paints()
    window.installEventFilter(paints)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
