"""The JSON codec behind payloads and JSON columns, and the bulk-work GC policy."""

import gc
import json
import threading

import pytest

from ordermgr import jsonutil
from ordermgr.gcpolicy import BULK_THRESHOLDS, bulk_work
from ordermgr.sync.base import payload_digest


def test_round_trip_keeps_unicode_and_is_compact():
    value = {"name": "孙敏", "lines": [{"qty": 2, "price": "168.00"}], "none": None}
    text = jsonutil.dumps(value)
    assert text == '{"name":"孙敏","lines":[{"qty":2,"price":"168.00"}],"none":null}'
    assert jsonutil.loads(text) == value
    assert jsonutil.loads(text.encode()) == value


def test_what_orjson_refuses_still_works():
    assert jsonutil.loads("[NaN, 1]")[1] == 1  # the standard library's NaN
    assert json.loads(jsonutil.dumps({"big": 2 ** 70})) == {"big": 2 ** 70}
    assert jsonutil.loads(jsonutil.dumps({1: "a"})) == {"1": "a"}


@pytest.mark.parametrize("bad", [b"{", b"<html>", b'{"a": 1,}', b"\xff\xfe"])
def test_malformed_json_is_a_value_error(bad):
    with pytest.raises(ValueError):
        jsonutil.loads(bad)


def test_payload_digest_depends_on_content_not_identity():
    a = {"id": "1", "updatedAt": "2026-11-23T10:00:00Z", "lines": [1, 2]}
    assert payload_digest(a) == payload_digest(json.loads(json.dumps(a)))
    assert payload_digest(a) != payload_digest(dict(a, lines=[1, 3]))
    assert len(payload_digest(a)) == 64


def test_bulk_work_raises_thresholds_and_restores_them_when_the_last_job_ends():
    before = gc.get_threshold()
    with bulk_work():
        assert gc.get_threshold() == BULK_THRESHOLDS
        with bulk_work():  # nested (two stores synced by one thread, say)
            assert gc.get_threshold() == BULK_THRESHOLDS
        assert gc.get_threshold() == BULK_THRESHOLDS
    assert gc.get_threshold() == before


def test_bulk_work_in_two_threads_restores_after_both():
    before = gc.get_threshold()
    entered, release = threading.Event(), threading.Event()

    def other():
        with bulk_work():
            entered.set()
            release.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    entered.wait(5)
    with bulk_work():
        pass
    assert gc.get_threshold() == BULK_THRESHOLDS  # the other job still runs
    release.set()
    worker.join(5)
    assert gc.get_threshold() == before


def test_bulk_work_restores_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with bulk_work():
            raise RuntimeError("boom")
    assert gc.get_threshold() == before
