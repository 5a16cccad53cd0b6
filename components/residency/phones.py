"""Phone numbers as destinations: which country an SMS or a call goes to.

A text message or a call (an alarm, a one-time code, an incident page) leaves the jurisdiction when
the number is in another country. A number in international form (``+<country code><number>``,
E.164) is attributed to its country with ``phonenumbers`` (Google libphonenumber's metadata: the
calling code alone is not enough, +1 is shared by the US, Canada and the Caribbean, +39 06 698 is
the Vatican). A number without its country code cannot be attributed.

``phonenumbers`` is imported on first use only: the guard judges phone numbers only at the few
places that hold them, so ordinary programs and the plan's start-up never load its metadata.
"""

from __future__ import annotations

import functools
import re

__all__ = ["country_of", "is_phone_shaped", "normalise"]

# Digits with the separators people write (+49 151 2345-6789, (415) 555-2671, +687 75.12.34). An IP address
# has this shape too: only the catalogued phone fields read a value without "+" as a number (the engine).
_PHONE_SHAPE = re.compile(r"^\+?[0-9(][0-9 ().-]{4,}$")
_SEPARATORS = re.compile(r"[ ().-]")


def is_phone_shaped(value: str) -> bool:
    """True for a value made of digits and the usual separators, with or without a leading ``+``."""
    return bool(_PHONE_SHAPE.match(value.strip()))


def normalise(value: str) -> str:
    """The number as one string: ``+49 151 2345-6789`` -> ``+4915123456789`` (separators dropped).

    The transfer register matches on this form, so a declaration names a number however it is written.
    """
    return _SEPARATORS.sub("", value.strip())


@functools.lru_cache(maxsize=1024)  # the same few on-call numbers recur across a stack's resources
def country_of(number: str, national: str | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 region of an international number (``+...``); None when it is not a valid
    number of any region (then nothing proves where it rings). ``national``: the one country whose numbers the
    field takes (a catalogued phone field's ``national_country``), so a number without ``+`` is read as that
    country's national number (``13800138000`` in CN; ``8613800138000`` too, the country code written without
    ``+``), and is that country's only when valid there."""
    if not number.startswith("+") and national is None:
        return None
    import phonenumbers  # lazy: about 40 ms of import, paid only when a number is judged

    try:
        parsed = phonenumbers.parse(number, None if number.startswith("+") else national)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    region: str | None = phonenumbers.region_code_for_number(parsed)
    return region if region and region != phonenumbers.UNKNOWN_REGION else None
