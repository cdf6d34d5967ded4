"""Entry point of ``mediation-graph``: dispatches to the subcommand modules.

Every subcommand module exposes ``register(subparsers)``, which adds its parser and sets
``run`` (a function of the parsed arguments returning an exit code). Errors derived from
``MediationGraphError`` become one line on stderr and their exit code; ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from ..errors import MediationGraphError

# Order is the order of ``--help``. A module is listed here once it exists.
COMMAND_MODULES: tuple[str, ...] = (
    "extract",
    "build",
    "query",
    "export",
    "import_",
    "recount",
    "validate",
    "view",
    "analyze",
    "serve",
    "eval",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediation-graph",
        description="Arabic and English diplomacy news to a knowledge graph of events.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except MediationGraphError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"mediation-graph: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mediation-graph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            traceback.print_exc()
        print(f"mediation-graph: internal error: {type(exc).__name__}: {exc} "
              "(run with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
