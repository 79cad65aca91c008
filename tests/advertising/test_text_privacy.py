"""An ad copy's text and subject, the violations that quote them and a consent's proof
reference are stored encrypted (bound to their column and advertiser): the raw tables
hold none of them in clear. The routes show them back to the advertiser they belong to
and to the centre's analysts, and to no one else; a copy submitted again is still told
as the same copy."""

from __future__ import annotations

import pytest
from adv_helpers import RECIPIENT, auth, copy, make_key, setup_advertiser, vn
from sqlalchemy import select, update

from lachan.registry.advertising_recipients import (
    CONSENT_PROOF,
    COPY_SUBJECT,
    COPY_TEXT,
    Recipients,
)
from lachan.registry.privacy import SecretError
from lachan.store.tables_advertising import AdCopy, Consent
from lachan.store.testing import raw_values

#: what a personalised ad carries: a name, a number (not the recipient's)
NAME, NUMBER = "Nguyen Van Binh", "0987111222"
#: no [QC] label and matching no template: AD_LABEL_MISSING, TEMPLATE_MISMATCH and
#: OPT_OUT_MISSING quote its start, its end and the text itself
PERSONAL = f"Chao anh {NAME}, so {NUMBER} cua anh duoc tang 200k. Lien he SHOPABC"
SUBJECT = f"Thu moi rieng cho {NAME}"  # no [QC] tag: EMAIL_SUBJECT_TAG_MISSING quotes it
PROOF = f"phieu dang ky ky boi {NAME}, CCCD 001099012345"
CLEAR = (NAME, NUMBER, "001099012345", "Binh")


def _stored(app, *tables: str) -> str:
    """Every value of ``tables`` as text, read past the ORM."""
    return "\n".join(v for values in raw_values(app.state.db.url, *tables).values()
                     for v in values)


def _stranger(client, app) -> dict:
    """The key of another advertiser (one it created)."""
    h = auth(make_key(app, "advertiser"))
    r = client.post("/v1/advertisers", json={"name": "Other shop"}, headers=h)
    assert r.status_code == 201, r.text
    return h | {"advertiser": str(r.json()["id"])}


def _copies() -> list[dict]:
    return [copy(vn(22, 9), text=PERSONAL),
            copy(vn(22, 9), channel="email", recipient="lan@example.vn", subject=SUBJECT,
                 text=PERSONAL)]


def test_copy_texts_and_the_violations_quoting_them_are_not_stored_in_clear(
    client, app
) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                    json={"copies": _copies()})
    assert r.status_code == 200, r.text
    first = r.json()["results"]
    rules = [{v["rule"] for v in res["violations"]} for res in first]
    assert {"AD_LABEL_MISSING", "TEMPLATE_MISMATCH"} <= rules[0]
    assert "EMAIL_SUBJECT_TAG_MISSING" in rules[1]
    quoted = [v for res in first for v in res["violations"]
              if NAME in v["explanation"] + str(v["evidence"])]
    assert quoted  # the answer quotes the copies: so would the stored violations

    stored = _stored(app, "ad_copies", "ad_violations")
    for clear in CLEAR:
        assert clear not in stored
    with app.state.db.read() as s:  # the ciphertexts open, each for its column only
        keyed = Recipients.of(s)
        row = s.execute(select(AdCopy).order_by(AdCopy.id.desc())).scalars().first()
        assert keyed.open(COPY_TEXT, aid, row.text_enc) == PERSONAL
        assert keyed.open(COPY_SUBJECT, aid, row.subject_enc) == SUBJECT
        with pytest.raises(SecretError):
            keyed.open(COPY_SUBJECT, aid, row.text_enc)
        with pytest.raises(SecretError):
            keyed.open(COPY_TEXT, aid + 1, row.text_enc)

    # the same copies again are the same copies (told apart by decrypting the stored
    # ones sent at that moment), answered with the violations as first found
    again = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                        json={"copies": _copies()}).json()
    assert again["duplicates"] == 2
    assert [{k: v for k, v in res.items() if k != "duplicate"} for res in again["results"]] \
        == [{k: v for k, v in res.items() if k != "duplicate"} for res in first]
    # a copy differing only in its text is another copy
    other = client.post(f"/v1/advertisers/{aid}/copies", headers=h, json={
        "copies": [copy(vn(22, 9), text=PERSONAL + ".")]}).json()
    assert other["duplicates"] == 0


def test_the_violations_route_shows_the_quotes_to_their_advertiser_and_analysts_only(
    client, app
) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                    json={"copies": _copies()})
    assert r.status_code == 200, r.text
    answered = [{k: v[k] for k in ("rule", "explanation", "evidence", "fine")}
                for res in r.json()["results"] for v in res["violations"]]
    path = f"/v1/advertisers/{aid}/violations"
    for who in (h, auth(make_key(app, "analyst"))):
        listed = client.get(path, headers=who)
        assert listed.status_code == 200, listed.text
        shown = [{k: v[k] for k in ("rule", "explanation", "evidence", "fine")}
                 for v in listed.json()["violations"]]
        assert shown == answered  # as the submission answered them, quotes included
        assert NAME in listed.text and SUBJECT[:40] in listed.text
    stranger = _stranger(client, app)
    assert client.get(path, headers={"Authorization": stranger["Authorization"]}
                      ).status_code == 404
    for role in ("gateway", "operator"):
        assert client.get(path, headers=auth(make_key(app, role))).status_code == 403


def test_a_consents_proof_is_encrypted_and_shown_to_its_advertiser_and_analysts(
    client, app
) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": "0987654321", "channel": "all", "method": "paper", "proof_ref": PROOF,
         "given_at": "2026-11-01T00:00:00+07:00"}]})
    assert r.status_code == 201, r.text
    # withdrawing calls keeps SMS: a consent of its own, with the same proof
    r = client.post(f"/v1/advertisers/{aid}/consents/withdraw", headers=h,
                    json={"recipient": "0987654321", "channel": "call"})
    assert r.json() == {"withdrawn": 1}

    stored = _stored(app, "ad_consents")
    for clear in CLEAR:
        assert clear not in stored
    assert "web-1" not in stored  # setup_advertiser's proof reference

    path = f"/v1/advertisers/{aid}/consents"
    for who in (h, auth(make_key(app, "analyst"))):
        got = client.get(path, headers=who, params={"recipient": "0987654321"})
        assert got.status_code == 200, got.text
        assert [(c["channel"], c["proof_ref"]) for c in got.json()["consents"]] == [
            ("all", PROOF), ("sms", PROOF)]
        assert [c["proof_ref"] for c in client.get(path, headers=who, params={
            "recipient": RECIPIENT}).json()["consents"]] == ["web-1"]
    stranger = _stranger(client, app)
    assert client.get(path, headers={"Authorization": stranger["Authorization"]}
                      ).status_code == 404
    for role in ("gateway", "operator"):
        assert client.get(path, headers=auth(make_key(app, role))).status_code == 403


def test_a_proof_moved_to_another_advertisers_consent_does_not_open(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    stranger = _stranger(client, app)
    other = int(stranger.pop("advertiser"))
    r = client.post(f"/v1/advertisers/{other}/consents", headers=stranger, json={
        "consents": [{"recipient": "0987654321", "proof_ref": "theirs"}]})
    assert r.status_code == 201, r.text
    with app.state.db.transaction() as s:
        mine = s.execute(select(Consent.proof_ref_enc).where(
            Consent.advertiser_id == aid)).scalar_one()
        s.execute(update(Consent).where(Consent.advertiser_id == other)
                  .values(proof_ref_enc=mine))
    with app.state.db.read() as s:
        row = s.execute(select(Consent).where(Consent.advertiser_id == other)).scalar_one()
        with pytest.raises(SecretError):
            Recipients.of(s).open(CONSENT_PROOF, other, row.proof_ref_enc)
    assert client.get(f"/v1/advertisers/{aid}/consents", headers=h).json()["consents"][0][
        "proof_ref"] == "web-1"
