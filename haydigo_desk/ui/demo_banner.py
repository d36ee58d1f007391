"""The amber banner shown in demo mode: what the demo is and how to connect a real account."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

SETTINGS_SHORTCUT = "Ctrl+,"


class DemoBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.setObjectName("demoBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.title_label = QLabel(self.tr("DEMO"))
        self.title_label.setStyleSheet("font-size: 14pt; letter-spacing: 2px;")
        self.text_label = QLabel(self.tr(
            "This is the demo: orders and offers come from a simulated bol.com, nothing is "
            "sent to the real bol.com. To connect your real account, open Settings → Accounts "
            "(%1).").replace("%1", SETTINGS_SHORTCUT))
        self.text_label.setWordWrap(True)
        self.progress_label = QLabel()  # the demo's preparation, while it runs
        self.progress_label.setObjectName("demoProgress")
        self.progress_label.hide()
        text = QVBoxLayout()
        text.addWidget(self.text_label)
        text.addWidget(self.progress_label)
        layout.addWidget(self.title_label)
        layout.addSpacing(12)
        layout.addLayout(text, 1)

    def show_progress(self, text: str) -> None:
        """Empty text: the demo is ready."""
        self.progress_label.setText(text)
        self.progress_label.setVisible(bool(text))
