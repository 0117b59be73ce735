"""The font for Chinese (and any non-Latin-1) text in PDFs.

We ship WenQuanYi Micro Hei (ordermgr/resources/fonts/, Apache 2.0) and embed a subset of it, so every viewer
shows the text. reportlab's built-in CID font STSong-Light stays as the fallback should the file be
missing; a CID font is not embedded and needs the viewer's Asian font pack.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from ordermgr.resources import resource_path

BUNDLED_FONTS = resource_path("fonts")
EMBEDDED_NAME = "OrdermgrCJK"
CID_FALLBACK = "STSong-Light"


def cjk_font() -> str:
    """Register (once) and return the name of a font that renders Chinese."""
    registered = pdfmetrics.getRegisteredFontNames()
    if EMBEDDED_NAME in registered:
        return EMBEDDED_NAME
    for font_file in sorted(BUNDLED_FONTS.glob("*.tt[fc]")):
        try:
            pdfmetrics.registerFont(TTFont(EMBEDDED_NAME, str(font_file), subfontIndex=0))
            return EMBEDDED_NAME
        except Exception:  # noqa: BLE001 - an unusable font file: try the next one
            continue
    if CID_FALLBACK not in registered:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return CID_FALLBACK
