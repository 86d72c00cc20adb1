"""Health in numbers: what `GET /metrics` serves, in Prometheus' text format.

What is owed and how many pairs there are comes from the database at scrape time (a few
indexed queries), so every replica reports the same, right totals; what this process sent,
retried, failed or dropped, and how fast, is counted here (sum it over the replicas).
Labels carry kinds, platforms and statuses, never an id or a word anyone wrote.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.kernel.clock import Clock
from bot.kernel.ports import Target
from bot.kernel.workspaces import workspace_of
from storage.db import Database
from storage.models import Notification
from storage.queries.notifications import backlog, owed_by_kind_and_platform
from storage.queries.pairs import pairs_by_workspace_and_status

log = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_LATEST
# The dispatcher's outcomes, as counted: an expired row is one dropped.
OUTCOMES = {
    "sent": "sent",
    "retried": "retried",
    "failed": "failed",
    "dropped": "dropped",
    "expired": "dropped",
    "held": "held",  # for the recipient's morning (quiet hours)
}
UNKNOWN = "unknown"  # a row dropped before it was composed: its platform was not looked up
# From due to delivered: a minute's tick, a rate limit's wait, an outage.
DISPATCH_BUCKETS = (0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600)
# Slack gives up on an acknowledgement after 3 seconds.
ACK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5)


class Metrics:
    """One process's metrics, in a registry of its own."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.clock = clock
        self.registry = CollectorRegistry()
        self.notifications = Counter(
            "mentorbot_notifications",
            "Claimed notifications by outcome, kind, platform and workspace, in this process.",
            ["outcome", "kind", "platform", "workspace"],
            registry=self.registry,
        )
        self.dispatch_latency = Histogram(
            "mentorbot_dispatch_latency_seconds",
            "From a notification's due instant to its delivery, in this process.",
            ["platform"],
            buckets=DISPATCH_BUCKETS,
            registry=self.registry,
        )
        self.ack_latency = Histogram(
            "mentorbot_ack_latency_seconds",
            "From a platform request's arrival to its acknowledgement, in this process.",
            ["platform"],
            buckets=ACK_BUCKETS,
            registry=self.registry,
        )
        self.registry.register(QueueCollector(db, clock))
        ProcessCollector(registry=self.registry)

    def observe_outcome(self, row: Notification, outcome: str, target: Target | None) -> None:
        """The dispatcher's observer: one claimed row's outcome, and where it went."""
        where = target.platform if target is not None else UNKNOWN
        workspace = workspace_of(target.address) if target is not None else ""
        self.notifications.labels(OUTCOMES.get(outcome, outcome), row.kind, where, workspace).inc()
        if outcome == "sent":
            late = (self.clock.now() - row.due_at).total_seconds()
            self.dispatch_latency.labels(where).observe(max(late, 0.0))

    def observe_ack(self, platform: str, started: float) -> None:
        """A request acknowledged; `started` is when it arrived (time.perf_counter())."""
        self.ack_latency.labels(platform).observe(time.perf_counter() - started)

    def exposition(self) -> bytes:
        """The text Prometheus scrapes (queries the database: call it off the event loop)."""
        return generate_latest(self.registry)


class QueueCollector(Collector):
    """The gauges read from the database at each scrape."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def describe(self) -> list[Metric]:
        """Nothing to check at registration (which would otherwise run a scrape)."""
        return []

    def collect(self) -> Iterator[Metric]:
        now = self.clock.now()
        up = GaugeMetricFamily(
            "mentorbot_database_up", "Whether the database answered this scrape (1) or not (0)."
        )
        try:
            with self.db.session() as session:
                owed = owed_by_kind_and_platform(session=session, now=now)
                oldest = backlog(session=session, now=now).oldest_due_at
                pairs = pairs_by_workspace_and_status(session=session)
        except Exception as error:
            log.warning("metrics: the database does not answer (%s)", type(error).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        owed_gauge = GaugeMetricFamily(
            "mentorbot_notifications_owed",
            "Notifications due by now and not yet sent, by kind and platform (all replicas).",
            labels=["kind", "platform"],
        )
        for (kind, platform), count in sorted(owed.items()):
            owed_gauge.add_metric([kind, platform], count)
        yield owed_gauge
        age = (now - oldest).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily(
            "mentorbot_oldest_due_notification_age_seconds",
            "How long the oldest notification due and not yet sent has been due (0: none).",
            value=max(age, 0.0),
        )
        pairs_gauge = GaugeMetricFamily(
            "mentorbot_pairs",
            "Pairs by platform, workspace (empty where one is served) and status.",
            labels=["platform", "workspace", "status"],
        )
        for (platform, workspace, status), count in sorted(pairs.items()):
            pairs_gauge.add_metric([platform, workspace, status], count)
        yield pairs_gauge
