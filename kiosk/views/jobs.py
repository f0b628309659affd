"""Background work for screens: run a callable on a worker thread, answer on the UI thread.

A screen owns one :class:`Jobs`; each piece of slow work (a request to the central server,
a print) is written as::

    self.jobs.op(lambda: check_status(...)).success(self._show).failure(self._refused).run()

The callable runs on a ``QThreadPool`` thread and must not touch a widget. Its result, or the
exception it raised, comes back through a queued signal, so ``success`` and ``failure`` run
on the UI thread and may change widgets. :meth:`Jobs.forget` (a screen calls it from
``clear``) drops the answers of every job started before it, so nothing a resident asked for
appears after their session has ended.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_log = logging.getLogger(__name__)

T = TypeVar("T")


class _Answer:
    """What a worker hands back: which job, and its result or its exception."""

    __slots__ = ("error", "job_id", "value")

    def __init__(self, job_id: int, value: object, error: BaseException | None) -> None:
        self.job_id = job_id
        self.value = value
        self.error = error


class _Courier(QObject):
    """Carries one answer from a worker thread to the UI thread (made on the UI thread).

    Signals:
        answered(object): an :class:`_Answer`.
    """

    answered = Signal(object)


class _Runnable(QRunnable):
    """Runs the work on a pool thread and hands its outcome to the courier."""

    def __init__(self, job_id: int, work: Callable[[], object], courier: _Courier) -> None:
        super().__init__()
        self._job_id = job_id
        self._work = work
        self._courier = courier

    def run(self) -> None:
        try:
            answer = _Answer(self._job_id, self._work(), None)
        except Exception as error:  # handed to the UI thread: never lost, never shown raw
            answer = _Answer(self._job_id, None, error)
        # The courier is unparented and held here, so it outlives its screen; if the
        # screen is gone, Qt has dropped the connection and the answer goes nowhere.
        self._courier.answered.emit(answer)


class Op(Generic[T]):
    """One piece of work with what to do on success and on failure; start it with :meth:`run`.

    ``success`` gets the callable's return value, ``failure`` the exception it raised; both
    run on the UI thread. Without ``failure`` the exception is logged and nothing is shown.
    """

    def __init__(self, jobs: Jobs, work: Callable[[], T]) -> None:
        self._jobs = jobs
        self._work = work
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def run(self) -> int:
        """Start the work on a worker thread; the job's number."""
        return self._jobs._start(self)

    def _deliver(self, answer: _Answer) -> None:
        if answer.error is None:
            if self._on_success is not None:
                self._on_success(cast(T, answer.value))
            return
        error = answer.error
        if self._on_failure is not None and isinstance(error, Exception):
            self._on_failure(error)
        else:
            _log.error("A background job failed", exc_info=error)


class Jobs(QObject):
    """The background jobs of one screen, run on a thread pool, answered on the UI thread.

    Give it the screen as parent: if the screen is deleted, answers still on their way are
    dropped by Qt. :meth:`forget` drops them on purpose (session ended).

    Signals:
        settled(int): the job of this number is over on the UI thread: its answer was
            delivered or dropped. Tests wait for it instead of sleeping.
    """

    settled = Signal(int)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._numbers = itertools.count(1)
        #: Jobs started and not yet settled, with their courier (kept alive until then).
        self._running: dict[int, tuple[Op[Any], _Courier]] = {}
        #: Jobs whose answers are to be dropped.
        self._forgotten: set[int] = set()

    def op(self, work: Callable[[], T]) -> Op[T]:
        """A job for ``work``, to be given its callbacks and then started with ``run()``."""
        return Op(self, work)

    def busy(self) -> bool:
        """Whether a job was started and has not settled yet (forgotten ones included)."""
        return bool(self._running)

    def forget(self) -> None:
        """Drop the answers of every job started so far (their work still runs to its end)."""
        self._forgotten.update(self._running)

    def _start(self, op: Op[T]) -> int:
        number = next(self._numbers)
        courier = _Courier()
        courier.answered.connect(self._on_answered)
        self._running[number] = (op, courier)
        self._pool.start(_Runnable(number, op._work, courier))
        return number

    @Slot(object)
    def _on_answered(self, answer: _Answer) -> None:
        op, _courier = self._running.pop(answer.job_id, (None, None))
        dropped = answer.job_id in self._forgotten
        self._forgotten.discard(answer.job_id)
        try:
            if op is not None and not dropped:
                op._deliver(answer)
        finally:
            self.settled.emit(answer.job_id)
