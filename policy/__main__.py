"""Entry point run by the Pulumi engine (``python -m pulumi.policy <engine> .`` in this directory)."""

import sys
from pathlib import Path

# The pack judges with the repository's own residency core, never a copy: components/ is imported
# from the checkout this directory belongs to (see docs/policy.md for why not `-e ..`).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pulumi_policy import EnforcementLevel, PolicyPack
from residency_pack import PACK_NAME, build_policies

PolicyPack(name=PACK_NAME, policies=build_policies(), enforcement_level=EnforcementLevel.MANDATORY)
