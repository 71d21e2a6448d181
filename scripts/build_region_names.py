"""Rebuild ``redactkit/data/regions.toml``: the English name of every region phonenumbers
knows, which ``detect/phones.py`` reads to tell a national number's region from a country
named in the text ("Paris, France" reads ``01 42 68 53 00`` as French).

Why a file and not phonenumbers' geocoder at run time: importing the geocoder and asking it
for every region's name costs about 190 MB of resident memory (its locale tables for every
language), two thirds of a redactor's footprint, for some 240 short names.

    python scripts/build_region_names.py      # after upgrading phonenumbers

``tests/test_cards_phones.py`` checks that the file matches the installed phonenumbers.
"""

from __future__ import annotations

from pathlib import Path

import phonenumbers
from phonenumbers.geocoder import _region_display_name

OUT = Path(__file__).resolve().parent.parent / "redactkit" / "data" / "regions.toml"


def names() -> dict[str, str]:
    """Region code -> English display name, for every supported region that has one."""
    out = {}
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        name = _region_display_name(region, "en")
        if name:
            out[region] = name
    return out


def main() -> None:
    lines = [
        "# Region code -> English name, from phonenumbers' geocoder",
        f"# (phonenumbers {phonenumbers.__version__}; scripts/build_region_names.py).",
        "[regions]",
    ]
    lines += [f'{code} = "{name}"' for code, name in names().items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines) - 3} regions)")


if __name__ == "__main__":
    main()
