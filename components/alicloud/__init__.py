"""Alibaba Cloud parts of a country data center: keys, storage and compute, one component per file."""

from components.alicloud.compute import AlicloudCountryCompute, AlicloudCountryComputeArgs
from components.alicloud.keys import AlicloudCountryKeys, AlicloudCountryKeysArgs
from components.alicloud.storage import AlicloudCountryStorage, AlicloudCountryStorageArgs

__all__ = [
    "AlicloudCountryCompute",
    "AlicloudCountryComputeArgs",
    "AlicloudCountryKeys",
    "AlicloudCountryKeysArgs",
    "AlicloudCountryStorage",
    "AlicloudCountryStorageArgs",
]
