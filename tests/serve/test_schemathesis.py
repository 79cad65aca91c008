"""Property-based run over the OpenAPI spec (bounded in examples): no input gives a 5xx.

Each operation of the spec gets a few generated requests (schemathesis strategies driven
by hypothesis), sent with an admin key and without a key."""

from __future__ import annotations

import os

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

# Raw e-mails are bytes; let schemathesis generate them for the message/rfc822 body.
schemathesis.openapi.media_type("message/rfc822", st.binary(max_size=2048))

EXAMPLES_PER_OPERATION = 6
#: Tags of the centre's routers: LACHAN_FUZZ_CENTRE_ONLY=1 fuzzes only these (by default
#: every route of the app is fuzzed, other areas' included).
CENTRE_TAGS = {"meta", "admin", "gateway", "complaints", "dnc", "sources", "stats", "feeds"}
ACCEPTED_TYPES = ("application/json", "text/", "application/x-ndjson")


def test_no_server_error(app: FastAPI, role_keys: dict[str, str]) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    admin = {"Authorization": f"Bearer {role_keys['admin']}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    if os.environ.get("LACHAN_FUZZ_CENTRE_ONLY"):
        operations = [
            op for op in operations if set(op.definition.raw.get("tags", [])) & CENTRE_TAGS
        ]
    assert len(operations) >= 15, "the spec lost operations"
    failures: list[str] = []

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def run(case) -> None:
            for headers in (admin, {}):
                response = case.call(headers=headers)
                where = f"{case.method} {case.formatted_path} -> {response.status_code}"
                if response.status_code >= 500:
                    failures.append(f"{where}: {response.text[:300]}")
                    continue
                ctype = (response.headers.get("content-type") or [""])[0]
                if not ctype.startswith(ACCEPTED_TYPES):
                    failures.append(f"{where}: content-type {ctype!r}")

        run()
    assert not failures, "\n".join(failures[:20])
