"""`counterclaim gui` (and no command at all): open the window on the library."""

from __future__ import annotations

import argparse

from counterclaim.cli.common import Commands, window_library


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    gui = commands.add_parser("gui", parents=[common], help="open the window (the default)")
    gui.set_defaults(run=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from counterclaim.gui.app import run

    return run(window_library(args))
