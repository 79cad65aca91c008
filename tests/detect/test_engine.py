import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lachan
from lachan.detect.engine import default_engine
from lachan.domain import MAX_TEXT_CHARS, InputTooLarge, Message

SCAM = ("Vietcombank thong bao: tai khoan cua quy khach se bi khoa trong 24h. Vui long xac minh "
        "tai https://vcb-xacminh.top de tranh gian doan.")
AD = ("[QC] Uu dai 50% goi cuoc data 4G, chi 90.000d/30 ngay. Soan DK V90 gui 9123 de dang ky. "
      "Tu choi QC soan TC gui 9123.")
HAM = "Chieu nay em qua nha me an com nhe, nho mang theo ao mua."


def names(v: lachan.Verdict) -> set[str]:
    return {s.name for s in v.symbols}


def test_three_kinds_of_message_get_their_labels():
    assert lachan.analyse(SCAM).label == "scam"
    assert lachan.analyse(AD).label == "ad"
    assert lachan.analyse(HAM).label == "ham"


def test_verdict_explains_itself():
    v = lachan.analyse(SCAM)
    assert 0.0 <= v.score <= 1.0
    assert v.symbols[0].name == "CONTENT_MODEL"
    assert {"ACCOUNT_LOCK_THREAT", "ACCOUNT_VERIFICATION_LURE"} <= names(v)
    assert all(s.detail for s in v.symbols)
    d = v.to_dict()
    assert set(d) == {"label", "score", "symbols"}
    assert {"name", "score", "detail"} == set(d["symbols"][0])


def test_accented_and_unaccented_scam_agree():
    accented = ("Vietcombank thông báo: tài khoản của quý khách sẽ bị khóa trong 24h. Vui lòng "
                "xác minh tại https://vcb-xacminh.top để tránh gián đoạn.")
    assert lachan.analyse(accented).label == lachan.analyse(SCAM).label == "scam"


def test_ad_label_is_found():
    assert "AD_LABEL" in names(lachan.analyse(AD))


def test_batch_matches_single_calls():
    batch = lachan.analyse_batch([SCAM, {"text": AD}, Message(HAM)])
    assert [v.label for v in batch] == ["scam", "ad", "ham"]
    assert batch[0] == lachan.analyse(SCAM)
    assert lachan.analyse_batch([]) == []


def test_ad_from_a_personal_number_is_flagged_under_decree_91():
    v = lachan.analyse(AD, sender="0912345678")
    assert v.label == "ad"
    assert "PERSONAL_NUMBER_AD" in names(v)
    assert "PERSONAL_NUMBER_AD" not in names(lachan.analyse(AD, sender="VIETTEL"))


class Registry:
    def __init__(self, states: dict[tuple[str, str], str], owners: dict[tuple[str, str], str]):
        self.states, self.owners = states, owners

    def source_state(self, kind: str, value: str) -> str | None:
        return self.states.get((kind, value))

    def official_owner(self, kind: str, value: str) -> str | None:
        return self.owners.get((kind, value))


def test_registry_context_moves_the_verdict():
    text = "Goi lai cho minh so 0987654321 nhe"
    plain = lachan.analyse(text)
    listed = lachan.analyse(text, context=Registry({("phone", "0987654321"): "blocked"}, {}))
    assert "SOURCE_BLOCKED" in names(listed)
    assert listed.probabilities["scam"] > plain.probabilities["scam"]


def test_limits_are_clear_errors():
    with pytest.raises(InputTooLarge, match="limit"):
        lachan.analyse("a" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(ValueError, match="channel"):
        lachan.analyse("hello", channel="fax")
    with pytest.raises(TypeError):
        lachan.analyse(None)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(["sms", "email", "ott", "call"]),
       st.one_of(st.none(), st.text(max_size=64)))
def test_no_string_makes_analysis_raise(text, channel, sender):
    v = lachan.analyse(text, sender=sender, channel=channel)
    assert v.label in ("ham", "ad", "scam")
    assert 0.0 <= v.score <= 1.0


@settings(max_examples=5, deadline=None)
@given(st.text(min_size=1, max_size=5).map(lambda s: (s * 40_000)[:MAX_TEXT_CHARS]))
def test_largest_allowed_text_is_analysed(text):
    assert lachan.analyse(text).label in ("ham", "ad", "scam")


def test_repeated_messages_in_a_batch_get_the_same_verdict_as_alone():
    engine = default_engine()
    batch = [(SCAM, None, "sms"), (HAM, None, "sms"), (SCAM, None, "sms"),
             (SCAM, "VCB", "sms"), (["not", "text"], None, "sms"), (SCAM, None, "fax")]
    out = engine.analyse_many(batch)
    assert out[0] == out[2] == lachan.analyse(SCAM)
    assert out[1] == lachan.analyse(HAM)
    assert out[3] == lachan.analyse(SCAM, sender="VCB")
    assert isinstance(out[4], TypeError) and isinstance(out[5], ValueError)


def test_a_registry_change_shows_at_once_for_a_text_seen_before():
    text = "Goi lai cho minh so 0987654321 nhe"
    engine = default_engine()
    engine.analyse_many([(text, None, "sms")] * 3)
    states: dict[tuple[str, str], str] = {}
    registry = Registry(states, {})
    before = engine.analyse_many([(text, None, "sms")], registry)[0]
    states[("phone", "0987654321")] = "blocked"
    after = engine.analyse_many([(text, None, "sms")], registry)[0]
    assert "SOURCE_BLOCKED" not in names(before)
    assert "SOURCE_BLOCKED" in names(after)


def test_explanations_do_not_depend_on_the_hash_seed():
    import os
    import subprocess
    import sys

    text = ("Buu cuc thong bao kien hang cua ban giao khong thanh cong, buu pham bi giu. "
            "Uu dai khuyen mai, tu choi soan TC gui 9123. V\u0456etcom\u200bbank h\u200bo tro, "
            "xem t\u1EA1i hxxps://vcb[.]top, v i e t c o m b a n k, vietc0mbank")
    code = ("import lachan, sys; v = lachan.analyse(sys.argv[1]); "
            "print([(s.name, s.detail) for s in v.symbols])")
    outs = {
        subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert len(outs) == 1


def test_a_lock_threat_that_sends_you_to_a_personal_mobile_is_scam():
    text = ("Thong bao: so thue bao cua quy khach se bi khoa trong 2 gio toi do chua cap nhat "
            "thong tin, vui long lien he 0896543210 de duoc ho tro")
    v = lachan.analyse(text)
    assert "THREAT_WITH_PERSONAL_NUMBER" in names(v)
    assert v.label == "scam"
    harmless = lachan.analyse("Mai minh gap nhau nhe, goi 0896543210 khi toi noi")
    assert "THREAT_WITH_PERSONAL_NUMBER" not in names(harmless)


def test_a_lock_demand_with_a_look_alike_bank_link_is_scam():
    text = ("VCB Digibank tran trong thong bao tai khoan cua quy khach hien tai da bi khoa. "
            "Dang nhap www.vcb-xacthuc-online.com de xac thuc ngay hom nay")
    v = lachan.analyse(text)
    assert "DEMAND_WITH_UNOFFICIAL_LINK" in names(v)
    assert v.label == "scam"
    genuine = lachan.analyse("Vietcombank: tai khoan cua quy khach da bi khoa tam thoi do nhap "
                             "sai mat khau. Chi tiet tai https://www.vietcombank.com.vn")
    assert "DEMAND_WITH_UNOFFICIAL_LINK" not in names(genuine)


def test_an_authority_that_links_outside_gov_vn_is_named():
    text = ("Chào chị. Tôi là cán bộ thuế vừa trao đổi điện thoại với chị. Để làm tờ khai thuế, "
            "mời chị tải app của Cơ quan tại link: thuedientuu.vn")
    assert "AUTHORITY_LINK_NOT_GOV" in names(lachan.analyse(text))
    official = lachan.analyse("Cong an thong bao: kich hoat tai khoan dinh danh tai "
                              "https://vneid.gov.vn")
    assert "AUTHORITY_LINK_NOT_GOV" not in names(official)


def test_an_authority_that_sends_you_to_install_an_app_off_gov_vn_is_scam():
    fake = lachan.analyse("Chào chị. Tôi là cán bộ thuế vừa trao đổi điện thoại với chị. Mời "
                          "chị truy cập và tải app của Cơ quan tại link: thuedientuu.vn. Sau "
                          "khi đã tải app xong, chị hãy phản hồi lại tin nhắn này.")
    assert "AUTHORITY_APP_OFF_GOV" in names(fake)
    assert fake.label == "scam"
    # the real app is in the stores: a store link is not a link outside gov.vn
    store = lachan.analyse("Cuc Thue thong bao: nguoi nop thue tai ung dung eTax Mobile tai "
                           "https://apps.apple.com/vn/app/etax-mobile/id1589039861")
    assert "APP_INSTALL_REQUEST" in names(store)
    assert {"AUTHORITY_LINK_NOT_GOV", "AUTHORITY_APP_OFF_GOV"}.isdisjoint(names(store))
    assert store.label != "scam"


def test_an_app_pair_through_a_shortener_gets_no_prior():
    from lachan.detect.features import _PRIORS

    def pair(text: str) -> float:
        v = lachan.analyse(text)
        return next(s.score for s in v.symbols if s.name == "AUTHORITY_APP_OFF_GOV")

    site = pair("Cuc thue thong bao: tai ung dung khai thue tai thue-dientu.vn")
    short = pair("Cuc thue thong bao: tai ung dung khai thue tai bit.ly/thue24")
    assert site - short == pytest.approx(_PRIORS["AUTHORITY_APP_OFF_GOV"], abs=1e-3)


def test_a_login_request_with_a_link_that_is_not_the_banks_own_is_a_demand():
    v = lachan.analyse("TPBank: vui long dang nhap tai https://ebank.tpb-online-xyz.com de tiep "
                       "tuc su dung dich vu")
    assert "LOGIN_REQUEST" in names(v)
    assert "DEMAND_WITH_UNOFFICIAL_LINK" in names(v)
    genuine = lachan.analyse("TPBank: dang nhap ung dung tai https://tpb.vn de nhan uu dai")
    assert "DEMAND_WITH_UNOFFICIAL_LINK" not in names(genuine)


def test_an_authority_link_outside_gov_vn_weighs_unless_it_is_a_shortener():
    from lachan.detect.features import AUTHORITY_LINK_PRIOR

    site = lachan.analyse("Cuc thue thong bao: tai ung dung khai thue tai thue-dientu.vn")
    short = lachan.analyse("Cuc thue thong bao: tai ung dung khai thue tai bit.ly/thue24")
    w_site = next(s.score for s in site.symbols if s.name == "AUTHORITY_LINK_NOT_GOV")
    w_short = next(s.score for s in short.symbols if s.name == "AUTHORITY_LINK_NOT_GOV")
    assert w_site - w_short == pytest.approx(AUTHORITY_LINK_PRIOR, abs=1e-3)


def test_product_names_in_mixed_case_are_not_random_case():
    v = lachan.analyse("Co hoi trung iPhone 16 Pro Max, dang ky eKYC tren iBanking")
    assert "RANDOM_CASE_TOKENS" not in names(v)
    # the shape of a product's name, not only the names listed
    assert "RANDOM_CASE_TOKENS" not in names(lachan.analyse("Tra cuu tren app eTax Mobile"))
    assert "RANDOM_CASE_TOKENS" in names(lachan.analyse("nHan qUa oZGa tai day"))


def test_a_chat_platform_link_is_not_an_official_brand_link():
    chat = lachan.analyse("Lien he ngay qua zalo.me/0912345678 de nhan viec")
    assert "URL_PLATFORM_PAGE" in names(chat)
    assert "URL_OFFICIAL_DOMAIN" not in names(chat)
    wallet = lachan.analyse("Ban co qua trong MoMo, xem tai https://momo.vn/qua-cua-toi")
    assert "URL_OFFICIAL_DOMAIN" in names(wallet)


def test_a_link_path_in_random_case_is_not_a_trick_but_a_mixed_case_host_is():
    login = lachan.analyse("Review the login: https://fb.me/1StLG2QFSLEzLYY")
    assert "RANDOM_CASE_TOKENS" not in names(login)
    host = lachan.analyse("nhan luon 588k vao vi, dang ky tai drwhcP.GeqrE.me nhe")
    assert "RANDOM_CASE_TOKENS" in names(host)


@given(st.text(max_size=200))
def test_blanking_link_paths_keeps_length_and_everything_outside_links(text: str) -> None:
    from lachan.detect.features import without_link_paths
    from lachan.entities import extract

    ents = extract(text)
    out = without_link_paths(text, ents)
    assert len(out) == len(text)
    inside = set()
    for e in ents:
        if e.kind in ("url", "email"):
            inside.update(range(e.start, e.end))
    assert all(out[i] == text[i] for i in range(len(text)) if i not in inside)


def test_a_bank_advisory_quoting_the_trick_gets_no_prior_for_it():
    text = ("Xin Quy khach luu y, Vietcombank KHONG gui tin nhan kem duong link dang nhap "
            "dich vu bit.ly/vcb-dn. Cac tin nhan co duong link dang nhap deu la gia mao, "
            "tuyet doi khong bam vao")
    v = lachan.analyse(text)
    assert "SCAM_WARNING" in names(v)
    pair = [s for s in v.symbols if s.name == "DEMAND_WITH_UNOFFICIAL_LINK"]
    without = lachan.analyse("Vietcombank: vui long dang nhap dich vu tai bit.ly/vcb-dn")
    lone = [s for s in without.symbols if s.name == "DEMAND_WITH_UNOFFICIAL_LINK"]
    assert lone and (not pair or pair[0].score < lone[0].score - 4)


def test_a_debt_collectors_threat_from_a_personal_mobile_is_a_threat_pair():
    text = ("Ban da qua han khoan no, neu tiep tuc bat hop tac chung toi se ban giao ho so "
            "va lien he nguoi than. Goi ngay 0896543210")
    assert "THREAT_WITH_PERSONAL_NUMBER" in names(lachan.analyse(text))
    assert "THREAT_WITH_PERSONAL_NUMBER" not in names(
        lachan.analyse("Minh tra no ban roi nhe, goi 0896543210 neu can"))


def test_a_number_or_address_alone_is_a_contact_passed_on_but_a_link_alone_is_not():
    assert "CONTACT_ONLY" in names(lachan.analyse("098 381 67 73"))
    assert "CONTACT_ONLY" in names(lachan.analyse("minh.tuan@gmail.com"))
    assert "CONTACT_ONLY" not in names(lachan.analyse("https://bit.ly/abc"))
    assert "CONTACT_ONLY" not in names(lachan.analyse("Goi ngay 0983816773 de nhan qua"))


LETTER = ("Chào anh Minh, em gửi anh biên bản cuộc họp sáng nay về kế hoạch triển khai phần mềm "
          "quản lý kho cho chi nhánh Đà Nẵng. Nhóm kỹ thuật hoàn thành bản thử nghiệm cuối tháng, "
          "bộ phận kho vận chạy thử song song với hệ thống cũ hai tuần. Chị Lan bên kế toán đề "
          "nghị bổ sung báo cáo tồn kho theo ngày. Anh phản hồi giúp em trước thứ Ba nhé. ")


def test_a_long_email_weighs_like_its_pieces_not_more_as_it_grows():
    """Past the longest training message a text weighs as the mean of its pieces: a long
    business e-mail drifted from ham towards scam as it grew, and a text repeated a
    thousand times outweighed every fixed prior."""
    short = lachan.analyse(LETTER * 4, channel="email")
    for k in (12, 40):
        long = lachan.analyse(LETTER * k, channel="email")
        assert long.label == "ham" == short.label
        assert long.probabilities["ham"] == pytest.approx(short.probabilities["ham"], abs=0.05)
    lure = "Xac minh tai khoan tai http://vcb-xacminh.top/x "
    assert lachan.analyse(lure * 1000).label == "scam"


def test_an_ordinary_sites_link_is_marked_benign_but_not_a_phishing_or_short_one():
    assert "URL_BENIGN_HOST" in names(lachan.analyse(
        "Dat phong cua ban tai khach san da duoc xac nhan, chi tiet tai booking.com"))
    assert "URL_BENIGN_HOST" not in names(lachan.analyse(
        "Tai khoan cua ban bi khoa, xac minh tai vietcombank-xacminh.top"))
    assert "URL_BENIGN_HOST" not in names(lachan.analyse("Xem ngay tai bit.ly/3abcXYZ"))


def test_the_subscribers_own_number_in_a_carrier_notice_is_no_one_to_call() -> None:
    from lachan.detect.engine import rule_findings

    own = rule_findings("MobiFone: Thue bao 0901234567 da duoc chuan hoa thong tin thanh cong.")
    assert "THREAT_WITH_PERSONAL_NUMBER" not in own
    threat = rule_findings("Thue bao cua quy khach se bi khoa, goi ngay 0901234567 de xac minh.")
    assert "THREAT_WITH_PERSONAL_NUMBER" in threat


def test_units_and_documents_and_benefits_are_no_fraud_signs() -> None:
    from lachan.detect.engine import rule_findings

    bill = rule_findings("EVN: tien dien thang 6 cua ma KH PD01: 1.284.560d (412 kWh).")
    assert "RANDOM_CASE_TOKENS" not in bill
    offer = rule_findings("Chuc mung ban trung tuyen. Mang CCCD, bang cap, so BHXH den phong "
                          "nhan su luc 8h. Lien he chi Thao 0966 123 458.")
    assert not {"FORGED_DOCUMENTS", "AUTHORITY_NAMED", "THREAT_WITH_PERSONAL_NUMBER"} & set(offer)
    # the forger's offer and the authority's own name still count
    assert "FORGED_DOCUMENTS" in rule_findings("Nhan lam bang dai hoc, bang lai xe, lh 0966123458")
    assert "AUTHORITY_NAMED" in rule_findings("BHXH thong bao: ban duoc hoan phi bao hiem")


def test_a_loan_offer_on_a_host_imitating_the_lender_is_scam() -> None:
    v = lachan.analyse("Chuc mung ban nhan duoc goi vay uu dai 0% lai suat tu FE Credit. "
                       "Nhan tien tai fecredit-vaynhanh.top")
    assert "URL_IMITATES_BRAND" in {s.name for s in v.symbols}
    assert v.label == "scam"


def test_a_phishing_host_that_glues_a_name_the_message_writes_imitates_it() -> None:
    from lachan.detect.features import named_in_host

    text = "san okx viet nam tang 200 usdt, dang ky qua okx-vn.promo de nhan thuong"
    assert named_in_host("okx-vn.promo", text) == "okx"
    assert named_in_host("spotify-renew.account-help.net", "spotify: update your card at "
                         "spotify-renew.account-help.net") == "spotify"
    # the name's own site, and a name the message writes only in the link
    assert named_in_host("lucozade.co.uk", "u can with lucozade energy! see lucozade.co.uk") is None
    assert named_in_host("okx-vn.promo", "dang ky qua okx-vn.promo") is None
