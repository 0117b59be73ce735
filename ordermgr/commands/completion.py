"""`ordermgr completion bash|zsh|tcsh`: a shell completion script generated from the parser, so it
always knows every sub-command and option (shtab)."""

from __future__ import annotations

SHELLS = ("bash", "zsh", "tcsh")


def register(sub) -> None:
    cmd = sub.add_parser(
        "completion", help="print a shell completion script",
        description="Print a completion script for your shell. bash: "
        "`ordermgr completion bash > ~/.local/share/bash-completion/completions/ordermgr`; "
        "zsh: `ordermgr completion zsh > ~/.zfunc/_ordermgr` (with ~/.zfunc on $fpath).")
    cmd.add_argument("shell", choices=SHELLS)
    cmd.set_defaults(func=_completion)


def _completion(args, ctx) -> int:
    import shtab

    from ordermgr.cli import build_parser
    print(shtab.complete(build_parser(), shell=args.shell))
    return 0
