"""Steps of a screen in one place, one shown at a time, sized by the step on show."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget


class StepStack(QStackedWidget):
    """A stacked widget whose size is that of the step on show, not of its largest step.

    A plain QStackedWidget is as large as its largest page, so a low screen would be pushed
    past its edge by a step it does not show (a number pad, a keyboard). :meth:`show_step`
    lets only the step shown ask for room: the others are given an ignored size policy.
    No signals of its own (those of QStackedWidget).
    """

    def __init__(self, steps: Iterable[QWidget] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for step in steps:
            self.addWidget(step)

    def steps(self) -> list[QWidget]:
        """Every step, in the order they were added."""
        found = (self.widget(index) for index in range(self.count()))
        return [step for step in found if step is not None]

    def show_step(self, shown: QWidget) -> None:
        """Show ``shown``; only it sets the stack's size from now on."""
        for step in self.steps():
            policy = QSizePolicy.Policy.Preferred if step is shown else QSizePolicy.Policy.Ignored
            step.setSizePolicy(policy, policy)
        self.setCurrentWidget(shown)
        self.updateGeometry()

    def current_step(self) -> QWidget:
        """The step on show (a stack with steps always shows one)."""
        step = self.currentWidget()
        assert step is not None, "a StepStack shows a step once it has one"
        return step
