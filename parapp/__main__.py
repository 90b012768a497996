import sys

from parapp.cli import main

sys.exit(main())
