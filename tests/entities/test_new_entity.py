"""new_entity builds the same Entity as the class call."""

from __future__ import annotations

from lachan.domain import Entity
from lachan.entities.spans import new_entity


def test_new_entity_is_the_class_call() -> None:
    fields = ("phone", "0912345678", "0912 345 678", 3, 15, {"type": "mobile"})
    e = new_entity(fields)
    assert type(e) is Entity
    assert e == Entity(*fields)
    assert (e.kind, e.value, e.raw, e.start, e.end, e.attrs) == fields
    assert e.to_dict()["type"] == "mobile"
