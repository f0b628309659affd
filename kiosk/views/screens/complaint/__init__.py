"""The complaint screen and its steps (see :mod:`.screen`)."""

from kiosk.views.screens.complaint.screen import ComplaintScreen

__all__ = ["ComplaintScreen"]
