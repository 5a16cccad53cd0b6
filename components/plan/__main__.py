"""Entry point of ``python -m components.plan`` (see :mod:`components.plan.cli`).

With ``SOVEREIGN_PLAN_SERVER=on`` (what ``make plan`` sets outside CI) the run is handed to the
warm plan server (:mod:`components.plan.server`), which has the provider SDKs imported already;
where no server can do it, the plan runs here, the same way.
"""

import os
import sys

from components.plan import server


def _run() -> int:
    try:
        if server.wanted():
            return server.run_through_server(sys.argv[1:])
    except ValueError as exc:  # a bad SOVEREIGN_PLAN_SERVER* setting
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except server.ServerUnavailable as exc:
        print(f"note: planning in this process: {exc}", file=sys.stderr)
    from components.plan.cli import main

    return main()


code = _run()
# Tearing the interpreter down frees every object the plan made, one at a time: about 0.6 s after a
# plan of every stack (issue 13), for nothing, as the process ends here. Flush what was written and
# leave without it. An exception above still ends the usual way, with its traceback.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
