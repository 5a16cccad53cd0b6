"""AWS parts of a country data center: keys, storage and compute, one component per file."""

from components.aws.compute import AwsCountryCompute, AwsCountryComputeArgs
from components.aws.keys import AwsCountryKeys, AwsCountryKeysArgs
from components.aws.storage import AwsCountryStorage, AwsCountryStorageArgs

__all__ = [
    "AwsCountryCompute",
    "AwsCountryComputeArgs",
    "AwsCountryKeys",
    "AwsCountryKeysArgs",
    "AwsCountryStorage",
    "AwsCountryStorageArgs",
]
