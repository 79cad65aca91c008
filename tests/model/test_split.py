import numpy as np

from lachan.model.split import near_duplicate_groups, validation_mask


def test_templates_with_other_numbers_are_one_group():
    texts = [
        "ma xac thuc cua ban la 123456 khong chia se cho ai",
        "ma xac thuc cua ban la 987654 khong chia se cho ai",
        "chieu nay di da bong khong",
        "uu dai goi cuoc data soan dk gui 9123",
    ]
    g = near_duplicate_groups(texts)
    assert g[0] == g[1]
    assert len({g[1], g[2], g[3]}) == 3


def test_a_group_never_straddles_the_split():
    texts = [f"template {i // 5} message with some shared words number {i}" for i in range(200)]
    groups = np.arange(200) // 5
    mask = validation_mask(groups, texts, fraction=0.3)
    for g in range(40):
        assert len(set(mask[groups == g])) == 1
    assert 0 < mask.sum() < 200
    # deterministic
    assert (mask == validation_mask(groups, texts, fraction=0.3)).all()
