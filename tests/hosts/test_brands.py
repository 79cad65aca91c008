"""The brand lexicon and the official-channel seed."""

from __future__ import annotations

import json
from pathlib import Path

from lachan.detect.brands import (
    find_brands,
    load_brands,
    normalise_phone,
    official_brandname_owner,
    official_domain_owner,
    official_email_owner,
    official_phone_owner,
)
from lachan.detect.host_parse import parse_host


def test_find_brands_in_folded_text_in_order_once_each() -> None:
    text = "shopee thong bao: tai khoan vietcombank cua ban... lien he shopee ngay"
    assert [b.id for b in find_brands(text)] == ["shopee", "vietcombank"]


def test_find_brands_multi_word_and_short_names_as_words() -> None:
    assert [b.id for b in find_brands("buu dien viet nam: buu pham cua ban")] == ["vnpost"]
    assert [b.id for b in find_brands("nhan vien viettel post goi")] == ["viettelpost"]
    assert [b.id for b in find_brands("ma vcb cua ban")] == ["vietcombank"]
    # short aliases do not fire inside other words
    assert find_brands("vcbxyz and tacb and acbd") == []


def test_official_owners_from_the_seed() -> None:
    assert official_domain_owner("vietcombank.com.vn") == "vietcombank"
    assert official_domain_owner("ibanking.vietcombank.com.vn") == "vietcombank"
    assert official_domain_owner("vietcombank.com.vn.evil.top") is None
    assert official_phone_owner("1900 54 54 13") == "vietcombank"
    assert official_phone_owner("0901234567") is None
    assert official_brandname_owner("ViettelPost") == "viettelpost"
    assert official_email_owner("cskh@vnpost.vn") == "vnpost"


def test_normalise_phone_handles_international_form() -> None:
    assert normalise_phone("+84 24 3824 3524") == "02438243524"
    assert normalise_phone("84-24-3824-3524") == "02438243524"
    assert normalise_phone("1900.545.413") == "1900545413"


def test_seed_is_well_formed() -> None:
    brands = load_brands()
    ids = [b.id for b in brands]
    assert len(ids) == len(set(ids))
    categories = {b.category for b in brands}
    assert {"bank", "wallet", "courier", "ecommerce", "telco", "public", "social"} <= categories
    for b in brands:
        assert b.source, f"{b.id} has no source note"
        for d in b.domains:
            p = parse_host(d)
            assert p.host == d, f"{b.id}: {d} is not a normalised host"
        for h in b.hotlines:
            assert h.isdigit() and 3 <= len(h) <= 11, f"{b.id}: bad hotline {h}"
        if b.category == "bank":
            assert b.bin and len(b.bin) == 6 and b.bin.isdigit()


def test_bank_bins_agree_with_the_bank_lexicon(shared_data: Path) -> None:
    lex = json.loads((shared_data / "lexicons" / "vn-banks.json").read_text("utf-8"))
    bins = {b["bin"] for b in lex["banks"]}
    seeded = {b.bin for b in load_brands() if b.category == "bank"}
    for b in load_brands():
        if b.category == "bank":
            assert b.bin in bins, f"{b.id}: BIN {b.bin} not in vn-banks.json"
    assert bins <= seeded, f"banks missing from the seed: {sorted(bins - seeded)}"
