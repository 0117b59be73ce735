"""`--json` on every list and status command: a structural guard over the whole parser, and each
command's output parsed on a demo database (SQLite and PostgreSQL)."""

from __future__ import annotations

import argparse
import json

import pytest

from ordermgr.cli import build_parser, main

# sub-commands that list things or report a status, by their last word
LISTING = {"list", "status", "counts", "mappings", "unmatched", "ledger", "reorder", "verify",
           "show", "reconcile"}


def _subcommands(parser: argparse.ArgumentParser, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action._name_parser_map.items():
                yield (*path, name), sub
                yield from _subcommands(sub, (*path, name))


def test_every_list_and_status_command_has_json():
    parser = build_parser()
    listing = [(path, sub) for path, sub in _subcommands(parser) if path[-1] in LISTING]
    assert len(listing) >= 15
    missing = [" ".join(path) for path, sub in listing
               if not any("--json" in a.option_strings for a in sub._actions)]
    assert missing == []
    sync = dict(_subcommands(parser))[("sync",)]
    assert any("--json" in a.option_strings for a in sync._actions)


@pytest.fixture
def demo_url(engine):
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "--user", "admin", "demo", "--orders", "12", "--seed", "2"]) == 0
    return url


def _json(url, capsys, *command):
    capsys.readouterr()
    code = main(["--database", url, "--user", "admin", *command, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_list_and_status_commands_print_json(demo_url, capsys):
    code, status = _json(demo_url, capsys, "db", "status")
    assert code == 0 and status["state"] == "current" and status["schema"] == status["program_schema"]
    code, users = _json(demo_url, capsys, "users", "list")
    assert code == 0 and {"username": "admin", "role": "admin", "active": True} in users
    code, stores = _json(demo_url, capsys, "store", "list")
    assert code == 0 and stores and {"name", "platform", "url", "last_error", "pending"} <= set(stores[0])
    assert not any("credential" in key for key in stores[0])
    code, carriers = _json(demo_url, capsys, "carriers", "list")
    assert code == 0 and any(c["name"] == "SF Express" for c in carriers)
    code, counts = _json(demo_url, capsys, "returns", "counts")
    assert code == 0 and set(counts) >= {"open", "all"} and all(isinstance(v, int) for v in counts.values())
    code, verify = _json(demo_url, capsys, "stock", "verify")
    assert code == 0 and verify == {"ok": True, "drift": [], "bad_values": []}
    code, reorder = _json(demo_url, capsys, "stock", "reorder")
    assert code == 0 and all({"sku", "quantity"} <= set(s) for s in reorder)
    code, mappings = _json(demo_url, capsys, "sku", "mappings")
    assert code == 0 and mappings == []
    code, rates = _json(demo_url, capsys, "rates", "list")
    assert code == 0 and all(isinstance(r["rate"], str) for r in rates)
    sku = reorder[0]["sku"] if reorder else None
    if sku:
        code, ledger = _json(demo_url, capsys, "stock", "ledger", sku)
        assert code == 0 and ledger["sku"] == sku and isinstance(ledger["movements"], list)


def test_sync_summary_and_parked_lists_as_json(demo_url, capsys):
    code, parked = _json(demo_url, capsys, "sync", "--parked")
    assert code == 0 and parked == {"parked_pushes": [], "quarantined_orders": []}
    code, summary = _json(demo_url, capsys, "sync", "--once")
    # the demo's stores have no stored credentials: each is skipped, and says why
    assert code == 0 and summary["failed"] is False and summary["stores"]
    assert all(s["skipped"].startswith("no credential") for s in summary["stores"])
