"""The Decree 91 rules table: every value, and overrides of the uncertain ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lachan.rules import (
    DEFAULT_RULES,
    UNCERTAIN,
    FineBand,
    RulesConfigError,
    hm,
    load_rules,
    overridden_confirmed,
    with_overrides,
)


def test_confirmed_values_match_the_spec() -> None:
    r = DEFAULT_RULES
    assert r.sending_hours["sms"] == (hm("07:00"), hm("22:00"))
    assert r.sending_hours["call"] == (hm("08:00"), hm("17:00"))
    assert r.sending_hours["email"] is None
    assert r.frequency_caps == {"sms": 3, "email": 3, "call": 1}
    assert r.frequency_window_seconds == 86_400
    assert r.sms_labels == ("[QC]", "[AD]")
    assert r.brandname_max_len == 11
    assert r.brandname_valid_years == 3
    assert r.phone_number_may_advertise is False
    assert r.dkqc_prefix == "DKQC"
    assert r.dkqc_reply_window_seconds == 86_400
    assert r.dnc_scopes["sms"] == ("sms", "all")
    assert r.dnc_scopes["email"] == ()
    for kw in ("TC", "HUY", "TU CHOI", "KHONG"):
        assert kw in r.refusal_keywords


def test_fine_bands_per_rule_and_channel() -> None:
    r = DEFAULT_RULES
    assert r.fine_band("DNC_LISTED", "sms") == FineBand(80_000_000, 100_000_000)
    assert r.fine_band("NO_CONSENT", "email") == FineBand(5_000_000, 10_000_000)
    assert r.fine_band("FREQUENCY_CAP_EXCEEDED", "call") == FineBand(20_000_000, 30_000_000)
    assert r.fine_band("OUTSIDE_SENDING_HOURS", "call") == FineBand(20_000_000, 30_000_000)
    # the spec gives no band for SMS hours
    assert r.fine_band("OUTSIDE_SENDING_HOURS", "sms") is None
    assert str(FineBand(20_000_000, 30_000_000)) == "20-30M VND"


def test_uncertain_values_are_overridable_from_a_file(tmp_path: Path, monkeypatch) -> None:
    cfg = tmp_path / "rules.json"
    cfg.write_text(
        json.dumps(
            {
                "email_subject_tags": ["[QC]"],
                "refusal_keywords": ["TC", "NGUNG"],
                "fine_bands": {"OUTSIDE_SENDING_HOURS:sms": [1000000, 2000000]},
                "sending_hours": {"email": ["06:00", "23:00"]},
            }
        )
    )
    monkeypatch.setenv("LACHAN_AD_RULES", str(cfg))
    r = load_rules()
    assert r.email_subject_tags == ("[QC]",)
    assert r.refusal_keywords == ("TC", "NGUNG")
    assert r.fine_band("OUTSIDE_SENDING_HOURS", "sms") == FineBand(1_000_000, 2_000_000)
    assert r.fine_band("DNC_LISTED") == FineBand(80_000_000, 100_000_000)  # kept
    assert r.sending_hours["email"] == (360, 1380)
    assert r.sending_hours["sms"] == (420, 1320)
    assert overridden_confirmed(r) == ["sending_hours"]
    assert "refusal_keywords" in UNCERTAIN


def test_no_configuration_gives_the_defaults(monkeypatch) -> None:
    monkeypatch.delenv("LACHAN_AD_RULES", raising=False)
    assert load_rules() is DEFAULT_RULES


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"no_such_rule": 1}', "unknown rule names"),
        ('{"frequency_caps": 3}', "must be an object"),
        ('{"sms_labels": "[QC]"}', "list of strings"),
        ('{"fine_bands": {"X": [1]}}', "[min_vnd, max_vnd]"),
        ('{"dkqc_hours": ["25:00", "22:00"]}', "not a time of day"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    cfg = tmp_path / "rules.json"
    cfg.write_text(content)
    with pytest.raises(RulesConfigError, match=message.replace("[", r"\[")):
        load_rules(cfg)


def test_missing_or_huge_configuration(tmp_path: Path) -> None:
    with pytest.raises(RulesConfigError, match="cannot read"):
        load_rules(tmp_path / "absent.json")
    big = tmp_path / "big.json"
    big.write_text("{" + " " * 70_000 + "}")
    with pytest.raises(RulesConfigError, match="over"):
        load_rules(big)


def test_with_overrides_keeps_the_base_unchanged() -> None:
    r = with_overrides(DEFAULT_RULES, {"frequency_caps": {"sms": 5}})
    assert r.frequency_caps == {"sms": 5, "email": 3, "call": 1}
    assert DEFAULT_RULES.frequency_caps["sms"] == 3
