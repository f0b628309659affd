"""What happens to an exception nobody caught: it goes to the log, never to the screen."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal

_log = logging.getLogger("kiosk.crash")


class CrashHandler(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook`` for the whole process.

    An uncaught exception, in the UI thread (PySide6 hands exceptions raised in slots and
    event handlers to ``sys.excepthook``) or in a worker thread, is logged with its trace
    and then announced with ``crashed``. The main window answers that by showing its
    friendly error screen, so a resident never sees a stack trace.

    Signals:
        crashed(): an uncaught exception was logged. Emitted from whichever thread raised;
            connect it with a queued connection to reach the UI thread.
    """

    crashed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous_sys_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._installed = False

    def install(self) -> None:
        """Take over both hooks, remembering the ones that were there before."""
        if self._installed:
            return
        self._previous_sys_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook
        self._installed = True

    def uninstall(self) -> None:
        """Put back the hooks found by :meth:`install`."""
        if not self._installed:
            return
        sys.excepthook = self._previous_sys_hook
        threading.excepthook = self._previous_thread_hook
        self._installed = False

    def _sys_hook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            # Ctrl-C outside the Qt loop: let Python end the process as usual.
            self._previous_sys_hook(exc_type, exc, tb)
            return
        _log.critical("Uncaught exception", exc_info=(exc_type, exc, tb))
        self._announce()

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return  # a thread that ended itself with sys.exit() did not fail
        name = args.thread.name if args.thread is not None else "unknown"
        _log.critical(
            "Uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        self._announce()

    def _announce(self) -> None:
        try:
            self.crashed.emit()
        except Exception:
            # The hook must never raise: that would end in Python's default hook, which
            # prints to stderr only and loses the first exception's context in the log.
            _log.exception("Could not announce the uncaught exception to the UI")
