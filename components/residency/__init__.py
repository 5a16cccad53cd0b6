"""Residency core: the jurisdiction catalogue, the rules table, the rule engine and the guard.

from components.residency import enforce, ResidencyViolation
enforce("CN")   # from here on every resource registered in this program is checked
enforce("CN", destinations=[Destination(id="idp", kind="resident", match="idp.example.cn", evidence="...")])
"""

from components.errors import ResidencyViolation
from components.residency.catalogue import Catalogue, Jurisdiction, load_catalogue
from components.residency.destinations import Destination
from components.residency.engine import ProviderRef, RuleEngine, Subject
from components.residency.guard import Guard, audit_session, enforce
from components.residency.rules import RULES, Finding, Rule

__all__ = [
    "RULES",
    "Catalogue",
    "Destination",
    "Finding",
    "Guard",
    "Jurisdiction",
    "ProviderRef",
    "ResidencyViolation",
    "Rule",
    "RuleEngine",
    "Subject",
    "audit_session",
    "enforce",
    "load_catalogue",
]
