"""Names and tags shared by the per-cloud components."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DISK_KEY", "TAG_DATA_CLASS", "TAG_JURISDICTION", "class_tags", "slug"]

TAG_JURISDICTION = "sovereign:jurisdiction"
TAG_DATA_CLASS = "sovereign:data-class"


def slug(data_class: str) -> str:
    """``owner_personal_data`` -> ``owner-personal-data`` (bucket and alias names forbid underscores)."""
    return data_class.replace("_", "-")


def class_tags(tags: Mapping[str, str], jurisdiction: str, data_class: str) -> dict[str, str]:
    """``tags`` plus the residency markers reviewers and cost reports filter on."""
    return {**tags, TAG_JURISDICTION: jurisdiction, TAG_DATA_CLASS: data_class}


DISK_KEY = "compute_disks"
"""Name of the extra key that encrypts instance disks (kept apart from the data-class keys)."""
