"""Property-based run over the advertising part of the OpenAPI spec: no input gives a
5xx, every answer is JSON or text (bounded in examples)."""

from __future__ import annotations

import schemathesis
from adv_helpers import auth, make_key
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

EXAMPLES_PER_OPERATION = 12


def test_no_server_error(app: FastAPI, client: TestClient) -> None:
    admin = auth(make_key(app, "admin"))
    advertiser = auth(make_key(app, "advertiser"))
    assert (
        client.post("/v1/advertisers", json={"name": "Shop"}, headers=advertiser).json()["id"] == 1
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [
        op
        for op in (r.ok() for r in schema.get_all_operations())
        if "advertising" in op.definition.raw.get("tags", [])
    ]
    assert len(operations) >= 15, "the spec lost the advertising operations"
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy(), advertiser_id=st.sampled_from([1, 1, 2]))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def run(case, advertiser_id: int) -> None:
            if case.path_parameters and "advertiser_id" in case.path_parameters:
                case.path_parameters["advertiser_id"] = advertiser_id
            for headers in (admin, advertiser, {}):
                response = case.call(headers=headers)
                where = f"{case.method} {case.formatted_path} -> {response.status_code}"
                if response.status_code >= 500:
                    failures.append(f"{where}: {response.text[:300]}")
                    continue
                ctype = response.headers.get("content-type") or ""
                ctype = ctype[0] if isinstance(ctype, list) else ctype
                if not ctype.startswith(("application/json", "text/", "application/x-ndjson")):
                    failures.append(f"{where}: content-type {ctype!r}")

        run()
    assert not failures, "\n".join(failures[:20])
