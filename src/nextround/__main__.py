import sys

from nextround.cli import main

sys.exit(main())
