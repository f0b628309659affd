"""Layered configuration, shared by the kiosk and the central server (so it lives in the
domain, the one part the two share; it reads only the files it is given).

Each program reads, in this order, each layer overriding the one before:

1. its package's built-in ``default.toml``, which names every section and key there is and,
   by its value, the key's type: true/false, a whole number, a number, or a string;
2. one TOML file: the path given on the command line, else the one an environment variable
   names, else a system file if it exists;
3. one environment variable per key, ``<PREFIX><SECTION>_<KEY>`` in upper case.

What comes after (the kiosk's checks of its values, the central server's flags) is each
program's own: see ``kiosk/config.py`` and ``central/config.py``.

A section or key the defaults do not have, a value of the wrong type, and a variable that
does not read as its key's type are refused, naming the file and key or the variable. A
refused value is quoted only when its key is true/false or a number, never a string: a
string may be a database URL with its password in it.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

#: Values of a true/false key in an environment variable, in any case.
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")

#: What each TOML value type is called in a message.
_TOML_NAMES: dict[type, str] = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "a table",
}


class LayeredConfigError(Exception):
    """The configuration cannot be used; the message names the file, key or variable."""


@dataclass(frozen=True)
class Layers:
    """Where one program's configuration comes from, and how its errors are raised."""

    #: The package holding ``default.toml``.
    package: str
    #: Start of every override variable's name, e.g. ``KIOSK_``.
    env_prefix: str
    #: The environment variable that may name the file, e.g. ``KIOSK_CONFIG``.
    path_variable: str
    #: What the file is called in messages: "configuration" or "settings".
    noun: str
    #: Raised for every refusal: a subclass, so each program catches its own.
    error: type[LayeredConfigError] = LayeredConfigError
    #: Read every number key as a fractional number even where its default is whole.
    numbers_as_float: bool = False

    def variable(self, section: str, key: str) -> str:
        """The environment variable that overrides ``section.key``."""
        return f"{self.env_prefix}{section.upper()}_{key.upper()}"

    def defaults(self) -> dict[str, dict[str, Any]]:
        """A fresh copy of the built-in defaults."""
        text = resources.files(self.package).joinpath("default.toml").read_text(encoding="utf-8")
        values = tomllib.loads(text)
        for section, keys in values.items():
            for key, value in keys.items():
                _kind(value, f"{self.package}/default.toml: {section}.{key}")
        return values

    def find_file(
        self, path: Path | None, environ: Mapping[str, str], system_path: Path
    ) -> Path | None:
        """The file to read: ``path``, else the path variable's, else ``system_path`` if it
        exists, else none."""
        if path is not None:
            return path
        if environ.get(self.path_variable):
            return Path(environ[self.path_variable])
        return system_path if system_path.exists() else None

    def read_file(self, path: Path) -> dict[str, Any]:
        """The tables of one TOML file."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise self.error(
                f"cannot read {self.noun} file {path}: {exc.strerror or type(exc).__name__}"
            ) from None
        try:
            return tomllib.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise self.error(f"{path}: not valid TOML (not UTF-8 text)") from None
        except tomllib.TOMLDecodeError as exc:
            raise self.error(f"{path}: not valid TOML ({exc})") from None

    def read(
        self, path: Path | None, environ: Mapping[str, str], system_path: Path
    ) -> LayeredValues:
        """Defaults, then the file :meth:`find_file` picks, then the environment."""
        source = self.find_file(path, environ, system_path)
        values = self.defaults()
        if source is not None:
            self._apply_file(values, self.read_file(source), str(source))
        self._apply_environment(values, environ)
        return LayeredValues(values=values, source=source)

    def _apply_file(
        self, values: dict[str, dict[str, Any]], tables: Mapping[str, Any], where: str
    ) -> None:
        for section, table in tables.items():
            if section not in values:
                raise self.error(f"{where}: unknown section [{section}]")
            if not isinstance(table, dict):
                raise self.error(f"{where}: {section} must be a table [{section}]")
            for key, value in table.items():
                if key not in values[section]:
                    raise self.error(f"{where}: unknown key {section}.{key}")
                values[section][key] = self._from_file(
                    f"{where}: {section}.{key}", value, values[section][key]
                )

    def _from_file(self, name: str, value: Any, like: Any) -> Any:
        kind = self._kind(like, name)
        if kind is float and type(value) in (int, float):
            if not math.isfinite(value):
                raise self.error(f"{name} must be a finite number")
            return float(value)
        if type(value) is not kind:
            got = _TOML_NAMES.get(type(value), "a date or time")
            raise self.error(f"{name} must be {_TOML_NAMES[kind]}, got {got}")
        return value

    def _apply_environment(
        self, values: dict[str, dict[str, Any]], environ: Mapping[str, str]
    ) -> None:
        for section, keys in values.items():
            for key, like in keys.items():
                name = self.variable(section, key)
                if name in environ:
                    keys[key] = self._from_text(name, environ[name], like)

    def _from_text(self, name: str, raw: str, like: Any) -> Any:
        kind = self._kind(like, name)
        if kind is bool:
            word = raw.strip().lower()
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
            raise self.error(f"{name}: expected true or false, got {raw!r}")
        if kind is int:
            try:
                return int(raw)
            except ValueError:
                raise self.error(f"{name}: expected a whole number, got {raw!r}") from None
        if kind is float:
            try:
                number = float(raw)
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                raise self.error(f"{name}: expected a number, got {raw!r}")
            return number
        return raw

    def _kind(self, like: Any, name: str) -> type:
        kind = _kind(like, name)
        return float if kind is int and self.numbers_as_float else kind


@dataclass(frozen=True)
class LayeredValues:
    """Every key's value after the three layers, by section, and the file that was read."""

    values: dict[str, dict[str, Any]]
    source: Path | None


def _kind(default: Any, name: str) -> type:
    """The type of a key, from its default: bool, int, float or str."""
    kind = type(default)
    if kind not in (bool, int, float, str):
        # The defaults are part of the program: this is a bug in them, not a user's mistake.
        raise TypeError(f"{name}: a default must be true/false, a number or a string")
    return kind
