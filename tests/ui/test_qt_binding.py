"""The Qt binding itself must not corrupt the interpreter: PySide6 6.12.0 on CPython 3.11
released a reference to None on every void Qt call, and a long GUI session then aborted
("none_dealloc"). pyproject keeps PySide6 below that release; this test catches any binding
that does it again."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_keep_reference_counts(qapp) -> None:
    label = QLabel()
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(1000):
        label.setText("告警")
        label.setVisible(True)
        label.update()
    # a few references may come and go with the interpreter's own work; a leak is ~1000
    assert abs(sys.getrefcount(None) - before_none) < 50
    assert abs(sys.getrefcount(True) - before_true) < 50
