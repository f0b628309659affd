"""Configuration: defaults, the TOML file and KIOSK_* environment variables."""

from datetime import date
from pathlib import Path

import pytest

from kiosk.config import DEMO_ID_HASH_KEY, ConfigError, load_config
from kiosk.domain.address_codes import DEMO_ADDRESS_CODE, gb2260
from kiosk.domain.idnumber import IdNumberError, IdProblem, make_id_number, parse_id_number


def test_defaults_run_the_demo(tmp_path: Path) -> None:
    """With no file and no variables the built-in defaults give a usable demo set-up."""
    config = load_config(None, environ={"XDG_DATA_HOME": str(tmp_path)})
    assert config.ui.language == "zh_CN"
    assert config.store.path == tmp_path / "citizen-kiosk" / "kiosk.sqlite3"
    assert config.security.uses_demo_key
    assert config.security.id_hash_key() == DEMO_ID_HASH_KEY
    assert config.ui.idle_timeout_s == 90


def test_file_then_environment_override(tmp_path: Path) -> None:
    """A TOML file overrides the defaults and an environment variable overrides the file."""
    path = tmp_path / "kiosk.toml"
    path.write_text('[ui]\nlanguage = "en"\nidle_timeout_s = 30\n[store]\npath = "/x/k.db"\n')
    config = load_config(
        path, environ={"KIOSK_UI_IDLE_TIMEOUT_S": "5", "KIOSK_UI_FULLSCREEN": "yes"}
    )
    assert config.ui.language == "en"
    assert config.ui.idle_timeout_s == 5.0
    assert config.ui.fullscreen is True
    assert config.store.path == Path("/x/k.db")
    assert config.source == path


def test_kiosk_config_variable_names_the_file(tmp_path: Path) -> None:
    """KIOSK_CONFIG points at the file when no path is given."""
    path = tmp_path / "k.toml"
    path.write_text('[terminal]\ncode = "LL-0007"\n')
    assert load_config(None, environ={"KIOSK_CONFIG": str(path)}).terminal.code == "LL-0007"


@pytest.mark.parametrize(
    ("text", "environ", "fragment"),
    [
        ("[ui]\nlanguge = 'en'\n", {}, "unknown key ui.languge"),
        ("[nope]\nx = 1\n", {}, "unknown section [nope]"),
        ("[ui]\nidle_timeout_s = 'soon'\n", {}, "ui.idle_timeout_s must be a number"),
        ("[ui]\nlanguage = 'fr'\n", {}, "ui.language must be one of"),
        ("", {"KIOSK_UI_FULLSCREEN": "maybe"}, "KIOSK_UI_FULLSCREEN: expected true or false"),
        ("", {"KIOSK_CENTRAL_TIMEOUT_S": "x"}, "KIOSK_CENTRAL_TIMEOUT_S: expected a number"),
        ("[central]\nurl = 'ftp://x'\n", {}, "central.url must start with"),
        ("not toml [", {}, "not valid TOML"),
    ],
)
def test_bad_configuration_names_the_key(
    tmp_path: Path, text: str, environ: dict[str, str], fragment: str
) -> None:
    """Each kind of mistake is refused with a message naming the key."""
    path = tmp_path / "kiosk.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path, environ=environ)
    assert fragment in str(info.value)


def test_short_key_file_is_refused_without_showing_it(tmp_path: Path) -> None:
    """A key file shorter than 32 bytes is refused, and the message does not contain it."""
    key_file = tmp_path / "key"
    key_file.write_bytes(b"tooshort-secret")
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[security]\nid_hash_key_file = "{key_file}"\n')
    config = load_config(path, environ={})
    assert not config.security.uses_demo_key
    with pytest.raises(ConfigError) as info:
        config.security.id_hash_key()
    assert "tooshort" not in str(info.value)


def test_only_the_demo_key_accepts_the_demo_story_code(tmp_path: Path) -> None:
    """The demo's unissued code 529999 is accepted on the demo key and refused on a real one."""
    story = make_id_number(DEMO_ADDRESS_CODE, date(1962, 5, 8), 131)
    demo = load_config(None, environ={"XDG_DATA_HOME": str(tmp_path)})
    assert parse_id_number(story, addresses=demo.security.id_address_codes()).reveal() == story
    key_file = tmp_path / "key"
    key_file.write_bytes(b"k" * 48)
    real = load_config(None, environ={"KIOSK_SECURITY_ID_HASH_KEY_FILE": str(key_file)})
    assert not real.security.uses_demo_key
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(story, addresses=real.security.id_address_codes())
    assert caught.value.problem is IdProblem.REGION
    assert real.security.id_address_codes() == gb2260()
