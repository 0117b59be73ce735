"""Storefront credentials, never in plain text and never in the database.

The OS keyring is used where a usable backend exists (Windows Credential Manager, macOS
Keychain, Secret Service). Elsewhere secrets are encrypted at rest with Fernet; the key lives in
a file in the user's config folder (mode 0600), outside the database, so a copied database file
or a database dump does not reveal them. The database stores only a reference
(`keyring:<name>` or `file:<name>`) in `Store.credential_ref`.

ORDERMGR_SECRETS_BACKEND=keyring|file forces a backend; ORDERMGR_CONFIG_DIR moves the folder.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from pathlib import Path

import platformdirs

from ordermgr.errors import ConfigError

SERVICE = "ordermgr"
BACKEND_ENV = "ORDERMGR_SECRETS_BACKEND"
CONFIG_ENV = "ORDERMGR_CONFIG_DIR"
_lock = threading.Lock()


def config_dir() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or platformdirs.user_config_dir("ordermgr", appauthor=False))


def keyring_usable() -> bool:
    try:
        import keyring
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring install is "not usable"
        return False
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if "fail" in name or "null" in name or "plaintext" in name:
        return False
    return getattr(backend, "priority", 0) > 0


def backend() -> str:
    forced = os.environ.get(BACKEND_ENV, "").strip().lower()
    if forced in ("keyring", "file"):
        return forced
    return "keyring" if keyring_usable() else "file"


def save_secret(secret: str, *, ref: str | None = None) -> str:
    """Store `secret` (replacing the one at `ref` if given); returns the reference to keep."""
    if not secret:
        raise ConfigError("The credential is empty.")
    kind = backend()
    name = ref.split(":", 1)[1] if ref and ref.split(":", 1)[0] == kind else f"store-{uuid.uuid4().hex}"
    if ref and not ref.startswith(kind + ":"):
        delete_secret(ref)
    if kind == "keyring":
        import keyring
        keyring.set_password(SERVICE, name, secret)
    else:
        with _lock:
            data = _read_file()
            data[name] = _fernet().encrypt(secret.encode("utf-8")).decode("ascii")
            _write_file(data)
    return f"{kind}:{name}"


def load_secret(ref: str | None) -> str:
    if not ref or ":" not in ref:
        raise ConfigError("No credential is stored for this store; edit the store and enter it.")
    kind, name = ref.split(":", 1)
    if kind == "keyring":
        import keyring
        value = keyring.get_password(SERVICE, name)
    elif kind == "file":
        token = _read_file().get(name)
        value = None
        if token:
            from cryptography.fernet import InvalidToken
            try:
                value = _fernet().decrypt(token.encode("ascii")).decode("utf-8")
            except InvalidToken:
                raise ConfigError(f"The stored credential cannot be decrypted: the key file in "
                                  f"{config_dir()} was replaced. Enter the credential again.") from None
    else:
        raise ConfigError(f"Unknown credential store {kind!r}.")
    if value is None:
        raise ConfigError("The credential for this store is missing from this computer's "
                          f"{'keyring' if kind == 'keyring' else 'secret file'}; edit the store "
                          "and enter it again.")
    return value


def delete_secret(ref: str | None) -> None:
    if not ref or ":" not in ref:
        return
    kind, name = ref.split(":", 1)
    if kind == "keyring":
        try:
            import keyring
            keyring.delete_password(SERVICE, name)
        except Exception:  # noqa: BLE001 - already gone
            pass
    elif kind == "file":
        with _lock:
            data = _read_file()
            if data.pop(name, None) is not None:
                _write_file(data)


# -- the encrypted file ---------------------------------------------------------------------------

def _private_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def key_path() -> Path:
    return config_dir() / "secrets.key"


def _fernet():
    from cryptography.fernet import Fernet
    path = key_path()
    if not path.exists():
        _private_write(path, Fernet.generate_key())
    return Fernet(path.read_bytes().strip())


def _secrets_path() -> Path:
    return config_dir() / "secrets.json"


def _read_file() -> dict:
    path = _secrets_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text("utf-8"))
    except ValueError:
        raise ConfigError(f"{path} is damaged; remove it and enter the store credentials again.") from None


def _write_file(data: dict) -> None:
    _private_write(_secrets_path(), json.dumps(data, indent=1).encode("utf-8"))
