"""Thresholds of the complaint centre and the spam-source registry, in one place.

Operators' real thresholds are not public (decree91.md), so every value is
configuration. Override any of them with a JSON object in ``$LACHAN_HOME/centre.json``
or in the file named by ``LACHAN_CENTRE_SETTINGS``; unknown keys are an error.

Defaults and why:

- ``half_life_days = 14``: reputation halves every two weeks. Campaigns from one number
  or domain last days to weeks; after ~6 weeks of silence (3 half-lives) a listed source
  has fallen below ``suspected_score``, so a recycled phone number (telcos reassign
  numbers after about 90 days) is not punished for its previous holder.
- ``complaint_weight = 1``, ``scam_factor = 2``, ``ham_factor = 0.25``: a complaint that
  the engine also finds to be a scam counts double (the harm is larger); one the engine
  finds to be personal or transactional counts a quarter (mistaken or malicious reports).
- ``new_reporter_bonus = 1``: a second person reporting a source says more than the same
  person reporting it again.
- ``content_factor = 0.5``: numbers and links found inside the reported content are
  linked, but weigh half of the reported source itself (a scam text may quote a real
  bank's site to look credible; official channels are never listed anyway).
- ``detection_weight = 0.5``: an operator's filter detection is machine evidence,
  weaker than a person's complaint, and arrives in volume.
- ``detection_window_hours = 24``: a detection counts once per source, per detecting
  API key and per day: the same key reporting the same source again within 24 hours
  (or many times in one request) adds nothing. A filter sees a campaign thousands of
  times; what it tells the centre is "my network still sees this source today", so
  one key cannot raise a score by repeating itself.
- ``listed_min_detections = 10`` and ``listed_min_detectors = 2``: detections alone list a
  source (its score must reach ``listed_score`` as well) only after ten counted
  detections (a counted detection is one key's report of the source in one window)
  from at least two different keys. One operator's filter, however sure, is one
  party's judgement: a false positive, or a dispute between competitors, must not put
  a number on every operator's blocklist, so a second, independent operator has to see
  it too. A scam detection weighs 1, so with decay two operators reporting a number
  every day list it on the sixth day, five operators on the third. Issue one key per
  operator for detections, so that two keys are two operators.
- ``suspected_score = 3``: about two complaints by two people, or one scam complaint.
- ``listed_score = 10`` and ``listed_min_reporters = 3``: shared on the blocklist only
  when at least three different *verified* reporters complained (the gateway's msisdn, or
  a complaint pushed with a gateway or operator key; a self-declared reporter, on the
  public route or sent with a key of another role, raises the score but never counts
  here); one person cannot list a number.
- ``dedupe_window_hours = 24``: the same person, source and content sent again by the
  same key inside a day is one complaint (people re-send a 5656 report when no reply
  comes quickly); keyless complaints are never folded.
- ``rate_per_hour = 20`` and ``rate_per_day = 100``: more complaints than that from one
  reporter is a script or an attack; a citizen reporting the day's spam stays well under.
- ``public_rate_per_minute = 30``: per client address, on the public (no key) routes,
  and for complaints sent with a key whose role does not vouch for the reporter.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class CentreSettings:
    half_life_days: float = 14.0
    complaint_weight: float = 1.0
    scam_factor: float = 2.0
    ham_factor: float = 0.25
    new_reporter_bonus: float = 1.0
    content_factor: float = 0.5
    detection_weight: float = 0.5
    detection_window_hours: float = 24.0
    suspected_score: float = 3.0
    listed_score: float = 10.0
    listed_min_reporters: int = 3
    listed_min_detections: int = 10
    listed_min_detectors: int = 2
    dedupe_window_hours: float = 24.0
    rate_per_hour: int = 20
    rate_per_day: int = 100
    public_rate_per_minute: int = 30
    retention_days: int = 365
    max_batch: int = 1000

    def with_(self, **changes: Any) -> CentreSettings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> CentreSettings:
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValueError(f"unknown centre settings: {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name, value in data.items():
            default = getattr(cls(), name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"setting {name} must be a number")
            if value < 0:
                raise ValueError(f"setting {name} must not be negative")
            values[name] = type(default)(value)
        return cls(**values)

    @classmethod
    def load(cls, home: Path | None = None) -> CentreSettings:
        """Defaults, overridden by the JSON settings file when there is one."""
        path_env = os.environ.get("LACHAN_CENTRE_SETTINGS")
        if path_env:
            path = Path(path_env)
        else:
            from lachan.store.session import lachan_home

            path = (home or lachan_home()) / "centre.json"
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read centre settings {path}: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError(f"centre settings {path} must hold a JSON object")
        return cls.from_mapping(data)
