"""Stack configuration: pydantic models, validation rules and loaders (runtime and from disk)."""

from components.config.loader import (
    KNOWN_KEYS,
    StackConfig,
    build_stack_config,
    check_stack_file,
    load_stack_config,
    load_stack_file,
    stack_file_path,
)
from components.config.models import DATA_CLASSES, DataCenterConfig
from components.config.stack_file import NAMESPACE, SECRET_PLACEHOLDER, stack_file_to_pulumi_config

__all__ = [
    "DATA_CLASSES",
    "KNOWN_KEYS",
    "NAMESPACE",
    "SECRET_PLACEHOLDER",
    "DataCenterConfig",
    "StackConfig",
    "build_stack_config",
    "check_stack_file",
    "load_stack_config",
    "load_stack_file",
    "stack_file_path",
    "stack_file_to_pulumi_config",
]
