import csv
import random

import numpy as np
import pytest

from lachan.detect.content_model import ContentModel
from lachan.model.datasets import WRITTEN_SOURCE, DataNotFound, data_dir, map_label
from lachan.model.train import model_card, train

HAM_WORDS = "an com di hoc ve nha me bo ban be cafe toi nay mai gap xem phim da bong".split()
AD_WORDS = "uu dai khuyen mai goi cuoc data giam gia mien phi dang ky soan dk gui".split()
SCAM_WORDS = "tai khoan bi khoa xac minh chuyen khoan trung thuong cung cap otp ngay".split()


def sentence(rnd: random.Random, words: list[str], n: int = 9) -> str:
    return " ".join(rnd.choice(words) for _ in range(n)) + f" {rnd.randint(0, 999)}"


def write(path, header, rows):
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture()
def tiny_data(tmp_path):
    rnd = random.Random(3)
    sms = tmp_path / "sms"
    sms.mkdir()
    write(sms / "vi_sms_2016.tsv", ["label", "text"],
          [("ham", sentence(rnd, HAM_WORDS)) for _ in range(60)]
          + [("ad", sentence(rnd, AD_WORDS)) for _ in range(40)])
    write(sms / "vi_smishing_2025.tsv", ["label", "sender_type", "text"],
          [("scam", "personal_number", sentence(rnd, SCAM_WORDS)) for _ in range(40)]
          + [("not_scam", "brandname", sentence(rnd, HAM_WORDS)) for _ in range(30)])
    write(sms / "en_uci_sms.tsv", ["label", "text"],
          [("ham", "see you at the station at " + str(i)) for i in range(20)]
          + [("spam", f"you have won a prize call now to claim {i}") for i in range(10)])
    return tmp_path


def test_training_is_reproducible_and_writes_a_card(tiny_data, tmp_path):
    a = train(tiny_data, written_weight=0.0)
    b = train(tiny_data, written_weight=0.0)
    assert a.model.vocab == b.model.vocab
    assert np.array_equal(a.model.coef, b.model.coef)
    assert a.model.classes == ("ham", "ad", "scam")
    assert 0.05 <= a.model.scam_threshold <= 0.95
    assert a.n_train + a.n_val == 200
    card = model_card(a)
    assert "| scam |" in card and "false-positive rate" in card
    # the cut-off table names the shipped one among the others
    assert "## Other cut-offs" in card
    assert f"| {a.model.scam_threshold:.3f} (shipped) |" in card
    path = tmp_path / "m.npz"
    a.model.save(path)
    loaded = ContentModel.load(path)
    assert loaded.vocab == a.model.vocab and loaded.scam_threshold == a.model.scam_threshold


def test_the_written_messages_train_but_are_never_validated(tiny_data):
    r = train(tiny_data)
    assert r.n_train + r.n_val == 200  # the public rows only
    assert all(e.source != WRITTEN_SOURCE for e, _, _ in r.validation)
    written = {k: v for k, v in r.label_counts.items() if k.startswith(WRITTEN_SOURCE)}
    assert set(written) == {f"{WRITTEN_SOURCE}:{lab}" for lab in ("ham", "ad", "scam")}
    assert WRITTEN_SOURCE in model_card(r)
    # their words join the vocabulary
    assert len(r.model.vocab) > len(train(tiny_data, written_weight=0.0).model.vocab)


def test_label_mapping():
    assert map_label("vi_sms_2016", "ad", "x") == "ad"
    assert map_label("vi_smishing_2025", "scam", "x") == "scam"
    assert map_label("vi_smishing_2025", "not_scam", "Toi nay an com nhe") == "ham"
    assert map_label("vi_smishing_2025", "not_scam",
                     "[QC] Uu dai data, soan DK gui 9123. Tu choi QC soan TC gui 9123") == "ad"
    # a carrier's service notice with a command in it is not advertising on that alone
    assert map_label("vi_smishing_2025", "not_scam",
                     "Quy khach da huy thanh cong dich vu. De dang ky lai, soan DK gui 9234"
                     ) == "ham"
    assert map_label("en_uci_sms", "spam", "You have won a prize! Claim your reward") == "scam"
    assert map_label("en_uci_sms", "spam", "Get 100 free ringtones, text TONE to 85023") == "ad"


def test_missing_data_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LACHAN_DATA", str(tmp_path / "nowhere"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataNotFound, match="LACHAN_DATA"):
        data_dir(tmp_path / "also-nowhere")
