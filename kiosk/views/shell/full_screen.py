"""Keeping the kiosk's window over the whole screen, with or without a window manager.

``QWidget.showFullScreen`` only asks the window manager for the full-screen state (on X11,
``_NET_WM_STATE_FULLSCREEN``). A terminal often has no window manager at all (a bare X
server started by a unit file), and then nobody answers: the window keeps its default size
in the top-left corner, with the rest of the screen black and the labels cut off. Under a
Wayland kiosk compositor such as cage the compositor sizes the window itself.

:class:`ScreenCover` therefore does both: it asks for the full-screen state, and it sets the
window's geometry to the screen's, again whenever the screen changes its size (a rotation
or a new resolution through RandR) or the window moves to another screen. Where a
compositor decides, it overrides our geometry with the same rectangle, so nothing fights.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRect, Qt, Slot
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

_log = logging.getLogger(__name__)


class ScreenCover(QObject):
    """Shows ``window`` full screen and keeps it covering the screen it is on.

    Call :meth:`show` once, instead of ``window.showFullScreen()``. It emits no signals.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._screen: QScreen | None = None

    def show(self) -> None:
        """Show the window over its whole screen, and follow that screen from now on."""
        # No title bar or border where a window manager would draw one: nothing to drag.
        self._window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screen = self._window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self._window.setGeometry(screen.geometry())
        self._window.showFullScreen()
        handle = self._window.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._follow)
        self._follow(self._window.screen() or screen)

    def covered(self) -> QRect:
        """The rectangle the window should cover now (empty without a screen)."""
        return self._screen.geometry() if self._screen is not None else QRect()

    @Slot(QScreen)
    def _follow(self, screen: QScreen | None) -> None:
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self._cover)
        self._screen = screen
        if screen is None:
            return
        screen.geometryChanged.connect(self._cover)
        self._cover(screen.geometry())

    @Slot(QRect)
    def _cover(self, geometry: QRect) -> None:
        if self._window.geometry() != geometry:
            _log.info("Covering the screen: %dx%d", geometry.width(), geometry.height())
            self._window.setGeometry(geometry)
        if not self._window.isFullScreen():
            self._window.showFullScreen()
