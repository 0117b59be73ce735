"""`ordermgr completion bash|zsh`: a script generated from the parser that completes sub-commands
and options in a real bash, without touching any database."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ordermgr.cli import main


def _complete(script: str, words: list[str]) -> list[str]:
    line = " ".join(words)
    program = (f"{script}\nCOMP_WORDS=({' '.join(repr(w) for w in words)}); "
               f"COMP_CWORD={len(words) - 1}; COMP_LINE={line!r}; COMP_POINT=${{#COMP_LINE}}; "
               "_shtab_ordermgr; printf '%s\\n' \"${COMPREPLY[@]}\"")
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_commands_and_options(tmp_path, capsys):
    database = tmp_path / "never-created.sqlite3"
    assert main(["--database", f"sqlite:///{database}", "completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert not database.exists()
    assert set(_complete(script, ["ordermgr", "st"])) == {"stock", "store"}
    assert {"backup", "restore", "init-shared", "status"} <= set(_complete(script, ["ordermgr", "db", ""]))
    assert "--json" in _complete(script, ["ordermgr", "users", "list", "--"])


def test_zsh_script_names_every_command(capsys):
    assert main(["completion", "zsh"]) == 0
    script = capsys.readouterr().out
    assert script.startswith("#compdef ordermgr")
    for command in ("orders", "stock", "returns", "sync", "completion", "db"):
        assert f"\n    {command}:'" in script
