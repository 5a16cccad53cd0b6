"""Read a ``stacks/Pulumi.<stack>.yaml`` file the way the Pulumi CLI hands it to a program.

The offline plan and the tests run ``__main__.py`` under mocks without the CLI; this gives them the
same runtime config the CLI would: namespaced keys, structured values JSON-encoded, and secure
values listed as secret. Secure values are never decrypted: they become ``SECRET_PLACEHOLDER``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from components.errors import ConfigError

__all__ = ["NAMESPACE", "SECRET_PLACEHOLDER", "stack_file_to_pulumi_config"]

NAMESPACE = "sovereign-dc"
SECRET_PLACEHOLDER = "[secret]"


def stack_file_to_pulumi_config(path: str | Path) -> tuple[dict[str, str], list[str]]:
    """``(config, secret_keys)`` for ``pulumi.runtime.set_all_config``, read from a stack file."""
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            file, "", f"cannot read the stack file ({exc.strerror})", "check the path; stack files live in stacks/"
        ) from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(file, "", f"not valid YAML ({_short(exc)})", "correct the YAML syntax at that line") from None
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise ConfigError(file, "", "the file is not a mapping", "start the file with `config:`")
    raw = document.get("config") or {}
    if not isinstance(raw, dict):
        raise ConfigError(
            file, "config", "`config` is not a mapping", "indent each setting under `config:` as `key: value`"
        )
    config: dict[str, str] = {}
    secret_keys: list[str] = []
    for key, value in raw.items():
        full_key = key if ":" in str(key) else f"{NAMESPACE}:{key}"
        encoded, secret = _encode(value)
        config[full_key] = encoded
        if secret:
            secret_keys.append(full_key)
    return config, secret_keys


def _encode(value: Any) -> tuple[str, bool]:
    """The CLI's string form of one config value, and whether it holds a secret."""
    if _is_secure(value):
        return SECRET_PLACEHOLDER, True
    if isinstance(value, dict | list):
        scrubbed, secret = _scrub(value)
        return json.dumps(scrubbed), secret
    if isinstance(value, bool):
        return ("true" if value else "false"), False
    if value is None:
        return "", False
    return str(value), False


def _scrub(value: Any) -> tuple[Any, bool]:
    """``value`` with every nested ``{secure: ...}`` replaced by the placeholder."""
    if _is_secure(value):
        return SECRET_PLACEHOLDER, True
    if isinstance(value, dict):
        items = {k: _scrub(v) for k, v in value.items()}
        return {k: v for k, (v, _) in items.items()}, any(s for _, s in items.values())
    if isinstance(value, list):
        scrubbed = [_scrub(v) for v in value]
        return [v for v, _ in scrubbed], any(s for _, s in scrubbed)
    return value, False


def _is_secure(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"secure"}


def _short(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or type(exc).__name__
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}" if mark else str(problem)
