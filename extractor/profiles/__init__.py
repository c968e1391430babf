"""Optional per-site rules as data: a TOML profile per host pins selectors the parse misses."""

from extractor.profiles.apply import Taken, take
from extractor.profiles.profile import (
    Profile,
    Profiles,
    TeaserRule,
    load_profile,
    load_profiles,
    read_profile,
)
from extractor.profiles.selectors import Selector

__all__ = [
    "Profile",
    "Profiles",
    "Selector",
    "Taken",
    "TeaserRule",
    "load_profile",
    "load_profiles",
    "read_profile",
    "take",
]
