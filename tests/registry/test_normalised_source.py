"""A reported source normalised where it came in is filed as it is; a string is
normalised by ``submit``; there is no normalised source of a bad value."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from lachan.registry import complaints as reg
from lachan.registry.complaints import ComplaintInput
from lachan.registry.normalise import InvalidSource, NormalisedSource
from lachan.registry.privacy import Vault
from lachan.store.session import Database
from lachan.store.tables_centre import Complaint

VAULT = Vault(bytes(range(32)))


@pytest.fixture()
def db(db_url: str):
    database = Database(db_url)
    yield database
    database.dispose()


def _item(source: str | NormalisedSource, **kw) -> ComplaintInput:
    return ComplaintInput(
        reporter="0901234567", channel="sms", content="giam gia 50%", source=source, **kw
    )


def test_making_one_normalises_it_and_a_bad_value_makes_none() -> None:
    assert NormalisedSource("phone", "+84 987 654 321").value == "0987654321"
    assert NormalisedSource("url", "evil.top/x?id=1").value == "http://evil.top/x"
    with pytest.raises(InvalidSource):
        NormalisedSource("phone", "12")
    with pytest.raises(InvalidSource):
        NormalisedSource("url", "javascript:alert(1)")
    with pytest.raises(InvalidSource):
        NormalisedSource("sql", "' OR 1=1--")
    with pytest.raises(InvalidSource):  # a changed copy is checked too
        dataclasses.replace(NormalisedSource("phone", "0987654321"), value="not a number")


def test_a_normalised_source_is_filed_with_its_own_kind(db: Database) -> None:
    with db.transaction() as s:
        given = reg.submit(s, VAULT, _item(NormalisedSource("brandname", "Shop.vn")))
        inferred = reg.submit(s, VAULT, _item("Shop.vn", reporter_verified=True))
    assert given.source == ("brandname", "SHOP.VN")
    assert inferred.source == ("domain", "shop.vn")  # the same text, read without a kind
    with db.read() as s:
        full = reg.get(s, VAULT, given.ref or "")
    assert full is not None and full["source"] == {"kind": "brandname", "value": "SHOP.VN"}


def test_a_kind_that_contradicts_a_normalised_source_is_refused(db: Database) -> None:
    number = NormalisedSource("phone", "0987 654 321")
    assert reg.resolve_source("phone", number) == ("phone", "0987654321")
    assert reg.resolve_source(None, number) == ("phone", "0987654321")
    with pytest.raises(InvalidSource, match="does not match"):
        reg.resolve_source("url", number)
    with db.transaction() as s, pytest.raises(InvalidSource):
        reg.submit(s, VAULT, _item(number, source_kind="brandname"))
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Complaint)).scalar_one() == 0
