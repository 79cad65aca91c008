"""Where the engine's time goes: microseconds a message for each stage of
``Engine.analyse_many``, over the distinct texts of the SMS data (figures only; no message
is printed).

Stages: normalise, entities, the batch's host analysis (``warm_hosts``), ``_finish``
(content features, phrases, entity, host, text, request and illicit findings, detectors,
combinations), the model's logits, scoring (logits plus verdicts), and the JSON of the
verdicts; then ``analyse_many`` as a whole, with an empty verdict cache.

    .venv/bin/python bench/engine_stages.py [--n 12000]

Needs the SMS sets beside the project ($LACHAN_DATA, default ../shared/data).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import orjson

from lachan import entities, native
from lachan import text as text_normaliser
from lachan.detect.engine import default_engine
from lachan.detect.features import link_hosts, warm_hosts
from lachan.model.datasets import SOURCES, data_dir, load_examples


def timed(label: str, n: int, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    print(f"{label:<14} {(time.perf_counter() - start) / n * 1e6:7.2f} us/message")
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=12_000, help="distinct texts to time")
    args = ap.parse_args()
    examples = load_examples(data_dir(), SOURCES)
    texts = list(dict.fromkeys(e.text for e in examples))[: args.n]
    n = len(texts)
    engine = default_engine()
    engine.analyse_many([(t, None, "sms") for t in texts[:500]])  # load and warm up
    print(f"engine build: {native.MODE}; {n:,} distinct texts")
    norms = timed("normalise", n, lambda: [text_normaliser.normalise(t) for t in texts])
    found = timed("entities", n, lambda: [entities.extract(x.clean) for x in norms])
    timed("warm_hosts", n, lambda: warm_hosts([h for e in found for h in link_hosts(e)]))
    prepared = timed("finish", n, lambda: [engine._finish(x, e, None, "sms", None)
                                           for x, e in zip(norms, found, strict=True)])
    timed("logits", n, lambda: engine.model.logits([p.features for p in prepared]))
    verdicts = timed("score", n, lambda: engine.score(prepared))
    timed("to_json", n, lambda: [orjson.dumps(v.to_dict()) for v in verdicts])
    engine._verdicts.clear()
    timed("analyse_many", n, lambda: engine.analyse_many([(t, None, "sms") for t in texts]))


if __name__ == "__main__":
    main()
