"""Translations: the .ts covers every text, all of it is translated, and the .qm is current."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.views.i18n import Translations, qm_path

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "kiosk_zh_CN.ts"
QM_FILE = qm_path("zh_CN")


def pyside_tool(name: str) -> str:
    """A Qt tool shipped in the PySide6 wheel, next to the interpreter or on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (it comes with the PySide6 wheel)")
    return found


def messages(ts_file: Path) -> Iterator[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            yield name, message.findtext("source", ""), translation


def test_every_message_is_translated() -> None:
    """No message of kiosk_zh_CN.ts is unfinished, empty or obsolete."""
    found = list(messages(TS_FILE))
    assert found
    for context, source, translation in found:
        assert translation.get("type") is None, (
            f"{context}: {source!r} is {translation.get('type')}"
        )
        assert (translation.text or "").strip(), f"{context}: {source!r} has no translation"


def test_committed_qm_is_built_from_the_committed_ts(tmp_path: Path) -> None:
    """kiosk_zh_CN.qm is exactly what lrelease makes of kiosk_zh_CN.ts (it is not stale)."""
    rebuilt = tmp_path / "kiosk_zh_CN.qm"
    subprocess.run(
        [pyside_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(rebuilt)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert rebuilt.read_bytes() == QM_FILE.read_bytes(), "run scripts/update-translations"


def test_the_ts_holds_every_text_of_the_views(tmp_path: Path) -> None:
    """lupdate finds no text in kiosk/views that the .ts lacks (nothing left untranslated)."""
    copy = tmp_path / TS_FILE.name
    shutil.copyfile(TS_FILE, copy)
    sources = sorted(str(path) for path in (ROOT / "kiosk" / "views").rglob("*.py"))
    subprocess.run(
        [
            pyside_tool("pyside6-lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            *sources,
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    before = {(context, source) for context, source, _ in messages(TS_FILE)}
    after = {(context, source) for context, source, _ in messages(copy)}
    assert after - before == set(), "new texts: run scripts/update-translations and translate"
    assert before - after == set(), "texts gone from the code: run scripts/update-translations"


def test_a_missing_translation_falls_back_to_english(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Without its .qm the UI starts in English (the source texts) and says so in the log."""
    translations = Translations(qapp, directory=tmp_path)
    with caplog.at_level(logging.WARNING, logger="kiosk.views.i18n"):
        assert translations.set_language("zh_CN") is False
    assert translations.language == "en"
    assert "No translation for zh_CN" in caplog.text


def test_an_unknown_language_is_refused(qapp: QApplication) -> None:
    """Only the languages the configuration allows can be chosen."""
    with pytest.raises(ValueError, match="fr"):
        Translations(qapp).set_language("fr")


def test_one_thing_has_one_name_and_one_form() -> None:
    """Bulletins are 政策通知 everywhere, and every step label reads "第 1 步，共 3 步"."""
    import re

    step = re.compile(r"第 \S+ 步，共 \S+ 步")
    for context, source, translation in messages(TS_FILE):
        text = translation.text or ""
        assert "公告" not in text, f"{context}: {source!r} calls bulletins 公告"
        if source.startswith("Step "):
            assert step.fullmatch(text), f"{context}: {source!r} -> {text!r}"
