"""Resource-level policies of the residency pack: one per rule, compliant and non-compliant."""

from __future__ import annotations

from typing import Any

import pytest
from test_policy_support import UNKNOWN, Pack, Res, ali_provider, aws_provider, urn

from components.residency.rules import rule

AWS, ALI = aws_provider(), ali_provider()


def bucket(props: dict[str, Any], provider: Res | None = AWS) -> Res:
    return Res("aws:s3/bucket:Bucket", "data", props, provider=provider)


def oss(props: dict[str, Any], provider: Res | None = ALI) -> Res:
    return Res("alicloud:oss/bucket:Bucket", "data", props, provider=provider)


_LAUGHS = "l0: &l0 [x]\n" + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 6)}]\n" for i in range(1, 9))

# (rule id, compliant resource, non-compliant twin, text the violation must carry): the same order as
# the engine and guard table (tests/test_rules.py PAIRS: rule id, jurisdiction, compliant, non-compliant, path).
CASES = [
    ("RES-001", aws_provider("cn-northwest-1"), aws_provider("eu-west-1"), "`region` = 'eu-west-1'"),
    ("RES-001", aws_provider("cn-north-1"), aws_provider(None), "The region is not pinned."),
    ("RES-001", ali_provider("cn-beijing"), ali_provider("cn-hongkong"), "'cn-hongkong' is outside CN"),
    (
        "RES-001",
        bucket({"bucket": "x"}, provider=aws_provider("cn-north-1", "cn")),
        bucket({"bucket": "x"}, provider=aws_provider("us-east-1", "us")),
        "aws:s3/bucket:Bucket 'data' (its provider pulumi:providers:aws 'us'): `region` = 'us-east-1'",
    ),
    ("RES-002", bucket({}), bucket({}, provider=aws_provider(name="default_7_51_1")), "`provider` = 'default'"),
    ("RES-002", bucket({}), bucket({}, provider=None), "It would use the default provider."),
    ("RES-003", bucket({"region": "cn-northwest-1"}), bucket({"region": "us-east-1"}), "`region` = 'us-east-1'"),
    ("RES-003", oss({"regionId": "cn-shanghai"}), oss({"regionId": "cn-hongkong"}), "`regionId` = 'cn-hongkong'"),
    (
        "RES-004",
        Res(
            "aws:s3/bucketPolicy:BucketPolicy", "p", {"policy": '{"Resource": "arn:aws-cn:s3:::logs/*"}'}, provider=AWS
        ),
        Res("aws:s3/bucketPolicy:BucketPolicy", "p", {"policy": '{"Resource": "arn:aws:s3:::logs/*"}'}, provider=AWS),
        "`policy(json).Resource` = 'arn:aws:s3:::logs/*'",
    ),
    (
        "RES-005",
        oss({"kmsMasterKeyId": "acs:kms:cn-hangzhou:123456789012:key/k"}),
        oss({"kmsMasterKeyId": "acs:kms:ap-southeast-1:123456789012:key/k"}),
        "ap-southeast-1 is outside CN",
    ),
    (
        "RES-006",
        Res(
            "aws:s3/bucket:Bucket",
            "data",
            {},
            provider=Res(
                "pulumi:providers:aws",
                "cn",
                {"region": "cn-north-1", "endpoints": [{"s3": "https://s3.cn-north-1.amazonaws.com.cn"}]},
            ),
        ),
        Res(
            "aws:s3/bucket:Bucket",
            "data",
            {},
            provider=Res(
                "pulumi:providers:aws",
                "cn",
                {"region": "cn-north-1", "endpoints": [{"s3": "https://s3.us-east-1.amazonaws.com"}]},
            ),
        ),
        "(its provider pulumi:providers:aws 'cn'): `endpoints[0].s3` = 's3.us-east-1.amazonaws.com'",
    ),
    ("RES-007", oss({"location": "oss-cn-beijing"}), oss({"location": "oss-cn-hongkong"}), "'oss-cn-hongkong'"),
    (
        "RES-008",
        Res("aws:ec2/subnet:Subnet", "s", {"availabilityZone": "cn-north-1a"}, provider=AWS),
        Res("aws:ec2/subnet:Subnet", "s", {"availabilityZone": "us-east-1a"}, provider=AWS),
        "`availabilityZone` = 'us-east-1a'",
    ),
    (
        "RES-009",
        Res("aws:dynamodb/table:Table", "t", {"replicas": [{"regionName": "cn-northwest-1"}]}, provider=AWS),
        Res("aws:dynamodb/table:Table", "t", {"replicas": [{"regionName": "us-west-2"}]}, provider=AWS),
        "`replicas[0].regionName` = 'us-west-2'",
    ),
    ("RES-011", aws_provider("cn-north-1"), aws_provider("cn-north-9"), "'cn-north-9' is not a known AWS region"),
    ("RES-011", bucket({"region": "cn-north-1"}), bucket({"region": "cn-north-9"}), "Unknown region 'cn-north-9'"),
    (
        "RES-013",
        Res("random:index/randomId:RandomId", "g", {"byteLength": 8}, provider=Res("pulumi:providers:random", "r", {})),
        Res("gcp:storage/bucket:Bucket", "g", {}, provider=Res("pulumi:providers:gcp", "g", {})),
        "package 'gcp' is not covered",
    ),
    # a grant to everyone (public-access review, stop 36): an OSS public ACL; the message writes the declaration
    ("RES-024", oss({"acl": "private"}), oss({"acl": "public-read"}), '"match": "public:data"'),
    # a document beyond the engine's bounds (stop 42): a YAML alias chain expanding past 200,000 nodes
    (
        "RES-025",
        Res("aws:ssm/parameter:Parameter", "p", {"type": "String", "value": "a: &a [x]\nb: [*a, *a]\n"}, provider=AWS),
        Res("aws:ssm/parameter:Parameter", "p", {"type": "String", "value": _LAUGHS}, provider=AWS),
        "more than 200000 nodes once its aliases are expanded",
    ),
]


@pytest.mark.parametrize(("rule_id", "good", "bad", "text"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_refuses_the_offender_and_passes_its_compliant_twin(
    cn: Pack, rule_id: str, good: Res, bad: Res, text: str
) -> None:
    the_rule = rule(rule_id)
    diags = cn.analyze(bad)
    assert [(d.policy, d.level) for d in diags] == [(the_rule.name, "mandatory")]
    message = diags[0].message
    # pulumi-policy prefixes the policy description, which comes from the rules table.
    assert message.startswith(f"{rule_id}: {the_rule.message}\n[{rule_id}] ")
    assert text in message
    assert f"Fix: {the_rule.fix}" in message
    assert "(jurisdiction CN from stack config `sovereign-dc:jurisdiction`)" in message
    assert cn.analyze(good) == []


def test_unknown_inputs_at_preview_are_left_to_the_stack_policy_not_to_an_advisory_note(cn: Pack) -> None:
    """Touching an unknown would turn into an advisory 'can't run policy'; the pack must never do that."""
    policy = Res("aws:s3/bucketPolicy:BucketPolicy", "p", {"bucket": UNKNOWN, "policy": UNKNOWN}, provider=AWS)
    assert cn.analyze(policy) == []
    unknown_region = aws_provider(UNKNOWN)
    assert cn.analyze(unknown_region) == []
    # A known offender next to an unknown is still refused.
    mixed = bucket({"region": "us-east-1", "policy": UNKNOWN})
    assert [d.policy for d in cn.analyze(mixed)] == ["resource-region-override"]


def test_components_and_regionless_resources_are_not_judged(cn: Pack) -> None:
    assert cn.analyze(Res("sovereign-dc:index:CountryDataCenter", "dc", {"anything": "arn:aws:s3:::x"})) == []
    assert cn.analyze(Res("pulumi:pulumi:Stack", f"{urn('x', 'y')}", {})) == []
    tls = Res(
        "tls:index/privateKey:PrivateKey", "k", {"algorithm": "RSA"}, provider=Res("pulumi:providers:tls", "t", {})
    )
    assert cn.analyze(tls) == []


def test_free_text_is_not_judged(cn: Pack) -> None:
    assert cn.analyze(bucket({"tags": {"note": "replicates to us-east-1 later"}, "bucket": "x"})) == []


def test_a_resource_breaking_several_rules_gets_one_violation_per_rule(cn: Pack) -> None:
    res = Res(
        "aws:ec2/instance:Instance",
        "vm",
        {
            "availabilityZone": "eu-west-1a",
            "region": "eu-west-1",
            "iamInstanceProfile": "arn:aws:iam::1:instance-profile/x",
        },
        provider=aws_provider("us-east-1", "us"),
    )
    assert sorted(d.policy for d in cn.analyze(res)) == [
        "aws-arn-in-jurisdiction",
        "provider-region-pinned",
        "resource-region-override",
        "zone-in-jurisdiction",
    ]


def test_a_pack_failure_refuses_the_resource(cn: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    import residency_pack.resource_policies as rp

    def broken(*_args: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(rp, "resource_findings", broken)
    diags = cn.analyze(bucket({}))
    assert len(diags) == len(rp.RESOURCE_RULES)
    assert {d.level for d in diags} == {"mandatory"}
    assert "could not judge aws:s3/bucket:Bucket 'data' (RuntimeError: boom), so it is refused" in diags[0].message


def test_a_resource_is_judged_once_for_all_the_policies(cn: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    """pulumi-policy hands every resource policy its own copy of one request: judged once, not per rule."""
    import residency_pack.resource_policies as rp

    calls: list[str] = []
    judge = rp.resource_findings

    def counted(engine: Any, t: Any) -> Any:
        calls.append(t.subject.name)
        return judge(engine, t)

    monkeypatch.setattr(rp, "resource_findings", counted)
    foreign = bucket({"region": "us-east-1"})
    assert [d.policy for d in cn.analyze(foreign)] == ["resource-region-override"]
    assert calls == ["data"]


def test_the_next_request_is_judged_on_its_own_values(cn: Pack) -> None:
    """Requests that differ in one nested value, or only in the provider, never share a verdict."""
    home = bucket({"replication": {"rules": [{"destination": {"bucket": "arn:aws-cn:s3:::home"}}]}})
    away = bucket({"replication": {"rules": [{"destination": {"bucket": "arn:aws:s3:::away"}}]}})
    assert cn.analyze(home) == []
    assert [d.policy for d in cn.analyze(away)] == ["aws-arn-in-jurisdiction"]
    assert cn.analyze(home) == []
    assert cn.analyze(bucket({"bucket": "x"}, provider=aws_provider("us-east-1", "cn"))) != []
    assert cn.analyze(bucket({"bucket": "x"}, provider=aws_provider("cn-north-1", "cn"))) == []


def test_values_without_a_faithful_text_never_share_a_key() -> None:
    """An asset reads as its address: two live assets with different contents get different keys."""
    import pulumi
    from residency_pack.values import value_key

    first, second = pulumi.RemoteAsset("https://a.example.com/x"), pulumi.RemoteAsset("https://b.example.com/x")
    assert value_key({"code": first}) != value_key({"code": second})
    assert value_key({"a": [1, "x", None]}) == value_key({"a": [1, "x", None]})
    assert value_key({"a": 1}) != value_key({"a": 1.0}) != value_key({"a": True})
