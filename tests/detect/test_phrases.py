import pytest

from lachan.detect.features import content_features
from lachan.detect.phrases import PHRASE_RULES, has_negation, match_phrases


def hits(folded: str) -> dict[str, str]:
    tokens, bigrams, _ = content_features(folded)
    return match_phrases(tokens, bigrams)


def test_every_rule_matches_each_of_its_phrases():
    for rule in PHRASE_RULES:
        for phrase in rule.phrases:
            if rule.negatable or any(p != phrase and phrase in p for p in rule.phrases):
                continue
            assert rule.name in hits(f"xin chao {phrase} nhe"), (rule.name, phrase)


def test_long_phrases_match_inside_a_sentence():
    found = hits("quy khach vui long cap nhat thong tin truoc 17h")
    assert found["ACCOUNT_VERIFICATION_LURE"] == "cap nhat thong tin"


def test_negated_request_is_a_warning_not_a_request():
    assert "CREDENTIAL_REQUEST" not in hits("tuyet doi khong cung cap ma otp cho bat ky ai")
    assert "CREDENTIAL_REQUEST" in hits("vui long cung cap ma otp de nhan qua")


def test_phrase_must_be_whole_words():
    assert "LOAN_OFFER" not in hits("vay tienganh")  # "vay tien" only as two whole words
    assert hits("") == {}


def test_a_verification_code_is_not_a_request_to_verify():
    assert "ACCOUNT_VERIFICATION_LURE" not in hits("g-676873 la ma xac minh google cua ban")
    assert "ACCOUNT_VERIFICATION_LURE" not in hits("ma otp xac thuc thong tin la 123456")
    assert hits("vui long xac minh tai khoan")["ACCOUNT_VERIFICATION_LURE"] == "xac minh"


def test_withdrawing_cash_is_not_gambling():
    assert "GAMBLING_OR_ADULT" not in hits("quy khach rut tien tai atm thanh cong")
    assert "GAMBLING_OR_ADULT" in hits("nha cai uy tin nap dau tang 100%")


def test_relatives_in_a_greeting_are_not_debt_collection():
    assert "DEBT_COLLECTION" not in hits("chuc quy khach dam am ben nguoi than va gia dinh")
    assert hits("chung toi se lien he nguoi than cua ban")["DEBT_COLLECTION"] == (
        "lien he nguoi than"
    )


def test_an_advisory_about_fraud_is_named_as_such():
    found = hits("bo cong an canh bao thu doan lua dao tuyen cong tac vien qua zalo")
    assert found["SCAM_WARNING"] == "thu doan"  # the first warning phrase
    assert "SCAM_WARNING" not in hits("nhan qua tang tai zalo ngay")


def test_words_written_with_diacritics_are_features_of_their_own():
    from lachan.detect.features import accented_words

    # folding merges "cược" (a bet) and "cước" (a call charge); as written they differ
    _, _, feats = content_features("ty le cuoc cao", "Tỉ lệ cược cao")
    assert "cuoc" in feats and "~cược" in feats and "~cước" not in feats
    assert "~cước" in accented_words("Cước gọi 200đ/phút")
    assert accented_words("Cuoc goi 200d/phut") == []  # unaccented text adds nothing
    assert "~200đ" not in accented_words("Cước gọi 200đ/phút")  # no amounts as words


def test_the_length_class_is_a_model_feature_and_never_a_symbol():
    import lachan
    from lachan.detect.engine import default_engine
    from lachan.detect.features import length_token

    assert length_token(0) == length_token(49) != length_token(50)
    assert length_token(160) != length_token(161) != length_token(400)
    short = default_engine().prepare("Chieu nay an com nhe")
    assert length_token(20) in short.features.meta
    assert not any(s.name.startswith("§") or "length" in s.name
                   for s in lachan.analyse("Chieu nay an com nhe").symbols)


def test_pairs_of_advertising_and_legitimate_evidence_are_model_features():
    from lachan.detect.engine import default_engine

    ad = default_engine().prepare("[QC] Uu dai goi cuoc data, soan DK V90 gui 9123")
    assert "§AD_LABEL&SMS_COMMAND" in ad.features.meta
    # scam-leaning findings make no pairs
    scam = default_engine().prepare("Tai khoan bi khoa, xac minh tai bit.ly/x va bit.ly/y")
    assert not any("&" in t for t in scam.features.meta)


def test_an_escort_offer_is_named_apart_from_gambling():
    found = hits("em la nu sinh vien 20 tuoi co the den tan noi phuc vu anh")
    assert found["ADULT_SERVICE_OFFER"] == "nu sinh vien"
    assert "GAMBLING_OR_ADULT" not in found
    # a personal message between partners is not an offer
    assert "ADULT_SERVICE_OFFER" not in hits("anh can noi chuyen voi em, tuan sau gap nhe")


def test_an_escort_offer_sending_you_to_zalo_is_a_lure_to_private_contact():
    from lachan.detect.content_model import ContentModel
    from lachan.detect.engine import Engine

    feats = Engine(ContentModel.empty(), detectors=[]).prepare(
        "Em la nu sinh vien 21 tuoi MU0N KIEM them thu nhap, den tan n0i phuc vu. "
        "Add ZAL0 e: 0367 123 456").features.findings
    assert {"ADULT_SERVICE_OFFER", "JOB_TASK_LURE", "LURE_TO_PRIVATE_CONTACT"} <= set(feats)


def test_order_brushing_recruitment_is_a_task_lure():
    found = hits("cua hang can tuyen so luong lon nhan vien chuyen dat hang de nang cao so "
                 "luong giao dich")
    assert found["JOB_TASK_LURE"] == "tuyen so luong lon"


def test_english_account_alerts_ask_to_verify():
    found = hits("if this was not you please verify your payee at the link")
    assert found["ACCOUNT_VERIFICATION_LURE"] == "was not you"
    assert hits("new sign in wasn't you? verify now")["ACCOUNT_VERIFICATION_LURE"] == (
        "wasn t you")


def test_a_police_advisory_reads_as_one():
    found = hits("bo cong an khuyen cao: toi pham gia danh can bo, de nghi nguoi dan trinh bao")
    assert found["PUBLIC_ADVISORY"] == "khuyen cao"
    assert "PUBLIC_ADVISORY" not in hits("ban lien quan den vu an, goi ngay cho can bo dieu tra")


def test_a_carriers_missed_call_report_is_a_service_notice():
    assert hits("cac cuoc goi nho: 09/03/2015 +84946822943 +22:11 01 (qc) soan dkv5 gui 123")[
        "SERVICE_NOTICE"] == "cac cuoc goi nho"
    assert hits("quy khach vua bi lo 01 cuoc goi tu so 0963395889")["SERVICE_NOTICE"] == (
        "vua bi lo")
    # the advert for the missed-call service is no report of a call
    assert "SERVICE_NOTICE" not in hits("dang ky mien phi dich vu thong bao cuoc goi nho cua "
                                        "vinaphone de khong bo lo cac cuoc goi quan trong")


@pytest.mark.parametrize(("words", "negated"), [
    ("khong cung cap", True),
    ("dung chuyen tien", True),  # "đừng": don't
    ("ap dung chuyen tien", False),  # "áp dụng": apply
    ("the tin dung", False),
    ("tai ung dung", False),
    ("su dung ma", False),
    ("vui long dung", True),
])
def test_a_folded_dung_is_a_negation_only_outside_its_compounds(words: str, negated: bool):
    tokens = words.split()
    assert has_negation(tokens, 0, len(tokens)) is negated


def test_not_yet_is_no_negation() -> None:
    # "chua" states a fact in notices and frauds alike; warnings say "khong" or "dung"
    assert hits("quy khach chua cap nhat thong tin, vui long truy cap")[
        "ACCOUNT_VERIFICATION_LURE"] == "cap nhat thong tin"
    assert "ACCOUNT_VERIFICATION_LURE" not in hits("khong cap nhat thong tin qua duong link la")


def test_a_warning_word_after_bi_is_the_fraud_speaking() -> None:
    from lachan.detect.engine import rule_findings

    assert "SCAM_WARNING" not in rule_findings("So CCCD cua anh bi ke gian su dung mo tai khoan")
    assert "SCAM_WARNING" in rule_findings("Canh bao: doi tuong gia danh cong an goi video")
    assert "PUBLIC_ADVISORY" not in rule_findings("Chuong trinh bao hiem suc khoe uu dai 20%")
