"""How advertising supervision stores recipients: no phone number or address in clear,
nor any text that may name a person.

The tables of consents, refusals and ad copies hold each recipient twice, neither in
clear:

- ``recipient_pseudonym``: its keyed pseudonym (:meth:`Vault.ad_recipient_pseudonym`,
  HMAC-SHA256 of the normalised recipient under a key of its own, 64 hex digits), which
  every look-up, index and count uses (the 24-hour caps, consent and refusal look-ups,
  scrubbing). It differs from the same number's Do-Not-Call and reporter pseudonyms, so
  these rows cannot be joined with the register's nor with complaints.
- ``recipient_enc``: the normalised recipient encrypted (AES-GCM, :meth:`Vault.encrypt`),
  bound to its column and its advertiser (:func:`context`): a ciphertext copied to
  another column or to another advertiser's row does not decrypt. It is decrypted only
  where a recipient is shown back to the advertiser that gave it or to the centre (the
  list of consents); it is kept for refusals and copies as the centre's evidence.

A refusal's reply text (the subscriber's own words) is encrypted the same way
(``reply_enc``), as is all else that may name a person: a consent's proof reference
(``proof_ref_enc``, evidence shown to the regulator), an ad copy's text and subject
(``text_enc``, ``subject_enc``: a personalised ad carries a name or a number) and a
violation's explanation and evidence (``explanation_enc``, ``evidence_enc``, which quote
the copy). They are decrypted only where they are shown back (the consents' list, the
violations' list, to the advertiser they belong to or the centre's analysts) or compared
(a copy submitted again, among the few stored copies sent at the same moment); nothing
searches them, so no hash of them is kept. Recipients are normalised by
:func:`lachan.registry.advertising.normalise_recipient` before either is computed
(``0912345678``, ``lan@example.vn``), so every spelling of one recipient has one
pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy.orm import Session

from lachan.registry.audit import session_vault
from lachan.registry.privacy import Vault

#: The encrypted columns, as their ciphertexts' context names them.
CONSENT_RECIPIENT = "ad_consents.recipient"
REFUSAL_RECIPIENT = "ad_refusals.recipient"
REFUSAL_REPLY = "ad_refusals.reply"
COPY_RECIPIENT = "ad_copies.recipient"
CONSENT_PROOF = "ad_consents.proof_ref"
COPY_TEXT = "ad_copies.text"
COPY_SUBJECT = "ad_copies.subject"
VIOLATION_EXPLANATION = "ad_violations.explanation"
VIOLATION_EVIDENCE = "ad_violations.evidence"


def context(column: str, advertiser_id: int) -> bytes:
    """The associated data a ciphertext of ``column`` in a row of ``advertiser_id`` is
    bound to (``b"ad_consents.recipient:12"``)."""
    return f"{column}:{int(advertiser_id)}".encode("ascii")


class Recipients:
    """Pseudonyms and ciphertexts of recipients with one vault (the session's: see
    :func:`lachan.registry.audit.session_vault`)."""

    __slots__ = ("vault",)

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    @classmethod
    def of(cls, session: Session) -> Recipients:
        return cls(session_vault(session))

    def pseudonym(self, recipient: str) -> str:
        """The pseudonym of a normalised recipient."""
        return self.vault.ad_recipient_pseudonym(recipient)

    def pseudonyms(self, recipients: Iterable[str]) -> dict[str, str]:
        """``{recipient: pseudonym}`` of normalised recipients."""
        listed = list(recipients)
        digests = self.vault.ad_recipient_digests([r.encode("utf-8") for r in listed])
        return {r: d.hex() for r, d in zip(listed, digests, strict=True)}

    def seal(self, column: str, advertiser_id: int, text: str) -> bytes:
        """``text`` encrypted for ``column`` of a row of ``advertiser_id``."""
        return self.vault.encrypt(text.encode("utf-8"), context(column, advertiser_id))

    def seal_many(self, column: str, advertiser_id: int, texts: Sequence[str]) -> list[bytes]:
        """:meth:`seal` of each of ``texts`` (one context, nonces drawn at once)."""
        return self.vault.encrypt_many([t.encode("utf-8") for t in texts],
                                       context(column, advertiser_id))

    def open(self, column: str, advertiser_id: int, blob: bytes) -> str:
        """What :meth:`seal` encrypted; :class:`~lachan.registry.privacy.SecretError`
        when it does not authenticate (another key, column or advertiser)."""
        return self.vault.decrypt(bytes(blob), context(column, advertiser_id)).decode("utf-8")


def violation_text(keyed: Recipients, v: Any) -> dict[str, Any]:
    """``{explanation, evidence}`` of a stored violation (a row of ``ad_violations``),
    decrypted: the evidence as the JSON it was."""
    adv = v.advertiser_id
    return {
        "explanation": keyed.open(VIOLATION_EXPLANATION, adv, v.explanation_enc),
        "evidence": orjson.loads(
            keyed.vault.decrypt(bytes(v.evidence_enc), context(VIOLATION_EVIDENCE, adv))),
    }
