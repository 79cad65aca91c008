"""Centre settings from a file; the secret key, pseudonyms and at-rest encryption."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lachan.registry.privacy import SecretError, Vault, load_master_secret
from lachan.registry.settings import CentreSettings


def test_settings_file_overrides_defaults(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("LACHAN_CENTRE_SETTINGS", raising=False)
    assert CentreSettings.load(tmp_path) == CentreSettings()
    (tmp_path / "centre.json").write_text(
        json.dumps({"listed_min_reporters": 5, "half_life_days": 7})
    )
    s = CentreSettings.load(tmp_path)
    assert s.listed_min_reporters == 5 and s.half_life_days == 7.0
    (tmp_path / "centre.json").write_text('{"listed_min_reporter": 5}')
    with pytest.raises(ValueError, match="unknown centre settings"):
        CentreSettings.load(tmp_path)
    (tmp_path / "centre.json").write_text('{"rate_per_hour": -1}')
    with pytest.raises(ValueError, match="negative"):
        CentreSettings.load(tmp_path)
    (tmp_path / "centre.json").write_text("{not json")
    with pytest.raises(ValueError, match="cannot read"):
        CentreSettings.load(tmp_path)


def test_key_file_is_created_once_with_mode_0600(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("LACHAN_SECRET_KEY", raising=False)
    first = load_master_secret(tmp_path)
    assert (tmp_path / "secret.key").stat().st_mode & 0o777 == 0o600
    assert load_master_secret(tmp_path) == first and len(first) == 32


def test_secret_from_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LACHAN_SECRET_KEY", "ab" * 32)
    assert load_master_secret(tmp_path) == bytes.fromhex("ab" * 32)
    assert not (tmp_path / "secret.key").exists()
    monkeypatch.setenv("LACHAN_SECRET_KEY", "too short")
    with pytest.raises(SecretError):
        load_master_secret(tmp_path)


def test_pseudonyms_are_keyed_and_stable() -> None:
    a, b = Vault(b"a" * 32), Vault(b"b" * 32)
    assert a.pseudonym("0912345678") == a.pseudonym(" 0912345678 ")
    assert a.pseudonym("Lan@Example.vn") == a.pseudonym("lan@example.vn")
    assert a.pseudonym("0912345678") != b.pseudonym("0912345678")
    assert "0912345678" not in a.pseudonym("0912345678")


def test_a_vault_is_found_by_its_seal_key_while_it_lives() -> None:
    from lachan.registry.privacy import vault_for_seal_key

    kept = Vault(b"w" * 32)
    Vault(b"w" * 32)  # another vault of the same secret, dropped at once
    assert vault_for_seal_key(kept.audit_seal_key) is kept
    seal = Vault(b"v" * 32).audit_seal_key
    assert vault_for_seal_key(seal) is None


def test_dnc_pseudonyms_are_hmacs_under_a_key_of_their_own() -> None:
    import hashlib
    import hmac

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    a, b = Vault(b"a" * 32), Vault(b"b" * 32)
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"lachan dnc number pseudonym v1").derive(b"a" * 32)
    numbers = [b"0912345678", b"02438251234", b""]
    expected = [hmac.new(key, n, hashlib.sha256).digest() for n in numbers]
    assert list(a.dnc_digests(numbers)) == expected
    assert a.dnc_pseudonym("0912345678") == expected[0].hex()
    assert a.dnc_pseudonyms(numbers) == [d.hex() for d in expected]  # what an import writes
    # not the reporter pseudonym of the same number (no join with complaints), nor
    # another centre's
    assert a.dnc_pseudonym("0912345678") != a.pseudonym("0912345678")
    assert a.dnc_pseudonym("0912345678") != b.dnc_pseudonym("0912345678")


def test_encryption_authenticates_content_and_context() -> None:
    v = Vault(b"k" * 32)
    blob = v.encrypt("Tài khoản bị khoá".encode(), b"C1")
    assert v.decrypt(blob, b"C1").decode() == "Tài khoản bị khoá"
    assert v.encrypt(b"x", b"C1") != v.encrypt(b"x", b"C1")  # fresh nonce each time
    with pytest.raises(SecretError):
        v.decrypt(blob, b"C2")  # bound to its complaint reference
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(SecretError):
        v.decrypt(tampered, b"C1")
    with pytest.raises(SecretError):
        Vault(b"short")
