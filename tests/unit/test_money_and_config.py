from decimal import Decimal

import pytest

from ordermgr.config import Settings, normalise_database_url
from ordermgr.errors import ConfigError, ValidationError
from ordermgr.models.money import Money, to_decimal
from ordermgr.models.orders import build_search_text


def test_money_is_decimal_and_refuses_mixed_currencies():
    assert Money.of("19.90", "cny") + Money.of(0.1, "CNY") == Money(Decimal("20.00"), "CNY")
    with pytest.raises(ValidationError, match="Cannot combine CNY and USD"):
        Money.of(1, "CNY") + Money.of(1, "USD")
    with pytest.raises(ValidationError, match="Unknown or unsupported currency 'XYZ'"):
        Money.of(1, "XYZ")


@pytest.mark.parametrize("raw", ["abc", "1.234", "NaN", None, "inf"])
def test_bad_amounts_are_refused(raw):
    with pytest.raises(ValidationError):
        to_decimal(raw)


def test_database_url_spellings():
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"
    with pytest.raises(ConfigError, match="Unsupported database URL"):
        normalise_database_url("mysql://u@h/db")


def test_option_beats_environment_beats_default(monkeypatch):
    monkeypatch.setenv("ORDERMGR_DATABASE_URL", "sqlite:///env.db")
    monkeypatch.setenv("ORDERMGR_USER", "envuser")
    assert Settings.resolve().database_url == "sqlite:///env.db"
    assert Settings.resolve("sqlite:///opt.db", "bob") == Settings("sqlite:///opt.db", "bob")
    monkeypatch.delenv("ORDERMGR_DATABASE_URL")
    assert Settings.resolve().database_url.endswith("ordermgr.sqlite3")
    assert Settings.resolve().username == "envuser"


def test_search_text_has_digit_only_phone_variant():
    text = build_search_text("M000001", "张伟", "+86 138-0013-8000")
    assert "8613800138000" in text and "张伟" in text
