"""The host model's extra benign training data: ham-SMS links split by registrable domain."""

from __future__ import annotations

from pathlib import Path

import pytest

from lachan.model import host_data, host_train

# on the validation side (crc32 % 5 == 0): delta.com, zeta.com; training side: the others
VI_2016 = (
    "label\ttext\n"
    "ham\tXem https://www.alpha.com/x va http://delta.com/y nhe\n"
    "ham\tLink moi: shop.beta.com/sale\n"
    "spam\tTrung thuong tai gamma.com\n"
    "ham\tLai alpha.com lan nua\n"
)
VI_2025 = (
    "label\tsender_type\ttext\n"
    "not_scam\tbrandname\tTra cuu tai https://zeta.com va https://epsilon.com/a\n"
    "scam\tpersonal_number\tVao kappa.com ngay\n"
)


@pytest.fixture()
def tiny_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sms").mkdir()
    (tmp_path / "sms" / "vi_sms_2016.tsv").write_text(VI_2016, encoding="utf-8")
    (tmp_path / "sms" / "vi_smishing_2025.tsv").write_text(VI_2025, encoding="utf-8")
    monkeypatch.setenv("LACHAN_DATA", str(tmp_path))
    return tmp_path


def regs(links: list[str]) -> set[str]:
    return {host_data.registrable_of(link) or "" for link in links}


def test_ham_links_parts_split_by_registrable_domain(tiny_data: Path) -> None:
    every = [link for _, link in host_data.ham_sms_links("all")]
    train = [link for _, link in host_data.ham_sms_links("train")]
    held_out = [link for _, link in host_data.ham_sms_links()]  # the default: held-out
    assert regs(every) == {"alpha.com", "delta.com", "beta.com", "zeta.com", "epsilon.com"}
    assert regs(held_out) == {"delta.com", "zeta.com"}
    assert regs(train) == {"alpha.com", "beta.com", "epsilon.com"}
    assert sorted(train + held_out) == sorted(every)
    assert all(host_data.is_validation(r) for r in regs(held_out))
    assert not any(host_data.is_validation(r) for r in regs(train))
    with pytest.raises(ValueError):
        list(host_data.ham_sms_links("test"))


def test_ham_link_training_domains_are_registrable_training_side_and_excluded(
    tiny_data: Path,
) -> None:
    got = host_data.ham_link_training_domains()
    assert got == ["alpha.com", "beta.com", "epsilon.com"]  # first seen first, once each
    assert host_data.ham_link_training_domains(exclude={"beta.com"}) == ["alpha.com", "epsilon.com"]


def test_extra_benign_facts_leave_out_list_and_official_domains(tiny_data: Path) -> None:
    facts = host_train.extra_benign_facts(["http://epsilon.com/login"], ["alpha.com"])
    assert [f.parsed.registrable for f in facts] == ["beta.com"]


def test_extra_benign_domains_on_shared_data(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LACHAN_DATA", str(shared_data))
    phishing = host_data.read_lines(shared_data / host_data.PHISHING_FILE)
    legit = host_data.read_lines(shared_data / host_data.LEGIT_FILE)
    listed = {host_data.registrable_of(x) for x in phishing + legit}
    facts = host_train.extra_benign_facts(phishing, legit)
    assert facts
    names = [f.parsed.registrable for f in facts]
    assert len(names) == len(set(names))
    for f in facts:
        assert f.parsed.host == f.parsed.registrable  # bare registrable domains
        assert not host_data.is_validation(f.parsed.registrable)
        assert f.parsed.registrable not in listed
        assert f.official is None
    held_out = regs([link for _, link in host_data.ham_sms_links()])
    assert held_out and held_out.isdisjoint(names)
