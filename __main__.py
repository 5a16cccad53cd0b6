"""sovereign-dc program: one country data center per stack (see docs/datacenter.md)."""

import pulumi

from components.config import load_stack_config
from components.datacenter import CountryDataCenter, CountryDataCenterArgs
from components.errors import SovereignError
from components.residency import enforce


def main() -> None:
    """Validate the stack, install the residency guard, build the data center, export its outputs."""
    try:
        settings = load_stack_config()
        # Before any provider exists, so every provider and resource below is checked.
        enforce(settings.jurisdiction.code, destinations=settings.destinations)
        datacenter = CountryDataCenter(
            "dc",
            CountryDataCenterArgs(
                jurisdiction=settings.jurisdiction, datacenter=settings.datacenter, stack=settings.stack
            ),
        )
    except SovereignError as exc:
        # RunError ends the program with just this message: operators get the fix, not a traceback.
        raise pulumi.RunError(str(exc)) from None
    for key, value in datacenter.outputs.items():
        pulumi.export(key, value)
    if settings.breakglass_contact is not None:
        pulumi.export("breakglassContact", pulumi.Output.secret(settings.breakglass_contact))


main()
