"""Writing a report file safely: into a temporary file in the same folder, then os.replace.

Nothing half-written ever sits under the requested name: a failure or a cancel removes the
temporary file and leaves any earlier file of that name untouched. OS errors become one clear
sentence for the user (open in Excel, no permission, disk full, no such folder).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ordermgr.errors import UserError


class ExportError(UserError):
    """A report file could not be written."""


def describe_os_error(path: Path, exc: OSError) -> str:
    name = str(path)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return (f"Cannot write {name}: permission denied, or the file is open in another program "
                "(Excel, a PDF viewer). Close it or choose another name or folder.")
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return f"Cannot write {name}: the disk is full. Free some space or save elsewhere."
    if exc.errno == errno.ENOENT:
        return f"Cannot write {name}: the folder {path.parent} does not exist."
    if exc.errno == errno.EROFS:
        return f"Cannot write {name}: the disk is read-only."
    if exc.errno == errno.EISDIR or path.is_dir():
        return f"Cannot write {name}: that is a folder; give a file name."
    if exc.errno == getattr(errno, "EBUSY", -1):
        return f"Cannot write {name}: the file is in use by another program. Close it and try again."
    return f"Cannot write {name}: {exc.strerror or exc}."


def check_target(path: Path) -> None:
    """Fail early, before the work, if the file clearly cannot be written."""
    if path.is_dir():
        raise ExportError(f"Cannot write {path}: that is a folder; give a file name.")
    if not path.parent.exists():
        raise ExportError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    if not os.access(path.parent, os.W_OK):
        raise ExportError(f"Cannot write {path}: you may not write in {path.parent}. "
                          "Choose another folder.")
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(f"Cannot write {path}: the file is read-only or open in another "
                          "program (Excel). Close it or choose another name.")


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path next to `path`; on success it replaces `path` in one step."""
    target = Path(path).expanduser()
    check_target(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".part",
                                        dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise ExportError(describe_os_error(target, exc)) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise ExportError(describe_os_error(target, exc)) from None
    except OSError as exc:
        raise ExportError(describe_os_error(target, exc)) from None
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


def write_atomically(path: str | os.PathLike, writer: Callable[[Path], None]) -> Path:
    with atomic_path(path) as tmp:
        writer(tmp)
    return Path(path).expanduser()
