"""Pseudonymisation: nothing that identifies a respondent reaches the raw layer.

Respondent ids are replaced by a salted SHA-256, so the same person is still
recognised across the brands they rated and across files of one warehouse, but
the id cannot be looked up without the salt. The salt lives outside the repo and
outside anything a SQL session can read: ``CXBENCH_SALT``, or a key file created
beside (not inside) the warehouse folder on first use (:mod:`cxcore.salt_location`).
The key file is written atomically (temporary file, fsync, rename), so a crash
never leaves a half-written salt; an empty or short one (damaged, truncated by
hand) is refused rather than used or regenerated, since either would silently
change every respondent id from then on (docs/privacy.md).

Free-text comments are scrubbed in two steps: e-mail addresses and IBANs (and UK
National Insurance numbers) by regular expressions in SQL, at full scan speed;
phone numbers by ``phonenumbers``' matcher for the respondent's country, run in
Python only on the few comments that contain seven or more digits
(:mod:`cxbench.ingestion.phone_scrub`). The patterns are shared with the privacy checks
(:mod:`cxcore.pii_patterns`). Person names are not detected; see docs/privacy.md.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from cxcore.pii_patterns import PLACEHOLDERS
from cxcore.salt_location import legacy_salt_file_path, salt_file_path
from cxcore.sql_text import quote_literal

SALT_ENV = "CXBENCH_SALT"
#: A created salt is 64 hex characters (256 bits); a key file with fewer than
#: this many is damaged, not a salt anyone chose.
MIN_SALT_FILE_CHARS = 32


class SaltError(ValueError):
    """The salt file is unusable; the message says how to restore it."""


def resolve_salt(warehouse_dir: Path) -> str:
    """Return the pseudonymisation salt, creating a private key file if none exists.

    ``CXBENCH_SALT`` wins; otherwise the key file is
    :func:`cxcore.salt_location.salt_file_path` (beside the warehouse folder, or
    ``CXBENCH_SALT_FILE``), where no SQL session or export folder reaches. A key
    file left inside the warehouse folder by an older version is moved there first,
    so the respondent ids already loaded keep their hashes.

    Raises :class:`SaltError` for a key file that is empty or shorter than
    :data:`MIN_SALT_FILE_CHARS`: never regenerated silently, since every id
    hashed from then on would differ from those already loaded.
    """
    from_env = os.environ.get(SALT_ENV)
    if from_env:
        return from_env
    key_file = salt_file_path(warehouse_dir)
    _migrate_legacy_salt(legacy_salt_file_path(warehouse_dir), key_file)
    if not key_file.exists():
        _create_salt_file(key_file, secrets.token_hex(32))
    return _read_salt(key_file)


def _read_salt(key_file: Path) -> str:
    salt = key_file.read_text(errors="replace").strip()
    if len(salt) < MIN_SALT_FILE_CHARS:
        state = "empty" if not salt else f"only {len(salt)} characters long"
        raise SaltError(
            f"{key_file}: the pseudonymisation salt is {state} (a created salt has 64); "
            "restore it from your backup of that file, or set CXBENCH_SALT to the original "
            "salt. Do not delete it to get a new one: every respondent id would then "
            "hash differently from those already loaded"
        )
    return salt


def _migrate_legacy_salt(legacy: Path, key_file: Path) -> None:
    """Move a key file from inside the warehouse folder to ``key_file``, once.

    The old one is checked like any salt (a damaged one is refused where it lies)
    and copied atomically; it is deleted only when ``key_file`` then holds the same
    salt. Two different salts are refused: which one hashed the loaded ids is for a
    person to decide.
    """
    if not legacy.is_file() or legacy == key_file:
        return
    salt = _read_salt(legacy)
    if not key_file.exists():
        _create_salt_file(key_file, salt)
    if _read_salt(key_file) != salt:
        raise SaltError(
            f"two pseudonymisation salts: {legacy} (inside the warehouse folder, from an "
            f"older version) and {key_file}; keep the one the loaded respondent ids were "
            f"hashed with at {key_file} and delete {legacy}"
        )
    legacy.unlink()
    _fsync_directory(legacy.parent)


def _create_salt_file(key_file: Path, salt: str) -> None:
    """Write a salt atomically: a temporary file (mode 600), fsync, then link into place.

    ``os.link`` (not ``os.replace``) puts it in place, so two processes creating
    the salt at once cannot overwrite each other's: the second link fails and
    that process reads the first one's salt.
    """
    key_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = key_file.with_name(f"{key_file.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(salt)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, key_file)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_directory(key_file.parent)


def _fsync_directory(folder: Path) -> None:
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def hashed_id_sql(value_sql: str, salt: str) -> str:
    """SQL for the salted hash of an identifier (NULL stays NULL)."""
    return f"sha256({quote_literal(salt)} || ':' || {value_sql})"


def scrubbed_text_sql(value_sql: str) -> str:
    """SQL replacing e-mail addresses, IBANs and NI numbers with typed placeholders.

    Each ``regexp_replace`` runs only on text that has what its pattern needs (an
    ``@``; two digits in a row): most comments have neither, and ``contains`` or a
    tiny pattern is far cheaper than the full expressions. ``value_sql`` should be
    a column or alias, since it is referred to more than once.
    """

    def replaced(text: str, kind: int) -> str:
        placeholder, pattern = PLACEHOLDERS[kind]
        return (
            f"regexp_replace({text}, {quote_literal(pattern)}, {quote_literal(placeholder)}, 'g')"
        )

    without_email = (
        f"case when contains({value_sql}, '@') then {replaced(value_sql, 0)} else {value_sql} end"
    )
    return (
        f"case when regexp_matches({value_sql}, '[0-9]{{2}}') "
        f"then {replaced(replaced(without_email, 1), 2)} else {without_email} end"
    )
