"""The settings registry: unknown keys fail, the environment wins, secrets stay out, all documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from hayaoshi.config.settings import ACCOUNT_SETTINGS, SETTINGS, load_config
from hayaoshi.errors import ConfigError

pytestmark = pytest.mark.unit
README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text("utf-8")
    missing = [s.name for s in (*SETTINGS, *ACCOUNT_SETTINGS) if f"`{s.name}`" not in text]
    assert not missing, f"README does not document: {missing}"


def test_unknown_key_is_refused_naming_the_known_ones(tmp_path):
    path = tmp_path / "hayaoshi.toml"
    path.write_text('[database]\nurl = "sqlite://"\nuser = "x"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"unknown setting 'database\.user'.*database\.url"):
        load_config(path, {})


def test_environment_overrides_the_file(tmp_path):
    path = tmp_path / "hayaoshi.toml"
    path.write_text("[matching]\nmargin = 30000\n", "utf-8")
    config = load_config(path, {"HAYAOSHI_MATCHING_MARGIN": "70000"})
    assert config["matching.margin"] == 70000


def test_a_password_in_the_file_is_refused(tmp_path):
    path = tmp_path / "hayaoshi.toml"
    path.write_text('[[accounts]]\nname = "s"\nhost = "h"\nusername = "u"\npassword = "secret"\n', "utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path, {})
    assert "secret" not in str(err.value)


def test_wrong_type_is_refused(tmp_path):
    path = tmp_path / "hayaoshi.toml"
    path.write_text('[matching]\nmargin = "a lot"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"matching\.margin"):
        load_config(path, {})
