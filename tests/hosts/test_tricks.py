"""Tricks the host model cannot see: it reads the registrable label only."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.detect.host_lexicon import GAME_LURE_WORDS, GAME_NAMES, LURE_WORDS, SHORT_GAME_NAMES
from lachan.detect.host_match import fuzzy_brand, game_lure, label_lure
from lachan.detect.hosts import analyse_host


@pytest.mark.parametrize("item", [
    "vietcombank.com.vn.vn",
    "login.vietcombank.com.vn.vn",
    "vietcombank.com.vn.com",
    "https://bidv.com.vn.net/xac-thuc",
])
def test_an_official_domain_at_the_start_of_another_is_phishing(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    assert v.brand in {"vietcombank", "bidv"}
    assert "HOST_OFFICIAL_DOMAIN_INSIDE" in {s.name for s in v.symbols}


@pytest.mark.parametrize("item", [
    "vietcombank.com.vn",
    "www.vietcombank.com.vn",
    "www.vietcombank.com.vn.edgekey.net",  # a content network names its customer
])
def test_the_official_domain_itself_and_its_cdn_name_are_not_that_trick(item: str) -> None:
    v = analyse_host(item)
    assert "HOST_OFFICIAL_DOMAIN_INSIDE" not in {s.name for s in v.symbols}
    assert v.label == "benign"


def test_on_a_content_network_only_the_official_domain_in_front_is_the_customer() -> None:
    # Vietcombank's own edge name carries no brand finding; a name that only holds the
    # brand's name (anyone's choice) still does
    own = analyse_host("www.vietcombank.com.vn.edgekey.net")
    assert "HOST_BRAND_IN_SUBDOMAIN" not in {s.name for s in own.symbols}
    for item in ("vietcombank-login.edgekey.net", "vietcombank.com.vn.login.edgekey.net"):
        v = analyse_host(item)
        assert v.brand == "vietcombank" and v.label == "phishing", v


@pytest.mark.parametrize("item", [
    "login.vietcombank.com.vn.edgekey.net",  # the bank's own log-in host, on Akamai
    "https://login.vietcombank.com.vn.edgekey.net/login",
    "ebanking.vietcombank.com.vn.edgesuite.net",
    "www.vietcombank.com.vn.cdn.cloudflare.net",  # Cloudflare's network is cdn.cloudflare.net
    "login.vietcombank.com.vn.cdn.cloudflare.net",
])
def test_a_brands_own_host_name_in_front_of_a_content_network_is_its_customer(item: str) -> None:
    # the labels in front of the network's domain are walked to the official domain: the
    # brand's own subdomains ("login.") and the network's own label ("cdn.") are no lure
    v = analyse_host(item)
    names = {s.name for s in v.symbols}
    assert v.label == "benign" and v.brand is None, v
    assert "HOST_CDN_CUSTOMER" in names
    assert not names & {"HOST_BRAND_IN_SUBDOMAIN", "HOST_SCAM_KEYWORD"}, names


@pytest.mark.parametrize(("item", "floor"), [
    ("vietcombank-com-vn.edgekey.net", 0.5),  # the brand's name as one label: anyone's pick
    ("login-vietcombank-com-vn.edgekey.net", 0.5),
    ("vietcombank.com.vn.login.edgekey.net", 0.5),  # a label of someone's between them
    ("login.vietcombank.com.vn.evil.xyz", 0.95),  # no content network: the old trick
    ("vietcombank.com.vn.evil.xyz", 0.95),
])
def test_a_look_alike_of_a_customers_edge_name_is_still_phishing(item: str, floor: float) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand == "vietcombank" and v.score >= floor, v
    assert "HOST_CDN_CUSTOMER" not in {s.name for s in v.symbols}


def test_a_brand_in_the_path_of_a_login_page_on_a_user_content_host_is_phishing() -> None:
    v = analyse_host("https://sites.google.com/view/vietcombank-xacminh")
    assert v.label == "phishing"
    assert v.brand == "vietcombank"
    assert "HOST_BRAND_IN_PATH" in {s.name for s in v.symbols}
    assert analyse_host("https://sites.google.com/view/shopee-review").label == "benign"
    assert analyse_host("https://sites.google.com/view/my-cooking-blog").label == "benign"


@pytest.mark.parametrize(("item", "brand"), [
    ("vietcombank.github.io", "vietcombank"),
    ("https://momo-hoantien.web.app/", "momo"),
    ("https://sites.google.com/view/vietcombank-tuyen-dung", "vietcombank"),
    ("https://sites.google.com/view/ghtk-vn/home", "ghtk"),
])
def test_a_bank_or_courier_page_on_a_user_content_host_imitates_it(item: str, brand: str) -> None:
    # banks, wallets, couriers, telcos and public bodies keep no pages where anyone publishes
    v = analyse_host(item)
    assert (v.label, v.brand) == ("phishing", brand)


@pytest.mark.parametrize("item", ["facebook.github.io", "google.github.io/styleguide",
                                  "https://sites.google.com/view/thcs-le-loi"])
def test_technology_brands_own_pages_on_user_content_hosts_are_not_imitations(item: str) -> None:
    assert analyse_host(item).label == "benign"


@pytest.mark.parametrize("item", ["vietcomdank.com", "wietcombank.com", "vietinbamk.net"])
def test_a_long_brand_name_with_one_letter_replaced_is_a_look_alike(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand in {"vietcombank", "vietinbank"}


@pytest.mark.parametrize(("item", "brand"), [
    ("v1etcombank.com", "vietcombank"),  # "1" for "i" as well as for "l"
    ("agr1bank.com", "agribank"),
    ("b1dv.com.vn", "bidv"),
    ("m0m0.vn", "momo"),  # a digit at the label's end that stands for a letter
])
def test_digits_for_letters_name_the_brand_imitated(item: str, brand: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand == brand
    assert "HOST_BRAND_LOOKALIKE" in {s.name for s in v.symbols}


def test_a_brand_with_a_number_after_it_is_the_brand_named_not_a_look_alike() -> None:
    v = analyse_host("shopee1.vn")
    names = {s.name for s in v.symbols}
    assert v.brand == "shopee"
    assert "HOST_BRAND_IN_LABEL" in names and "HOST_BRAND_LOOKALIKE" not in names


@pytest.mark.parametrize("item", ["viietccombank.com", "vviietcombank.net", "mbbbank.org"])
def test_a_brand_name_with_letters_doubled_is_a_look_alike(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand in {"vietcombank", "mbbank"}
    assert "HOST_BRAND_LOOKALIKE" in {s.name for s in v.symbols}


def test_a_double_moved_elsewhere_is_a_word_not_a_look_alike() -> None:
    assert fuzzy_brand("goggles") is None  # not "google"
    assert fuzzy_brand("gooogle") == ("google", "gooogle")


@pytest.mark.parametrize("item", ["finance-news.com", "vrbank.com.vn", "longan.gov.vn"])
def test_short_names_one_letter_from_a_brand_are_not_look_alikes(item: str) -> None:
    assert analyse_host(item).brand is None


@pytest.mark.parametrize("item", [
    "momo.nhanquatang-tet.vn",  # a scam word in the domain under the brand's name
    "bidv.xacthuc-taikhoan.com",
    "vietcombank.ungdung.top",  # a risky TLD
])
def test_a_brand_before_a_scam_domain_is_phishing(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    assert "HOST_BRAND_IN_SUBDOMAIN" in {s.name for s in v.symbols}


@pytest.mark.parametrize("item", [
    "myvietcombank.go.link",  # a deep-link service names its customer
    "shopee.thoitrangnu.com",  # a brand before an ordinary domain stays with the model
])
def test_a_brand_before_a_link_service_or_plain_domain_has_no_floor(item: str) -> None:
    v = analyse_host(item)
    model = next(s for s in v.symbols if s.name == "HOST_MODEL")
    assert model.score < 0.9  # so that the brand floor (0.9) would show
    assert v.score == pytest.approx(model.score, abs=0.0005)  # the model's own score


@pytest.mark.parametrize("item", [
    "ghtk-vietnam.vn", "www-lazada.vn", "tikiv.vn", "vietinbankonline.com.vn",
])
def test_a_brand_with_only_filler_around_it_is_phishing(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    assert v.score >= 0.9


@pytest.mark.parametrize("item", [
    "isacombank.com.vn",  # a product's prefix letter
    "lazadalogistics.vn",  # a word of its own
])
def test_a_brand_with_a_word_of_its_own_has_no_filler_floor(item: str) -> None:
    assert analyse_host(item).score < 0.9


@pytest.mark.parametrize("item", [
    "lh3.googleusercontent.com", "my-bucket.s3.amazonaws.com", "google.co.uk", "amazon.co.jp",
])
def test_global_brands_own_country_and_content_domains_are_not_imitations(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "benign"
    assert not {"HOST_BRAND_IN_LABEL", "HOST_BRAND_LOOKALIKE"} & {s.name for s in v.symbols}


def test_a_bank_named_on_a_cloud_bucket_is_still_phishing() -> None:
    v = analyse_host("vietcombank-xacthuc.s3.amazonaws.com")
    assert v.label == "phishing"
    assert v.brand == "vietcombank"


@pytest.mark.parametrize("item", ["mydhl.express.dhl", "https://www.fedex.com/vi-vn"])
def test_couriers_own_domains_are_official(item: str) -> None:
    assert analyse_host(item).label == "benign"
    assert "HOST_OFFICIAL" in {s.name for s in analyse_host(item).symbols}


@pytest.mark.parametrize(("item", "brand"), [
    ("hocphi-thcs.vn-pay.com", "vnpay"),
    ("viet-combank.top", "vietcombank"),
    ("shop-ee.vn", "shopee"),
])
def test_a_brand_split_by_a_hyphen_is_a_look_alike(item: str, brand: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand == brand


@pytest.mark.parametrize("item", ["thong-tin.vn", "ac-b2b.com", "mb-auto.vn"])
def test_a_hyphen_does_not_join_short_codes_or_words_into_a_brand(item: str) -> None:
    assert analyse_host(item).brand is None


@pytest.mark.parametrize("item", [
    "napff.vn",  # top-up + Free Fire, under .vn, which the model trusts
    "www.sukienlmht.vn",
    "muanicklq.com",
    "ff-garena-sukien.site",
    "freefire-membership.com",
])
def test_a_games_name_beside_a_lure_word_is_phishing(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    assert "HOST_GAME_LURE" in {s.name for s in v.symbols}


@pytest.mark.parametrize("item", [
    "ff.garena.vn",  # the game's own site
    "coffeeshop.vn",  # "ff" inside a word
    "staff-shop.com",
    "offshop.vn",
    "playtogether.fandom.com",  # a game's name with no lure word
])
def test_a_games_own_site_or_ff_inside_a_word_is_no_game_lure(item: str) -> None:
    assert "HOST_GAME_LURE" not in {s.name for s in analyse_host(item).symbols}


@given(st.from_regex(r"[a-z0-9-]{0,63}", fullmatch=True))
def test_game_lure_names_a_game_and_a_lure_word_of_the_label(label: str) -> None:
    found = game_lure(label)
    if found is not None:
        game, lure = found
        assert game in label and lure in label
        assert game in GAME_NAMES | SHORT_GAME_NAMES and lure in GAME_LURE_WORDS


@pytest.mark.parametrize(("item", "word"), [
    ("https://sites.google.com/view/kiemtienonl24h", "kiemtien"),  # earn money online
    ("sites.google.com/site/nhan-qua-tri-an", "nhanqua"),
    ("https://telegra.ph/Trung-thuong-xe-SH-05-12", "trungthuong"),
    ("https://sites.google.com/view/dangnhap-taikhoan/home", "dangnhap + taikhoan"),
    ("https://sites.google.com/view/casino-vip", "casino"),
])
def test_a_page_on_a_user_content_host_named_with_a_lure_is_phishing(item: str, word: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    page = [s for s in v.symbols if s.name == "HOST_PAGE_LURE"]
    assert page and f'"{word}"' in page[0].detail


@pytest.mark.parametrize("item", [
    "https://sites.google.com/view/hotrohocsinh",  # one plain keyword: a school's help page
    "https://sites.google.com/view/thcs-nguyen-du/tuyen-sinh",
    "https://docs.google.com/forms/d/e/1FAIpQLSf/viewform",
    "https://kiemtien.vn/sites/view",  # no user-content host: the model's and the checks' call
])
def test_a_plain_page_on_a_user_content_host_is_no_page_lure(item: str) -> None:
    assert "HOST_PAGE_LURE" not in {s.name for s in analyse_host(item).symbols}


@pytest.mark.parametrize(("item", "word"), [
    ("tienvayquick.net", "vay"),  # a loan glued inside the name
    ("nhacaihangdau.org", "nhacai"),  # a bookmaker
    ("clmmsieutoc.com", "clmm"),  # chan-le betting on MoMo
    ("phanmem-crack-full.net", "crack"),
    ("thuocsinhlynamgioi.com", "sinhly"),
    ("nhanquatructuyen.vn", "nhanqua"),  # under .vn, which the model trusts
    ("nhankimcuong247.com", "nhankimcuong"),  # free diamonds for a game
    ("bufflike-gia-re.net", "bufflike"),  # bought likes
])
def test_a_word_naming_what_a_scam_sells_is_a_lure(item: str, word: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    lure = [s for s in v.symbols if s.name == "HOST_LURE_WORD"]
    assert lure and lure[0].detail.startswith(f'"{word}"')


@pytest.mark.parametrize("item", [
    "vaycuoidep.vn",  # "vay cuoi": a wedding dress, not a loan
    "crackerbakery.com",
    "petadoption.org",  # no binary option
    "austriantravel.com",  # no "tri an" gift
    "khoasinhlyhoc.vn",  # a physiology department
    "vayvonsinhvien.edu.vn",  # a school's own student-loan page
])
def test_words_that_only_hold_a_lure_word_are_no_lure(item: str) -> None:
    assert "HOST_LURE_WORD" not in {s.name for s in analyse_host(item).symbols}


@given(st.from_regex(r"[a-z0-9-]{0,63}", fullmatch=True))
def test_label_lure_names_a_lure_word_of_the_label(label: str) -> None:
    found = label_lure(label)
    if found is not None:
        word, what = found
        assert word in label.replace("-", "") and LURE_WORDS[word] == what


@pytest.mark.parametrize("item", [
    "lmhtgiaidau.vn",  # League of Legends' Vietnamese name, alone
    "robuxvietnam.com",
    "playtogether-vn.com",
])
def test_a_games_name_alone_outside_its_publishers_domains_is_a_lure(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    assert "HOST_GAME_LURE" in {s.name for s in v.symbols}


def test_a_game_named_by_an_everyday_word_needs_a_lure_word() -> None:
    # "lien quan" is also "related": a law site's name, not Arena of Valor's
    v = analyse_host("lienquanphapluat.vn")
    assert v.label == "benign"
    assert "HOST_GAME_LURE" not in {s.name for s in v.symbols}


@pytest.mark.parametrize("item", ["garenathanhtich.vn", "garena.giaidauhe.vn"])
def test_a_game_publishers_name_under_vn_is_phishing(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand == "garena"


@pytest.mark.parametrize("item", [
    "sinhnhatlq.vn",  # a game's "birthday" (Arena of Valor's code)
    "hoiquanff.com",  # Free Fire's "club house"
    "sinhnhatffvn.com",  # with "vn" after the code
    "diemdanhdotkich.com",  # a daily check-in of CrossFire ("Dot Kich")
    "hacklienminh.net",  # League of Legends' short name beside a hack
])
def test_a_games_invented_event_is_a_game_lure(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    assert "HOST_GAME_LURE" in {s.name for s in v.symbols}


@pytest.mark.parametrize("item", [
    "lienminhhoptacxa.vn",  # "lien minh": an alliance of co-operatives
    "dotkichtinhte.com",  # "dot kich": a raid, in a news site's name
    "sinhnhatbe.vn",  # a child's birthday party shop
    "staffvn.com",  # "ff" inside a word
])
def test_everyday_words_and_events_without_a_game_are_no_game_lure(item: str) -> None:
    assert "HOST_GAME_LURE" not in {s.name for s in analyse_host(item).symbols}


@pytest.mark.parametrize("item", ["gerana.vn", "garens.vn", "www.gazena.vn", "garenna-vn.vn"])
def test_a_game_publishers_name_misspelt_under_vn_is_a_look_alike(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand == "garena", v
    assert "HOST_BRAND_LOOKALIKE" in {s.name for s in v.symbols}


@pytest.mark.parametrize("item", [
    "gara.vn",  # a garage: two letters dropped
    "galena.vn", "galera.vn",  # names near "garena"
    "gazeta.pl",  # outside .vn
    "garden.vn",
])
def test_words_near_a_game_publishers_name_are_no_look_alike(item: str) -> None:
    assert analyse_host(item).brand != "garena"


def test_a_game_named_by_an_everyday_word_in_a_subdomain_is_no_game_lure() -> None:
    assert analyse_host("lienquan.vanbanphapluat.vn").label == "benign"


@pytest.mark.parametrize(("item", "brand"), [
    ("teckcombamk.com", "techcombank"),  # two letters replaced
    ("vjetcombamk.net", "vietcombank"),
])
def test_a_long_brand_name_two_edits_away_is_a_look_alike(item: str, brand: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand == brand
    assert "HOST_BRAND_LOOKALIKE" in {s.name for s in v.symbols}


def test_two_edits_that_change_a_long_names_last_letter_are_another_name() -> None:
    # "kienlong land" (a builder's name) is two letters from "kienlongbank"
    assert fuzzy_brand("kienlongland") is None
    assert analyse_host("kienlongland.vn").label == "benign"


@pytest.mark.parametrize(("item", "brand"), [
    ("jaccsonline.net", "jaccs"),  # a consumer-finance company: fake loan sites
    ("hdsaisonplus.com", "hdsaison"),
    ("medtronicx.com", "medtronic"),  # a task scam's borrowed name, one letter after it
    ("nasdaqpro.org", "nasdaq"),
    ("chongluadao.net", "chongluadao"),  # the anti-scam site's own name, elsewhere
])
def test_lenders_and_names_task_scams_borrow_are_imitated(item: str, brand: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand == brand


@pytest.mark.parametrize(("item", "brand"), [
    ("jaccs.com.vn", "jaccs"),
    ("mafc.com.vn", "miraeasset"),
    ("www.medtronic.com", "medtronic"),
    ("nasdaqtrader.com", "nasdaq"),
    ("chongluadao.vn", "chongluadao"),
])
def test_their_own_domains_are_official(item: str, brand: str) -> None:
    v = analyse_host(item)
    assert v.label == "benign" and v.brand == brand
    assert "HOST_OFFICIAL" in {s.name for s in v.symbols}
