"""The carriers we know, their waybill formats, check digits and tracking URLs. Pure Python.

Formats follow what each carrier prints on its labels; check digits are verified where the
carrier (or the UPU, for S10 postal numbers) publishes the algorithm:

* UPS "1Z" + 16 characters: the last is a mod-10 check digit over the 15 characters after "1Z"
  (letters converted to digits, odd positions ×1, even positions ×2).
* USPS Intelligent Mail package barcode (IMpb), 20-22 digits: mod-10, weights 3 and 1
  alternating from the rightmost data digit (USPS Publication 199).
* UPU S10 international numbers (EMS, China Post, USPS international) "EA123456785CN": two
  letters, 8 digits, a check digit (weights 8,6,4,2,3,5,9,7, mod 11), two-letter country.
* FedEx Express 12 digits: mod 11, weights 3,1,7 repeating from the left over the first 11.
* DHL Express 10 digits: the last digit is the first nine modulo 7.

Chinese express carriers publish lengths and prefixes but no check digit; we check the shape.
Custom carriers (from the database) bring their own regular expression and URL template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ordermgr.errors import ValidationError

CheckFn = Callable[[str], bool]


# -- check digits -------------------------------------------------------------------------------

def ups_check(number: str) -> bool:
    """UPS 1Z: mod 10 over the 15 characters after '1Z'; letters map A=2, B=3 ... (value mod 10)."""
    body, check = number[2:-1], number[-1]
    if not check.isdigit():
        return False
    total = 0
    for i, char in enumerate(body):
        value = int(char) if char.isdigit() else (ord(char) - ord("A") + 2) % 10
        total += value * (2 if i % 2 else 1)
    return (10 - total % 10) % 10 == int(check)


def mod10_31_check(number: str) -> bool:
    """USPS IMpb: weights 3,1,3,1... from the rightmost data digit; check = (10 - sum mod 10) mod 10."""
    data, check = number[:-1], number[-1]
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(data)))
    return (10 - total % 10) % 10 == int(check)


S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check(number: str) -> bool:
    """UPU S10 (e.g. EA123456785CN): check digit over the 8 serial digits, mod 11."""
    serial, check = number[2:10], int(number[10])
    remainder = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS)) % 11
    expected = {0: 5, 1: 0}.get(remainder, 11 - remainder)
    return expected == check


def fedex12_check(number: str) -> bool:
    """FedEx Express 12 digits: weights 3,1,7 repeating over the first 11, sum mod 11 (10 → 0)."""
    weights = (3, 1, 7)
    total = sum(int(d) * weights[i % 3] for i, d in enumerate(number[:11]))
    return total % 11 % 10 == int(number[11])


def dhl10_check(number: str) -> bool:
    """DHL Express 10-digit waybill: check digit = first nine digits mod 7."""
    return int(number[:9]) % 7 == int(number[9])


# -- carriers -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Format:
    """One accepted shape of a carrier's number, with the check digit it carries (if any)."""

    pattern: str
    check: CheckFn | None = None
    check_name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", re.compile(self.pattern))

    def matches(self, number: str) -> bool:
        return self._regex.fullmatch(number) is not None


@dataclass(frozen=True)
class Carrier:
    code: str
    name: str
    formats: tuple[Format, ...]
    hint: str  # "SF followed by 13 digits" - completes "<name> waybills are ..."
    tracking_url: str = ""  # template with {waybill}
    delayed_after_days: int = 4  # no tracking event for this long = delayed
    custom: bool = False
    aliases: tuple[str, ...] = field(default=())

    def url_for(self, waybill: str) -> str:
        return self.tracking_url.replace("{waybill}", waybill) if self.tracking_url else ""

    def check(self, number: str) -> str | None:
        """None if `number` (normalised) is valid, else a message saying what is wrong."""
        shaped = [f for f in self.formats if f.matches(number)]
        if not shaped:
            return f"{self.name} waybills are {self.hint}; {number or '(empty)'} {_why(number, self)}."
        if any(f.check is None or f.check(number) for f in shaped):
            return None
        what = shaped[0].check_name or "check digit"
        return (f"{number} is not a valid {self.name} number: its {what} does not match. "
                "Check for a mistyped or swapped digit.")

    def validate(self, number: str) -> str:
        """The normalised number, or ValidationError with a clerk-readable message."""
        clean = normalise(number)
        problem = self.check(clean)
        if problem:
            raise ValidationError(problem)
        return clean


def _why(number: str, carrier: Carrier) -> str:
    """'is too short' / 'is too long' when that is the problem, judged against the formats whose
    literal prefix the number has (or all of them if it has none)."""
    if not number:
        return "is empty"
    shapes = [(_literal_prefix(f.pattern), _pattern_length(f.pattern)) for f in carrier.formats]
    lengths = ([n for p, n in shapes if n and p and number.startswith(p)]
               or [n for p, n in shapes if n and not p] or [n for _, n in shapes if n])
    if lengths and len(number) < min(lengths):
        return "is too short"
    if lengths and len(number) > max(lengths):
        return "is too long"
    return "does not have that shape"


def _literal_prefix(pattern: str) -> str:
    return re.match(r"[A-Z0-9]*", pattern).group(0)


def _pattern_length(pattern: str) -> int | None:
    """Rough length of a simple pattern made of literals, classes and {n}/{m,n} repeats."""
    total = 0
    for _piece, lo in re.findall(r"(\[[^\]]+\]|\\d|[A-Z0-9])(?:\{(\d+)(?:,\d+)?\})?", pattern):
        total += int(lo) if lo else 1
    return total or None


def normalise(number: str) -> str:
    """Upper case without spaces or dashes, as scanners and clerks type them."""
    return re.sub(r"[\s\-]", "", number or "").upper()


S10 = r"[A-Z]{2}\d{9}[A-Z]{2}"

BUILTIN: tuple[Carrier, ...] = (
    Carrier("sf", "SF Express", (Format(r"SF\d{13}"), Format(r"\d{12}")),
            "SF followed by 13 digits (older labels: 12 digits, no SF)",
            "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{waybill}", 3,
            aliases=("顺丰", "SF", "SFEXPRESS")),
    Carrier("zto", "ZTO Express", (Format(r"\d{12}"), Format(r"\d{14}")),
            "12 or 14 digits", "https://www.zto.com/?num={waybill}", 4,
            aliases=("中通", "ZTO")),
    Carrier("yto", "YTO Express", (Format(r"YT\d{13}"), Format(r"\d{10}")),
            "YT followed by 13 digits (older labels: 10 digits)",
            "https://www.yto.net.cn/ydcx?waybillNo={waybill}", 4, aliases=("圆通", "YTO")),
    Carrier("sto", "STO Express", (Format(r"\d{12}"), Format(r"\d{13}")),
            "12 or 13 digits", "https://www.sto.cn/pc/service-page/{waybill}", 4,
            aliases=("申通", "STO")),
    Carrier("yunda", "Yunda Express", (Format(r"\d{13}"), Format(r"\d{15}")),
            "13 digits (15 on some labels)", "https://www.yundaex.com/cn/ydcx.php?no={waybill}", 4,
            aliases=("韵达", "YUNDA")),
    Carrier("jd", "JD Logistics", (Format(r"JD\d{13}"), Format(r"JDV[A-Z]\d{11}"),
                                   Format(r"JDX\d{12}")),
            "JD followed by 13 digits (or JDVA/JDVB… + 11 digits, JDX + 12 digits)",
            "https://www.jdl.com/orderSearch/?waybillCodes={waybill}", 3,
            aliases=("京东", "京东物流", "JD", "JDL")),
    Carrier("ems", "EMS", (Format(r"E[A-Z]\d{9}[A-Z]{2}", s10_check, "UPU S10 check digit"),
                           Format(r"1\d{12}")),
            "two letters starting with E, 9 digits and a country code (EA123456785CN), "
            "or 13 digits starting with 1 for domestic EMS",
            "https://www.ems.com.cn/queryList?mailNum={waybill}", 5, aliases=("中国邮政速递", "EMS")),
    Carrier("chinapost", "China Post", (Format(S10, s10_check, "UPU S10 check digit"),
                                        Format(r"9\d{12}")),
            "two letters, 9 digits and a country code (RR123456785CN), or 13 digits starting "
            "with 9 for domestic parcels",
            "https://yjcx.ems.com.cn/qps/yjcx?mailNum={waybill}", 7,
            aliases=("中国邮政", "邮政", "CHINAPOST", "CPAM")),
    Carrier("ups", "UPS", (Format(r"1Z[0-9A-Z]{16}", ups_check, "1Z check digit"),),
            "1Z followed by 16 letters or digits (1Z999AA10123456784)",
            "https://www.ups.com/track?tracknum={waybill}", 3),
    Carrier("fedex", "FedEx", (Format(r"\d{12}", fedex12_check, "FedEx Express check digit"),
                               Format(r"\d{15}"), Format(r"\d{20}"), Format(r"\d{22}")),
            "12 digits (Express), 15 digits (Ground) or 20/22 digits",
            "https://www.fedex.com/fedextrack/?trknbr={waybill}", 3),
    Carrier("dhl", "DHL Express", (Format(r"\d{10}", dhl10_check, "DHL check digit"),
                                   Format(r"JJD\d{18,20}")),
            "10 digits (3318810025), or JJD followed by 18-20 digits",
            "https://www.dhl.com/en/express/tracking.html?AWB={waybill}", 3, aliases=("DHL",)),
    Carrier("usps", "USPS", (Format(r"9[1-5]\d{18,20}", mod10_31_check, "USPS check digit"),
                             Format(r"[A-Z]{2}\d{9}US", s10_check, "UPU S10 check digit")),
            "20-22 digits starting with 91-95 (9400 1118 9922 3818 2184 07), or an international "
            "number ending in US (EA123456785US)",
            "https://tools.usps.com/go/TrackConfirmAction?tLabels={waybill}", 4),
)


class Carriers:
    """The maintained list plus custom carriers, looked up by code, name or alias."""

    def __init__(self, custom: Iterable[Carrier] = ()):
        self.all: list[Carrier] = list(BUILTIN) + list(custom)
        self._index: dict[str, Carrier] = {}
        for carrier in self.all:
            for key in (carrier.code, carrier.name, *carrier.aliases):
                self._index.setdefault(_key(key), carrier)

    def get(self, name: str) -> Carrier:
        carrier = self._index.get(_key(name))
        if carrier is None:
            known = ", ".join(c.name for c in self.all)
            raise ValidationError(f"Unknown carrier {name!r}. Choose one of: {known}; or add it as "
                                  "a custom carrier.")
        return carrier

    def find(self, name: str) -> Carrier | None:
        return self._index.get(_key(name))

    def validate(self, carrier: str, number: str) -> tuple[Carrier, str]:
        found = self.get(carrier)
        return found, found.validate(number)

    def detect(self, number: str) -> list[Carrier]:
        """Carriers whose format (with check digit) accepts `number`; several for bare digits."""
        clean = normalise(number)
        return [c for c in self.all if clean and c.check(clean) is None]

    def likely(self, number: str) -> Carrier | None:
        """The carrier whose lettered prefix the number starts with (SF…, YT…, JD…, 1Z…), to
        explain a malformed number when no carrier accepts it."""
        clean = normalise(number)
        for carrier in self.all:
            if any((p := _literal_prefix(f.pattern)) and not p.isdigit() and clean.startswith(p)
                   for f in carrier.formats):
                return carrier
        return None

    def names(self) -> list[str]:
        return [c.name for c in self.all]


def _key(text: str) -> str:
    return re.sub(r"[\s\-_.]", "", text or "").casefold()


def custom_carrier(name: str, pattern: str, tracking_url: str = "", *, hint: str = "",
                   delayed_after_days: int = 4, code: str = "") -> Carrier:
    """A carrier the user added; the regular expression must compile and the URL take {waybill}."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("Give the carrier a name.")
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValidationError(f"The waybill pattern for {name} is not a valid regular expression: "
                              f"{exc}.") from None
    if tracking_url and "{waybill}" not in tracking_url:
        raise ValidationError("The tracking URL must contain {waybill} where the number goes, e.g. "
                              "https://example.com/track?no={waybill}.")
    if delayed_after_days < 1:
        raise ValidationError("Days without news before a parcel counts as delayed must be at least 1.")
    return Carrier(code or _key(name), name, (Format(pattern),), hint or f"of the form {pattern}",
                   tracking_url, delayed_after_days, custom=True)


DEFAULT = Carriers()
