"""Files shipped inside the package: translations, the CJK font for PDFs, icons.

Read through `importlib.resources`, so they are found the same way from a source checkout, an
installed wheel or a desktop bundle.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

_extracted = ExitStack()  # keeps files extracted from a zipped install alive until exit
atexit.register(_extracted.close)


def resource_path(*parts: str) -> Path:
    """A real file or folder for a shipped resource (Qt and reportlab want file-system paths)."""
    return _extracted.enter_context(as_file(files(__name__).joinpath(*parts)))
