"""Buckets named inside S3 URLs and hosts (stop 32): judged as the bucket's name or ``s3://`` URI is (RES-017).

A request to a regional S3 REST endpoint for a bucket of another region is redirected there (301 PermanentRedirect,
https://docs.aws.amazon.com/AmazonS3/latest/API/Redirects.html) and the SDKs follow (botocore's S3RegionRedirectorv2),
so the endpoint's region proves nothing about the bucket's. Website endpoints serve only their own region's buckets
(https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html) and access points are regional resources:
both stay judged by their region. Property tests over endpoint shapes x bucket names x jurisdictions.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from components.residency import ProviderRef, RuleEngine, Subject, load_catalogue
from components.residency.references import S3_BUCKET_NAME

CATALOGUE = load_catalogue()
ENGINES = {code: RuleEngine(code) for code in sorted(CATALOGUE.jurisdictions)}
PARSER = next(iter(ENGINES.values())).parser
# The REST endpoint shapes that name a bucket (endpoints.yaml s3_bucket_hosts), {b} the bucket, {r} the region.
BUCKET_SHAPES = [
    "https://{b}.s3.{r}.{s}/exports/day.csv",  # virtual-hosted
    "https://s3.{r}.{s}/{b}/exports/day.csv",  # path style
    "https://{b}.s3.dualstack.{r}.{s}/exports/",
    "https://s3.dualstack.{r}.{s}/{b}/exports/",
    "https://{b}.s3-fips.{r}.{s}/exports/",
    "https://{b}.s3-fips.dualstack.{r}.{s}/exports/",
    "https://{b}.s3-{r}.{s}/exports/",  # legacy dash form
    "https://s3-{r}.{s}/{b}/exports/",
    "{b}.s3.{r}.{s}",  # a bare host (an origin's domain_name, an ASSET_HOST variable)
    # An interface endpoint's bucket host (PrivateLink for S3, stop 33): virtual-hosted and path style.
    "https://{b}.bucket.vpce-0a1b2c3d-4e5f.s3.{r}.vpce.{s}/exports/day.csv",
    "https://bucket.vpce-0a1b2c3d-4e5f.s3.{r}.vpce.{s}/{b}/exports/day.csv",
]
# Shapes whose region is the bucket's (website endpoints) or that name no bucket (access points): region only.
REGION_SHAPES = [
    "http://{b}.s3-website-{r}.{s}/",
    "http://{b}.s3-website.{r}.{s}/",
    "https://{b}-123456789012.s3-accesspoint.{r}.{s}/exports/",
    "https://{b}-123456789012.s3-object-lambda.{r}.{s}/exports/",
    "https://s3.{r}.{s}",  # an endpoint alone (--endpoint-url), no bucket
    # An interface endpoint's access point and S3 Control hosts: a regional access point, no bucket.
    "https://{b}-123456789012.accesspoint.vpce-0a1b2c3d-4e5f.s3.{r}.vpce.{s}/exports/",
    "https://control.vpce-0a1b2c3d-4e5f.s3.{r}.vpce.{s}/v20180820/configuration",
]
SUFFIX = {
    "aws": "amazonaws.com",
    "aws-us-gov": "amazonaws.com",
    "aws-cn": "amazonaws.com.cn",
    "aws-eusc": "amazonaws.eu",
}
# Jurisdictions' AWS regions whose partition has an S3 suffix above.
PLACES = sorted(
    (code, region)
    for code, j in CATALOGUE.jurisdictions.items()
    for region in j.aws.regions
    if CATALOGUE.aws_region_partition.get(region) in SUFFIX
)
_LABEL = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
BUCKETS = (
    st.lists(_LABEL, min_size=1, max_size=3)
    .map(".".join)
    .filter(lambda n: bool(S3_BUCKET_NAME.match(n)) and not n.replace(".", "").isdigit())
)


def _subject(code: str, region: str, url: str) -> Subject:
    return Subject("aws:lambda/function:Function", "fn", {"environment": {"variables": {"EXPORT_URL": url}}},
                   ProviderRef("aws", "p", region))  # fmt: skip


def _closed(code: str, partition: str) -> bool:
    """Every region of ``partition`` is in the jurisdiction (aws-cn in CN): a bucket there is judged by partition."""
    j = CATALOGUE.jurisdictions[code]
    regions = CATALOGUE.aws_partitions[partition].regions
    return partition in j.aws.partitions and set(regions) <= set(j.aws.regions)


def _ids(code: str, subject: Subject, known: str | None = None) -> set[str]:
    check = ENGINES[code].check
    findings = check(subject, known=(lambda n: n == known)) if known else check(subject)
    return {f.rule.id for f in findings[0]}


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PLACES), st.sampled_from(BUCKET_SHAPES), BUCKETS)
def test_a_bucket_in_an_in_jurisdiction_s3_url_is_judged_as_its_s3_uri(
    place: tuple[str, str], shape: str, bucket: str
) -> None:
    code, region = place
    partition = CATALOGUE.aws_region_partition[region]
    url = shape.format(b=bucket, r=region, s=SUFFIX[partition])
    found = _ids(code, _subject(code, region, url))
    # One verdict for one fact: the URL's bucket is judged exactly as its ARN (the suffix gives the partition, as the
    # ARN's prefix does; an s3:// URI names none, so it is judged in every partition of the jurisdiction).
    assert found == _ids(code, _subject(code, region, f"arn:{partition}:s3:::{bucket}/exports/*")), url
    if SUFFIX[partition] == "amazonaws.com":
        assert found <= _ids(code, _subject(code, region, f"s3://{bucket}/exports/")), url
    assert found == (set() if _closed(code, partition) else {"RES-017"}), url
    # The stack's own bucket (the front doors' `known`) is proven through any of the shapes.
    assert _ids(code, _subject(code, region, url), known=bucket) == set(), url


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLACES), st.sampled_from(BUCKET_SHAPES + REGION_SHAPES), BUCKETS, st.sampled_from(PLACES))
def test_a_foreign_region_is_refused_under_its_own_rule_alone(
    place: tuple[str, str], shape: str, bucket: str, other: tuple[str, str]
) -> None:
    code, region = place
    foreign = other[1]
    partition = CATALOGUE.aws_region_partition[foreign]
    if foreign in CATALOGUE.jurisdictions[code].aws.regions:
        return  # not foreign here
    url = shape.format(b=bucket, r=foreign, s=SUFFIX[partition])
    # RES-006 (a region, or a partition, outside the jurisdiction): the bucket is not judged a second time.
    assert _ids(code, _subject(code, region, url)) == {"RES-006"}, url


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLACES), st.sampled_from(REGION_SHAPES), BUCKETS)
def test_website_endpoints_and_access_points_stay_judged_by_their_region(
    place: tuple[str, str], shape: str, bucket: str
) -> None:
    code, region = place
    url = shape.format(b=bucket, r=region, s=SUFFIX[CATALOGUE.aws_region_partition[region]])
    assert _ids(code, _subject(code, region, url)) == set(), url


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLACES), st.sampled_from(BUCKET_SHAPES), BUCKETS)
def test_the_parser_reads_the_bucket_of_every_shape(place: tuple[str, str], shape: str, bucket: str) -> None:
    _, region = place
    url = shape.format(b=bucket, r=region, s=SUFFIX[CATALOGUE.aws_region_partition[region]])
    refs = [r for r in PARSER.scan(url) if r.kind == "endpoint"]
    assert [(r.bucket, r.region) for r in refs] == [(bucket, region)], url


def test_only_a_path_segment_shaped_as_a_bucket_is_read() -> None:
    for url in (
        "https://s3.eu-west-1.amazonaws.com/",
        "https://s3.eu-west-1.amazonaws.com?list-type=2",
        "https://s3.eu-west-1.amazonaws.com/A_B/x",
        "https://sqs.eu-west-1.amazonaws.com/partner-queue/x",
    ):
        assert [r.bucket for r in PARSER.scan(url)] in ([None], [""]), url
    assert _ids("EU", _subject("EU", "eu-west-1", "https://s3.eu-west-1.amazonaws.com/")) == set()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PLACES), BUCKETS)
def test_a_medialive_s3ssl_destination_is_judged_as_its_s3_uri(place: tuple[str, str], bucket: str) -> None:
    # MediaLive writes HLS to S3 as `s3ssl://<bucket>/<path>` (stop 33): a bucket, not a host named like it.
    code, region = place
    found = _ids(code, _subject(code, region, f"s3ssl://{bucket}/depot/live/index"))
    assert found == _ids(code, _subject(code, region, f"s3://{bucket}/depot/live/index")), bucket
    assert [r.kind for r in PARSER.scan(f"s3ssl://{bucket}/x")] == ["bucket"], bucket
    assert _ids(code, _subject(code, region, f"s3ssl://{bucket}/x"), known=bucket) == set(), bucket
