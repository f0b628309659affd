"""Background jobs: work off the UI thread, answers on it, dropped after forget()."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QThread, QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.jobs import Jobs


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    """A pool of its own, emptied before the test ends."""
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    yield pool
    pool.waitForDone(5000)


@pytest.fixture
def jobs(qtbot: QtBot, pool: QThreadPool) -> Iterator[Jobs]:
    """Jobs owned by a widget, as a screen owns them."""
    owner = QWidget()
    qtbot.addWidget(owner)
    yield Jobs(owner, pool=pool)
    pool.waitForDone(5000)
    del owner


def test_work_runs_on_a_worker_and_success_on_the_ui_thread(qtbot: QtBot, jobs: Jobs) -> None:
    """The callable runs off the UI thread; success gets its value on the UI thread."""
    ui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_is_ui"] = QThread.currentThread() is ui_thread
        return 42

    def on_success(value: int) -> None:
        seen["value"] = value
        seen["success_is_ui"] = QThread.currentThread() is ui_thread

    with qtbot.waitSignal(jobs.settled, timeout=5000):
        jobs.op(work).success(on_success).run()
    assert seen == {"worker_is_ui": False, "value": 42, "success_is_ui": True}
    assert not jobs.busy()


def test_an_exception_goes_to_failure_not_success(qtbot: QtBot, jobs: Jobs) -> None:
    """What the work raises reaches failure on the UI thread; success is not called."""
    got: list[object] = []

    def work() -> int:
        raise LookupError("no such complaint")

    with qtbot.waitSignal(jobs.settled, timeout=5000):
        jobs.op(work).success(got.append).failure(got.append).run()
    assert len(got) == 1
    assert isinstance(got[0], LookupError)


def test_a_failure_without_a_handler_is_logged(
    qtbot: QtBot, jobs: Jobs, caplog: pytest.LogCaptureFixture
) -> None:
    """Without a failure handler the exception is logged, not raised into Qt."""

    def work() -> None:
        raise OSError("network down")

    with qtbot.waitSignal(jobs.settled, timeout=5000):
        jobs.op(work).run()
    assert "A background job failed" in caplog.text


def test_forget_drops_the_answer_of_a_job_still_running(qtbot: QtBot, jobs: Jobs) -> None:
    """A job answered after forget() (the session ended meanwhile) changes nothing."""
    release = threading.Event()
    got: list[object] = []

    def work() -> str:
        release.wait(5)
        return "the last resident's status"

    number = jobs.op(work).success(got.append).failure(got.append).run()
    assert jobs.busy()
    jobs.forget()
    with qtbot.waitSignal(jobs.settled, timeout=5000) as settled:
        release.set()
    assert settled.args == [number]
    assert got == []
    assert not jobs.busy()


def test_a_job_started_after_forget_is_delivered(qtbot: QtBot, jobs: Jobs) -> None:
    """forget() concerns earlier jobs only: the next resident's job is answered."""
    jobs.forget()
    got: list[str] = []
    with qtbot.waitSignal(jobs.settled, timeout=5000):
        jobs.op(lambda: "fresh").success(got.append).run()
    assert got == ["fresh"]


def test_an_answer_to_a_deleted_owner_is_dropped_quietly(qtbot: QtBot, pool: QThreadPool) -> None:
    """When the owning screen is gone before the work ends, nothing is called and nothing
    crashes."""
    owner = QWidget()
    jobs = Jobs(owner, pool=pool)
    release = threading.Event()
    got: list[object] = []

    def work() -> int:
        release.wait(5)
        return 1

    jobs.op(work).success(got.append).run()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(jobs))
    release.set()
    assert pool.waitForDone(5000)
    # A wrongly queued answer would be delivered by this.
    QCoreApplication.processEvents()
    assert got == []


def _alive(jobs: Jobs) -> bool:
    return bool(shiboken6.isValid(jobs))
