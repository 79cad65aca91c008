"""A message signed with a name that links that name's own domain, and gives no other way
to pay or reach anyone, leans to ham (LINKS_OWN_SITE); a look-alike domain or a personal
number beside it does not."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.brands import signed_brand_site
from lachan.detect.engine import rule_findings
from lachan.entities import extract

REMINDER = ("VNVC: Be Pham Minh Anh den lich tiem mui 2 vac xin Cum ngay 20/11. Dat hen tai "
            "vnvc.vn hoac goi hotline 028 7102 6595.")


def test_a_reminder_on_the_signers_own_site_leans_to_ham() -> None:
    found = rule_findings(REMINDER)
    assert found["LINKS_OWN_SITE"].leans == "ham"
    assert lachan.analyse(REMINDER).label == "ham"


@pytest.mark.parametrize("text", [
    # a look-alike of the signer's domain
    "VNVC: Be den lich tiem mui 2. Dat hen tai vnvc-datlich.top de giu cho.",
    # the own site, and a personal number to pay
    "VNVC: Be den lich tiem mui 2. Xem tai vnvc.vn, chuyen khoan coc 500k qua 0912 334 556.",
    # no signature
    "Be den lich tiem mui 2 vac xin Cum ngay 20/11. Dat hen tai vnvc.vn.",
])
def test_no_lean_without_the_signers_own_site_alone(text: str) -> None:
    assert "LINKS_OWN_SITE" not in rule_findings(text)


@pytest.mark.parametrize(("text", "site"), [
    ("pepsi: kiem tra ma tai pepsi.com.vn", "pepsi.com.vn"),
    ("coca-cola viet nam: the le tai coca-cola.com.vn", "coca-cola.com.vn"),
    ("[shopee] don hang tai shopee.vn", "shopee.vn"),
    ("pepsi: kiem tra ma tai pepsi-tri-an.top", None),
    ("kiem tra ma tai pepsi.com.vn", None),
])
def test_the_signed_site_is_the_signatures_own_name(text: str, site: str | None) -> None:
    # (on the folded text, as the engine passes it)
    assert signed_brand_site(text, extract(text)) == site
