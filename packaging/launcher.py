"""The bundle's entry point: `parapp` as installed by pip (parapp.cli.main)."""
import multiprocessing
import sys

from parapp.cli import main

if __name__ == "__main__":
    # A "spawn" worker of the bundle (notice.build_notices with workers > 1) is this program
    # started again with --multiprocessing-fork: run the worker and exit, not another parapp
    multiprocessing.freeze_support()
    sys.exit(main())
