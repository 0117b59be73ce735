"""People's names as they write them: given and family name kept apart, shown in their convention.

Storefronts hand us a given (first) and a family (last) name. They are stored apart and shown
joined by one rule: names written in Chinese, Japanese or Korean script (Han, Hiragana,
Katakana, Hangul) put the family name first with no space ("张伟", "山田太郎", "김민준");
every other name is given name, space, family name ("Jürgen Müller", "Seán O'Brien"). The
script decides, not ASCII-ness: accents, apostrophes and hyphens are Latin letters like any other.
"""

from __future__ import annotations

import re

# code-point ranges of the CJK scripts (Unicode blocks)
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x30FF),  # Hiragana, Katakana (incl. ・ and ー)
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK unified ideographs extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFFDC),  # half-width Katakana and Hangul
    (0x20000, 0x3134F),  # CJK extensions B to G
)


_CJK_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES)
_CJK = re.compile(f"[{_CJK_CLASS}]")
_OTHER_LETTER = re.compile(rf"[^\W\d_{_CJK_CLASS}]")  # a letter of any other script


def is_cjk(text: str) -> bool:
    """Written in a CJK script: every letter of it (spaces and dots aside) is Han, Kana or Hangul."""
    if text.isascii():
        return False
    return _CJK.search(text) is not None and _OTHER_LETTER.search(text) is None


def display_name(given: str | None, family: str | None) -> str:
    """The full name in the person's convention (see the module docstring)."""
    given, family = " ".join((given or "").split()), " ".join((family or "").split())
    if not given or not family:
        return given or family
    if is_cjk(given) and is_cjk(family):
        return f"{family}{given}"
    return f"{given} {family}"
