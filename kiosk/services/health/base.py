"""What every health check returns, and how checks run outside commands."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

CJK_FONT_PACKAGES = "fonts-noto-cjk fonts-wqy-microhei"
#: The font printed records prefer: TrueType outlines, which reportlab can embed.
PREFERRED_PRINT_FONT = "wqy-microhei.ttc"
RARE_FONT_PACKAGE = "fonts-hanazono"
RARE_FONT_FAMILIES = ("HanaMinA", "HanaMinB")
"""The faces printed records draw rare characters with (Extensions A and B: 䶮, 𠮷)."""


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class CheckResult:
    """What one check found; ``fix`` is empty when the status is ok."""

    name: str
    status: Status
    finding: str
    fix: str = ""
    #: Whether the kiosk cannot serve residents while this check is a problem.
    needed: bool = True

    @property
    def stops_kiosk(self) -> bool:
        return self.needed and self.status is Status.PROBLEM

    def as_dict(self) -> dict[str, str | bool]:
        return {
            "name": self.name,
            "status": self.status.value,
            "needed": self.needed,
            "finding": self.finding,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class CommandOutput:
    """What an outside command printed; ``returncode`` is None when it timed out."""

    returncode: int | None
    stdout: str
    stderr: str = ""


#: Runs an outside command; returns None when the program is not installed.
Runner = Callable[[Sequence[str]], CommandOutput | None]


def run_command(argv: Sequence[str], *, timeout_s: float = 10.0) -> CommandOutput | None:
    """Run ``argv`` in the C locale (so its messages can be parsed), never raising."""
    if shutil.which(argv[0]) is None:
        return None
    env = dict(os.environ, LC_ALL="C", LANG="C")
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return CommandOutput(None, "", f"no answer within {timeout_s:g} s")
    except OSError:
        return None
    return CommandOutput(done.returncode, done.stdout, done.stderr)


def stops_kiosk(results: Sequence[CheckResult]) -> bool:
    """True when a needed part is missing: ``kiosk doctor`` then exits with CHECK_FAILED."""
    return any(result.stops_kiosk for result in results)
