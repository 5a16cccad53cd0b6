"""Entry point of ``python -m components.plan`` (see :mod:`components.plan.cli`)."""

from components.plan.cli import main

raise SystemExit(main())
