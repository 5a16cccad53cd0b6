"""State backend and secrets provider URLs, judged per jurisdiction against the catalogue."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.deploy.backends import check_backend, check_secrets_provider, example_backend, example_secrets_provider
from components.errors import ConfigError
from components.residency.catalogue import load_catalogue

FILE = "stacks/deployments.yaml"
CN_S3 = "s3://state-cn?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn"


def backend(url: str, code: str, *, development: bool = False) -> str:
    catalogue = load_catalogue()
    key = f"jurisdictions.{code}.backend"
    return check_backend(url, catalogue.get(code), catalogue, development=development, file=FILE, key=key).where


def secrets(value: str, code: str, *, backend_url: str = "s3://b?region=x", development: bool = False) -> str:
    catalogue = load_catalogue()
    key = f"jurisdictions.{code}.secrets_provider"
    return check_secrets_provider(
        value, catalogue.get(code), catalogue, backend_url=backend_url, development=development, file=FILE, key=key
    ).where


@pytest.mark.parametrize(
    ("code", "url", "where"),
    [
        ("CN", CN_S3, "AWS S3 bucket state-cn in cn-north-1 (aws-cn)"),
        ("CN", "s3://s?region=cn-northwest-1&endpoint=https://s3.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"),
        ("CN", "s3://state-cn?region=cn-beijing&endpoint=oss-cn-beijing.aliyuncs.com", "Alibaba Cloud OSS"),
        ("CN", "s3://state-cn?region=cn-shanghai&endpoint=oss-cn-shanghai-internal.aliyuncs.com", "cn-shanghai"),
        ("CN", "s3://s?region=cn-north-1&endpoint=bucket.vpce-0a1.s3.cn-north-1.vpce.amazonaws.com.cn", "cn-north-1"),
        ("US", "s3://state-us?region=us-east-1", "AWS S3 bucket state-us in us-east-1 (aws)"),
        ("US", "s3://state-us?region=us-gov-west-1", "aws-us-gov"),
        ("US", "https://api.pulumi.com", "Pulumi Cloud"),
        ("EU", "s3://state-eu/prefix?region=eu-central-1&profile=deploy", "eu-central-1"),
        ("EU", "s3://state-eu?region=eusc-de-east-1&endpoint=s3.eusc-de-east-1.amazonaws.eu", "aws-eusc"),
        ("JP", "s3://s?region=ap-northeast-1&endpoint=s3.dualstack.ap-northeast-1.amazonaws.com", "ap-northeast-1"),
        ("JP", "file:///var/lib/pulumi", "development only"),
    ],
)
def test_in_jurisdiction_backends_are_accepted(code: str, url: str, where: str) -> None:
    development = url.startswith("file:")
    assert where in backend(url, code, development=development)


@pytest.mark.parametrize(
    ("code", "url", "match"),
    [
        # mainland China: nothing abroad, aws-cn endpoint pinned, no Pulumi Cloud
        ("CN", "s3://state?region=ap-northeast-1", r"AWS region ap-northeast-1 .* is outside Mainland China \(CN\)"),
        ("CN", "s3://state?region=cn-north-1", r"aws-cn partition, whose S3 endpoint must be pinned.*"),
        ("CN", "s3://s?region=cn-north-1&endpoint=s3.us-east-1.amazonaws.com", r"not the S3 endpoint of cn-north-1"),
        ("CN", "s3://state?region=cn-hongkong&endpoint=oss-cn-hongkong.aliyuncs.com", r"cn-hongkong .* is outside"),
        ("CN", "s3://state?region=cn-beijing&endpoint=oss-cn-hangzhou.aliyuncs.com", r"endpoint .* is in cn-hangzhou"),
        ("CN", "s3://state?region=cn-beijing", r"Alibaba Cloud region, but .* has no OSS endpoint"),
        ("CN", "https://api.pulumi.com", r"Pulumi Cloud \(api.pulumi.com\) is hosted in the United States"),
        ("CN", "https://app.pulumi.com/acme", r"hosted in the United States, outside Mainland China"),
        ("CN", "https://pulumi.internal.example.cn", r"cannot tell where the self-hosted Pulumi Cloud"),
        ("CN", "oss://state-cn", r"Pulumi has no oss:// backend.*Fix: use OSS through its S3-compatible API"),
        ("CN", "file:///tmp/state", r"cannot be shown to be in Mainland China.*development: true"),
        ("CN", "s3://state?region=cn-north-1&endpoint=http://s3.cn-north-1.amazonaws.com.cn", r"is not HTTPS"),
        # everywhere: a region must be pinned and known; no acceleration; no plaintext
        ("US", "s3://state", r"does not pin `region`"),
        ("US", "s3://state?region=mars-1", r"mars-1 .* is not a known AWS region"),
        ("US", "s3://state?region=us-east-1&accelerate=true", r"Transfer Acceleration"),
        ("US", "s3://state?region=us-east-1&disableSSL=true", r"unencrypted"),
        ("US", "s3://state?region=us-east-1&region=eu-west-1", r"more than once"),
        ("US", "s3://?region=us-east-1", r"names no bucket"),
        ("US", "http://pulumi.example.com", r"plain HTTP"),
        ("EU", "s3://state?region=eu-west-2", r"eu-west-2 .* is outside European Union"),
        ("EU", "s3://state?region=eu-central-2", r"eu-central-2 .* is outside European Union"),
        ("EU", "https://api.pulumi.com", r"outside European Union"),
        ("EU", "gs://state-eu", r"no Google Cloud regions"),
        ("EU", "azblob://state-eu", r"no Azure regions"),
        ("JP", "s3://state?region=ap-northeast-2", r"outside Japan"),
        ("JP", "state-bucket", r"has no scheme"),
        ("JP", "s3://[oops?region=ap-northeast-1", r"not a valid URL"),
        ("JP", "ftp://state", r"not a Pulumi backend URL"),
    ],
)
def test_backends_outside_the_jurisdiction_are_refused(code: str, url: str, match: str) -> None:
    with pytest.raises(ConfigError, match=match) as caught:
        backend(url, code)
    message = str(caught.value)
    assert message.startswith(f"{FILE}: jurisdictions.{code}.backend: ")
    assert ". Fix: " in message


@pytest.mark.parametrize(
    ("code", "value", "where"),
    [
        ("CN", "awskms://alias/sovereign-dc-cn?region=cn-north-1", "in cn-north-1 (aws-cn)"),
        ("CN", "awskms:///arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "aws-cn"),
        ("CN", "awskms://1234abcd-12ab?region=cn-northwest-1&endpoint=kms.cn-northwest-1.amazonaws.com.cn", "cn-north"),
        ("US", "awskms://alias/x?region=us-west-2", "us-west-2"),
        ("US", "awskms:///arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/x?region=us-gov-west-1", "aws-us-gov"),
        ("EU", "awskms://alias/x?region=eu-west-1", "eu-west-1"),
        ("JP", "awskms://alias/x?region=ap-northeast-3", "ap-northeast-3"),
    ],
)
def test_in_jurisdiction_kms_keys_are_accepted(code: str, value: str, where: str) -> None:
    assert where in secrets(value, code)


@pytest.mark.parametrize(
    ("code", "value", "match"),
    [
        ("CN", "awskms://alias/x?region=us-east-1", r"the KMS key .* is in us-east-1, outside Mainland China"),
        ("CN", "awskms:///arn:aws:kms:us-east-1:123456789012:key/abc", r"in the aws partition, outside Mainland China"),
        ("CN", "awskms:///arn:aws:kms:cn-north-1:123456789012:key/abc", r"aws partition, outside"),
        ("CN", "awskms:///arn:aws-cn:kms:cn-north-1:123456789012:key/abc?region=cn-northwest-1", r"contradicts"),
        ("CN", "awskms://alias/x?region=cn-north-1&endpoint=kms.us-east-1.amazonaws.com", r"not the KMS endpoint"),
        ("CN", "awskms://alias/x", r"does not pin `region`"),
        ("CN", "awskms://?region=cn-north-1", r"names no KMS key"),
        ("CN", "awskms:///arn:bogus?region=cn-north-1", r"is not a KMS key ARN"),
        ("CN", "hashivault://sovereign-dc", r"VAULT_ADDR at run time"),
        ("CN", "gcpkms://projects/p/locations/asia-east2/keyRings/r/cryptoKeys/k", r"no Google Cloud regions"),
        ("CN", "azurekeyvault://vault.vault.azure.cn/keys/k", r"no Azure regions"),
        ("CN", "passphrase", r"wherever the passphrase is copied"),
        ("CN", "default", r"exists only with a Pulumi Cloud backend"),
        ("EU", "awskms://alias/x?region=eu-west-2", r"eu-west-2, outside European Union"),
        ("JP", "awskms://alias/x?region=mars-1", r"not a known AWS region"),
        ("JP", "kms-key", r"has no scheme"),
    ],
)
def test_secrets_providers_outside_the_jurisdiction_are_refused(code: str, value: str, match: str) -> None:
    with pytest.raises(ConfigError, match=match) as caught:
        secrets(value, code)
    assert str(caught.value).startswith(f"{FILE}: jurisdictions.{code}.secrets_provider: ")
    assert ". Fix: " in str(caught.value)


def test_passphrase_is_allowed_only_in_development() -> None:
    assert "development only" in secrets("passphrase", "JP", development=True)


def test_default_provider_follows_an_accepted_pulumi_cloud_backend() -> None:
    assert "Pulumi Cloud" in secrets("default", "US", backend_url="https://api.pulumi.com")


@pytest.mark.parametrize("code", sorted(load_catalogue().jurisdictions))
def test_the_suggested_fix_is_itself_accepted(code: str) -> None:
    catalogue = load_catalogue()
    jurisdiction = catalogue.get(code)
    example = example_backend(jurisdiction, catalogue)
    if example is None:
        with pytest.raises(ConfigError, match=r"no AWS or Alibaba Cloud region in the catalogue"):
            backend("s3://x?region=us-east-1", code)
    else:
        assert backend(example, code)
    provider = example_secrets_provider(jurisdiction)
    if provider is None:
        with pytest.raises(ConfigError, match=r"no AWS region in the catalogue and Pulumi has no Alibaba Cloud KMS"):
            secrets("awskms://alias/x?region=us-east-1", code)
    else:
        assert secrets(provider, code)


_REGIONS = sorted(load_catalogue().known_regions("aws") | load_catalogue().known_regions("alicloud"))
_CODES = sorted(load_catalogue().jurisdictions)
_text = st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=40)


@st.composite
def backend_urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["s3", "S3", "oss", "https", "http", "file", "gs", "", "s3:"]))
    bucket = draw(st.sampled_from(["state", "", "a.b", "[x"]) | _text)
    params = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["region", "endpoint", "accelerate", "profile", "disableSSL"]),
                st.sampled_from(_REGIONS) | st.sampled_from(["s3.cn-north-1.amazonaws.com.cn", "true", ""]) | _text,
            ),
            max_size=3,
        )
    )
    query = "&".join(f"{name}={value}" for name, value in params)
    return f"{scheme}://{bucket}?{query}" if draw(st.booleans()) else draw(_text)


@settings(max_examples=300, deadline=None)
@given(url=backend_urls(), code=st.sampled_from(_CODES))
def test_backend_check_accepts_only_in_jurisdiction_regions_and_never_crashes(url: str, code: str) -> None:
    catalogue = load_catalogue()
    jurisdiction = catalogue.get(code)
    try:
        verdict = check_backend(url, jurisdiction, catalogue, development=False, file=FILE, key="k")
    except ConfigError as exc:
        assert ". Fix: " in str(exc)
        return
    if verdict.scheme == "s3":
        region = verdict.region
        assert region is not None and region in verdict.where
        assert jurisdiction.allows_region("aws", region) or jurisdiction.allows_region("alicloud", region)
    else:
        assert verdict.scheme == "https" and code == "US"


@settings(max_examples=200, deadline=None)
@given(
    key_id=st.sampled_from(["alias/x", "/arn:aws-cn:kms:cn-north-1:123456789012:key/k", "/arn:aws:kms::1:key/k", ""])
    | _text,
    region=st.sampled_from(_REGIONS) | _text,
    code=st.sampled_from(_CODES),
)
def test_kms_check_accepts_only_in_jurisdiction_regions(key_id: str, region: str, code: str) -> None:
    catalogue = load_catalogue()
    jurisdiction = catalogue.get(code)
    value = f"awskms://{key_id}?region={region}"
    try:
        verdict = check_secrets_provider(
            value, jurisdiction, catalogue, backend_url="", development=False, file=FILE, key="k"
        )
    except ConfigError:
        return
    assert verdict.region is not None and jurisdiction.allows_region("aws", verdict.region)
