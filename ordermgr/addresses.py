"""Postal addresses without Qt: ISO 3166-1 country codes and the postcode formats known for
them. The services check every address they save with `check_address`; the GUI shows the
countries by name in the clerk's language (`ui/countries.py`)."""

from __future__ import annotations

import re

from ordermgr.errors import ValidationError

# ISO 3166-1 alpha-2, officially assigned (249 codes).
COUNTRY_CODES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS YE YT ZA ZM ZW
""".split())

# Postcode formats where the postal service publishes one fixed pattern; other countries'
# postcodes are stored as typed. Spaces and case are normalised before matching.
POSTCODE_FORMATS: dict[str, tuple[str, str]] = {
    "CN": (r"\d{6}", "6 digits, e.g. 100022"),
    "US": (r"\d{5}(-\d{4})?", "5 digits or ZIP+4, e.g. 94105 or 94105-1804"),
    "DE": (r"\d{5}", "5 digits, e.g. 10115"),
    "FR": (r"\d{5}", "5 digits, e.g. 75008"),
    "IT": (r"\d{5}", "5 digits, e.g. 00184"),
    "ES": (r"\d{5}", "5 digits, e.g. 28013"),
    "JP": (r"\d{3}-\d{4}", "3-4 digits, e.g. 100-0001"),
    "GB": (r"(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})", "e.g. SW1A 1AA"),
    "CA": (r"[A-Z]\d[A-Z] \d[A-Z]\d", "e.g. K1A 0B1"),
    "NL": (r"\d{4} [A-Z]{2}", "4 digits and 2 letters, e.g. 1012 AB"),
    "AU": (r"\d{4}", "4 digits, e.g. 2000"),
    "KR": (r"\d{5}", "5 digits, e.g. 03051"),
    "TW": (r"\d{3}(\d{2,3})?", "3, 5 or 6 digits, e.g. 100 or 10048"),
    "IN": (r"\d{6}", "6 digits, e.g. 110001"),
    "RU": (r"\d{6}", "6 digits, e.g. 101000"),
    "SG": (r"\d{6}", "6 digits, e.g. 018956"),
    "BR": (r"\d{5}-\d{3}", "8 digits as 5-3, e.g. 01310-100"),
}
_COMPILED = {code: re.compile(pattern) for code, (pattern, _) in POSTCODE_FORMATS.items()}


def normalise_country(code: str) -> str:
    return (code or "").strip().upper()


def normalise_postcode(country: str, postcode: str) -> str:
    """Upper case, single spaces; a UK or Canadian postcode typed without its space gets it."""
    text = " ".join((postcode or "").upper().split())
    if country in ("GB", "CA") and " " not in text and len(text) >= 5:
        text = f"{text[:-3]} {text[-3:]}"
    if country == "JP" and re.fullmatch(r"\d{7}", text):
        text = f"{text[:3]}-{text[3:]}"
    if country == "NL" and re.fullmatch(r"\d{4}[A-Z]{2}", text):
        text = f"{text[:4]} {text[4:]}"
    return text


def check_country(code: str) -> str:
    country = normalise_country(code)
    if country not in COUNTRY_CODES:
        raise ValidationError(f"{code!r} is not a country: choose one from the list "
                              "(ISO 3166 codes such as CN, US, DE).")
    return country


def check_postcode(country: str, postcode: str) -> str:
    """The postcode in its normal form; refused when the country has a known format it misses.
    An empty postcode is allowed (many addresses have none)."""
    text = normalise_postcode(country, postcode)
    pattern = _COMPILED.get(country)
    if text and pattern is not None and not pattern.fullmatch(text):
        raise ValidationError(f"{postcode!r} is not a postcode of {country}: "
                              f"{POSTCODE_FORMATS[country][1]}.")
    return text
