import pytest

from lachan.model.metrics import compute


def test_per_class_and_spam_figures():
    y_true = ["ham", "ham", "ham", "ad", "ad", "scam", "scam"]
    y_pred = ["ham", "ham", "scam", "ad", "ham", "scam", "ad"]
    f = compute(y_true, y_pred)
    by = {c.label: c for c in f.classes}
    assert by["scam"].precision == pytest.approx(0.5)
    assert by["scam"].recall == pytest.approx(0.5)
    assert by["scam"].fpr == pytest.approx(1 / 5)
    assert f.scam_fpr_on_ham_ad == pytest.approx(1 / 5)
    # spam = ad or scam: truth 4 spam; predicted spam 4 of which 3 right
    assert f.spam_precision == pytest.approx(3 / 4)
    assert f.spam_recall == pytest.approx(3 / 4)
    assert f.confusion["ham"]["scam"] == 1
    assert "| scam |" in f.markdown()


def test_lengths_must_match():
    with pytest.raises(ValueError):
        compute(["ham"], [])
