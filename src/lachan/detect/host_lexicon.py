"""Word lists the host checks read: risky TLDs, shorteners, user-content hosts, scam and
gambling keywords, login-mimicking path words. Written by the project (no data copied).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: The bundled list of widely used sites (``lachan/data/well_known_domains.txt``).
WELL_KNOWN_RESOURCE = "well_known_domains.txt"

#: Cheap generic TLDs that abuse reports (Spamhaus, Interisle) rank high for phishing.
RISKY_TLDS: frozenset[str] = frozenset(
    """xyz top vip online live club site fun shop win life cfd store click icu tk ga ml cf gq
    buzz rest sbs bond cyou monster quest work link loan bet casino lol mom beauty hair skin
    makeup autos boats homes cam today world space website tokyo vin one games fit pw cyou
    support help digital email network center gdn men date racing review stream download
    trade party science accountant cricket faith kim country wang""".split()
)

#: Generic, country-neutral TLDs (neither risky nor Vietnamese).
GENERIC_TLDS: frozenset[str] = frozenset("com net org info biz".split())

#: Public URL shorteners: the real destination is hidden.
SHORTENERS: frozenset[str] = frozenset(
    """bit.ly bitly.com tinyurl.com t.co ow.ly is.gd buff.ly cutt.ly rebrand.ly shorturl.at
    rb.gy tiny.cc s.id v.gd t.ly shorte.st adf.ly goo.gl lnkd.in tiny.one short.io
    shorturl.asia u.to clck.ru qr.net bom.so page.link go.link onelink.me
    app.link app.goo.gl lzd.co""".split()
)

#: Hosts (or parent domains) where anyone can publish a page under the provider's name.
USER_CONTENT: frozenset[str] = frozenset(
    """github.io weebly.com blogspot.com web.app firebaseapp.com netlify.app vercel.app
    pages.dev workers.dev wixsite.com 000webhostapp.com herokuapp.com glitch.me repl.co
    webflow.io mystrikingly.com square.site godaddysites.com wordpress.com ngrok.io
    ngrok-free.app azurewebsites.net appspot.com sites.google.com docs.google.com
    forms.gle firebasestorage.googleapis.com storage.googleapis.com oa.zalo.me
    play.google.com apps.apple.com r2.dev surge.sh onrender.com googleusercontent.com
    amazonaws.com script.google.com drive.google.com forms.office.com onedrive.live.com
    ipfs.io dweb.link telegra.ph gitbook.io""".split()
)

#: Free mail services: anyone opens an address there, so an address at one is nobody's
#: official channel ("hotro.vietcombank@gmail.com" is not Google's, nor the bank's).
FREE_MAIL: frozenset[str] = frozenset(
    """gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com
    yahoo.com.vn ymail.com icloud.com me.com mac.com aol.com proton.me protonmail.com
    gmx.com gmx.net mail.com zoho.com yandex.com yandex.ru mail.ru qq.com 163.com
    126.com tutanota.com""".split()
)

#: App stores: where the authorities publish their real apps (eTax Mobile, VNeID). Their
#: pages are anyone's (so also in USER_CONTENT), but a link there is no authority's link
#: "outside gov.vn".
APP_STORES: frozenset[str] = frozenset(
    """apps.apple.com itunes.apple.com play.google.com appgallery.huawei.com
    galaxystore.samsung.com""".split()
)

#: Keywords that stuffed phishing hosts carry (folded Vietnamese and English).
SCAM_KEYWORDS: frozenset[str] = frozenset(
    """khuyenmai nhanqua quatang quatanthu tangqua trian uudai hoantien nhanthuong traothuong
    trungthuong doithuong vongquay sukien lixi giftcode napthe thecao doithe kiemtien
    xacminh xacthuc hotro dangnhap dangky dangki kichhoat capnhat mokhoa baomat taikhoan
    cskh chamsoc khachhang tuyendung vieclam congtacvien vaytien vayvon vaynhanh vayonline
    giaingan hoanphi nopphat phatnguoi nganhang ruttien tienmat hotrovay
    login signin verify secure account update support wallet claim reward bonus airdrop
    gift promo event member membership appeal recovery checkpoint confirm unlock
    usdt crypto forex invest dautu loinhuan tindung hanmuc hopqua tinthuong nhanthe
    daohan thetindung ruttindung thuongtet trianthang xacnhan tinchap banking
    card cards atmonline roblox pubg ngocrong valorant booyah napgame shopacc nickgame
    gplx chinhphu govn hoantra nhantien tructuyen taichinh vidientu giaodich lienket
    chuyentien thanhtoan tracuu trasoat hoso dichvucong chuanhoa dinhdanh sinhtrachoc
    coin mining btc bitcoin token swap trading exchange profit wealth futures broker""".split()
)

#: Scam keywords this short only count at the start of a token (``vay-…``, ``…-otp``).
SHORT_SCAM_KEYWORDS: frozenset[str] = frozenset("vay otp ctv atm gov nap acc".split())

GAMBLING_KEYWORDS: frozenset[str] = frozenset(
    """casino slot nohu taixiu baccarat xoso lode nhacai xocdia banca gamebai sunwin
    hitclub keonhacai cado chanle cacuoc soicau fun88 w88 poker lottery jackpot roulette
    sicbo xsmb keobong xoilac danhbai vuabai""".split()
)

SHORT_GAMBLING_KEYWORDS: frozenset[str] = frozenset("bet".split())

#: Online games whose players are lured with free items, top-ups or accounts ("napff",
#: "sukienlmht", "freefirenhanqua"): the games' own sites are official domains of their
#: publishers (ff.garena.vn), so a game's name beside a lure word elsewhere is a lure.
GAME_NAMES: frozenset[str] = frozenset(
    """freefire pubg roblox lienquan lmht booyah valorant ngocrong playtogether tocchien
    genshin lienminhhuyenthoai truykich zingspeed robux lienminh dotkich""".split()
)
#: Games whose name is also an everyday word ("lienquan": related; "lienminh": alliance,
#: League of Legends' short name; "dotkich": a raid, CrossFire's Vietnamese name): it
#: counts only beside a lure word ("hacklienminh", "diemdanhdotkich"). Any other name of
#: :data:`GAME_NAMES` is a lure on its own outside the publisher's domains ("lmhtvcs",
#: "playtogethervn", "robuxfree"): the publishers' own sites are official or well-known
#: domains, which never reach that check.
EVERYDAY_GAME_NAMES: frozenset[str] = frozenset({"lienquan", "lienminh", "dotkich"})
#: Short codes of games, which count only at an edge of the label or of a hyphenated
#: part, next to a lure word ("napff", "hacklq", "ff-member"; not "coffeeshop", "staff").
SHORT_GAME_NAMES: frozenset[str] = frozenset("ff lq aov fo4".split())
#: What a game's lure offers or asks for.
GAME_LURE_WORDS: frozenset[str] = frozenset(
    """nap napthe sukien quatang nhanqua giftcode member event acc nick hack skin quanhuy
    shop free mienphi tang trian sinhnhat ngayhoi dautruong hoiquan diemdanh rinhqua""".split()
)
#: (The last six: the invented events that game lures announce, a game's "birthday", its
#: "festival day", "arena" and "club house", a daily "check-in" and "grab the gifts":
#: "sinhnhatlq", "hoiquanff", "diemdanhdotkich"; 7 training-side domains missed before.)

#: Words that name what a scam sells or promises; one in a domain's own name is a lure
#: whatever the rest of the name says: word -> what it offers (the symbol's detail). Left
#: out: words that honest shops use too ("quatang" and "hopqua": gift shops; "napthe":
#: licensed top-up agents; "xoso": the state lottery companies; "casino", "baccarat").
LURE_WORDS: dict[str, str] = {
    # loans outside a lender's own domain ("chovay", "vaynhanh24h", "tokvay")
    "vay": "a loan", "loans": "a loan",
    # prizes, gifts and easy money
    "nhanqua": "a gift", "nhanthuong": "a reward", "trungthuong": "a prize",
    "traothuong": "a prize", "doithuong": "a prize", "giftcode": "a gift code",
    "lixi": "lucky money", "vongquay": "a lucky wheel", "hoantien": "a refund",
    "nhantien": "money", "kiemtien": "easy money", "trian": "a gratitude gift",
    # gambling under the names players search for ("clmm": chan-le on MoMo)
    "nhacai": "a bookmaker", "taixiu": "tai-xiu dice", "chanle": "chan-le betting",
    "clmm": "chan-le betting", "cltx": "chan-le betting", "nohu": "slot jackpots",
    "xocdia": "xoc-dia dice", "soicau": "lottery tips", "gamebai": "card gambling",
    "danhbai": "card gambling", "cacuoc": "betting", "sicbo": "dice gambling",
    "keobong": "football odds",
    # game currency for free, game hacks, bought likes (8 training-side domains missed
    # before these were added)
    "nhankimcuong": "free game diamonds", "napkimcuong": "game diamonds",
    "kimcuongff": "game diamonds", "kimcuongfree": "free game diamonds",
    "toolhack": "game hacks", "muahack": "game hacks", "hackgame": "game hacks",
    "fbhack": "a Facebook hack", "bufflike": "bought likes", "autolike": "bought likes",
    "fblike": "bought likes",
    # what is sold without a right to sell it
    "crack": "cracked software", "keygen": "cracked software", "sinhly": "sex pills",
    "bangcap": "fake diplomas", "lambang": "fake diplomas", "hoadondo": "VAT invoices",
    # binary options
    "option": "binary options",
}
#: Words that hold a lure word and mean something else: a dress ("vay cuoi": a wedding
#: dress), crackers, a physiology course, shop signs ("lam bang hieu"), an adoption,
#: Austria, a pedestrian, the Lixil company, a Russian newspaper.
LURE_WORD_EXCEPTIONS: tuple[str, ...] = (
    "vaycuoi", "vaydam", "vayxinh", "vaybau", "vayngu", "vayvoan", "novaya", "cracker",
    "crackle", "sinhlyhoc", "lambanghieu", "lambangquangcao", "adoption", "strian",
    "lixil",
)

#: Crypto exchanges and forex brokers whose names fake trading platforms aimed at Viet Nam
#: borrow ("bybit-vip", "kucoinpro", "bitgetvn", "digifinx"), each with its own registrable
#: domains, where the name is no imitation. Public knowledge (the exchanges' and brokers'
#: own sites and the State Bank's and the police's warnings on unlicensed forex and crypto
#: "san"), not taken from the data. Binance and Coinbase are brands of the seed, found by
#: the brand checks. Left out: names that are words or other firms' names too ("kraken",
#: "gemini", "vantage", "lbank" in "vietcapitalbank") and codes under five letters
#: ("fbs", "xm", "okx", "htx").
TRADING_PLATFORMS: dict[str, tuple[str, ...]] = {
    "bybit": ("bybit.com",), "digifinex": ("digifinex.com",), "bitmex": ("bitmex.com",),
    "bithumb": ("bithumb.com",), "upbit": ("upbit.com",), "hitbtc": ("hitbtc.com",),
    "huobi": ("huobi.com",), "kucoin": ("kucoin.com",), "bitget": ("bitget.com",),
    "okex": ("okex.com",), "bitfinex": ("bitfinex.com",), "bittrex": ("bittrex.com",),
    "poloniex": ("poloniex.com",), "bitstamp": ("bitstamp.net",),
    "bitvavo": ("bitvavo.com",), "bitmart": ("bitmart.com",), "gateio": ("gate.io",),
    "phemex": ("phemex.com",), "coinex": ("coinex.com",), "whitebit": ("whitebit.com",),
    "exness": ("exness.com",), "icmarkets": ("icmarkets.com",), "fxpro": ("fxpro.com",),
    "octafx": ("octafx.com",), "etoro": ("etoro.com",), "plus500": ("plus500.com",),
    "pepperstone": ("pepperstone.com",), "avatrade": ("avatrade.com",),
    "cmcmarkets": ("cmcmarkets.com",), "metatrader": ("metatrader4.com", "metatrader5.com"),
    "hotforex": ("hotforex.com",), "instaforex": ("instaforex.com",),
    "roboforex": ("roboforex.com",), "tickmill": ("tickmill.com",),
    "xmtrading": ("xmtrading.com",),
}
#: Words that fake crypto, forex and investment platforms glue into their names
#: ("fxgoldtrade", "btcwealth", "tokenfundx", "coinminingpro"): two of them in one name outside
#: Viet Nam's own domain make a trading lure. Public knowledge of the trade's vocabulary,
#: not taken from the data; spellings of one word are mapped to one ("trader" -> "trade"),
#: so that one word said twice is not two. One such word alone names honest firms too
#: (a broker, a bank, "blockchain.com"); the model weighs it. Left out: "market"
#: ("coinmarketcap.com", marketing firms).
INVESTMENT_WORDS: dict[str, str] = {
    "forex": "fx", "fx": "fx", "trade": "trade", "trader": "trade", "trading": "trade",
    "bitcoin": "bit", "bit": "bit", "btc": "bit", "coin": "coin", "crypto": "crypto",
    "invest": "invest", "futures": "futures", "mining": "mining", "miner": "mining",
    "capital": "capital", "stock": "stock", "chain": "chain", "exchange": "exchange",
    "finance": "finance", "fund": "fund", "wealth": "wealth",
    "asset": "asset", "profit": "profit", "option": "option", "margin": "margin",
    "defi": "defi", "nft": "nft", "token": "token", "usdt": "usdt", "ethereum": "ethereum",
    "binary": "binary", "bank": "bank",
    # coins that fake platforms name (one coin is one word: "trontrx" is one)
    # (not "matic": automatic, dramatic, pubmatic; not "shib": Shibuya, the shiba dog)
    "tron": "tron", "trx": "tron", "doge": "doge", "dogecoin": "doge", "usdc": "usdt",
    "stake": "stake", "staking": "stake", "staker": "stake",
}
#: Ordinary words that hold one of :data:`INVESTMENT_WORDS` and mean something else
#: ("ambition", "rabbit", "examining", "investigate", "refund", "definition").
INVESTMENT_WORD_EXCEPTIONS: tuple[str, ...] = (
    "ambit", "orbit", "habit", "rabbit", "hobbit", "exhibit", "inhibit", "prohibit", "arbitr",
    "bitter", "bitum", "obit", "cubit", "examin", "determin", "investig", "refund",
    "fundament", "defini", "coinc", "nonprofit", "bankrupt", "stockholm",
    "stocking", "adoption", "tokeniz", "capitaliz", "marginal",
    "electron", "tronic", "patron", "citron", "strong", "mistake", "stakehold", "dogear",
)
#: Bookmakers that run illegal betting sites aimed at Viet Nam ("nha cai"), as their names
#: are written in domains. Public knowledge (press reports and police warnings on illegal
#: online betting), not taken from the data. Names of four characters or fewer count only
#: at the start of the label or of a hyphenated part ("w88vn", "go88-club"; not "kiwin",
#: "hb52"). Numbered copies of them follow patterns of their own
#: (``host_match.gambling_brand``).
GAMBLING_BRANDS: frozenset[str] = frozenset(
    """thabet fb88 w88 188bet kubet jun88 hi88 new88 shbet f8bet 8xbet mu88 vn88 bk8 789bet
    five88 sv88 33win 8kbet j88 mb66 go88 sunwin b52 rikvip iwin hitclub typhu88 okvip
    1xbet fun88 m88 12bet v9bet fi88 cmd368 oxbet nhatvip zowin manclub yo88 789club""".split()
)

#: Path words of pages that imitate a log-in, verification or payout step.
LOGIN_PATH_WORDS: tuple[str, ...] = (
    "login", "log-in", "signin", "sign-in", "dang-nhap", "dangnhap", "xac-minh", "xacminh",
    "xac-thuc", "xacthuc", "verify", "verification", "account", "secure", "webscr",
    "ebank", "ibanking", "auth", "password", "confirm", "unlock", "mo-khoa", "otp",
    "nhan-qua", "nhanqua", "khuyen-mai", "checkpoint", "recovery", "wallet",
)

#: Single Latin letters that digits and look-alike sequences stand for in host labels.
ASCII_CONFUSABLES: dict[str, str] = {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t"}
ASCII_SEQUENCE_CONFUSABLES: tuple[tuple[str, str], ...] = (("rn", "m"), ("vv", "w"))

#: Non-Latin letters that look like Latin ones (Cyrillic, Greek), after NFKC.
UNICODE_CONFUSABLES: dict[str, str] = {
    "а": "a", "в": "b", "с": "c", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k",
    "м": "m", "н": "h", "о": "o", "р": "p", "ѕ": "s", "т": "t", "у": "y", "х": "x",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ь": "b",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    "ı": "i", "ɡ": "g", "ɑ": "a", "ℓ": "l",
}


@lru_cache(maxsize=1)
def well_known_domains() -> frozenset[str]:
    """Registrable domains of widely used sites, global and Vietnamese, that the project
    lists from public popularity rankings (``lachan/data/well_known_domains.txt``; ``#``
    starts a comment). A host under one of them is not phishing by its name alone: only a
    report in the registry, a user page on it or its path can make it so."""
    raw = resources.files("lachan.data").joinpath(WELL_KNOWN_RESOURCE).read_text("utf-8")
    names = (line.split("#", 1)[0].strip().lower() for line in raw.splitlines())
    return frozenset(n for n in names if n)
