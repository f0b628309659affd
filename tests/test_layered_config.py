"""The layered configuration loader the kiosk and the central server share."""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from central.config import LAYERS as CENTRAL_LAYERS
from central.config import SettingsError, load_settings
from kiosk.config import LAYERS as KIOSK_LAYERS
from kiosk.config import ConfigError, load_config
from kiosk.domain.layered_config import LayeredConfigError, Layers

SAMPLE_DEFAULTS = """\
[box]
enabled = false
count = 3
ratio = 0.5
name = "demo"
"""

BOTH = pytest.mark.parametrize("layers", [KIOSK_LAYERS, CENTRAL_LAYERS], ids=["kiosk", "central"])


class SampleError(LayeredConfigError):
    """The error class a sample program chooses."""


@pytest.fixture(scope="module")
def sample_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A package of its own with one default.toml holding a key of each type."""
    root = tmp_path_factory.mktemp("packages")
    package = root / "layers_sample"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "default.toml").write_text(SAMPLE_DEFAULTS)
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(root))
        yield "layers_sample"
        sys.modules.pop("layers_sample", None)


@pytest.fixture
def sample(sample_package: str) -> Layers:
    return Layers(
        package=sample_package,
        env_prefix="SAMPLE_",
        path_variable="SAMPLE_CONFIG",
        noun="sample settings",
        error=SampleError,
    )


def _read(layers: Layers, tmp_path: Path, text: str, environ: dict[str, str]) -> Any:
    path = tmp_path / "file.toml"
    path.write_text(text, encoding="utf-8")
    return layers.read(path, environ, tmp_path / "no-system.toml").values


def test_each_layer_overrides_the_one_before(sample: Layers, tmp_path: Path) -> None:
    """Defaults, then the file, then the environment, key by key."""
    text = "[box]\ncount = 7\nname = 'from file'\n"
    box = _read(sample, tmp_path, text, {"SAMPLE_BOX_NAME": "from env"})["box"]
    assert box == {"enabled": False, "count": 7, "ratio": 0.5, "name": "from env"}


def test_the_file_is_the_given_one_else_the_variable_else_the_system_file(
    sample: Layers, tmp_path: Path
) -> None:
    """An explicit path wins over the variable, the variable over the system file, and a
    missing system file means no file at all."""
    given, named, system = (tmp_path / n for n in ("given.toml", "named.toml", "system.toml"))
    environ = {"SAMPLE_CONFIG": str(named)}
    assert sample.find_file(given, environ, system) == given
    assert sample.find_file(None, environ, system) == named
    assert sample.find_file(None, {"SAMPLE_CONFIG": ""}, system) is None
    system.write_text("[box]\ncount = 9\n")
    assert sample.find_file(None, {}, system) == system
    read = sample.read(None, {}, system)
    assert read.source == system and read.values["box"]["count"] == 9
    assert sample.read(None, {}, tmp_path / "absent.toml").source is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[nope]\nx = 1\n", "file.toml: unknown section [nope]"),
        ("box = 1\n", "file.toml: box must be a table [box]"),
        ("[box]\ncolour = 'red'\n", "file.toml: unknown key box.colour"),
        ("[box]\nenabled = 'yes'\n", "box.enabled must be true or false, got a string"),
        ("[box]\ncount = 2.5\n", "box.count must be a whole number, got a number"),
        ("[box]\ncount = true\n", "box.count must be a whole number, got true or false"),
        ("[box]\nratio = 'half'\n", "box.ratio must be a number, got a string"),
        ("[box]\nratio = nan\n", "box.ratio must be a finite number"),
        ("[box]\nname = 3\n", "box.name must be a string, got a whole number"),
        ("[box]\nname = [1]\n", "box.name must be a string, got an array"),
        ("[box]\nname = 1979-05-27\n", "box.name must be a string, got a date or time"),
        ("[box\n", "file.toml: not valid TOML ("),
    ],
)
def test_a_bad_file_is_refused_naming_the_key(
    sample: Layers, tmp_path: Path, text: str, message: str
) -> None:
    """Unknown sections and keys, wrong types and broken TOML each raise the chosen error,
    naming the file and the key."""
    with pytest.raises(SampleError) as info:
        _read(sample, tmp_path, text, {})
    assert message in str(info.value)


def test_a_whole_number_in_the_file_reads_as_a_fraction_where_one_is_expected(
    sample: Layers, tmp_path: Path
) -> None:
    """A number key takes a whole number too, and keeps its type."""
    ratio = _read(sample, tmp_path, "[box]\nratio = 2\n", {})["box"]["ratio"]
    assert ratio == 2.0 and isinstance(ratio, float)


def test_an_unreadable_or_undecodable_file_is_refused(sample: Layers, tmp_path: Path) -> None:
    """A missing file and one that is not UTF-8 are each named, not a traceback."""
    missing = tmp_path / "missing.toml"
    with pytest.raises(SampleError, match=r"cannot read sample settings file .*missing\.toml"):
        sample.read(missing, {}, tmp_path / "none.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes("[box]\nname = 'Genève'\n".encode("latin-1"))
    with pytest.raises(SampleError, match=r"latin.toml: not valid TOML \(not UTF-8 text\)"):
        sample.read(latin, {}, tmp_path / "none.toml")


@pytest.mark.parametrize(
    ("name", "raw", "value"),
    [
        ("SAMPLE_BOX_ENABLED", "yes", True),
        ("SAMPLE_BOX_ENABLED", " ON ", True),
        ("SAMPLE_BOX_ENABLED", "1", True),
        ("SAMPLE_BOX_ENABLED", "False", False),
        ("SAMPLE_BOX_ENABLED", "off", False),
        ("SAMPLE_BOX_COUNT", "12", 12),
        ("SAMPLE_BOX_RATIO", "0.25", 0.25),
        ("SAMPLE_BOX_RATIO", "4", 4.0),
        ("SAMPLE_BOX_NAME", " spaced ", " spaced "),
    ],
)
def test_a_variable_is_read_as_its_keys_type(
    sample: Layers, tmp_path: Path, name: str, raw: str, value: object
) -> None:
    """true/false words, whole numbers, numbers and strings, by the default's type."""
    key = name.removeprefix("SAMPLE_BOX_").lower()
    read = _read(sample, tmp_path, "", {name: raw})["box"][key]
    assert read == value and type(read) is type(value)


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("SAMPLE_BOX_ENABLED", "maybe", "SAMPLE_BOX_ENABLED: expected true or false, got 'maybe'"),
        ("SAMPLE_BOX_COUNT", "2.5", "SAMPLE_BOX_COUNT: expected a whole number, got '2.5'"),
        ("SAMPLE_BOX_RATIO", "half", "SAMPLE_BOX_RATIO: expected a number, got 'half'"),
        ("SAMPLE_BOX_RATIO", "inf", "SAMPLE_BOX_RATIO: expected a number, got 'inf'"),
        ("SAMPLE_BOX_RATIO", "nan", "SAMPLE_BOX_RATIO: expected a number, got 'nan'"),
    ],
)
def test_a_bad_variable_is_refused_naming_it(
    sample: Layers, tmp_path: Path, name: str, raw: str, message: str
) -> None:
    """A variable that does not read as its key's type is named in the error."""
    with pytest.raises(SampleError) as info:
        _read(sample, tmp_path, "", {name: raw})
    assert str(info.value) == message


def test_a_string_value_is_never_quoted(sample: Layers, tmp_path: Path) -> None:
    """A string put where a number belongs may be a password: the error names the key only."""
    secret = "postgresql://kiosk:hunter2@db"
    with pytest.raises(SampleError) as info:
        _read(sample, tmp_path, f"[box]\ncount = '{secret}'\n", {})
    assert "box.count" in str(info.value) and "hunter2" not in str(info.value)
    with pytest.raises(SampleError) as info:
        _read(sample, tmp_path, f"[box]\nname = '{secret}\n", {})
    assert "not valid TOML" in str(info.value) and "hunter2" not in str(info.value)


def test_numbers_as_float_lets_a_whole_default_take_a_fraction(
    sample: Layers, tmp_path: Path
) -> None:
    """With numbers_as_float a key whose default is whole takes fractions from the file and
    the environment (the kiosk's seconds); without it, it does not."""
    seconds = dataclasses.replace(sample, numbers_as_float=True)
    assert _read(seconds, tmp_path, "[box]\ncount = 0.5\n", {})["box"]["count"] == 0.5
    count = _read(seconds, tmp_path, "", {"SAMPLE_BOX_COUNT": "1.5"})["box"]["count"]
    assert count == 1.5
    whole = _read(seconds, tmp_path, "", {"SAMPLE_BOX_COUNT": "2"})["box"]["count"]
    assert whole == 2.0 and isinstance(whole, float)
    with pytest.raises(SampleError, match="whole number"):
        _read(sample, tmp_path, "[box]\ncount = 0.5\n", {})


def test_a_default_of_another_type_is_a_bug_in_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An array in default.toml stops every read, naming the key."""
    package = tmp_path / "layers_bad_defaults"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "default.toml").write_text("[box]\nitems = [1, 2]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "layers_bad_defaults", raising=False)
    layers = Layers(package="layers_bad_defaults", env_prefix="B_", path_variable="B", noun="x")
    with pytest.raises(TypeError, match=r"box\.items"):
        layers.read(None, {}, tmp_path / "none.toml")


@BOTH
def test_every_default_key_can_be_set_from_the_environment(layers: Layers, tmp_path: Path) -> None:
    """The kiosk's and the server's defaults hold only types a variable can give, and each
    key's variable overrides it."""
    defaults = layers.defaults()
    samples = {bool: ("true", True), int: ("4242", 4242), float: ("0.75", 0.75)}
    environ: dict[str, str] = {}
    expected: dict[str, dict[str, Any]] = {}
    for section, keys in defaults.items():
        for key, like in keys.items():
            kind = float if layers.numbers_as_float and type(like) is int else type(like)
            raw, value = samples.get(kind, ("set from the environment", "set from the environment"))
            environ[layers.variable(section, key)] = raw
            expected.setdefault(section, {})[key] = value
    assert layers.read(None, environ, tmp_path / "none.toml").values == expected


@BOTH
def test_the_same_rules_hold_for_the_kiosk_and_the_server(layers: Layers, tmp_path: Path) -> None:
    """Unknown keys, wrong types and bad variables are refused alike, with each program's own
    error class, which both derive from the loader's."""
    defaults = layers.defaults()
    section = next(iter(defaults))
    number_section, number_key = next(
        (s, k) for s, keys in defaults.items() for k, v in keys.items() if type(v) is int
    )
    path = tmp_path / "f.toml"
    error = ConfigError if layers is KIOSK_LAYERS else SettingsError
    assert issubclass(error, LayeredConfigError) and layers.error is error

    path.write_text(f"[{section}]\nno_such_key = 1\n")
    with pytest.raises(error, match=re.escape(f"unknown key {section}.no_such_key")):
        layers.read(path, {}, tmp_path / "none.toml")
    path.write_text(f"[{number_section}]\n{number_key} = 'many'\n")
    with pytest.raises(error, match=re.escape(f"{number_section}.{number_key} must be a")):
        layers.read(path, {}, tmp_path / "none.toml")
    name = layers.variable(number_section, number_key)
    assert name == f"{layers.env_prefix}{number_section.upper()}_{number_key.upper()}"
    with pytest.raises(error, match=re.escape(f"{name}: expected a")):
        layers.read(None, {name: "many"}, tmp_path / "none.toml")


def test_the_programs_catch_their_own_errors(tmp_path: Path) -> None:
    """load_config raises ConfigError and load_settings SettingsError for the same mistake,
    so existing handlers keep catching them."""
    path = tmp_path / "bad.toml"
    path.write_text("[nope]\n")
    with pytest.raises(ConfigError, match=r"unknown section \[nope\]"):
        load_config(path, environ={})
    with pytest.raises(SettingsError, match=r"unknown section \[nope\]"):
        load_settings(path, {})
