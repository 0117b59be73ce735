"""Country codes and postcode formats (no Qt, no database)."""

import pytest

from ordermgr.addresses import COUNTRY_CODES, check_country, check_postcode
from ordermgr.errors import ValidationError


def test_every_iso_3166_country_and_nothing_else():
    assert len(COUNTRY_CODES) == 249
    assert {"CN", "US", "DE", "GB", "JP", "HK", "TW"} <= COUNTRY_CODES
    assert check_country(" cn ") == "CN"
    for wrong in ("China", "XX", "EU", "UK", "ZZ", ""):  # "Ch" would be Switzerland
        with pytest.raises(ValidationError):
            check_country(wrong)


@pytest.mark.parametrize("country, typed, stored", [
    ("CN", "100022", "100022"), ("US", "94105", "94105"), ("US", "94105-1804", "94105-1804"),
    ("DE", "10115", "10115"), ("GB", "sw1a1aa", "SW1A 1AA"), ("GB", "M1 1AE", "M1 1AE"),
    ("JP", "1000001", "100-0001"), ("JP", "100-0001", "100-0001"), ("NL", "1012ab", "1012 AB"),
    ("FJ", "anything", "ANYTHING"),  # no known format: kept as typed
    ("CN", "", ""),  # no postcode at all is allowed
])
def test_postcodes_in_the_known_formats_are_kept_in_their_normal_form(country, typed, stored):
    assert check_postcode(country, typed) == stored


@pytest.mark.parametrize("country, typed", [
    ("CN", "10002"), ("CN", "1000222"), ("US", "9410"), ("US", "94105-18"), ("DE", "1011"),
    ("GB", "12345"), ("JP", "100-001"), ("CA", "123 456"),
])
def test_postcodes_that_miss_the_format_are_refused_with_the_format(country, typed):
    with pytest.raises(ValidationError, match=f"not a postcode of {country}"):
        check_postcode(country, typed)
