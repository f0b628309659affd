"""``python -m central`` is ``kiosk-central``."""

import sys

from central.cli import main

sys.exit(main())
