"""DNS limits and IPv6 zone ids in the feed formats: no owner over 255 octets with the
zone origin, no address with a zone id, in any RPZ writer."""

from __future__ import annotations

from datetime import UTC, datetime

from lachan.serve import feeds_format as ff

NOW = datetime(2026, 1, 1, tzinfo=UTC)
#: A valid origin of 235 characters: only very short owners fit under it.
LONG_ORIGIN = ".".join(["o" * 63, "p" * 63, "q" * 63, "r" * 40, "example"])


def _owners(text: str, origin: str) -> list[str]:
    return [f"{line.split()[0]}.{origin}" for line in text.splitlines()
            if line and not line.startswith((";", "$", "@"))]


def test_rpz_skips_an_ip_owner_that_would_not_fit_under_the_origin() -> None:
    entries = [ff.FeedEntry("2001:db8:1:2:3:4:5:6", "ip", "blocked"),
               ff.FeedEntry("a.vn", "domain", "blocked")]
    out = ff.rpz_zone(entries, origin=LONG_ORIGIN, now=NOW, serial=1)
    owners = _owners(out.text, LONG_ORIGIN)
    assert all(len(o) <= ff.MAX_DNS_NAME_CHARS for o in owners)
    assert "rpz-ip" not in out.text and out.skipped["too_long"] == 1
    assert "; left out: 1 name(s) too long for DNS" in out.text  # said, not silent
    assert "*.a.vn." + LONG_ORIGIN in owners and out.written == 1


def test_rpz_never_writes_an_address_with_a_zone_id() -> None:
    entries = [ff.FeedEntry("fe80::1%eth0", "ip", "blocked"),
               ff.FeedEntry("fe80::1", "ip", "blocked")]
    out = ff.rpz_zone(entries, now=NOW, serial=1)
    assert "%" not in out.text and "128.1.zz.fe80.rpz-ip CNAME ." in out.text
    assert out.written == 1 and out.skipped["invalid"] == 1
    assert ff.valid_ip("fe80::1%eth0") is None
    assert ff.plain_value("ip", "fe80::1%eth0") is None


def test_passthru_zone_skips_invalid_and_over_long_hosts() -> None:
    long_host = ".".join(["a" * 62, "b" * 62, "c" * 62, "d" * 60, "vn"])  # 252 characters
    out = ff.rpz_passthru_zone(["vietcombank.com.vn", long_host, "bad host", "VCB.VN"],
                               now=NOW, serial=7)
    owners = _owners(out.text, "rpz.lachan.local")
    assert owners == ["vietcombank.com.vn.rpz.lachan.local",
                      "*.vietcombank.com.vn.rpz.lachan.local",
                      "vcb.vn.rpz.lachan.local", "*.vcb.vn.rpz.lachan.local"]
    assert out.skipped == {"too_long": 1, "invalid": 1} and out.written == 2
    assert "( 7 3600 600 604800 300 )" in out.text
    assert "vcb.vn CNAME rpz-passthru." in out.text
