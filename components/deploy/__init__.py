"""Orchestrate country stacks with their state and secrets kept in-country.

``stacks/deployments.yaml`` gives each jurisdiction its state backend and secrets provider and the
estate its rollout waves; ``python -m components.deploy`` validates it against the catalogue and
runs ``preview``/``up``/``destroy`` through the Pulumi Automation API, or prints the CI workflow.
See docs/deployments.md.
"""
