"""Alibaba Cloud red team, stop 48: services run from a mainland hub, and numbers texted or called about the stack.

Reproduced on the unchanged engine (main 1fd7240, docs/residency.md "Alibaba Cloud red team, stop 48"): an uploaded
certificate and its private key (``cas.ServiceCertificate``), a private CA's certificate, a certificate application's
contact and DAS Enterprise Edition switched on for the stack's database (``das.SwitchDasPro``) passed on Tokyo and
Frankfurt providers, though pulumi-alicloud sends Certificate Management Service calls to cas.aliyuncs.com (Hangzhou)
or cas.ap-southeast-1 (Singapore) and DAS calls to das.cn-shanghai whatever the provider's region; a certificate
contact's ``mobile`` of another country passed in CN (not a phone field); an SLS alert user's ``phone`` (a
``sls.common.user`` record) was not judged at all, whatever the ``country_code`` beside it.

Now: the certificate and DAS resources pass in CN and are RES-016 in JP and DE (a declaration of the service covers
it); a certificate contact's number abroad is RES-022; an SLS alert user's number is read with its country code: the
stack's country passes, another is RES-022.

tests/test_realistic_programs.py runs them as CASES (``alired48-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME as HOME
from platform_parts import Build

MOBILE = {"CN": "+8613312345678", "JP": "+819012345678", "DE": "+4915123456789"}
"""A number of the stack's own country, per stack (the team's PKI officer)."""
ABROAD = {"CN": "+4915123456789", "JP": "+8613312345678", "DE": "+819012345678"}
"""A number in another country than the stack's (the group's PKI officer abroad)."""
USER_PHONE = {"CN": ("86", "13312345678"), "JP": ("81", "9012345678"), "DE": ("49", "15123456789")}
"""An SLS alert user's (country_code, phone), written as the registry's example writes them (no ``+``)."""
USER_ABROAD = {"CN": ("49", "15123456789"), "JP": ("86", "13312345678"), "DE": ("81", "9012345678")}
"""An SLS alert user in another country than the stack's (the group's on-call engineer abroad)."""

CERT = """-----BEGIN CERTIFICATE-----
MIIDeDCCAmCgAwIBAgIEN3ZT6zANBgkqhkiG9w0BAQsFADBVMQswCQYDVQQGEwJD
-----END CERTIFICATE-----"""
KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEAzkk9NJUH7PLSQK4RRrGQY5dVsftkhnKh9HhI6yrnlowWIDPS
-----END RSA PRIVATE KEY-----"""
"""A placeholder certificate and private key (what the upload carries; not a real key)."""

DECLARED: dict[str, dict[str, Any]] = {
    "cas": {"id": "certificate-service", "kind": "resident", "match": "alicloud-cas-hub-region",
            "evidence": "the provider's endpoints pin cas to cas.eu-central-1 (Frankfurt); DPO review PKI-48"},
    "das": {"id": "database-autonomy", "kind": "resident", "match": "alicloud-das-hub-region",
            "evidence": "DAS keeps the instance's SQL data in its region (Alibaba's written answer, ticket DB-48)"},
}  # fmt: skip
"""The service declared by its catalogue entry's id (the ``-declared`` programs)."""


def certificate_upload(code: str) -> Build:
    # docs: cas/servicecertificate — an SSL certificate and its private key uploaded to Certificate Management Service,
    # to be deployed to the stack's load balancers and CDN.
    def build(c: Any) -> object:
        return alicloud.cas.ServiceCertificate(
            "portal-tls", certificate_name="portal-tls", cert=CERT, key=KEY, opts=c.ali
        )  # fmt: skip

    return build


def private_ca_certificate(code: str) -> Build:
    # docs: sslcertificatesservice/pcacertificate — a private root CA whose keys Certificate Management Service keeps.
    def build(c: Any) -> object:
        return alicloud.sslcertificatesservice.PcaCertificate(
            "fleet-root-ca", organization="Fleet", years=1, locality="City", organization_unit="PKI", state="State",
            country_code=code.lower(), common_name="fleet-root-ca", algorithm="RSA_2048", opts=c.ali,
        )  # fmt: skip

    return build


def das_pro(code: str) -> Build:
    # docs: das/switchdaspro — DAS Enterprise Edition (SQL Explorer and audit) switched on for the stack's database.
    def build(c: Any) -> object:
        vpc = alicloud.vpc.Network("orders-vpc", vpc_name="orders", cidr_block="10.8.0.0/16", opts=c.ali)
        switch = alicloud.vpc.Switch(
            "orders-a", vpc_id=vpc.id, cidr_block="10.8.1.0/24", zone_id=f"{HOME[code]}-a", opts=c.ali
        )  # fmt: skip
        database = alicloud.rds.Instance(
            "orders-db", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.1", instance_storage=20,
            instance_charge_type="Postpaid", vswitch_id=switch.id, db_instance_storage_type="cloud_essd", opts=c.ali,
        )  # fmt: skip
        return alicloud.das.SwitchDasPro("orders-das", instance_id=database.id, sql_retention=30, opts=c.ali)

    return build


HUB_KINDS: dict[str, Callable[[str], Build]] = {
    "cas-certificate-upload": certificate_upload,
    "cas-private-ca": private_ca_certificate,
    "das-pro": das_pro,
}
"""kind -> builder: passes in CN (the hubs are in the mainland), RES-016 in JP and DE; ``-declared`` twins in DE."""


def certificate_contact(code: str, where: str) -> Build:
    # docs: sslcertificatesservice/contact — the contact a certificate application names: the CA calls or texts its
    # `mobile` to verify the order (the registry's example: `mobile="13312345678"`, written here with its +86).
    def build(c: Any) -> object:
        return alicloud.sslcertificatesservice.Contact(
            "pki-officer", name="pki-officer", mobile=MOBILE[code] if where == "own" else ABROAD[code], opts=c.ali
        )  # fmt: skip

    return build


def sls_alert_user(code: str, where: str) -> Build:
    # docs: log/resourcerecord — the registry's example: a `sls.common.user` record whose JSON value gives the user's
    # `phone` and its `country_code` ("86" beside "18888888889"); alert rules text and call it.
    def build(c: Any) -> object:
        country_code, phone = (USER_PHONE if where == "own" else USER_ABROAD)[code]
        user = {"user_id": "oncall", "user_name": "on-call", "enabled": True, "sms_enabled": True,
                "voice_enabled": True, "country_code": country_code, "phone": phone}  # fmt: skip
        return alicloud.log.ResourceRecord(
            "oncall-user", resource_name_="sls.common.user", record_id="oncall", tag="on-call",
            value=json.dumps(user), opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    for kind, make in HUB_KINDS.items():
        for code in ("CN", "JP", "DE"):
            out.append(
                (f"alired48-{code.lower()}-{kind}", code, make(code), set() if code == "CN" else {"RES-016"}, [])
            )
        out.append((f"alired48-de-{kind}-declared", "DE", make("DE"), set(), [DECLARED[kind.split("-")[0]]]))
    for code in ("CN", "JP", "DE"):
        # Outside CN the service itself is declared (else RES-016 is the verdict): the contact's number is still judged.
        service = [] if code == "CN" else [DECLARED["cas"]]
        out.append((f"alired48-{code.lower()}-cas-contact-own", code, certificate_contact(code, "own"), set(), service))
        out.append((f"alired48-{code.lower()}-cas-contact-abroad", code, certificate_contact(code, "abroad"),
                    {"RES-022"}, service))  # fmt: skip
        out.append((f"alired48-{code.lower()}-sls-user-phone-own", code, sls_alert_user(code, "own"), set(), []))
        out.append((f"alired48-{code.lower()}-sls-user-phone-abroad", code, sls_alert_user(code, "abroad"),
                    {"RES-022"}, []))  # fmt: skip
    return out
