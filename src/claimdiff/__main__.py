"""``python -m claimdiff`` runs the command line."""

from claimdiff.cli import main

raise SystemExit(main())
