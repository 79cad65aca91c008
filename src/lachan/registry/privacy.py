"""Reporter pseudonyms (keyed HMAC) and encryption at rest (AES-GCM).

One 32-byte master secret, from ``LACHAN_SECRET_KEY`` (hex, URL-safe base64, or any
string of at least 32 characters) or from ``$LACHAN_HOME/secret.key`` (created with mode
0600 on first start), gives its keys by HKDF: one for reporters' HMAC pseudonyms, one for
AES-GCM, one for the audit seal, one for the pseudonyms under which the Do-Not-Call
register stores its numbers and its audit entries name them (:meth:`Vault.dnc_pseudonym`),
and one for the pseudonyms
under which advertising supervision stores the recipients of consents, refusals and ad
copies (:meth:`Vault.ad_recipient_pseudonym`). Each use has its own key, so that the rows
of one cannot be joined with those of another (the register's with complaints, an
advertiser's recipients with either).
Every node of a PostgreSQL deployment must share the same secret.

A key file is created only for a database that holds nothing written with a key yet
(:func:`keyed_data`): when the file is lost but the database still holds encrypted
complaints, pseudonyms or an audit seal, a new key would make them unreadable, so
:func:`load_master_secret` refuses with :class:`SecretError` instead. It refuses too
(:class:`KeyedDataUnknown`) while that cannot be told: a database that cannot be reached
or read, or whose tables are of an older (or newer, or another program's) schema. Only no
database at all, or one without a single table, counts as holding nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_FILE = "secret.key"
_NONCE = 12
_VERSION = b"\x01"


class SecretError(ValueError):
    """The secret key is missing, too short, or a ciphertext does not authenticate."""


class KeyedDataUnknown(SecretError):
    """It cannot be told whether the database holds data written with a key (it cannot be
    reached or read, or is not at the code's schema); ``reason`` says why and what to do."""

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(message or reason)
        self.reason = reason


def _decode_secret(text: str, source: str = "LACHAN_SECRET_KEY") -> bytes:
    """The 32 or more bytes a key text stands for; ``source`` names it in the error."""
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
    if source == "LACHAN_SECRET_KEY":
        raise SecretError(
            "LACHAN_SECRET_KEY must be 32 bytes (64 hex digits) or a longer passphrase")
    raise SecretError(f"secret key file {source} is not a valid key (it must hold 64 hex "
                      "digits); restore it or set LACHAN_SECRET_KEY")


#: Something that says what the database holds that was written with a key (None:
#: nothing), asked before a new key file is created; it raises :class:`KeyedDataUnknown`
#: when that cannot be told.
InUse = Callable[[], str | None]


def load_master_secret(home: Path | None = None, *, in_use: InUse | None = None) -> bytes:
    """The master secret from the environment, else from the key file.

    A missing key file is created, unless ``in_use`` (default: a look at the configured
    database, :func:`configured_database_keyed_data`) says the database already holds
    data written with a key: then :class:`SecretError` names the file to restore. When
    ``in_use`` cannot tell, no key is created either: :class:`KeyedDataUnknown` names
    the file and why the database could not be checked."""
    env = os.environ.get("LACHAN_SECRET_KEY")
    if env:
        return _decode_secret(env)
    if home is None:
        from lachan.store.session import lachan_home

        home = lachan_home()
    path = home / KEY_FILE
    found = _read_key_file(path)
    if found is not None:
        return found
    try:
        held = (in_use or configured_database_keyed_data)()
    except KeyedDataUnknown as exc:
        raise KeyedDataUnknown(
            exc.reason,
            f"secret key file missing: {path}; restore it or set LACHAN_SECRET_KEY. No new "
            f"key is created while the database cannot be checked for data written with the "
            f"old one: {exc.reason}",
        ) from None
    if held:
        raise SecretError(
            f"secret key file missing: {path}; restore it or set LACHAN_SECRET_KEY "
            f"(the database already holds {held} written with the old key)"
        )
    _create_key_file(path)
    found = _read_key_file(path)
    if found is None:  # pragma: no cover - removed between the two calls
        raise SecretError(f"secret key file missing: {path}; restore it or set LACHAN_SECRET_KEY")
    return found


def _read_key_file(path: Path) -> bytes | None:
    """The secret in ``path``; None when there is no such file."""
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        text = ""
    except OSError as exc:
        raise SecretError(f"cannot read secret key file {path}: {exc.strerror or exc}") from None
    return _decode_secret(text, str(path))


def _create_key_file(path: Path) -> None:
    """Write a new random key (mode 0600) whole, or leave a key another process wrote
    at the same moment: the file is never seen half-written where hard links work."""
    key = secrets.token_hex(32) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the data directory
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(key)
            os.link(tmp, path)  # fails if another process made the key first: theirs stays
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system: create it in place
            _create_in_place(path, key)
        finally:
            os.unlink(tmp)
    except OSError as exc:
        raise SecretError(f"cannot create secret key file {path}: {exc.strerror or exc}") from None


def _create_in_place(path: Path, key: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)


def tables_holding_rows(session: Session, tables: Iterable[tuple[str, Any]]) -> list[str]:
    """The labels of those ``(label, table)`` whose table holds at least one row, in the
    order given (one ``SELECT 1 ... LIMIT 1`` a table: none of their columns is read)."""
    from sqlalchemy import literal, select

    return [
        label
        for label, table in tables
        if session.execute(select(literal(1)).select_from(table).limit(1)).first() is not None
    ]


def keyed_data(session: Session) -> str | None:
    """What the database holds that was written with the master secret (encrypted
    complaints, reporter pseudonyms, the audit seal, the Do-Not-Call register's number
    pseudonyms, advertising's recipient pseudonyms and encrypted recipients), or None
    when nothing."""
    from lachan.store.tables_advertising import AdCopy, Consent, Refusal
    from lachan.store.tables_centre import AuditSeal, Complaint, DncEntry, DncEvent, SourceReporter

    found = tables_holding_rows(
        session,
        (
            ("encrypted complaints", Complaint),
            ("reporter pseudonyms", SourceReporter),
            ("an audit seal", AuditSeal),
            ("Do-Not-Call numbers (pseudonyms)", DncEntry),
            ("Do-Not-Call history (pseudonyms)", DncEvent),
            ("advertising consents (encrypted recipients)", Consent),
            ("advertising refusals (encrypted recipients)", Refusal),
            ("ad copies (encrypted recipients)", AdCopy),
        ),
    )
    return ", ".join(found) or None


def configured_database_keyed_data() -> str | None:
    """:func:`database_keyed_data` of the configured database."""
    from lachan.store.session import database_url

    return database_keyed_data(database_url())


def database_keyed_data(url: str) -> str | None:
    """:func:`keyed_data` of the database at ``url`` as committed, read on a connection of
    its own (so a transaction under way, which may be writing the first keyed rows, does
    not count); None when there is no database yet or it has no table at all.

    :class:`KeyedDataUnknown` when it cannot be told: the database cannot be reached or
    read, or its tables are not at the code's schema (an older one may hold keyed rows
    under other names; ``lachan db upgrade`` first)."""
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session as OrmSession

    from lachan.store.migrate import DatabaseNotReady, check_ready, describe_error
    from lachan.store.session import make_engine

    try:
        check_ready(url)
    except DatabaseNotReady as exc:
        if exc.empty:
            return None
        raise KeyedDataUnknown(exc.message) from None
    engine = make_engine(url, read_only=True)
    try:
        with OrmSession(engine) as session:
            return keyed_data(session)
    except SQLAlchemyError as exc:
        raise KeyedDataUnknown(describe_error(exc, url)) from None
    finally:
        engine.dispose()


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


def audit_seal_key(master: bytes) -> bytes:
    """The key that seals the audit log's newest entry (see :mod:`lachan.registry.audit`)."""
    return _derive(master, b"lachan audit seal v1")


#: Live vaults by their audit seal key: a session carrying a seal key (``Session.info``,
#: as the service sets it) finds the vault to write pseudonyms with
#: (:func:`vault_for_seal_key`). Several vaults of one secret may live at once, and any of
#: them will do, however many of the others are gone.
_VAULTS: dict[bytes, weakref.WeakSet[Vault]] = {}


def vault_for_seal_key(seal_key: bytes) -> Vault | None:
    """A live :class:`Vault` whose audit seal key is ``seal_key``, if any."""
    for vault in _VAULTS.get(bytes(seal_key), ()):
        return vault
    return None


class Vault:
    """Pseudonyms and at-rest encryption from one master secret."""

    def __init__(self, master: bytes) -> None:
        if len(master) < 32:
            raise SecretError("the master secret must be at least 32 bytes")
        self._hmac_key = _derive(master, b"lachan reporter pseudonym v1")
        self._aead = AESGCM(_derive(master, b"lachan at-rest encryption v1"))
        self._dnc_hmac = _HmacSha256(_derive(master, b"lachan dnc number pseudonym v1"))
        self._ad_hmac = _HmacSha256(_derive(master, b"lachan ad recipient pseudonym v1"))
        self.audit_seal_key = audit_seal_key(master)
        _VAULTS.setdefault(self.audit_seal_key, weakref.WeakSet()).add(self)

    @classmethod
    def from_environment(cls, home: Path | None = None) -> Vault:
        return cls(load_master_secret(home))

    def pseudonym(self, identity: str) -> str:
        """Stable keyed pseudonym of a reporter's number or address (not reversible)."""
        return hmac.new(self._hmac_key, identity.strip().lower().encode(), "sha256").hexdigest()

    def dnc_pseudonym(self, national: str) -> str:
        """The keyed pseudonym (64 hex digits, not reversible) under which the Do-Not-Call
        register stores a number, given in its national form (``0912345678``, as
        :func:`lachan.registry.dnc.normalise_number` writes it), and by which the audit
        log's ``dnc.*`` entries name it: HMAC-SHA256 under a key of its own, so it
        differs from the number's reporter pseudonym."""
        return self._dnc_hmac.digest(national.encode("ascii")).hex()

    def dnc_digests(self, nationals: Iterable[bytes]) -> Iterator[bytes]:
        """The 32-byte digests of :meth:`dnc_pseudonym` for many national numbers (ASCII
        bytes), in order: the speed a scrub of a million numbers needs."""
        return map(self._dnc_hmac.digest, nationals)

    def ad_recipient_pseudonym(self, recipient: str) -> str:
        """The keyed pseudonym (64 hex digits, not reversible) under which advertising
        supervision stores and looks up a recipient of consents, refusals and ad copies,
        given normalised (``0912345678``, a lower-case e-mail address: as
        :func:`lachan.registry.advertising.normalise_recipient` writes it): HMAC-SHA256
        under a key of its own, so it differs from the recipient's Do-Not-Call and
        reporter pseudonyms and cannot be joined with either."""
        return self._ad_hmac.digest(recipient.encode("utf-8")).hex()

    def ad_recipient_digests(self, recipients: Iterable[bytes]) -> Iterator[bytes]:
        """The 32-byte digests of :meth:`ad_recipient_pseudonym` for many normalised
        recipients (UTF-8 bytes), in order (a scrub of a million numbers)."""
        return map(self._ad_hmac.digest, recipients)

    def dnc_pseudonyms(self, nationals: Iterable[bytes]) -> list[str]:
        """:meth:`dnc_pseudonym` of many national numbers (ASCII bytes), in order, in one
        tight loop: what a bulk load of the register needs."""
        return self._dnc_hmac.hexdigests(nationals)

    def keyed_hash(self, *parts: str) -> str:
        h = hmac.new(self._hmac_key, b"dedupe", "sha256")
        for p in parts:
            h.update(b"\x1f" + p.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def encrypt(self, plaintext: bytes, context: bytes = b"") -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext, context)

    def encrypt_many(self, plaintexts: Sequence[bytes], context: bytes = b"") -> list[bytes]:
        """:meth:`encrypt` of each of ``plaintexts`` under one ``context``, each with a
        nonce of its own (drawn in one call: a batch of ad copies encrypts thousands)."""
        nonces = secrets.token_bytes(_NONCE * len(plaintexts))
        seal = self._aead.encrypt
        out = []
        for i, plaintext in enumerate(plaintexts):
            nonce = nonces[_NONCE * i : _NONCE * (i + 1)]
            out.append(_VERSION + nonce + seal(nonce, plaintext, context))
        return out

    def decrypt(self, blob: bytes, context: bytes = b"") -> bytes:
        from cryptography.exceptions import InvalidTag

        if len(blob) < 1 + _NONCE + 16 or blob[:1] != _VERSION:
            raise SecretError("ciphertext is malformed")
        try:
            return self._aead.decrypt(blob[1 : 1 + _NONCE], blob[1 + _NONCE :], context)
        except InvalidTag:
            raise SecretError("ciphertext does not authenticate (wrong key or tampered)") from None


class _HmacSha256:
    """HMAC-SHA256 (RFC 2104) under one key, its padded-key hash states computed once:
    the same digests as :func:`hmac.digest`, about twice as fast for short messages."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        if len(key) > 64:  # pragma: no cover - the keys here are 32 bytes
            key = hashlib.sha256(key).digest()
        key = key.ljust(64, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in key))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in key))

    def digest(self, message: bytes) -> bytes:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()

    def hexdigests(self, messages: Iterable[bytes]) -> list[str]:
        """The hex digests of ``messages``, in order (:meth:`digest` inlined in one
        loop: a quarter faster for millions of short messages)."""
        inner, outer = self._inner.copy, self._outer.copy
        out: list[str] = []
        append = out.append
        for message in messages:
            h = inner()
            h.update(message)
            o = outer()
            o.update(h.digest())
            append(o.hexdigest())
        return out
