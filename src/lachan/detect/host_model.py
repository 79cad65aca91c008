"""The trained host model: a logistic regression over ``host_features``.

Weights live in ``lachan/data/host_model.npz`` (plain arrays, loaded with
``allow_pickle=False``), written by ``lachan train-urls``, with the character language
models of ``host_language`` that the "unpronounceable" (``lm_logprob``) and
"unlike_site_names" (``names_lm_logprob``) features read. The decision threshold is folded
into the bias, so a calibrated score >= 0.5 means phishing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from lachan.detect.host_features import DENSE_FEATURES, HASH_BITS
from lachan.detect.host_language import SYMBOLS as LM_SYMBOLS

MODEL_RESOURCE = "host_model.npz"


@dataclass(frozen=True)
class HostModel:
    w_hash: np.ndarray
    w_dense: np.ndarray
    bias: float
    threshold: float  # logit at which a host counts as phishing
    meta: dict[str, Any] = field(default_factory=dict)
    #: the flattened ``host_language`` table behind the "unpronounceable" feature
    lm: np.ndarray | None = None
    #: the flattened ``host_language`` table of site names ("unlike_site_names")
    names_lm: np.ndarray | None = None

    def logits(
        self, n: int, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, dense: np.ndarray
    ) -> np.ndarray:
        sparse = np.bincount(rows, weights=self.w_hash[cols] * vals, minlength=n)
        return sparse + dense @ self.w_dense + self.bias

    def scores_from(self, hashed_logit: np.ndarray, dense: np.ndarray) -> np.ndarray:
        """Calibrated scores from the hashed part of the logit and the dense features."""
        z = hashed_logit + dense @ self.w_dense + self.bias - self.threshold
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))

    def scores(self, *args: Any) -> np.ndarray:
        """Calibrated probability of phishing (0.5 at the validation threshold)."""
        z = self.logits(*args) - self.threshold
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            w_hash=self.w_hash.astype(np.float32),
            w_dense=self.w_dense.astype(np.float64),
            bias=np.array([self.bias]),
            threshold=np.array([self.threshold]),
            dense_names=np.array(DENSE_FEATURES),
            hash_bits=np.array([HASH_BITS]),
            meta=np.array([json.dumps(self.meta, sort_keys=True)]),
            **({} if self.lm is None else {"lm_logprob": self.lm.astype(np.float32)}),  # type: ignore[arg-type]
            **({} if self.names_lm is None  # type: ignore[arg-type]
               else {"names_lm_logprob": self.names_lm.astype(np.float32)}),
        )


class ModelMismatch(RuntimeError):
    """The weights file was trained for other features; retrain with ``lachan train-urls``."""


def load_model_file(path: Path | Any) -> HostModel:
    with np.load(path, allow_pickle=False) as z:
        names = tuple(str(s) for s in z["dense_names"])
        if names != DENSE_FEATURES or int(z["hash_bits"][0]) != HASH_BITS:
            raise ModelMismatch("host model weights do not match the feature layout")
        if "lm_logprob" not in z.files or z["lm_logprob"].shape != (LM_SYMBOLS**3,):
            raise ModelMismatch("host model weights lack the label language model")
        if "names_lm_logprob" not in z.files or z["names_lm_logprob"].shape != (LM_SYMBOLS**3,):
            raise ModelMismatch("host model weights lack the language model of site names")
        return HostModel(
            w_hash=z["w_hash"].astype(np.float64),
            w_dense=z["w_dense"].astype(np.float64),
            bias=float(z["bias"][0]),
            threshold=float(z["threshold"][0]),
            meta=json.loads(str(z["meta"][0])),
            lm=z["lm_logprob"].astype(np.float64),
            names_lm=z["names_lm_logprob"].astype(np.float64),
        )


@lru_cache(maxsize=1)
def bundled_model() -> HostModel | None:
    """The model shipped in the package, or ``None`` when none has been trained yet."""
    res = resources.files("lachan.data").joinpath(MODEL_RESOURCE)
    if not res.is_file():
        return None
    with resources.as_file(res) as p:
        return load_model_file(p)
