"""The bundle's entry point: `parapp` as installed by pip (parapp.cli.main)."""
import sys

from parapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
