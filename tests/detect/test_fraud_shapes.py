"""More shapes of fraud from a black-box set written by people who had not seen the code:
each check fires on the fraud it was written for and stays silent on the honest message
most like it."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.engine import rule_findings


def names(text: str) -> set[str]:
    return set(rule_findings(text))


FRAUDS = [
    ("CHARITY_TO_PERSON", "Quỹ từ thiện Tấm Lòng Vàng kêu gọi ủng hộ đồng bào vùng lũ Yên Bái. "
                          "Mọi tấm lòng xin gửi về STK cá nhân trưởng ban 0341009988776 "
                          "Vietcombank - PHAM VAN THANH."),
    ("CHARITY_TO_PERSON", "Hội chữ thập đỏ phường kêu gọi ủng hộ bão số 3, tài khoản nhận: "
                          "19073344556677 (tk cá nhân cán bộ phụ trách). Hạn chót tối nay."),
    ("EXTORTION_THREAT", "Anh ơi, clip anh với em tối qua em lưu lại rồi nè. Anh gửi em 15tr thì "
                         "em xóa, không thì em đăng lên group công ty anh nhé."),
    ("GUARANTEED_RETURNS", "Sàn ngoại hối được cấp phép tại Mỹ, nạp tối thiểu 5tr, lợi nhuận "
                           "trung bình 15%/tuần. Đăng ký: fx-vietpro.net"),
    ("GUARANTEED_RETURNS", "U.S.D.T x2 trong 24h!!! Nap toi thieu 50$. Dang ky: t.me/usdt_x2_vn"),
    ("GUARANTEED_RETURNS", "Nhóm mình hôm nay có đơn ưu tiên cho VIP, nạp 10tr nhận ngay 13,5tr "
                           "sau 15 phút."),
    ("FINE_PAID_TO_OFFICER", "Xin chao, toi la nhan vien Cuc Quan ly thi truong. Cua hang cua "
                             "ban bi to cao ban hang gia, vui long nop phat 7.500.000d de tranh "
                             "bi dinh chi kinh doanh."),
    ("IDENTITY_MISUSE_CALL", "Chúng tôi gọi từ Cục Xuất nhập cảnh. Hộ chiếu của anh đang bị dùng "
                             "để mở tài khoản ở Campuchia. Anh cần kê khai tài sản qua ứng dụng "
                             "tôi gửi."),
    ("EMERGENCY_MONEY_REQUEST", "Bệnh viện Bạch Mai: Người nhà bệnh nhân Nguyễn Văn Thắng đang "
                                "cấp cứu, cần tạm ứng 15 triệu để phẫu thuật ngay. Liên hệ bác "
                                "sĩ Hoàng 0972330918."),
    ("EMERGENCY_MONEY_REQUEST", "Vo oi, anh moi doi so, dien thoai cu bi rot song. Chuyen cho "
                                "anh 8 trieu vao tk sep anh nhe."),
    ("CHARGE_CANCEL_CALL", "MBBank: Ma OTP cua ban la 482913 dung de chuyen 19.800.000d toi TK "
                           "0071 2334 5566. Neu ban KHONG yeu cau, goi ngay 0587223119 de huy "
                           "lenh."),
    ("PYRAMID_SCHEME", "Co hoi kinh doanh sieu hot, khong can ban hang, chi can moi ban be tham "
                       "gia la co tien."),
    ("PYRAMID_SCHEME", "Chỉ cần mua gói 12 triệu và giới thiệu 2 người, nhận hoa hồng 7 tầng, "
                       "thu nhập thụ động 50-100tr/tháng."),
    ("PAY_TO_UNLOCK", "Tai khoan dau tu cua ban dang lai 186.000.000d. De rut tien ve ngan hang "
                      "can dong thue thu nhap 10% truoc."),
    ("PAY_TO_UNLOCK", "Hồ sơ vay của anh bị đóng băng khoản giải ngân. Anh cần nạp 10% để chứng "
                      "minh năng lực trả nợ thì mới rút được ạ."),
    ("QR_TO_RECEIVE", "Shop hoàn tiền 100% cho lô hàng lỗi. Bạn quét QR này bằng app ngân hàng "
                      "để nhận nhé."),
    ("GAMBLING_SIGNUP_LURE", "B.a.c.c.a.r.a.t truc tuyen, tang 888k thanh vien moi. Vao: "
                             "c4sino-vn.fun"),
    ("FEE_FOR_A_GIFT", "Chó Poodle thuần chủng 2 tháng tuổi, tặng miễn phí cho người yêu "
                       "thương, chỉ cần chịu phí vận chuyển hàng không 1.8tr."),
    ("JOB_FEE_REQUEST", "Bạn đã được nhận vào vị trí trợ lý văn phòng, vui lòng nộp phí đào tạo "
                        "1.200.000đ để nhận thẻ nhân viên."),
    ("EMERGENCY_MONEY_REQUEST", "Anh yêu à, em bị giữ hành lý ở sân bay, cần 3000 SGD đóng phạt. "
                                "Anh chuyển giúp em qua tài khoản chị họ em được không."),
    ("EMERGENCY_MONEY_REQUEST", "Chị ơi em đang kẹt ở cây xăng quên ví, chị chuyển vào tk chồng "
                                "em 2tr cho nhanh nhé 0381229046 MB."),
    ("GUARANTEED_RETURNS", "Cổ phần dự án điện mặt trời: góp 100tr nhận 8tr/tháng cố định. Liên "
                           "hệ chuyên viên 0903114587."),
    ("CHARITY_TO_PERSON", "Be Bao Ngoc 5 tuoi bi ung thu mau, can 300 trieu de ghep tuy. Xin moi "
                          "nguoi chung tay, STK me be: 0881234009 MB."),
    # chat-style frauds (a second development set, of one-to-one chats)
    ("CODE_HANDOVER_REQUEST", "Dạ chào cô, con là nhân viên bảo hiểm xã hội, cô cho con xin số "
                              "CCCD, số tài khoản và mã OTP ngân hàng gửi về để con làm hồ sơ ạ"),
    ("CODE_HANDOVER_REQUEST", "Ê mày có nhận được tin nhắn mã xác thực Zalo không, tao đăng nhập "
                              "nhầm số mày, gửi tao cái mã với, gấp lắm"),
    ("CODE_HANDOVER_REQUEST", "Ngân hàng gửi mã về sđt bạn do mình nhập sai, bạn gửi lại 6 số đó "
                              "giúp mình nhé"),
    ("THIRD_PARTY_TRANSFER", "Ê mày, tao đang ở ngoài không vào được app ngân hàng, mày ck hộ tao "
                             "5tr cho thằng em họ nha, stk 19036582741013 Techcombank."),
    ("GUARANTEED_RETURNS", "Nhiệm vụ 2 cần nạp 2 triệu, hoàn thành nhận 2tr600 nhé em, làm liền "
                           "cho kịp phiên"),
    ("EXTORTION_THREAT", "Chúng tôi đã hack được điện thoại của bạn, có toàn bộ danh bạ và ảnh "
                         "riêng tư. Gửi 500 USD vào ví này nếu không muốn bị phát tán"),
    ("BOSS_TRANSFER_ORDER", "Giám đốc yêu cầu em chuyển tạm 70tr cho nhà cung cấp mới, tk: 1012 "
                            "8899 7766 Vietcombank. Anh đang trên máy bay không nghe máy được."),
    ("ROMANCE_MONEY_REQUEST", "Em yêu, anh đang làm nhiệm vụ ở Syria, không rút được tiền. Anh "
                              "cần 1.200 USD vé máy bay để về gặp em."),
    ("PAY_TO_UNLOCK", "Em đã chuyển tiền mua đàn cho chị rồi mà hệ thống báo tài khoản chị cần "
                      "kích hoạt chức năng nhận tiền, phí 500k, chị nộp xong sẽ nhận được ạ"),
    ("PAY_TO_UNLOCK", "Tk của chị đang bị kẹt đơn, chị cần nạp thêm 12 triệu để giải phóng, sau "
                      "đó rút được toàn bộ 38 triệu ạ"),
    ("EMERGENCY_MONEY_REQUEST", "Anh ơi em Tuấn đây, em đổi số rồi, anh lưu số mới này nha. Em "
                                "đang có việc gấp muốn mượn anh 7 triệu, tuần sau em trả đủ"),
    ("BILL_TO_PERSONAL_ACCOUNT", "Chị ơi em là cô Hương giáo viên tiếng Anh của bé Bin, trung "
                                 "tâm đang đổi tk nên tháng này chị chuyển học phí 3tr2 vào tk "
                                 "riêng của em nha"),
    ("GUARANTEED_RETURNS", "Em ơi, chị có kèo forex uy tín, vào lệnh theo tín hiệu là lời 200% "
                           "trong 1 tuần."),
    ("GUARANTEED_RETURNS", "Đầu tư cùng e đi a, 1 ngày lãi 3-5%, rút về tk ngân hàng 5 phút."),
    ("GUARANTEED_RETURNS", "Ck ơi góp vốn với e làm đại lý mỹ phẩm, 20tr thôi, mỗi tháng chia lợi "
                           "nhuận 6tr, 3 tháng là hoàn vốn rồi"),
    ("JOB_FEE_REQUEST", "Hi bạn, mình là HR của công ty Nhật, bạn phù hợp vị trí trợ lý online "
                        "15tr/tháng. Để ký hợp đồng bạn cần nộp 1tr5 phí bảo lãnh."),
    ("AUTHORITY_OVER_CHAT", "Tôi là điều tra viên Viện kiểm sát, bà có tên trong hồ sơ vụ án ma "
                            "túy. Bà phải kết nối Zoom với tôi ngay và không được rời khỏi phòng."),
    ("CUSTOMS_FEE_TO_PERSON", "Gói hàng của bạn từ Hàn Quốc bị hải quan kiểm tra, cần nộp thuế "
                              "2tr3. Bạn nộp qua số tk nhân viên này để lấy hàng nhanh"),
    ("FEE_FOR_A_GIFT", "Chúc mừng anh trúng xe SH Mode trong chương trình tri ân. Để nhận giải "
                       "anh nộp 10% thuế thu nhập 8.500.000đ vào tk 190388881234 Techcombank."),
    ("ACCOUNT_TRADING", "Ơ mày, t vừa bị khóa tài khoản ngân hàng, mày cho t mượn tài khoản m "
                        "nhận giúp 20 triệu rồi ck lại cho người khác hộ t nha"),
    ("EXTORTION_THREAT", "Ảnh của em bị ghép vào web đen rồi, muốn gỡ thì chuyển 5 triệu cho anh, "
                         "đừng báo ai kẻo bị phát tán thêm."),
    ("BILL_TO_PERSONAL_ACCOUNT", "Anh là thầy Hùng chủ nhiệm lớp con em. Trường thu gấp tiền học "
                                 "thêm hè 1.800.000đ, phụ huynh chuyển vào tài khoản cá nhân của "
                                 "thầy 2201 5566 7788 BIDV"),
    ("CODE_HANDOVER_REQUEST", "chi oi e ben cskh ngan hang, tai khoan cua chi co giao dich 15tr, "
                              "neu ko phai chi thi chi doc ma OTP vua gui de e huy giao dich"),
    ("CREDENTIAL_HANDOVER_REQUEST", "Thẻ tín dụng của chị được nâng hạn mức lên 100 triệu. Chị "
                                    "đọc cho em số thẻ, ngày hết hạn nhé"),
    ("PAY_TO_UNLOCK", "Chị có lệnh triệu tập của Viện kiểm sát, muốn giải quyết nhanh thì chị "
                      "chuyển tiền bảo lãnh 150 triệu"),
    ("PAY_TO_UNLOCK", "Tài khoản shop chị bị phạt vì vi phạm chính sách, chị nộp 2tr tiền ký quỹ "
                      "thì bên em gỡ phạt trong 24h"),
    ("PAY_TO_UNLOCK", "Tài khoản đầu tư của chị đang lãi 120 triệu, nhưng muốn rút thì phải nộp "
                      "15% thuế thu nhập trước ạ"),
    ("JOB_FEE_REQUEST", "Bạn đã trúng tuyển vị trí nhân viên bán hàng, vui lòng chuyển 600k tiền "
                        "đồng phục và thẻ nhân viên trước ngày đi làm."),
    ("CARD_CODE_REQUEST", "Sếp đang ở sân bay, gọi không được nên nhắn em: mua giúp 3 thẻ iTunes "
                          "2 triệu gửi mã cho chị ấy qua đây nhé"),
    ("CUSTOMS_FEE_TO_PERSON", "Chi oi em la nhan vien chuyen phat quoc te, co kien hang gui chi, "
                              "trong kien co 80.000 bang Anh nen phai dong phi 35tr moi thong "
                              "quan duoc a."),
]


@pytest.mark.parametrize(("name", "text"), FRAUDS)
def test_the_fraud_is_found_and_called_a_scam(name: str, text: str) -> None:
    assert name in names(text)
    assert lachan.analyse(text).label == "scam"


@pytest.mark.parametrize(("name", "text"), [
    # an official appeal names the relief fund's own account
    ("CHARITY_TO_PERSON", "Ủy ban MTTQ Việt Nam kêu gọi ủng hộ đồng bào bị thiệt hại do bão số "
                          "3. Tài khoản: 0011001932418 Ban Vận động cứu trợ Trung ương, "
                          "Vietcombank."),
    # paying a debt off is no clip deleted
    ("EXTORTION_THREAT", "Anh chuyển em 2tr thì em xóa nợ cho anh nhé, gia đình mình khỏi lo."),
    # a decision names the fine and the State Treasury
    ("FINE_PAID_TO_OFFICER", "Chi cuc QLTT thong bao: co so cua ong da bi xu phat 7.500.000d "
                             "theo quyet dinh so 12/QD-XPVPHC. De nghi nop phat tai Kho bac Nha "
                             "nuoc trong 10 ngay."),
    # a hospital's cashier, no mobile or account
    ("EMERGENCY_MONEY_REQUEST", "Bệnh viện thông báo: người nhà bệnh nhân Nguyễn Văn Thắng đang "
                                "cấp cứu, cần tạm ứng 15 triệu tại quầy thu ngân tầng 1."),
    # a new number and no money
    ("EMERGENCY_MONEY_REQUEST", "Em moi doi so nhe chi, luu lai so nay giup em. Toi nay em qua "
                                "nha chi lay do."),
    # the bank's own OTP notice calls its hotline
    ("CHARGE_CANCEL_CALL", "MBBank: Ma OTP 482913 dung de chuyen 19.800.000d toi TK 0071 2334 "
                           "5566. Tuyet doi khong cung cap ma cho bat ky ai. Neu khong phai ban "
                           "thuc hien, goi 1900545426."),
    # a wallet forgotten, the money to the writer himself; a bank's savings rate
    ("EMERGENCY_MONEY_REQUEST", "Anh ơi em quên ví ở nhà, chiều anh chuyển em 200k tiền ăn trưa "
                                "nhé, tối em đưa lại."),
    ("GUARANTEED_RETURNS", "Gửi tiết kiệm 100tr nhận lãi 500k/tháng tại ngân hàng ABC."),
    # a warning about someone else who asks; a boss who can be called; a partner at home
    ("BOSS_TRANSFER_ORDER", "Sếp duyệt rồi, chiều nay em chuyển 50tr cho đối tác theo hợp đồng "
                            "số 12 nhé, có gì gọi anh"),
    ("ROMANCE_MONEY_REQUEST", "Em yêu ơi tối nay anh về muộn, em chuyển anh 200k đổ xăng nhé"),
    ("GUARANTEED_RETURNS", "Em chuyển 2tr tiền nhà, nhận lại 500k tiền thừa nhé"),
    # a private tutor's fee into her own account
    ("BILL_TO_PERSONAL_ACCOUNT", "Học phí lớp Toán 9 tháng 11: 1tr2/tháng, phụ huynh đóng trước "
                                 "ngày 10 nha. STK: BIDV 21510001234567 Nguyen Thi Lan"),
    # a new number and nothing asked; the account's balance, not the teacher's account
    ("EMERGENCY_MONEY_REQUEST", "Em đổi số rồi nha chị, lưu số mới này giúp em, cuối tuần em qua"),
    ("BILL_TO_PERSONAL_ACCOUNT", "Nhà trường thông báo học phí tháng 9 đóng qua tài khoản nhà "
                                 "trường, tk có số dư thì trừ tự động."),
    # a referral programme pays per sale, not per recruit; a running club is no business
    ("PYRAMID_SCHEME", "Shopee Affiliate: gioi thieu ban be tai app, nhan hoa hong 10% moi don "
                       "hang thanh cong."),
    ("PYRAMID_SCHEME", "Moi ban be tham gia nhom chay bo cuoi tuan nhe, co nuoc uong mien phi"),
])
def test_the_honest_message_most_like_it_gets_none(name: str, text: str) -> None:
    assert name not in names(text)
    assert lachan.analyse(text).label != "scam"


def test_a_warning_that_quotes_a_pyramid_is_no_fraud() -> None:
    text = ("Cảnh báo: các mô hình đa cấp hứa hoa hồng 7 tầng, mời bạn bè tham gia là có tiền "
            "đều là lừa đảo, không tham gia.")
    assert lachan.analyse(text).label != "scam"


@pytest.mark.parametrize("text", [
    "hnay có đứa nhắn zalo giả làm m xin mã otp, t ko đưa nha, m đổi mk zalo đi",
    "Bạn ơi nếu có ai nhắn bảo bạn gửi lại mã OTP vừa nhận vì họ nhập nhầm thì đừng gửi nha, "
    "lừa đảo đó",
    "Chị ơi có ai nhắn chị xin mã OTP thì tuyệt đối không đưa nha, ngân hàng không bao giờ hỏi",
])
def test_a_warning_about_someone_else_who_asks_for_the_code_is_no_fraud(text: str) -> None:
    found = rule_findings(text).get("CODE_HANDOVER_REQUEST")
    assert found is None or found.weight == 0.0  # shown as a quote, without its prior
    assert lachan.analyse(text).label != "scam"


@pytest.mark.parametrize("text", [
    "Mẹ ơi sáng nay có số lạ gọi xưng công an phường, bảo con dính đường dây rửa tiền rồi bắt "
    "chuyển tiền vào tài khoản tạm giữ để chứng minh trong sạch, con cúp máy luôn rồi.",
    "Bà ơi có ai gọi xưng nhân viên ngân hàng bảo đọc mã OTP để nâng hạng thẻ thì bà tuyệt đối "
    "không đọc nha bà, ngân hàng không bao giờ xin mã đâu.",
    "m ơi cái group đầu tư coin lãi 30%/tháng đó đừng có vô, lừa đảo 100% luôn, t có đứa bạn "
    "mất 200 triệu rồi.",
])
def test_a_fraud_told_of_by_the_one_who_received_it_is_no_fraud(text: str) -> None:
    assert lachan.analyse(text).label != "scam"


@pytest.mark.parametrize("text", [
    "Ông nội ơi, nếu có ai gọi bảo chú Tư bị công an bắt cần nộp tiền bảo lãnh thì ông gọi cho "
    "bố con trước nha, đừng chuyển khoản gì hết.",
    "Mẹ đọc cho con số thẻ BHYT của mẹ để con đăng ký khám nhé",
])
def test_a_warning_to_family_or_a_health_card_number_is_no_fraud(text: str) -> None:
    assert lachan.analyse(text).label != "scam"
