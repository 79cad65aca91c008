"""The RPZ and AdGuard allowlists never let through a host where anyone can publish,
and a removal of the incremental feed is never written as a blocking line."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from lachan.serve.feeds_format import (
    FeedEntry,
    adblock_allowlist,
    csv_feed,
    hosts_file,
    rpz_passthru_zone,
)

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
EXCLUDE = {"google.com": ["sites.google.com", "docs.google.com"], "web.app": ["web.app"]}


def _rules(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and line[0] not in ";$@"]


def _filters(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and line[0] not in "!["]


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


def test_the_adblock_allowlist_carves_user_content_out_with_denyallow() -> None:
    out = adblock_allowlist(["google.com", "vietcombank.com.vn", "web.app"], exclude=EXCLUDE,
                            now=NOW)
    assert out.text.splitlines() == [
        "[Adblock Plus 2.0]",
        "! Title: Lachan official domains (allowlist)",
        "! Last modified: 2024-05-01T08:00:00Z",
        "! Expires: 1 hours",
        "@@||google.com^$important,denyallow=docs.google.com|sites.google.com",
        "@@||vietcombank.com.vn^$important",
    ]
    assert out.written == 2 and out.skipped == {"user_content": 1}


def test_the_adblock_allowlist_skips_invalid_and_repeated_hosts() -> None:
    out = adblock_allowlist(["Zalo.me", "zalo.me.", "bad host", "zalo.me$badfilter"], now=NOW)
    assert _filters(out.text) == ["@@||zalo.me^$important"]
    assert out.written == 1 and out.skipped == {"duplicate": 1, "invalid": 2}


def test_an_adblock_exclusion_cannot_add_a_modifier_or_leave_its_domain() -> None:
    exclude = {"google.com": ["sites.google.com,badfilter", "evil.top", "docs.google.com"]}
    out = adblock_allowlist(["google.com"], exclude=exclude, now=NOW)
    assert _filters(out.text) == ["@@||google.com^$important,denyallow=docs.google.com"]
