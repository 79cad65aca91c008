"""Chat and SMS frauds of the seventeenth and eighteenth rounds of black-box sets, written
for these tests (not copied from the sets): each check fires on the fraud and stays silent
on the honest message most like it."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.engine import rule_findings


def names(text: str) -> set[str]:
    return set(rule_findings(text))


FRAUDS = [
    # a relative in a crash, the other party holding him
    ("EMERGENCY_MONEY_REQUEST", "Cô ơi cháu nhà cô đi xe va chạm, bên kia giữ người đòi bồi "
                                "thường 15tr. Cô chuyển cho cháu để cháu lo nhé, đừng báo ai."),
    # a borrowed phone, the money to a friend's account
    ("EMERGENCY_MONEY_REQUEST", "Bố ơi con đây, con mượn máy của bạn. Con bị tai nạn nằm viện, bố "
                                "chuyển con 8tr vào số của bạn con nhé."),
    # a teacher with a sick pupil
    ("EMERGENCY_MONEY_REQUEST", "Mẹ bé An ơi, bé ngất ở lớp đang đưa đi cấp cứu, cô ở cùng bé. "
                                "Mẹ chuyển cô 2tr để cô đóng viện phí trước nhé."),
    # the other party's airport fee into a staff member's account
    ("EMERGENCY_MONEY_REQUEST", "anh oi e ket o san bay, phai dong phi hanh ly 1tr8 ma the loi, "
                                "a ck giup e vao tk cua nhan vien nay nhe"),
    # a stake back with more, in full figures
    ("GUARANTEED_RETURNS", "Đơn thứ 2 của anh: nạp 3.000.000đ để hoàn thành, hệ thống hoàn lại "
                           "3.900.000đ ngay."),
    ("GUARANTEED_RETURNS", "Anh thử vào 10tr xem, không lãi em hoàn tiền 100% luôn."),
    ("GUARANTEED_RETURNS", "Dự án token mới, đầu tư gói 5tr nhận 12tr sau 20 ngày."),
    # a withdrawal that needs a deposit first
    ("PAY_TO_UNLOCK", "Ví của chị đang có 90.000 USDT. Để rút về ví, chị cần nâng cấp tài khoản "
                      "VIP bằng cách nạp thêm 8.000 USDT."),
    ("PAY_TO_UNLOCK", "Mỗi đơn cần đặt cọc 3tr, hoa hồng 35%. Làm đủ 5 đơn mới rút được tiền."),
    ("PAY_TO_UNLOCK", "Khoản vay 20tr của anh đã duyệt rồi, anh chứng minh thu nhập bằng cách "
                      "chuyển 2tr vào tk công ty, giải ngân xong hoàn lại."),
    ("PAY_TO_UNLOCK", "Gói vay 0% lãi suất của bạn đã sẵn sàng. Để nhận tiền bạn cần mua gói "
                      "bảo hiểm 790k."),
    ("PAY_TO_UNLOCK", "Hop dong bao hiem cua ban duoc chi tra 30 trieu. Vui long nop phi ho so "
                      "1 trieu de nhan."),
    # a card's security code read out; a portrait holding the ID card
    ("CREDENTIAL_HANDOVER_REQUEST", "Anh chụp giúp em mặt sau thẻ và báo em 3 số CVV để em "
                                    "nâng hạn mức nhé."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Ông gửi con ảnh chân dung cầm CCCD để con làm lại hồ sơ "
                                    "định danh cho ông nhé."),
    # screen sharing switched on in an app the "officer" had installed
    ("REMOTE_ACCESS_REQUEST", "Chị ơi em bên công an phường, chị cài app dịch vụ công em gửi rồi "
                              "bật chia sẻ màn hình để em hướng dẫn khai báo."),
    # extortion with a clip and the reader's contacts, or a school told
    ("EXTORTION_THREAT", "Anh có muốn vợ anh xem clip này không? Tôi có danh sách liên lạc của "
                         "anh. 20 triệu thì mọi thứ biến mất."),
    ("EXTORTION_THREAT", "Tao giữ ảnh nhạy cảm của mày. Chuyển 3tr trước 8h không thì cả lớp "
                         "biết."),
    ("EXTORTION_THREAT", "Chúng tôi đã hack email của bạn và có lịch sử duyệt web. Chuyển 500 "
                         "USD bằng bitcoin nếu không muốn bị công khai."),
    # a video call "kept" by a rude "may", a composite photo, each with a sum
    ("EXTORTION_THREAT", "Tao có video call của mày rồi, không muốn gửi cho vợ con thì chuyển "
                         "20 triệu trong 2 tiếng."),
    ("EXTORTION_THREAT", "Ảnh ghép này là của anh đúng không? Liên hệ Telegram để xóa trước khi "
                         "bị gửi cho gia đình, phí 5 triệu."),
    # the recovery fraud: an account or money got back for a fee
    ("FRAUD_RECOVERY_OFFER", "Anh ơi thấy anh mất tài khoản Facebook, bên em lấy lại được trong "
                             "1 ngày, anh chuyển 500k phí xử lý là xong."),
    ("FRAUD_RECOVERY_OFFER", "Hồ sơ đòi lại tiền của chị đã được thụ lý. Chị thanh toán phí "
                             "ủy thác 5 triệu trong 24h."),
    # a credit record wiped, a SIM sold unregistered, people's data sold
    ("FORGED_PAPERS_OFFER", "Nhận xóa nợ xấu CIC nhóm 3-5, bảo đảm vay lại được. Zalo 0912 345 "
                            "678."),
    ("ILLEGAL_GOODS", "Sim data 4G giá rẻ, không cần đăng ký chính chủ, ship toàn quốc."),
    ("ILLEGAL_GOODS", "Cung cấp data khách hàng bất động sản có SDT, giá rẻ, Telegram @datavn"),
    ("ILLEGAL_GOODS", "Cô có đề thi học kỳ bản chuẩn, phụ huynh chuyển 500k cô gửi file cho con."),
    # the boss: a sum in full figures, the company's balance, a new group
    ("BOSS_TRANSFER_ORDER", "Anh là giám đốc, đang họp, em chuyển 120.000.000đ cọc hợp đồng cho "
                            "đối tác trước 10h, không cần qua kế toán trưởng."),
    ("BOSS_TRANSFER_ORDER", "Em ơi sếp đây, anh dùng zalo phụ. Em kiểm tra số dư tài khoản công "
                            "ty rồi báo anh, chiều cần chuyển cọc hợp đồng."),
    ("BOSS_IN_NEW_GROUP", "Em vào nhóm zalo 'Ban giám đốc' anh vừa tạo nhé, phó giám đốc sẽ gửi "
                          "thông tin chuyển khoản."),
    # money trading: a bank account rented out
    ("ACCOUNT_TRADING", "Cần thuê stk + app ngân hàng nhận tiền, trả 300k/ngày."),
    ("ACCOUNT_TRADING", "Em có tk ngân hàng nào không dùng không, cho anh thuê 1tr5/tháng."),
    # "this account", the writer's own being broken (the account comes next)
    ("THIRD_PARTY_TRANSFER", "Ban oi cho minh muon 3tr den toi tra, ck qua stk nay giup minh, tk "
                             "minh dang bi loi ko chuyen duoc."),
    # a new account "while the old one is under maintenance"
    ("THIRD_PARTY_TRANSFER", "Đơn của chị bị lỗi, chị chuyển lại 320k vào tk mới của shop giúp "
                             "em, tk cũ đang bảo trì ạ."),
    # an appeal paid into a private account
    ("CHARITY_TO_PERSON", "Nhóm em quyên góp xây trường cho trẻ vùng cao, anh ủng hộ qua tk cá "
                          "nhân em nhé."),
    # the holder's name in brackets
    ("BILL_TO_PERSONAL_ACCOUNT", "Công ty Cấp nước thông báo đồng hồ nước đã hết kiểm định, phí "
                                 "thay mới 850.000đ, chuyển khoản trước vào STK 0451 0009 8832 "
                                 "(NGUYEN VAN KHOA)."),
    ("BILL_TO_PERSONAL_ACCOUNT", "Thông báo: hộ gia đình chưa đóng tiền nước, thanh toán qua mã "
                                 "QR cá nhân của nhân viên thu để tránh ngừng cấp nước."),
    # a code the "staff" will call for; a charge to stop by calling a mobile
    ("CODE_HANDOVER_REQUEST", "Mã OTP của bạn là 551203. Nhân viên sẽ gọi, vui lòng đọc mã này "
                              "cho nhân viên để nhận hoàn tiền."),
    ("CHARGE_CANCEL_CALL", "[BIDV] Ma OTP cua ban la 220918. Neu ban khong yeu cau, goi ngay "
                           "0587 111 222 de huy giao dich truoc khi bi tru tien."),
    # an "army unit" that has the shop pay its dealer
    ("UNIT_ORDER_ADVANCE", "Chào quán, anh bên ban chỉ huy quân sự huyện, đặt 20 mâm cỗ. Đơn "
                           "vị anh hay lấy rượu bên đại lý Hưng Thịnh, em lấy hộ anh 6 thùng "
                           "nhé."),
    ("UNIT_ORDER_ADVANCE", "Anh là trợ lý hậu cần tiểu đoàn 2, đặt 30 bộ quần áo. Bên in logo "
                           "anh quen, em chuyển cọc 5tr cho họ giúp anh, chiều anh trả hết."),
    # labour export and admissions fees
    ("JOB_FEE_REQUEST", "Đơn XKLĐ Hàn Quốc ngành nông nghiệp, lương 40tr, bay nhanh. Cọc hồ sơ "
                        "10tr giữ suất em nhé."),
    ("JOB_FEE_REQUEST", "Công ty tuyển lao động đi Đức, không cần tiếng. Em đóng 1500 đô tiền "
                        "giữ visa trước nhé."),
    ("PAY_TO_UNLOCK", "Cháu nhà mình đậu rồi chị ạ, nhưng phải đóng trước 10tr phí giữ chỗ "
                      "ký túc xá vào tk thầy Bình phòng đào tạo."),
    # a task fraud's extra orders, a withdrawal that needs more, a fee named with its sum
    ("PAY_TO_UNLOCK", "Tài khoản của bạn vượt mức, để rút tiền bạn phải làm thêm 3 đơn combo "
                      "5tr nữa."),
    ("PAY_TO_UNLOCK", "Anh nạp thêm 20tr nâng VIP là rút hết được cả gốc lẫn lãi nhé."),
    ("PAY_TO_UNLOCK", "Vé đã chuyển nhượng, hệ thống yêu cầu phí xác minh chủ sở hữu 350k, "
                      "bạn ck nốt nha."),
    ("PAY_TO_UNLOCK", "Đơn của chị bị trùng, kế toán cần chị ck thêm 1.500.000 để hệ thống hoàn "
                      "cọc cũ ạ."),
    ("PAY_TO_UNLOCK", "Chị đóng thêm phí bảo hiểm động vật 900k thì xe mới chạy ạ."),
    ("PAY_TO_UNLOCK", "Sân bay giữ bé cún để kiểm dịch, bạn đóng 1tr làm giấy ko thì bé bị tạm "
                      "giữ."),
    # a pet given away "for its shipping only"; cash inside a parcel from abroad
    ("FEE_FOR_A_GIFT", "Pass bé Poodle cho ai yêu thương, ko lấy tiền bé, chỉ lấy phí vận "
                       "chuyển 1tr5 thôi."),
    ("CUSTOMS_FEE_TO_PERSON", "Chú ơi cháu là bạn anh Nam bên Nhật, anh ấy gửi về 2000 đô và "
                              "laptop, chú đóng phí gửi hàng 1tr5 nhé."),
    # a fine paid into "our" account; a tax officer who moves the file to his Zalo
    ("FINE_PAID_TO_OFFICER", "Hộ kinh doanh của anh bị phạt 5tr. Anh nộp vào tk bên em trong "
                             "ngày để được giảm 50% mức phạt."),
    ("OFFICIAL_ON_PRIVATE_CHAT", "Em là cán bộ chi cục thuế, hồ sơ hoàn thuế của chị còn "
                                 "thiếu, chị kết bạn zalo em hướng dẫn nhé."),
    ("APK_LINK", "Em là cán bộ thuế, chị cài app thuế điện tử theo file apk em gửi nhé."),
    # returns: doubled in days, a loss made good, an "inside" signal, a mining package
    ("GUARANTEED_RETURNS", "Anh vào thử gói 10tr đi, 5 ngày là x2, em chỉ muốn anh cũng kiếm "
                           "được."),
    ("GUARANTEED_RETURNS", "Anh thử 1 lệnh nhỏ 3tr thôi, lãi thì rút liền, lỗ em đền cho anh."),
    ("GUARANTEED_RETURNS", "Gói đào coin 8tr chạy 30 ngày thu về 15tr."),
    # a debt pressed by shame, or on a relative
    ("DEBT_SHAMING_THREAT", "Chồng chị nợ app 6tr quá hạn, nói trả ngay không bọn tôi gửi ảnh "
                            "ghép lên danh bạ."),
    ("DEBT_SHAMING_THREAT", "M trốn nợ hả? Ck 2tr vào stk này k thì mai cả công ty m biết."),
    ("DEBT_SHAMING_THREAT", "Chị là vợ anh Hải? Anh ấy vay bên em 10tr, chị ko thanh toán thay "
                            "thì mai bên em gửi đơn lên phường."),
    # a face video, an ATM card's photo
    ("CREDENTIAL_HANDOVER_REQUEST", "Em ở nhà mạng, anh gửi em ảnh CCCD 2 mặt và quay video "
                                    "khuôn mặt để em xác thực giúp."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Anh chụp 2 mặt CCCD và thẻ ATM cũ gửi em để em mở thẻ "
                                    "tín dụng nhé."),
    # a carrier's "SIM will lose signal" with a personal number; the ID card's sides to Zalo
    ("THREAT_WITH_PERSONAL_NUMBER", "Vinaphone: sim cua ban se mat song neu khong nang cap "
                                    "5G. Goi 0911 222 333 de duoc ho tro."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Nha mang: thue bao chua xac thuc, vui long chup anh 2 mat "
                                    "CCCD gui qua Zalo 0358 111 222."),
    # a changed number that borrows; a storm's victims and a person's account
    ("EMERGENCY_MONEY_REQUEST", "Chi oi em doi so, luu so nay nhe. Em dang ket, chi cho em muon "
                                "2 trieu, chuyen vao STK 2130 8867 191 ACB giup em."),
    ("CHARITY_TO_PERSON", "Ung ho nan nhan bao lu mien Trung, sao ke cong khai. STK 0988 446 221 "
                          "chu TK Tran Van Hung."),
    # eighteenth round: a code read back in other words
    ("CODE_HANDOVER_REQUEST", "Nếu anh không mua hàng, em hủy giúp, anh cung cấp mã xác thực "
                              "vừa gửi đến máy anh để em chặn giao dịch."),
    ("CODE_HANDOVER_REQUEST", "a ơi e là quản trị nhóm, a gửi e mã 6 số vừa gửi về máy để "
                              "duyệt vào nhóm nhé"),
    ("CODE_HANDOVER_REQUEST", "Quà tặng data 5G cho bác, bác soạn tin theo cú pháp rồi báo em "
                              "mã nhận được để em kích hoạt"),
    # extortion with photos "joined", a recording, evidence of a scandal
    ("EXTORTION_THREAT", "tao cắt ghép xong ảnh mày rồi, ck 15tr trước tối nay không là gửi "
                         "cho vợ mày"),
    ("EXTORTION_THREAT", "Chúng tôi có đủ bằng chứng, không muốn tai tiếng thì chuyển 100 "
                         "triệu để xóa hết dữ liệu."),
    # a debt pressed by posting the debtor's photo, collectors sent to the home
    ("DEBT_SHAMING_THREAT", "Khoản vay của chị quá hạn, ck 3tr tiền lãi ngay không là ảnh chị "
                            "bị đăng lên các nhóm."),
    ("DEBT_SHAMING_THREAT", "Khoản nợ 6tr của anh đã chuyển bộ phận thu hồi hiện trường, thanh "
                            "toán trước 17h để tránh nhân viên đến nhà."),
    # something coming to the reader and a fee with its sum asked for it
    ("PAY_TO_UNLOCK", "Ông được hưởng thừa kế của người bác ở Úc, phí công chứng và dịch "
                      "thuật 15tr, ông cần nộp trước để làm thủ tục."),
    ("PAY_TO_UNLOCK", "Khoản vay của anh chờ giải ngân, anh cần mua bảo hiểm khoản vay 10% "
                      "= 2tr rồi chuyển vào tk kế toán."),
    ("PAY_TO_UNLOCK", "Bưu kiện của chị đang lưu kho hải quan, phí lưu kho 4.500.000đ, quá hạn "
                      "không nộp sẽ bị tiêu hủy."),
    # a fake investigation on camera, silence ordered, the balance into an "appraisal" account
    ("AUTHORITY_OVER_CHAT", "Đây là lần triệu tập cuối, ông mở camera để cán bộ ghi lời khai, "
                            "tuyệt đối không được cho vợ con biết."),
    ("PAY_TO_UNLOCK", "Tôi là cán bộ điều tra, anh chuyển số dư sang tài khoản giám định, xác "
                      "minh xong hoàn trả."),
    # an app or an eSIM from the caller's own link or QR code
    ("APP_LINK_OVER_CHAT", "Nhà mạng nâng cấp SIM 5G, chị quét mã QR em gửi để tải eSIM mới "
                           "nhé."),
    ("APP_LINK_OVER_CHAT", "Em bên công ty cấp nước, anh cài ứng dụng thanh toán mới em gửi để "
                           "tránh bị ngắt nước."),
    # a bank log-in on the page the caller sends
    ("CREDENTIAL_HANDOVER_REQUEST", "Phí thường niên thẻ bị tính sai, anh vào trang em gửi "
                                    "đăng nhập ngân hàng để hủy phí nhé."),
    # identity papers and the bank card's photo for a "payout"; a parcel's redelivery fee
    # by QR code; compensation through a Zalo friend
    ("CREDENTIAL_HANDOVER_REQUEST", "Em được nhận trợ cấp 5tr, gửi anh ảnh thẻ ngân hàng và "
                                    "CCCD để anh làm hồ sơ nhé."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Bên thuế cần chị nhắn lại số CCCD, ngày cấp để cấp mã "
                                    "số thuế mới."),
    ("PAY_TO_UNLOCK", "Đơn của anh giao không thành công, để giao lại anh đóng phí 20k qua mã "
                      "QR em gửi nhé."),
    ("REFUND_VIA_PRIVATE_CHAT", "Hàng của chị bị vỡ khi vận chuyển, công ty đền bù gấp đôi, chị "
                                "kết bạn Zalo bộ phận bồi thường để nhận tiền."),
    # a hijacked chat account, the money to someone else's account
    ("THIRD_PARTY_TRANSFER", "Cô ơi zalo cũ cháu bị lỗi nên cháu lập cái mới, cô ck giúp cháu "
                             "5tr vào stk 0123 456 789 Vietcombank Tran Van Nam chồng sắp "
                             "cưới của cháu nhé."),
    ("THIRD_PARTY_TRANSFER", "Mẹ ơi điện thoại con bị rơi vỡ, mẹ ck 1tr2 tiền sửa vào tk chủ "
                             "tiệm giúp con với."),
    # a charge to disown by calling a mobile: a transfer's code, a monthly fee, a service
    ("CHARGE_CANCEL_CALL", "ACB: Ma OTP cua QK la 110293 cho giao dich 18.500.000d. Neu QK khong "
                           "thuc hien, goi ngay 0912 765 432 de huy."),
    ("CHARGE_CANCEL_CALL", "TPBank: tai khoan phat sinh phi duy tri 990.000d/thang. Neu muon "
                           "huy, lien he 0936 552 187"),
    # a code to read out to the "staff" who will call
    ("CODE_HANDOVER_REQUEST", "Mã xác thực của bạn là 884120. Nhân viên sẽ gọi cho bạn, vui "
                              "lòng đọc mã này để nhận quà."),
    # charity into the writer's or the mother's own account
    ("CHARITY_TO_PERSON", "Nhóm thiện nguyện cần 30tr mua thuốc cho cụ bà neo đơn, ai ủng hộ ck "
                          "qua tk của mình, mình sao kê sau."),
    # nineteenth round: a bank's "staff" and a remote-control app, the bank named only
    ("REMOTE_ACCESS_REQUEST", "Em là nhân viên CSKH Techcombank, chị cài giúp em AnyDesk rồi "
                              "đọc dãy số kết nối để em xử lý lỗi tài khoản."),
    # a range of daily returns; deposits that buy a bigger cut
    ("GUARANTEED_RETURNS", "Sàn vàng quốc tế, vốn chỉ từ 3 triệu, lãi 4-8%/ngày, rút 24/7."),
    ("GUARANTEED_RETURNS", "Shop tuyển CTV xử lý đơn hàng ảo, nạp càng nhiều hoa hồng càng cao."),
    # a loan whose fee is paid before it
    ("PAY_TO_UNLOCK", "Bên em hỗ trợ vay vốn nợ xấu vẫn duyệt, phí hồ sơ chuyển trước 300k "
                      "là giải ngân."),
    # the friend whose banking app "is broken", the money into "this number"
    ("THIRD_PARTY_TRANSFER", "Bà ơi chuyển giúp tôi 5tr vào số này nhé, app ngân hàng của tôi "
                             "đang lỗi, tối tôi gửi lại."),
    ("THIRD_PARTY_TRANSFER", "Mình là bạn của Hùng, tài khoản ngân hàng của Hùng bị lỗi nên "
                             "bạn chuyển tiền vào số này giúp Hùng nhé."),
    # a prize won and a fee for it, in a few words
    ("PAY_TO_UNLOCK", "Chúc mừng bạn trúng thưởng xe máy, nộp phí 700k nhé."),
    # congratulations on money to claim over a chat app
    ("LURE_TO_PRIVATE_CONTACT", "Chúc mừng bạn nhận 2 triệu tri ân, kết bạn Zalo 0387123456 để "
                                "nhận."),
]


@pytest.mark.parametrize(("name", "text"), FRAUDS)
def test_the_fraud_is_found_and_called_a_scam(name: str, text: str) -> None:
    assert name in names(text)
    assert lachan.analyse(text).label == "scam"


HONEST = [
    # a colleague's screen, a real recovery of a forgotten password
    ("REMOTE_ACCESS_REQUEST", "Em bật chia sẻ màn hình để anh xem báo cáo thuế quý 3 nhé."),
    ("FRAUD_RECOVERY_OFFER", "Tao mất tài khoản Facebook rồi, may mà lấy lại được bằng email."),
    # a relative really in hospital, money to the writer himself
    ("EMERGENCY_MONEY_REQUEST", "Chị ơi mẹ em nhập viện rồi, em đang ở viện với mẹ, tối em gọi "
                                "chị nhé."),
    # a deposit received, a buyer who pays
    ("DEPOSIT_FIRST", "Anh ơi cửa hàng nhận được tiền cọc 2tr rồi ạ, anh qua showroom làm giấy "
                      "tờ lúc nào cũng được."),
    ("DEPOSIT_FIRST", "E ơi chị đi làm chưa về, e gửi hàng nhà bên cạnh nhé, chị ck tiền trước "
                      "cho e 156k, cho chị xin stk."),
    # a bank's own notice, the code given at the counter
    ("CODE_HANDOVER_REQUEST", "Mã OTP của bạn là 551203. Tuyệt đối không cung cấp mã này cho "
                              "bất kỳ ai, kể cả nhân viên ngân hàng."),
    # a roommate's share of the bills
    ("BILL_TO_PERSONAL_ACCOUNT", "Tiền điện nước tháng này 1tr2 nha, chuyển cho chị vào stk "
                                 "0123456789 VCB Tran Thi Bich."),
    # a clip passed round among friends
    ("EXTORTION_THREAT", "Clip này hay quá, gửi cả lớp xem đi, 20k một vé xem phim tối nay."),
    ("EXTORTION_THREAT", "Ảnh ghép hôm đám cưới đẹp quá, em gửi cho cả nhà xem rồi, nhớ chuyển "
                         "ảnh cho chị Lan nhé."),
    # a labour-export fee paid at the office, against an invoice
    ("JOB_FEE_REQUEST", "Con chị đi Đài Loan qua công ty, đóng phí tại văn phòng có hóa đơn, "
                        "ghi rõ trên hợp đồng."),
    # a bank's memo, not a threat to a relative
    ("DEBT_SHAMING_THREAT", "(TPBank): TK xxxx3635 PS:+500.000VND SO DU: 5.047.380VND ND: Tra "
                            "no thay anh Nam"),
    # a dealer's deposit for a real order the buyer sees
    ("UNIT_ORDER_ADVANCE", "Công ty anh đặt 30 bộ đồng phục, em báo giá rồi anh qua xưởng xem "
                           "mẫu nhé."),
    # eighteenth round: a shop's real refund of a deposit already paid
    ("PAY_TO_UNLOCK", "Mẫu này hết hàng nên shop hoàn lại 100% tiền cọc 300k vào tài khoản anh "
                      "đã chuyển, anh kiểm tra giúp em."),
    # a lender's own notice of a disbursed loan, its fee deducted
    ("PAY_TO_UNLOCK", "Khoản vay 30tr đã giải ngân, phí bảo hiểm 900k đã được trừ vào khoản "
                      "vay."),
    # a friend sharing a real app, no institution and no link of his own
    ("APP_LINK_OVER_CHAT", "Cài app Grab đi, đặt xe rẻ hơn nhiều, tải trên CH Play ấy."),
    # "đứng tên" is no negation, "mày" is not luck
    ("EXTORTION_THREAT", "Clip sinh nhật hôm qua tao gửi cho vợ mày rồi nhé, đẹp lắm."),
    # a real redelivery, a real payout to one's own account, a shop paid by its customer
    ("PAY_TO_UNLOCK", "Shipper giao lại đơn cho chị chiều nay nhé, phí ship chị thanh toán "
                      "rồi."),
    ("THIRD_PARTY_TRANSFER", "Mẹ ơi con mua điện thoại rồi, con ck tiền vào tk chủ tiệm, mẹ "
                             "yên tâm nhé."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Thẻ ngân hàng mới của em đẹp ghê, gửi anh xem ảnh thẻ "
                                    "nè."),
    # a carrier's own renewal notice, cancelled by a command to its short code
    ("CHARGE_CANCEL_CALL", "Goi cuoc MXH100 phi 100.000d/thang da duoc gia han. De huy soan "
                           "HUY MXH100 gui 999"),
    # the ministry's warning that sends people to the report portal
    ("AUTHORITY_LINK_NOT_GOV", "Bộ TT&TT cảnh báo: thủ đoạn giả danh điện lực yêu cầu cài app "
                               "lạ. Báo cáo lừa đảo tại canhbao.khonggianmang.vn"),
    # a carrier's prize game, its fee the price of its messages
    ("PAY_TO_UNLOCK", "[QC] Tham gia chương trình nạp thẻ trúng thưởng 20 triệu, soạn DK gửi "
                      "800 (phí 1000đ/tin)."),
    # nineteenth round: a software vendor's helpdesk names no bank
    ("REMOTE_ACCESS_REQUEST", "Anh ơi em bên phần mềm kế toán, anh mở UltraViewer giúp em để "
                              "em cài bản cập nhật nhé."),
    # the one who got the money by mistake offers it back
    ("MISTAKEN_TRANSFER_RETURN", "Sáng nay chị chuyển nhầm 500k vào tk em phải không? Để em "
                                 "chuyển trả lại chị luôn nhé."),
    # a benefit paid into one's own account
    ("BILL_TO_PERSONAL_ACCOUNT", "BHXH quận 3: chế độ ốm đau của Ông Trần Văn Nam đã được duyệt, "
                                 "số tiền 3.200.000đ sẽ chuyển vào tài khoản cá nhân trong 7 "
                                 "ngày."),
    # a university's fee notice: its bank and its own portal under edu.vn
    ("DEMAND_WITH_UNOFFICIAL_LINK", "Trường ĐH Kinh tế: hạn nộp học phí là 15/01, nộp qua "
                                    "Vietcombank hoặc cổng sv.neu.edu.vn, quá hạn sẽ bị khóa "
                                    "tài khoản đăng ký môn."),
]


@pytest.mark.parametrize(("name", "text"), HONEST)
def test_the_honest_message_most_like_it_gets_none(name: str, text: str) -> None:
    assert name not in names(text)
    assert lachan.analyse(text).label != "scam"


def test_a_scheme_someone_else_was_lured_into_is_told_of_not_offered() -> None:
    text = "Bố mình bị rủ thuê máy đào coin lãi 3%/ngày, giải thích mãi mới tin là đa cấp."
    assert lachan.analyse(text).label != "scam"


def test_advice_against_lending_an_account_is_no_fraud() -> None:
    # it quotes the money mule's request; the advice ("thi tu choi") gives it no prior
    text = "Ai nhờ mượn tk ngân hàng nhận tiền hộ thì từ chối nha em, dính vào là bị liên đới."
    assert lachan.analyse(text).label != "scam"


def test_a_fake_officers_demand_for_secrecy_is_no_warning() -> None:
    # "Tuyet doi khong tiet lo." ends the fake officer's message; a bank's advisory says
    # what not to disclose
    text = ("Bo Cong an TB: So CCCD cua ong lien quan duong day rua tien dang dieu tra. Lien he "
            "Thuong ta Minh 0859 412 367 de phoi hop. Tuyet doi khong tiet lo.")
    assert lachan.analyse(text).label == "scam"


def test_a_recovery_promise_of_100_per_cent_is_no_remark() -> None:
    # "lua dao 100%" is a chat's verdict on a message; "lay lai tien bi lua dao 100%" is the
    # recovery fraud's promise
    text = ("Ben em co dich vu lay lai tien bi lua dao 100%, thu phi sau. LH Luat su Hung "
            "0815 276 093")
    assert "FRAUD_RECOVERY_OFFER" in names(text)
    assert lachan.analyse(text).label == "scam"


def test_a_phishing_link_outweighs_a_prize_offers_ad_words() -> None:
    text = ("Hang hang khong tang 2 ve khu hoi mien phi cho 500 nguoi dau tien. Dang ky va tra "
            "phi san bay 199k tai airasia-tangve.site")
    assert "URL_PHISHING_HOST" in names(text)
    assert lachan.analyse(text).label == "scam"
