"""Report parameters: the period (with presets), store, warehouse, currency and grouping.

Dates are whole days in the report's time zone, a fixed offset from UTC (`utc_offset` minutes,
e.g. 480 for China): `date_to` is inclusive, so the report covers date_from 00:00 up to date_to
24:00 local time, and days, weeks and months are bucketed on local midnights.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone

from ordermgr.errors import ValidationError
from ordermgr.models.money import check_currency

GROUPINGS = ("day", "week", "month")
PRESETS = ("today", "yesterday", "last_7_days", "last_30_days", "this_month", "last_month",
           "this_quarter", "this_year", "last_12_months")
MAX_DAYS = 3660


def local_offset_minutes() -> int:
    """This computer's current offset from UTC, in minutes (what the GUI and CLI default to)."""
    offset = datetime.now().astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


def preset_range(name: str, today: date | None = None, utc_offset: int = 0) -> tuple[date, date]:
    """The (first day, last day) of a named period, relative to `today` (default: today in the
    time zone `utc_offset` minutes from UTC)."""
    today = today or (datetime.now(timezone.utc) + timedelta(minutes=utc_offset)).date()
    month_start = today.replace(day=1)
    if name == "today":
        return today, today
    if name == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if name == "last_7_days":
        return today - timedelta(days=6), today
    if name == "last_30_days":
        return today - timedelta(days=29), today
    if name == "this_month":
        return month_start, today
    if name == "last_month":
        last = month_start - timedelta(days=1)
        return last.replace(day=1), last
    if name == "this_quarter":
        first_month = (today.month - 1) // 3 * 3 + 1
        return today.replace(month=first_month, day=1), today
    if name == "this_year":
        return today.replace(month=1, day=1), today
    if name == "last_12_months":
        return _add_months(month_start, -11), today
    raise ValidationError(f"Unknown period {name!r}; use one of {', '.join(PRESETS)}.")


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def parse_date(text: str, *, what: str = "date") -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise ValidationError(f"The {what} {text!r} is not a date; write it as YYYY-MM-DD, "
                              "e.g. 2026-01-31.") from None


@dataclass(frozen=True)
class ReportParams:
    date_from: date
    date_to: date
    store_id: int | None = None
    warehouse_id: int | None = None
    currency: str | None = None  # only orders in this currency
    convert_to: str | None = None  # convert every currency to this one with the rate table
    grouping: str = "month"
    dimension: str = "period"  # sales: period | store | country | category
    top_n: int = 20
    slow_days: int = 90  # products: no sale for this many days = slow seller (滞销)
    target_days: int = 5  # logistics: delivered within this many days of the order = on time
    sla_hours: int | None = None  # after-sales: one SLA for every case type (None: as configured)
    utc_offset: int = 0  # minutes east of UTC of the report's time zone (480 = China)
    labels: dict = field(default_factory=dict, compare=False)  # names shown on the cover page

    def __post_init__(self) -> None:
        if self.date_from > self.date_to:
            raise ValidationError(
                f"The period is reversed: it starts {self.date_from} but ends {self.date_to}. "
                "Swap the dates.")
        if (self.date_to - self.date_from).days > MAX_DAYS:
            raise ValidationError("The period is longer than ten years; choose a shorter one.")
        if self.grouping not in GROUPINGS:
            raise ValidationError(f"Unknown grouping {self.grouping!r}; use day, week or month.")
        for name in ("top_n", "slow_days", "target_days", "sla_hours"):
            if getattr(self, name) is not None and getattr(self, name) <= 0:
                raise ValidationError(f"{name.replace('_', ' ').capitalize()} must be at least 1.")
        if not -14 * 60 <= self.utc_offset <= 14 * 60:
            raise ValidationError("The time zone offset must be between UTC-14:00 and UTC+14:00.")
        if self.currency:
            object.__setattr__(self, "currency", check_currency(self.currency))
        if self.convert_to:
            object.__setattr__(self, "convert_to", check_currency(self.convert_to))

    @classmethod
    def preset(cls, name: str, today: date | None = None, **kwargs) -> "ReportParams":
        start, end = preset_range(name, today, kwargs.get("utc_offset", 0))
        return cls(start, end, **kwargs)

    @property
    def tz(self) -> timezone:
        return timezone(timedelta(minutes=self.utc_offset))

    @property
    def start(self) -> datetime:
        return datetime.combine(self.date_from, time.min, tzinfo=self.tz)

    @property
    def end(self) -> datetime:
        """Exclusive upper bound: local midnight after date_to."""
        return datetime.combine(self.date_to + timedelta(days=1), time.min, tzinfo=self.tz)

    def local_date(self, moment: datetime) -> date:
        """The day a stored (aware UTC) time falls on in the report's time zone."""
        return moment.astimezone(self.tz).date()

    @property
    def zone_name(self) -> str:
        sign = "+" if self.utc_offset >= 0 else "-"
        hours, minutes = divmod(abs(self.utc_offset), 60)
        return f"UTC{sign}{hours:02d}:{minutes:02d}" if self.utc_offset else "UTC"

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def previous(self) -> "ReportParams":
        """The period of the same length just before this one (for trend comparisons)."""
        length = timedelta(days=self.days)
        return replace(self, date_from=self.date_from - length, date_to=self.date_to - length)

    def describe(self) -> list[tuple[str, str]]:
        """Parameter (label, value) pairs for cover sheets."""
        labels = self.labels or {}
        rows = [("period", f"{self.date_from.isoformat()} – {self.date_to.isoformat()} "
                           f"({self.zone_name})"),
                ("grouping", self.grouping)]
        rows.append(("store", labels.get("store") or (str(self.store_id) if self.store_id else "all")))
        rows.append(("warehouse", labels.get("warehouse")
                     or (str(self.warehouse_id) if self.warehouse_id else "all")))
        rows.append(("currency", self.currency or "all (per currency)"))
        if self.convert_to:
            rows.append(("converted to", self.convert_to))
        return rows
