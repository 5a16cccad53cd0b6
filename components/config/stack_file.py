"""Read a ``stacks/Pulumi.<stack>.yaml`` file the way the Pulumi CLI hands it to a program.

The offline plan and the tests run ``__main__.py`` under mocks without the CLI; this gives them the
same runtime config the CLI would: namespaced keys, structured values JSON-encoded, and secure
values listed as secret. Secure values are never decrypted: they become ``SECRET_PLACEHOLDER``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from components.errors import ConfigError, raise_problems
from components.residency.engine import ACCOUNT_ID
from components.residency.rules import SECRET_PLACEHOLDER
from components.yamlfile import YamlFileError, described, load_yaml, shorten

__all__ = [
    "ACCOUNTS_KEY",
    "ASSUME_ROLE_KEY",
    "PINNING_KEYS",
    "NAMESPACE",
    "SECRET_PLACEHOLDER",
    "STACK_FILE_KEYS",
    "StackFileContents",
    "account_problems",
    "assume_role_problems",
    "read_stack_file",
    "stack_file_path",
    "stack_file_to_pulumi_config",
    "stack_name_of",
]

NAMESPACE = "sovereign-dc"

STACK_FILE_KEYS = ("config", "encryptedkey", "encryptionsalt", "environment", "secretsprovider")
"""Top-level keys of a Pulumi stack file (``ProjectStack`` in pulumi/sdk/go/common/workspace/project.go)."""

# Pulumi's own rule for stack names: validateStackName in pulumi/pkg/backend (the DIY backend, called
# filestate in older releases, and httpstate) matches `^[A-Za-z0-9_.-]{1,100}$` and refuses slashes.
# The stack name is the file name's middle part.
_STACK_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}")


@dataclass(frozen=True)
class StackFileContents:
    """A stack file as the CLI would hand it to the program, and what is wrong with it."""

    config: dict[str, str]
    """Namespaced keys, structured values JSON-encoded, secure values as ``SECRET_PLACEHOLDER``."""
    secret_keys: list[str]
    """Keys whose values are ``secure:`` (somewhere inside, for structured values)."""
    problems: tuple[ConfigError, ...]
    """Problems that do not stop the rest of the file from being read (all reported together)."""


def stack_name_of(path: str | Path) -> str:
    """``stacks/Pulumi.cn.yaml`` -> ``cn``."""
    return Path(path).name.removeprefix("Pulumi.").removesuffix(".yaml")


def stack_file_path(stack: str) -> str:
    """The stack file of ``stack``, as operators see it (the inverse of :func:`stack_name_of`)."""
    return f"stacks/Pulumi.{stack}.yaml"


def read_stack_file(path: str | Path, shown: str | None = None) -> StackFileContents:
    """Read a stack file; ``ConfigError`` when nothing can be read, else every problem in ``problems``."""
    file = shown or str(path)
    try:
        document = load_yaml(
            path, shown=file, missing_fix="check the path; stack files live in stacks/", what="stack file"
        )
    except YamlFileError as exc:
        raise exc.to_config_error() from None
    problems: list[ConfigError] = []
    stack = stack_name_of(path)
    if not _STACK_NAME.fullmatch(stack):
        problems.append(
            ConfigError(
                file,
                "",
                f"the stack name {shorten(stack)} (from the file name) is one Pulumi refuses: stack names are 1 to "
                "100 letters, digits, hyphens, underscores or periods",
                "rename the file to Pulumi.<name>.yaml with such a name",
            )
        )
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise ConfigError(
            file, "", f"the file is not a mapping (it is a {_kind(document)})", "start the file with `config:`"
        )
    for key in document:
        if key not in STACK_FILE_KEYS:
            problems.append(_unknown(file, "", key, STACK_FILE_KEYS, "a Pulumi stack file"))
    raw = document.get("config")
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(
            file,
            "config",
            f"`config` is not a mapping (it is a {_kind(raw)})",
            "indent each setting under `config:` as `key: value`",
        )
    config: dict[str, str] = {}
    secret_keys: list[str] = []
    for key, value in raw.items():
        if not isinstance(key, str) or not key:
            problems.append(
                ConfigError(
                    file,
                    f"config.{shorten(key)}",
                    f"a config key must be text like `{NAMESPACE}:name`, not {_kind(key)}",
                    "quote the key or correct its indentation",
                )
            )
            continue
        full_key = key if ":" in key else f"{NAMESPACE}:{key}"
        bad_secure = _secure_problems(value, full_key, file, stack)
        problems.extend(bad_secure)
        if bad_secure:
            continue
        pinning = PINNING_KEYS.get(full_key)
        if pinning is not None:
            problems.extend(pinning(value, file))
        encoded, secret = _encode(value)
        config[full_key] = encoded
        if secret:
            secret_keys.append(full_key)
    return StackFileContents(config, secret_keys, tuple(problems))


ACCOUNTS_KEY = "aws:allowedAccountIds"
"""The AWS accounts the stack deploys into (pulumi-aws's `allowedAccountIds`, "List of allowed AWS account IDs to
prevent you from mistakenly using an incorrect one": https://www.pulumi.com/registry/packages/aws/installation-
configuration/). The platform's providers are pinned to them, and a policy granting one of them is the stack's own
(RES-023)."""


def account_problems(value: Any, file: str) -> list[ConfigError]:
    """``aws:allowedAccountIds`` must be a list of quoted 12-digit account ids: a bare number loses an id's leading
    zeros (and YAML reads some as octal), and a single id outside a list is not what the provider takes."""
    fix = 'write the accounts as a list of quoted 12-digit ids, e.g. aws:allowedAccountIds: ["123456789012"]'
    key = f"config.{ACCOUNTS_KEY}"
    if not isinstance(value, list) or not value:
        return [ConfigError(file, key, f"must be a non-empty list of AWS account ids (it is {described(value)})", fix)]
    return [
        ConfigError(file, f"{key}[{i}]", f"{described(item)} is not a quoted 12-digit AWS account id", fix)
        for i, item in enumerate(value)
        if not (isinstance(item, str) and ACCOUNT_ID.match(item))
    ]


ASSUME_ROLE_KEY = "alicloud:assumeRole"
"""The RAM role the platform's Alibaba Cloud providers assume (pulumi-alicloud's `assumeRole`, `roleArn`
``acs:ram::<uid>:role/<name>``): every call then runs as that role, in its account, so a policy granting that account is
the stack's own (RES-023). The provider's `accountId` is no pin: the provider takes it as given for some API calls and
never checks it against the credentials."""
_ROLE_ARN = re.compile(r"^acs:ram::[0-9]{5,20}:role/[^\s]+$")


def assume_role_problems(value: Any, file: str) -> list[ConfigError]:
    """``alicloud:assumeRole`` must be an object whose ``roleArn`` is a RAM role ARN ``acs:ram::<uid>:role/<name>``."""
    fix = 'e.g. alicloud:assumeRole: {roleArn: "acs:ram::1234567890123456:role/sovereign-deployer", sessionName: ci}'
    key = f"config.{ASSUME_ROLE_KEY}"
    if not isinstance(value, dict):
        return [ConfigError(file, key, f"must be an object with a roleArn (it is {described(value)})", fix)]
    arn = value.get("roleArn")
    if isinstance(arn, str) and _ROLE_ARN.match(arn):
        return []
    problem = f"{described(arn)} is not a RAM role ARN acs:ram::<uid>:role/<name>"
    return [ConfigError(file, f"{key}.roleArn", problem, fix)]


PINNING_KEYS: dict[str, Callable[[Any, str], list[ConfigError]]] = {
    ACCOUNTS_KEY: account_problems,
    ASSUME_ROLE_KEY: assume_role_problems,
}
"""The stack file's keys that pin the platform's providers to the stack's accounts, and how each is checked."""


def stack_file_to_pulumi_config(path: str | Path, shown: str | None = None) -> tuple[dict[str, str], list[str]]:
    """``(config, secret_keys)`` for ``pulumi.runtime.set_all_config``, read from a stack file.

    Raises ``ConfigError`` (``ConfigProblems`` for several) when the file has any problem.
    """
    contents = read_stack_file(path, shown)
    raise_problems(contents.problems)
    return contents.config, contents.secret_keys


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "mapping", list: "list", str: "text", bool: "boolean", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )


def _unknown(file: str, parent: str, key: object, known: tuple[str, ...], what: str) -> ConfigError:
    name = str(key)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    return ConfigError(
        file,
        f"{parent}.{name}" if parent else name,
        f"unknown key {shorten(name)} in {what}",
        f"{hint}remove it or use one of: {', '.join(known)}",
    )


def _secure_problems(value: Any, key: str, file: str, stack: str, path: str = "") -> list[ConfigError]:
    """A ``secure:`` value must be exactly ``{secure: <non-empty ciphertext text>}``, at any depth."""
    where = f"{key}{path}"
    fix = f"set it with `pulumi config set --secret {key.removeprefix(NAMESPACE + ':')} <value> --stack {stack}`"
    if isinstance(value, dict):
        if "secure" in value:
            if len(value) != 1:
                others = ", ".join(sorted(str(k) for k in value if k != "secure"))
                return [
                    ConfigError(
                        file,
                        where,
                        f"`secure:` must be the only key of a secret value (also found: {shorten(others)})",
                        fix,
                    )
                ]
            ciphertext = value["secure"]
            if not isinstance(ciphertext, str) or not ciphertext.strip():
                problem = (
                    "the `secure:` value is empty"
                    if isinstance(ciphertext, str) or ciphertext is None
                    else f"the `secure:` value must be ciphertext text, not a {_kind(ciphertext)}"
                )
                return [ConfigError(file, f"{where}.secure", problem, fix)]
            return []
        found: list[ConfigError] = []
        for k, v in value.items():
            found.extend(_secure_problems(v, key, file, stack, f"{path}.{k}"))
        return found
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _secure_problems(v, key, file, stack, f"{path}[{i}]")]
    return []


def _encode(value: Any) -> tuple[str, bool]:
    """The CLI's string form of one config value, and whether it holds a secret."""
    if _is_secure(value):
        return SECRET_PLACEHOLDER, True
    if isinstance(value, dict | list):
        scrubbed, secret = _scrub(value)
        return json.dumps(scrubbed, default=str), secret
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
        items = {str(k): _scrub(v) for k, v in value.items()}
        return {k: v for k, (v, _) in items.items()}, any(s for _, s in items.values())
    if isinstance(value, list):
        scrubbed = [_scrub(v) for v in value]
        return [v for v, _ in scrubbed], any(s for _, s in scrubbed)
    return value, False


def _is_secure(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"secure"}
