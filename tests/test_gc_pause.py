"""The collector pause around batches: nested and failing blocks turn it back on."""

from __future__ import annotations

import gc

import pytest

from lachan.detect.engine import default_engine
from lachan.gc_pause import gc_paused


def test_nested_pauses_turn_the_collector_back_on_once_the_last_ends():
    assert gc.isenabled()
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failing_block_still_turns_it_back_on():
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_batch_with_refused_items_leaves_the_collector_on():
    out = default_engine().analyse_many([("ok", None, "sms"), (None, None, "sms")])
    assert isinstance(out[1], TypeError)
    assert gc.isenabled()
