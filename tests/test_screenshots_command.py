"""``kiosk screenshots`` renders every screen offscreen."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

SCREENS = [
    "attract", "id-number", "initials", "home", "household", "certificate-preview", "ledger",
    "statement-preview", "dispute", "dispute-amount", "cadre", "loans", "projects",
    "bulletins", "still-there", "complaint-category", "complaint-words", "complaint-level",
    "complaint-implicated", "complaint-review", "confirm-end", "check-complaint",
]  # fmt: skip


def test_every_screen_is_saved_at_the_asked_size(
    tmp_path: Path, clean_environ: dict[str, str]
) -> None:
    """One language and orientation gives a PNG of each screen, at the portrait size."""
    out = tmp_path / "shots"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "screenshots", "--out", str(out),
         "--language", "en", "--orientation", "portrait"],
        env=clean_environ, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    files = sorted((out / "en-portrait").glob("*.png"))
    assert [f.stem.split("-", 1)[1] for f in files] == SCREENS
    for file in files:
        image = QImage(str(file))
        assert (image.width(), image.height()) == (1080, 1920), file.name
    assert f"{len(SCREENS)} screenshots" in done.stdout
