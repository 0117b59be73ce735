"""Waybill formats and check digits per carrier, with published or carrier-issued examples."""

import pytest

from ordermgr.errors import ValidationError
from ordermgr.fulfilment.carriers import DEFAULT, Carriers, custom_carrier, normalise

VALID = {
    "SF Express": ["SF1311520937431", "288681234567"],
    "ZTO Express": ["773012345678", "75312345678901"],
    "YTO Express": ["YT7512345678901", "8012345678"],
    "STO Express": ["773123456789", "7730123456789"],
    "Yunda Express": ["4312345678901", "312345678901234"],
    "JD Logistics": ["JD0012345678901", "JDVA12345678901", "JDX001234567890"],
    "EMS": ["EA123456785CN", "1012345678901"],
    "China Post": ["RR123456785CN", "LK123456785CN", "9812345678901"],
    "UPS": ["1Z999AA10123456784", "1z 999 aa1 0123 4567 84"],
    "FedEx": ["986578788855", "477179081230", "123456789012345"],
    "DHL Express": ["3318810025", "JJD000390007882003545"],
    "USPS": ["9400111899223818218407", "9400 1118 9956 1482 6100 74", "9400111699000271800200",
             "EA123456785US"],
}

INVALID = {
    "SF Express": [("SF12345", "too short"), ("SF13115209374310", "too long"),
                   ("XX1311520937431", "SF followed by 13 digits")],
    "ZTO Express": [("7730123456", "too short"), ("77301234567A", "12 or 14 digits")],
    "YTO Express": [("YT751234567890", "too short"), ("YX7512345678901", "YT followed by")],
    "STO Express": [("77312345678", "too short")],
    "Yunda Express": [("43123456789", "too short")],
    "JD Logistics": [("JD12345", "too short"), ("0012345678901", "JD followed by 13 digits")],
    "EMS": [("EA123456784CN", "check digit"), ("RR123456785CN", "starting with E")],
    "China Post": [("RR123456784CN", "check digit"), ("RR12345678CN", "too short")],
    "UPS": [("1Z999AA10123456785", "check digit"), ("1Z999AA1012345678", "too short")],
    "FedEx": [("986578788856", "check digit"), ("98657878885", "too short")],
    "DHL Express": [("3318810026", "check digit"), ("331881002", "too short")],
    "USPS": [("9400111899223818218408", "check digit"), ("8400111899223818218407", "91-95"),
             ("EA123456784US", "check digit")],
}


@pytest.mark.parametrize("carrier,number", [(c, n) for c, ns in VALID.items() for n in ns])
def test_valid_numbers_are_accepted_and_normalised(carrier, number):
    found, clean = DEFAULT.validate(carrier, number)
    assert found.name == carrier and clean == normalise(number) and " " not in clean


@pytest.mark.parametrize("carrier,number,words",
                         [(c, n, w) for c, ns in INVALID.items() for n, w in ns])
def test_invalid_numbers_are_refused_with_a_clear_message(carrier, number, words):
    with pytest.raises(ValidationError, match=words) as caught:
        DEFAULT.validate(carrier, number)
    assert carrier in str(caught.value) and number in str(caught.value)


def test_every_maintained_carrier_has_examples_and_a_tracking_url():
    names = set(DEFAULT.names())
    assert names == set(VALID) == set(INVALID)
    for carrier in DEFAULT.all:
        assert "{waybill}" in carrier.tracking_url
    assert DEFAULT.get("ups").url_for("1Z999AA10123456784").endswith("tracknum=1Z999AA10123456784")


def test_sf_message_names_the_format():
    with pytest.raises(ValidationError) as caught:
        DEFAULT.validate("SF Express", "SF12345")
    assert str(caught.value) == ("SF Express waybills are SF followed by 13 digits (older labels: "
                                 "12 digits, no SF); SF12345 is too short.")


def test_carriers_are_found_by_code_name_or_chinese_alias():
    assert DEFAULT.get("顺丰").name == "SF Express"
    assert DEFAULT.get("jd logistics").name == DEFAULT.get("京东").name == "JD Logistics"
    with pytest.raises(ValidationError, match="Unknown carrier 'Pigeon'"):
        DEFAULT.get("Pigeon")


def test_detect_by_check_digit_is_unique_for_ups_and_ambiguous_for_bare_digits():
    assert [c.name for c in DEFAULT.detect("1Z999AA10123456784")] == ["UPS"]
    assert len(DEFAULT.detect("773012345678")) > 1


def test_custom_carrier_brings_its_own_pattern_and_url():
    best = custom_carrier("Best Express", r"BE\d{10}", "https://best.example/track/{waybill}")
    registry = Carriers([best])
    found, clean = registry.validate("best express", "be0123456789")
    assert clean == "BE0123456789" and found.url_for(clean).endswith("/BE0123456789")
    with pytest.raises(ValidationError, match="Best Express waybills are"):
        registry.validate("Best Express", "BE1")


@pytest.mark.parametrize("pattern,url,words", [("BE(\\d", "", "not a valid regular expression"),
                                                (r"\d+", "https://x.example/track", "{waybill}")])
def test_custom_carrier_refuses_a_broken_pattern_or_url(pattern, url, words):
    with pytest.raises(ValidationError, match=words):
        custom_carrier("Odd", pattern, url)


def test_a_malformed_number_is_explained_by_the_carrier_its_prefix_names():
    assert DEFAULT.likely("SF1").name == "SF Express"
    assert DEFAULT.likely("jd12").name == "JD Logistics"
    assert DEFAULT.likely("773012") is None
