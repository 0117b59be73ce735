"""Housekeeping: the time-based jobs nobody presses a button for, run by one scheduler.

- unpaid orders older than the configured time are cancelled and their stock released
  (payments.cancel_unpaid_orders, setting `aftersales.unpaid_cancel_hours`);
- delivered orders complete after the configured days without complaint
  (tracking.complete_delivered_orders, setting `fulfilment.complete_after_days`);
- parcels silent for longer than their carrier allows get a 'delayed' logistics exception
  (tracking.flag_delayed_shipments).

`ordermgr housekeeping` (for the system scheduler), `ordermgr sync --watch` and the desktop
application all call `run_housekeeping`. Only one workstation runs it at a time (the same lock
helper as the sync runner: a PostgreSQL advisory lock with a fixed key, a lock file next to a
SQLite database), and the time of the last run is kept in the settings table so that however many
workstations ask, it runs at most every five minutes. Each job runs through its own service in
its own transactions; one failing job is reported and the others still run.

A dry run uses the same services with a unit of work that checks and flushes everything but
never commits, so its counts are exactly what a real run would do right now.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ordermgr.db.locks import try_exclusive
from ordermgr.db.uow import Actor, Changes, UnitOfWork
from ordermgr.errors import UserError
from ordermgr.models import Setting, utcnow
from ordermgr.services import payments, tracking
from ordermgr.services.permissions import require_all

log = logging.getLogger(__name__)

LOCK_NAMESPACE = 0x484B5052  # "HKPR"
LOCK_KEY = 1
LAST_RUN_KEY = "housekeeping.last_run"
MIN_INTERVAL = timedelta(minutes=5)
# A timer firing every five minutes must not miss every other slot by a few seconds.
GRACE = timedelta(seconds=20)
ALREADY_RUNNING = "already running elsewhere"


class _CollectingUnitOfWork(UnitOfWork):
    """A unit of work for the jobs: remembers what every commit changed (for the GUI to refresh)
    and, when rehearsing, flushes instead of committing so nothing is kept."""

    def __init__(self, engine: Engine, actor: Actor, collected: Changes, *, rehearse: bool):
        super().__init__(engine, actor)
        self.collected = collected
        self.rehearse = rehearse

    def commit(self) -> None:
        if self.rehearse:
            self.session.flush()  # every check and constraint runs; __exit__ rolls it back
            return
        super().commit()
        self.collected.merge(self.changes)


@dataclass(frozen=True)
class Job:
    name: str
    title: str
    permissions: tuple[str, ...]
    # run(uow, now) -> (done, refused, messages)
    run: Callable[[UnitOfWork, datetime], tuple[int, int, list[str]]]


def _cancel_unpaid(uow: UnitOfWork, now: datetime) -> tuple[int, int, list[str]]:
    results = payments.cancel_unpaid_orders(uow, now=now)
    refused = [r for r in results if not r.ok]
    return (len(results) - len(refused), len(refused),
            [f"order {r.order_id}: {r.message}" for r in refused])


def _complete_delivered(uow: UnitOfWork, now: datetime) -> tuple[int, int, list[str]]:
    return tracking.complete_delivered_orders(uow, now=now), 0, []


def _flag_delays(uow: UnitOfWork, now: datetime) -> tuple[int, int, list[str]]:
    return tracking.flag_delayed_shipments(uow, now=now), 0, []


JOBS: tuple[Job, ...] = (
    Job("cancel_unpaid", "unpaid orders cancelled", ("orders.cancel", "orders.bulk"),
        _cancel_unpaid),
    Job("complete_delivered", "delivered orders completed", ("orders.fulfil",),
        _complete_delivered),
    Job("flag_delays", "delayed parcels flagged", ("shipments.edit",), _flag_delays),
)


@dataclass
class JobResult:
    name: str
    title: str
    done: int = 0
    refused: int = 0
    error: str = ""
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.error:
            return f"{self.title}: FAILED - {self.error}"
        return f"{self.title}: {self.done}" + (f" ({self.refused} refused)" if self.refused else "")


@dataclass
class HousekeepingReport:
    dry_run: bool = False
    skipped: str = ""  # the whole run did not happen: why
    started_at: datetime | None = None
    jobs: list[JobResult] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    @property
    def ran(self) -> bool:
        return not self.skipped

    @property
    def errors(self) -> list[JobResult]:
        return [j for j in self.jobs if j.error]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        return {j.name: j.done for j in self.jobs if not j.error}

    @property
    def did_something(self) -> bool:
        return any(self.counts.values()) or bool(self.errors)

    def lines(self) -> list[str]:
        if self.skipped:
            return [f"Housekeeping skipped: {self.skipped}."]
        head = "Housekeeping dry run (nothing saved)" if self.dry_run else "Housekeeping"
        return [f"{head}:"] + [f"  {j.summary()}" for j in self.jobs] + \
               [f"    {m}" for j in self.jobs for m in j.messages[:20]]

    def short(self) -> str:
        """One line for a status bar: only what happened."""
        parts = [f"{j.done} {j.title}" for j in self.jobs if j.done and not j.error]
        parts += [f"{j.title} failed" for j in self.errors]
        return "; ".join(parts)


def last_run(session) -> tuple[datetime | None, str]:
    """When housekeeping last started (UTC) and by whom, from the settings table."""
    setting = session.get(Setting, LAST_RUN_KEY)
    if setting is None:
        return None, ""
    try:
        data = json.loads(setting.value)
        return datetime.fromisoformat(data["at"]), data.get("by", "")
    except (ValueError, KeyError, TypeError):
        return None, ""


def may_run(actor: Actor, jobs: Sequence[Job] = JOBS) -> bool:
    """Whether this user's role allows every job (a clerk completes orders but may not cancel
    them, so a clerk runs none: housekeeping never runs half)."""
    return all(actor.may(p) for job in jobs for p in job.permissions)


def last_run_of(engine: Engine) -> tuple[datetime | None, str]:
    with Session(engine) as session:
        return last_run(session)


def run_housekeeping(engine: Engine, actor: Actor, *, now: datetime | None = None,
                     dry_run: bool = False, force: bool = False,
                     min_interval: timedelta = MIN_INTERVAL,
                     jobs: Sequence[Job] = JOBS) -> HousekeepingReport:
    """Run every housekeeping job, unless another workstation is running it or it ran less than
    `min_interval` ago (`force` ignores that; a dry run always looks). An actor who may not do
    every job is refused before anything is written."""
    require_all(actor, (p for job in jobs for p in job.permissions), "run housekeeping")
    now = now or utcnow()
    report = HousekeepingReport(dry_run=dry_run)
    with try_exclusive(engine, LOCK_NAMESPACE, LOCK_KEY, "housekeeping") as got:
        if not got:
            report.skipped = ALREADY_RUNNING
            return report
        if not dry_run:
            report.skipped = _claim(engine, actor, now, min_interval=min_interval, force=force)
            if report.skipped:
                return report
        report.started_at = now
        for job in jobs:
            report.jobs.append(_run_job(engine, actor, job, now, report.changes, dry_run))
    if not dry_run and report.did_something:
        _audit_run(engine, actor, report)
    return report


def _claim(engine: Engine, actor: Actor, now: datetime, *, min_interval: timedelta,
           force: bool) -> str:
    """In one write transaction (BEGIN IMMEDIATE on SQLite, serialised by the lock on
    PostgreSQL): refuse if the last run is too recent, else record this one. Returns why not."""
    with UnitOfWork(engine, actor) as uow:
        setting = uow.session.get(Setting, LAST_RUN_KEY, with_for_update=True)
        last, by = last_run(uow.session)
        if not force and last is not None and timedelta(0) <= now - last < min_interval - GRACE:
            minutes = max(int((now - last).total_seconds() // 60), 0)
            return (f"it ran {minutes} min ago" + (f" (by {by})" if by else "") +
                    f"; it runs at most every {int(min_interval.total_seconds() // 60)} minutes")
        value = json.dumps({"at": now.isoformat(), "by": actor.username})
        if setting is None:
            uow.session.add(Setting(key=LAST_RUN_KEY, value=value))
        else:
            setting.value = value
        uow.commit()  # the heartbeat itself is not audited; a run that did something is
    return ""


def _run_job(engine: Engine, actor: Actor, job: Job, now: datetime, changes: Changes,
             dry_run: bool) -> JobResult:
    result = JobResult(job.name, job.title)
    uow = _CollectingUnitOfWork(engine, actor, changes, rehearse=dry_run)
    try:
        result.done, result.refused, result.messages = job.run(uow, now)
    except UserError as exc:
        result.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one broken job must not stop the others
        log.exception("housekeeping job %s failed", job.name)
        result.error = f"{type(exc).__name__}: {exc}. The other jobs still ran; please tell " \
                       "your administrator."
    return result


def _audit_run(engine: Engine, actor: Actor, report: HousekeepingReport) -> None:
    try:
        with UnitOfWork(engine, actor) as uow:
            uow.audit("housekeeping.run", "setting", LAST_RUN_KEY, counts=report.counts,
                      errors={j.name: j.error for j in report.errors})
            uow.commit()
    except UserError as exc:
        log.warning("could not audit the housekeeping run: %s", exc)
