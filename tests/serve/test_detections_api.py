"""POST /v1/detections: copies and repeats count once, one operator cannot list a number
(QA: twenty copies of one detection in one request listed 0988111444 with no complaint
and put it on the blocklist; a thousand gave it score 999.99)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.registry import keys
from lachan.serve.testing import bearer

NUMBER = "0988111444"


def _detect(client: TestClient, key: str, items: list[dict]) -> list[dict]:
    resp = client.post("/v1/detections", headers=bearer(key), json={"detections": items})
    assert resp.status_code == 200, resp.text
    return resp.json()["results"]


def _blocklist(client: TestClient, operator: str) -> set[str]:
    feed = client.get("/v1/feeds/blocklist?kind=phone", headers=bearer(operator)).json()
    return {i["value"] for i in feed["items"] if i["listed"]}


def test_copies_in_one_request_neither_list_nor_inflate(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    op = role_keys["operator"]
    out = _detect(client, op, [{"kind": "phone", "value": NUMBER}] * 1000)
    assert [r["counted"] for r in out] == [True] + [False] * 999
    assert {r["state"] for r in out} == {"unknown"}
    info = client.get(f"/v1/lookup/phone/{NUMBER}").json()
    assert (info["state"], info["score"], info["detections"], info["detectors"]) == (
        "unknown", 1.0, 1, 1,
    )
    assert NUMBER not in _blocklist(client, op)


def test_repeats_from_the_same_key_count_once_a_day(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    op = role_keys["operator"]
    for _ in range(25):
        (r,) = _detect(client, op, [{"kind": "phone", "value": NUMBER}])
    assert r["counted"] is False
    (g,) = _detect(client, role_keys["gateway"], [{"kind": "phone", "value": "+84988111444"}])
    assert g["counted"] is True and g["value"] == NUMBER
    info = client.get(f"/v1/lookup/phone/{NUMBER}").json()
    assert (info["detections"], info["detectors"], info["score"]) == (2, 2, 2.0)
    assert info["state"] == "unknown" and NUMBER not in _blocklist(client, op)


def test_many_operators_list_a_number(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    with app.state.db.transaction() as s:
        operators = [keys.create_key(s, "operator", f"telco {i}") for i in range(11)]
    states = []
    for key in operators:
        (r,) = _detect(client, key, [{"kind": "phone", "value": NUMBER}])
        assert r["counted"]
        states.append(r["state"])
    assert "listed" not in states[:9] and states[-1] == "listed"  # ten counted, score 10
    assert NUMBER in _blocklist(client, role_keys["operator"])


def test_bad_items_get_their_error_and_the_rest_are_counted(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    out = _detect(
        client,
        role_keys["operator"],
        [{"kind": "phone", "value": "bogus"}, {"kind": "domain", "value": "VCB-Baomat.TOP"}],
    )
    assert out[0]["index"] == 0 and "error" in out[0]
    assert out[1] == {
        "index": 1, "kind": "domain", "value": "vcb-baomat.top", "state": "unknown",
        "counted": True,
    }


def test_concurrent_copies_from_one_key_count_once(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    op = role_keys["operator"]

    def send(_: int) -> int:
        out = _detect(client, op, [{"kind": "phone", "value": NUMBER}] * 50)
        return sum(r["counted"] for r in out)

    with ThreadPoolExecutor(max_workers=6) as pool:
        counted = sum(pool.map(send, range(12)))
    assert counted == 1
    info = client.get(f"/v1/lookup/phone/{NUMBER}").json()
    assert (info["detections"], info["detectors"]) == (1, 1)
