"""Cloud and toolkit limits a stack's tags and owners must meet, applied when the stack file is validated.

Both clouds refuse a bad tag only when the resource is created, i.e. in the middle of ``pulumi up``
after other resources already exist; checking here turns that into one line at review time. The
figures are the providers' documented limits (sources beside each entry). Every tag the toolkit
writes lands on AWS resources and on Alibaba Cloud OSS buckets, so a stack using both clouds must
meet the stricter of the two.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "CLOUD_TAG_LIMITS",
    "CONTACT_RULE",
    "TOOLKIT_TAG_KEYS",
    "TOOLKIT_TAG_PREFIX",
    "TagLimits",
    "aws_tag_text_ok",
    "is_contact",
]


@dataclass(frozen=True)
class TagLimits:
    """One cloud's tag limits per resource."""

    max_tags: int
    """Most tags one resource may carry (the toolkit's own included)."""
    max_key: int
    """Longest tag key, in characters."""
    max_value: int
    """Longest tag value, in characters."""
    reserved_key_prefixes: tuple[str, ...]
    """Key prefixes reserved for the cloud itself (compared case-insensitively)."""
    reserved_value_prefixes: tuple[str, ...]
    """Value prefixes reserved for the cloud itself (compared case-insensitively)."""
    forbidden_substrings: tuple[str, ...]
    """Text neither a key nor a value may contain."""
    aws_characters: bool
    """Whether only AWS's tag character set is allowed (letters, digits, spaces and ``_ . : / = + - @``)."""


CLOUD_TAG_LIMITS: dict[str, TagLimits] = {
    # AWS tag restrictions: 50 tags per resource, keys up to 128 and values up to 256 Unicode characters,
    # `aws:` reserved (any case) for keys and values, characters [\p{L}\p{Z}\p{N}_.:/=+\-@].
    # https://docs.aws.amazon.com/batch/latest/userguide/tag-restrictions.html
    # https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Tag.html (the pattern)
    "aws": TagLimits(50, 128, 256, ("aws:",), ("aws:",), (), aws_characters=True),
    # Alibaba Cloud OSS bucket tags (the strictest Alibaba Cloud resource the toolkit tags): at most 20
    # tags per bucket, keys 1-64 characters not starting with `aliyun`, `acs:`, http:// or https://
    # (case-insensitive); https://www.alibabacloud.com/help/en/oss/support/0010-00000002 and
    # https://help.aliyun.com/en/oss/user-guide/0010-00000213 . Values up to 128 characters, not starting
    # with `acs:` and containing no http:// or https:// (the Alibaba Cloud Tag API's value rule,
    # https://alibabacloud.com/help/en/emr/emr-on-ecs/developer-reference/api-emr-2021-03-20-struct-tag).
    "alicloud": TagLimits(
        20, 64, 128, ("aliyun", "acs:", "http://", "https://"), ("acs:",), ("http://", "https://"), aws_characters=False
    ),
}

TOOLKIT_TAG_PREFIX = "sovereign:"
"""Tag keys the toolkit writes itself; a stack's own tag with this prefix would be overwritten."""
TOOLKIT_TAG_KEYS = ("sovereign:jurisdiction", "sovereign:stack", "sovereign:owners", "sovereign:data-class")
"""The tags the toolkit adds to every data resource (components/naming.py and datacenter.py); they
count against each cloud's per-resource limit."""

CONTACT_RULE = (
    "an email address (letters, digits and . _ + - before the @; a domain of dot-separated labels of letters, "
    "digits and hyphens ending in a label of at least two letters) or a team handle `@org/team` or `@team` "
    "(letters, digits and hyphens, the team part also . and _)"
)
"""What an ``owners`` entry must be, in words (docs/datacenter.md quotes it)."""

# Both forms use only characters AWS allows in tag values, so the joined `sovereign:owners` tag is valid.
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")
_HANDLE = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9_.-]+)?")


def is_contact(text: str) -> bool:
    """True when ``text`` is a contact as ``CONTACT_RULE`` defines it."""
    return bool(_EMAIL.fullmatch(text) or _HANDLE.fullmatch(text))


def aws_tag_text_ok(text: str) -> bool:
    """True when every character is a letter, digit, space separator or one of ``_ . : / = + - @``."""
    return all(ch in "_.:/=+-@" or unicodedata.category(ch)[0] in "LNZ" for ch in text)
