"""Reporter pseudonyms (keyed HMAC) and encryption at rest (AES-GCM).

One 32-byte master secret, from ``LACHAN_SECRET_KEY`` (hex, URL-safe base64, or any
string of at least 32 characters) or from ``$LACHAN_HOME/secret.key`` (created with mode
0600 on first start), gives two keys by HKDF: one for HMAC pseudonyms, one for AES-GCM.
Every node of a PostgreSQL deployment must share the same secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_FILE = "secret.key"
_NONCE = 12
_VERSION = b"\x01"


class SecretError(ValueError):
    """The secret key is missing, too short, or a ciphertext does not authenticate."""


def _decode_secret(text: str) -> bytes:
    text = text.strip()
    if len(text) == 64:
        try:
            return bytes.fromhex(text)
        except ValueError:
            pass
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        if len(raw) >= 32:
            return raw
    except (binascii.Error, ValueError):
        pass
    if len(text) >= 32:
        return hashlib.sha256(text.encode()).digest()
    raise SecretError("LACHAN_SECRET_KEY must be 32 bytes (64 hex digits) or a longer passphrase")


def load_master_secret(home: Path | None = None) -> bytes:
    """The master secret from the environment, else from the key file (created if absent)."""
    env = os.environ.get("LACHAN_SECRET_KEY")
    if env:
        return _decode_secret(env)
    if home is None:
        from lachan.store.session import lachan_home

        home = lachan_home()
    home.mkdir(parents=True, exist_ok=True)
    path = home / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _decode_secret(path.read_text(encoding="ascii"))
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_hex(32) + "\n")
    return _decode_secret(path.read_text(encoding="ascii"))


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


def audit_seal_key(master: bytes) -> bytes:
    """The key that seals the audit log's newest entry (see :mod:`lachan.registry.audit`)."""
    return _derive(master, b"lachan audit seal v1")


class Vault:
    """Pseudonyms and at-rest encryption from one master secret."""

    def __init__(self, master: bytes) -> None:
        if len(master) < 32:
            raise SecretError("the master secret must be at least 32 bytes")
        self._hmac_key = _derive(master, b"lachan reporter pseudonym v1")
        self._aead = AESGCM(_derive(master, b"lachan at-rest encryption v1"))
        self.audit_seal_key = audit_seal_key(master)

    @classmethod
    def from_environment(cls, home: Path | None = None) -> Vault:
        return cls(load_master_secret(home))

    def pseudonym(self, identity: str) -> str:
        """Stable keyed pseudonym of a reporter's number or address (not reversible)."""
        return hmac.new(self._hmac_key, identity.strip().lower().encode(), "sha256").hexdigest()

    def keyed_hash(self, *parts: str) -> str:
        h = hmac.new(self._hmac_key, b"dedupe", "sha256")
        for p in parts:
            h.update(b"\x1f" + p.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def encrypt(self, plaintext: bytes, context: bytes = b"") -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext, context)

    def decrypt(self, blob: bytes, context: bytes = b"") -> bytes:
        from cryptography.exceptions import InvalidTag

        if len(blob) < 1 + _NONCE + 16 or blob[:1] != _VERSION:
            raise SecretError("ciphertext is malformed")
        try:
            return self._aead.decrypt(blob[1 : 1 + _NONCE], blob[1 + _NONCE :], context)
        except InvalidTag:
            raise SecretError("ciphertext does not authenticate (wrong key or tampered)") from None
