"""The RPZ allowlist never lets through a host where anyone can publish, and a removal
of the incremental feed is never written as a blocking line."""

from __future__ import annotations

import csv
import io

from lachan.serve.feeds_format import FeedEntry, csv_feed, hosts_file, rpz_passthru_zone

EXCLUDE = {"google.com": ["sites.google.com", "docs.google.com"], "web.app": ["web.app"]}


def _rules(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and line[0] not in ";$@"]


def test_a_domain_hosting_user_content_is_passed_without_its_wildcard() -> None:
    out = rpz_passthru_zone(["google.com", "vietcombank.com.vn", "web.app"], exclude=EXCLUDE)
    assert _rules(out.text) == [
        "vietcombank.com.vn CNAME rpz-passthru.",
        "*.vietcombank.com.vn CNAME rpz-passthru.",
        "google.com CNAME rpz-passthru.",
        "www.google.com CNAME rpz-passthru.",
    ]
    assert "; *.google.com is not passed: docs.google.com, sites.google.com" in out.text
    assert out.written == 2 and out.skipped == {"user_content": 1}


def test_exclusions_outside_the_domain_are_ignored() -> None:
    out = rpz_passthru_zone(["zalo.me"], exclude={"zalo.me": ["sites.google.com"]})
    assert "*.zalo.me CNAME rpz-passthru." in _rules(out.text)


def test_a_removal_is_never_a_blocking_line_but_csv_says_remove() -> None:
    entries = [FeedEntry("evil.top", "domain", "listed"),
               FeedEntry("gone.top", "domain", "listed", listed=False)]
    assert "gone.top" not in hosts_file(entries).text
    rows = list(csv.DictReader(io.StringIO(csv_feed(entries).text, newline="")))
    assert [(r["value"], r["listed"]) for r in rows] == [("evil.top", "true"),
                                                         ("gone.top", "false")]
