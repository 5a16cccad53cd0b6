"""Phone numbers as destinations (RES-022): a number is resident when libphonenumber places it in one of the
jurisdiction's countries (``jurisdictions.yaml`` ``countries``)."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from components.residency import ProviderRef, RuleEngine, Subject, load_catalogue
from components.residency.phones import country_of, is_phone_shaped, normalise

REPO = Path(__file__).resolve().parents[1]
SNS = "aws:sns/topicSubscription:TopicSubscription"
CATALOGUE = load_catalogue()
# Jurisdictions with an AWS region, each judged through a provider pinned to one of its regions.
CODES = sorted(code for code, j in CATALOGUE.jurisdictions.items() if j.aws.regions)


DTS_SYNC = "alicloud:dts/synchronizationJob:SynchronizationJob"
DTS_SUBSCRIPTION = "alicloud:dts/subscriptionJob:SubscriptionJob"


@functools.cache
def engine(code: str) -> RuleEngine:
    return RuleEngine(code)


def provider(code: str) -> ProviderRef:
    return ProviderRef("aws", "p", min(CATALOGUE.get(code).aws.regions))


def sms_rules(code: str, number: str) -> list[str]:
    subject = Subject(SNS, "alarms-sms", {"protocol": "sms", "endpoint": number}, provider(code))
    return [f.rule.id for f in engine(code).check(subject)[0]]


@functools.cache
def example(region: str) -> phonenumbers.PhoneNumber | None:
    """The region's example mobile number (fixed line where it has no mobile example), when libphonenumber
    attributes it to the region itself (some share their ranges with a bigger neighbour: VA with IT)."""
    number = phonenumbers.example_number_for_type(
        region, PhoneNumberType.MOBILE
    ) or phonenumbers.example_number_for_type(region, PhoneNumberType.FIXED_LINE)
    return number if number is not None and phonenumbers.region_code_for_number(number) == region else None


REGIONS = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if example(r) is not None)


@given(
    st.sampled_from(CODES),
    st.sampled_from(REGIONS),
    st.sampled_from([PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL]),
)
def test_a_number_is_resident_exactly_when_its_country_is_the_jurisdictions(code: str, region: str, style: int) -> None:
    number = example(region)
    assert number is not None
    written = phonenumbers.format_number(number, style)  # "+49 1512 3456789" as well as "+4915123456789"
    expected = [] if region in CATALOGUE.get(code).countries else ["RES-022"]
    assert sms_rules(code, written) == expected


@given(st.sampled_from(CODES), st.sampled_from(REGIONS))
def test_a_number_without_its_country_code_is_never_proven(code: str, region: str) -> None:
    number = example(region)
    assert number is not None
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    if is_phone_shaped(national):  # a few regions write letters or dots in national form
        assert sms_rules(code, national) == ["RES-022"]


def test_every_catalogued_country_is_a_region_libphonenumber_knows() -> None:
    for code, jurisdiction in CATALOGUE.jurisdictions.items():
        assert jurisdiction.countries, code
        assert jurisdiction.countries <= phonenumbers.SUPPORTED_REGIONS, code


@pytest.mark.parametrize(
    ("code", "number", "expected"),
    [
        ("US", "+1 201-555-0123", []),  # New Jersey
        ("US", "+1 506-234-5678", ["RES-022"]),  # New Brunswick: +1, but Canada
        ("US", "+1 787-234-5678", []),  # Puerto Rico: the United States (22 CFR 120.60)
        ("CA", "+1 506-234-5678", []),
        ("IT", "+39 06 6981 2345", ["RES-022"]),  # +39 06 698: the Vatican, not Italy
        ("IT", "+39 06 4123 4567", []),  # Rome
        ("EU", "+358 18 123456", []),  # Aland: Finland, in the EU (AX)
        ("EU", "+44 7400 123456", ["RES-022"]),  # the UK left the EU
        ("CN", "+852 5123 4567", ["RES-022"]),  # Hong Kong is not mainland China
        ("CN", "+1 555 0100", ["RES-022"]),  # not a valid number of any country
    ],
)
def test_numbers_are_attributed_by_libphonenumbers_metadata_not_by_calling_code(
    code: str, number: str, expected: list[str]
) -> None:
    assert sms_rules(code, number) == expected


def test_a_refused_number_says_where_it_rings_and_can_be_declared() -> None:
    findings, _ = engine("CN").check(
        Subject(SNS, "s", {"protocol": "sms", "endpoint": "+1 201-555-0123"}, provider("CN"))
    )
    assert [(f.rule.id, f.path, f.value) for f in findings] == [("RES-022", "endpoint", "+1 201-555-0123")]
    assert "in US" in findings[0].detail and "+<prefix>*" in findings[0].rule.fix


EVENTBRIDGE = "alicloud:eventbridge/rule:Rule"


def sms_target(
    numbers: str, *, form: str = "CONSTANT", camel: bool = False, sign: str = "Fleet", region: str = "cn-shanghai"
) -> dict[str, object]:
    """An EventBridge rule with an acs.sms target (EventBridge "event target parameters": PhoneNumbers, SignName,
    TemplateCode, TemplateParam), in the provider's snake_case or the engine's camelCase keys."""
    key, params = ("resourceKey", "paramLists") if camel else ("resource_key", "param_lists")
    return {
        "event_bus_name": "fleet",
        "rule_name": "texts",
        "targets": [
            {
                "target_id": "sms",
                "type": "acs.sms",
                "endpoint": f"acs:sms:{region}:1234567890",
                params: [
                    {key: "PhoneNumbers", "form": form, "value": numbers},
                    {key: "SignName", "form": "CONSTANT", "value": sign},
                    {key: "TemplateCode", "form": "CONSTANT", "value": "SMS_123456789"},
                    {
                        key: "TemplateParam",
                        "form": "TEMPLATE",
                        "value": '{"s":"$.subject"}',
                        "template": '{"c":"${s}"}',
                    },
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("type_", "props", "expected"),
    [
        # Several numbers in one field, each judged: one foreign number cannot hide behind a resident one.
        ("alicloud:dts/jobMonitorRule:JobMonitorRule", {"phone": "+8613123456789,+8613123456780"}, []),
        ("alicloud:dts/jobMonitorRule:JobMonitorRule", {"phone": "+8613123456789,+85251234567"}, ["RES-022"]),
        (
            "alicloud:log/alert:Alert",
            {"notification_lists": [{"type": "SMS", "mobile_lists": ["+85251234567"]}]},
            ["RES-022"],
        ),
        ("alicloud:arms/alertContact:AlertContact", {"phone_num": "+8613123456789"}, []),
        ("alicloud:arms/alertContact:AlertContact", {"phone_num": "1381111 1111"}, ["RES-022"]),
        # An MNS subscription's endpoint is a number only for SMS; a URL there is judged as a host.
        ("alicloud:message/serviceSubscription:ServiceSubscription", {"endpoint": "+8613123456789"}, []),
        (
            "alicloud:message/serviceSubscription:ServiceSubscription",
            {"endpoint": "https://hooks.example.com"},
            ["RES-015"],
        ),
        # An EventBridge acs.sms target texts each event to its PhoneNumbers parameter (the pair's value).
        (EVENTBRIDGE, sms_target("+85251234567"), ["RES-022"]),
        (EVENTBRIDGE, sms_target("+86 138 0013 8000"), []),
        (EVENTBRIDGE, sms_target("+8613800138000,+14155552671"), ["RES-022"]),
        (EVENTBRIDGE, sms_target("13800138000"), ["RES-022"]),  # no country code: never proven, as elsewhere
        # A JSONPATH value is taken from each event: whoever writes the event chooses the number (RES-022 since
        # stop 40; it passed before, as a Connect flow's dynamic transfer number still does).
        (EVENTBRIDGE, sms_target("$.data.phone", form="JSONPATH"), ["RES-022"]),
        (EVENTBRIDGE, sms_target("$.data.phone", form="JSONPATH", camel=True), ["RES-022"]),
        # The policy pack sees the engine's camelCase keys.
        (EVENTBRIDGE, sms_target("+85251234567", camel=True), ["RES-022"]),
        # The template parameters and signature beside the numbers are no numbers.
        (EVENTBRIDGE, sms_target("+8613800138000", sign="13800138000"), []),
        # A Message Center contact's phone takes the account's subscribed messages by text and voice.
        (
            "alicloud:index/mscSubContract:MscSubContract",
            {"contact_name": "ops", "position": "Other", "mobile": "+85251234567"},
            ["RES-022"],
        ),
        ("alicloud:index/mscSubContract:MscSubContract", {"contact_name": "ops", "mobile": "+8613800138000"}, []),
        # Cloud Firewall notify_configs and SchedulerX alarm contacts (coverage red team, stop 33).
        (
            "alicloud:cloudfirewall/userAlarmConfig:UserAlarmConfig",
            {"notify_configs": [{"notify_type": "sms", "notify_value": "+85251234567"}]},
            ["RES-022"],
        ),
        (
            "alicloud:schedulerx/job:Job",
            {"job_monitor_info": {"contact_infos": [{"user_phone": "+8613800138000"}]}},
            [],
        ),
        (
            "alicloud:schedulerx/job:Job",
            {"job_monitor_info": {"contact_infos": [{"user_phone": "+14155552671"}]}},
            ["RES-022"],
        ),
        ("alicloud:schedulerx/appGroup:AppGroup", {"monitor_contacts_json": '[{"userPhone": "+8613800138000"}]'}, []),
        (
            "alicloud:schedulerx/appGroup:AppGroup",
            {"monitor_contacts_json": '[{"userName": "oncall", "userPhone": "+85251234567"}]'},
            ["RES-022"],
        ),
        # SchedulerX alarm contacts (stop 33): a job's `user_phone`, an application group's custom contacts (JSON).
        (
            "alicloud:schedulerx/job:Job",
            {"job_monitor_info": {"contact_infos": [{"user_name": "ops", "user_phone": "+85251234567"}]}},
            ["RES-022"],
        ),
        (
            "alicloud:schedulerx/job:Job",
            {"job_monitor_info": {"contact_infos": [{"user_name": "ops", "user_phone": "+86 138 0013 8000"}]}},
            [],
        ),
        (
            "alicloud:schedulerx/appGroup:AppGroup",
            {"monitor_contacts_json": '[{"userName": "ops", "userPhone": "+14155552671"}]'},
            ["RES-022"],
        ),
        ("alicloud:schedulerx/appGroup:AppGroup", {"monitor_contacts_json": '[{"userPhone": "+8613800138000"}]'}, []),
        # A Resource Directory message contact's phone is mainland-only ("86-<number>"): the service refuses others.
        ("alicloud:resourcemanager/messageContact:MessageContact", {"phone_number": "86-18626811111"}, []),
        # ... so a number with another country code there is judged by that code (stop 33).
        ("alicloud:resourcemanager/messageContact:MessageContact", {"phone_number": "+852-51234567"}, ["RES-022"]),
        # DTS jobs' alarm phones take mainland mobiles only, written without +86 (national_country CN, stop 33).
        (DTS_SYNC, {"delay_notice": True, "delay_phone": "13800138000,13900139000"}, []),
        (DTS_SYNC, {"error_notice": True, "error_phone": "+86 138 0013 8000"}, []),
        (DTS_SYNC, {"error_notice": True, "error_phone": "+81 90 1234 5678"}, ["RES-022"]),
        (DTS_SYNC, {"error_notice": True, "error_phone": "819012345678"}, ["RES-022"]),  # no valid mainland number
        (DTS_SUBSCRIPTION, {"delay_notice": True, "delay_phone": "13800138000"}, []),
        (DTS_SUBSCRIPTION, {"error_notice": True, "error_phone": "13800138000,+14155552671"}, ["RES-022"]),
        # A field with no national country still refuses a number without its country code.
        ("alicloud:dts/jobMonitorRule:JobMonitorRule", {"phone": "13800138000"}, ["RES-022"]),
    ],
)
def test_alibaba_phone_fields(type_: str, props: dict[str, object], expected: list[str]) -> None:
    subject = Subject(type_, "r", props, ProviderRef("alicloud", "p", "cn-shanghai"))
    assert [f.rule.id for f in engine("CN").check(subject)[0]] == expected


MNS = "alicloud:mns/topicSubscription:TopicSubscription"
# Jurisdictions with an Alibaba Cloud region (an MNS topic is regional), each judged through a pinned provider.
ALI_CODES = sorted(code for code, j in CATALOGUE.jurisdictions.items() if j.alicloud.regions)


@pytest.mark.parametrize("code", sorted(c for c in ALI_CODES if c != "CN"))
@pytest.mark.parametrize(("type_", "key"), [(DTS_SYNC, "delay_phone"), (DTS_SUBSCRIPTION, "error_phone")])
def test_a_mainland_only_phone_field_is_a_transfer_to_china_elsewhere(code: str, type_: str, key: str) -> None:
    # The field's national numbers are mainland China's: texted from an EU or JP stack they leave the jurisdiction.
    ali = ProviderRef("alicloud", "p", min(CATALOGUE.get(code).alicloud.regions))
    findings = engine(code).check(Subject(type_, "j", {key: "13800138000"}, ali))[0]
    assert [f.rule.id for f in findings] == ["RES-022"]
    assert "is a number in CN (the field takes only CN numbers)" in findings[0].detail


@given(st.sampled_from(REGIONS))
def test_a_mainland_only_phone_field_reads_national_numbers_as_mainland(region: str) -> None:
    # A mobile of any country written nationally in a DTS alarm field is proven only when it is a valid mainland
    # number; written with its country code it is judged by that code.
    number = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    if number is None:
        return
    national = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    cn = ProviderRef("alicloud", "p", "cn-shanghai")
    rules = [f.rule.id for f in engine("CN").check(Subject(DTS_SYNC, "j", {"error_phone": national}, cn))[0]]
    assert rules == ([] if region == "CN" else ["RES-022"])
    digits = str(number.national_number)
    if not is_phone_shaped(digits):
        return  # too short to be read as a number in any phone field (Tokelau's four digits)
    read_as = country_of(digits, "CN")
    assert read_as in (None, "CN")  # a national number is never taken for another country's
    rules = [f.rule.id for f in engine("CN").check(Subject(DTS_SYNC, "j", {"error_phone": digits}, cn))[0]]
    assert rules == ([] if read_as == "CN" else ["RES-022"])


def mns_rules(code: str, endpoint: str, accounts: frozenset[str] = frozenset()) -> list[str]:
    ali = ProviderRef("alicloud", "p", min(CATALOGUE.get(code).alicloud.regions), accounts=accounts)
    subject = Subject(MNS, "s", {"topic_name": "alarms", "name": "s", "endpoint": endpoint}, ali)
    return [f.rule.id for f in engine(code).check(subject)[0]]


@given(
    st.sampled_from(ALI_CODES),
    st.sampled_from(REGIONS),
    st.sampled_from([PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL]),
    st.sampled_from(["sms:directsms:", "SMS:DirectSMS:"]),
)
def test_an_mns_sms_endpoint_is_judged_by_its_number(code: str, region: str, style: int, scheme: str) -> None:
    # sms:directsms:{Phone}: the number after the scheme, exactly as a bare number in a phone field.
    number = example(region)
    assert number is not None
    written = phonenumbers.format_number(number, style)
    expected = [] if region in CATALOGUE.get(code).countries else ["RES-022"]
    assert mns_rules(code, f"{scheme}{written}") == expected


@given(
    st.sampled_from(ALI_CODES),
    st.sampled_from(REGIONS),
    st.sampled_from([PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL]),
)
def test_an_eventbridge_sms_target_is_judged_by_its_numbers(code: str, region: str, style: int) -> None:
    # PhoneNumbers of an acs.sms target, exactly as a bare number in a phone field, and as the engine's camelCase.
    number = example(region)
    assert number is not None
    written = phonenumbers.format_number(number, style)
    expected = [] if region in CATALOGUE.get(code).countries else ["RES-022"]
    ali = ProviderRef("alicloud", "p", min(CATALOGUE.get(code).alicloud.regions))
    for camel in (False, True):
        subject = Subject(EVENTBRIDGE, "r", sms_target(written, camel=camel, region=str(ali.region)), ali)
        assert [f.rule.id for f in engine(code).check(subject)[0]] == expected


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("sms:directsms:+86 138 0013 8000", []),
        ("sms:directsms:+14155552671", ["RES-022"]),
        ("sms:directsms:13800138000", ["RES-022"]),  # no country code: never proven, as elsewhere
        # The numbers come with each published message: nothing in the stack names them.
        ("sms:directsms:anonymous", ["RES-022"]),
        # The subscription's other endpoint forms are judged as before.
        ("mail:directmail:oncall@partner.example.com", ["RES-015"]),
        ("https://hooks.example.com/mns", ["RES-015"]),
        # A queue's ARN names its owner account: under a provider that assumes no role nothing proves it the stack's
        # own (RES-023, since stop 40); under one assuming a role of that account it is (test below).
        ("acs:mns:cn-shanghai:123456789:queues/alarms", ["RES-023"]),
        ("acs:mns:ap-southeast-1:123456789:queues/alarms", ["RES-005"]),  # an ACS ARN outside CN
    ],
)
def test_mns_topic_subscription_endpoints(endpoint: str, expected: list[str]) -> None:
    assert mns_rules("CN", endpoint) == expected


def test_an_mns_queue_endpoint_of_the_providers_account_passes() -> None:
    # The provider assumes a role of account 123456789: the queue is the stack's own.
    assert mns_rules("CN", "acs:mns:cn-shanghai:123456789:queues/alarms", frozenset({"123456789"})) == []


def test_an_anonymous_sms_endpoint_says_why_and_can_be_declared() -> None:
    from components.residency.destinations import parse_destinations

    ali = ProviderRef("alicloud", "p", "cn-shanghai")
    subject = Subject(MNS, "s", {"topic_name": "alarms", "name": "s", "endpoint": "sms:directsms:anonymous"}, ali)
    findings, _ = engine("CN").check(subject)
    assert "come with each message" in findings[0].detail
    entry = {"id": "sms", "kind": "resident", "match": "sms:directsms:anonymous", "evidence": "+86 only, OPS-77"}
    declared, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in declared] == [("RES-022", "sms")]


def _transfer_flow(number: str) -> str:
    parameters = {"ThirdPartyPhoneNumber": number, "ThirdPartyConnectionTimeLimitSeconds": "30"}
    action = {"Identifier": "t", "Type": "TransferParticipantToThirdParty", "Transitions": {}, "Parameters": parameters}
    return json.dumps({"Version": "2019-10-30", "StartAction": "t", "Actions": [action]})


@pytest.mark.parametrize(
    ("type_", "props", "expected"),
    [
        ("aws:connect/phoneNumber:PhoneNumber", {"country_code": "US", "type": "DID"}, []),
        ("aws:connect/phoneNumber:PhoneNumber", {"country_code": "MX", "type": "DID"}, ["RES-022"]),
        ("aws:pinpoint/smsvoicev2PhoneNumber:Smsvoicev2PhoneNumber", {"iso_country_code": "us"}, []),
        ("aws:pinpoint/smsvoicev2PhoneNumber:Smsvoicev2PhoneNumber", {"iso_country_code": "CA"}, ["RES-022"]),
        # A sender ID and a pool are registered for one country: texts sent with them go through its carriers.
        ("aws:pinpoint/smsvoicev2SenderId:Smsvoicev2SenderId", {"sender_id": "FLEET", "iso_country_code": "US"}, []),
        (
            "aws:pinpoint/smsvoicev2SenderId:Smsvoicev2SenderId",
            {"sender_id": "FLEET", "iso_country_code": "GB"},
            ["RES-022"],
        ),
        ("aws:pinpoint/smsvoicev2Pool:Smsvoicev2Pool", {"iso_country_code": "US", "message_type": "TRANSACTIONAL"}, []),
        (
            "aws:pinpoint/smsvoicev2Pool:Smsvoicev2Pool",
            {"iso_country_code": "MX", "message_type": "TRANSACTIONAL"},
            ["RES-022"],
        ),
        # calling_regions is a list of countries, not AWS regions (its key says "regions").
        ("aws:chime/voiceConnectorTermination:VoiceConnectorTermination", {"calling_regions": ["US"]}, []),
        (
            "aws:chime/voiceConnectorTermination:VoiceConnectorTermination",
            {"calling_regions": ["US", "CA"]},
            ["RES-022"],
        ),
        # A call transfer to an external number, an agent's desk phone.
        (
            "aws:connect/quickConnect:QuickConnect",
            {
                "quick_connect_config": {
                    "quick_connect_type": "PHONE_NUMBER",
                    "phone_configs": [{"phone_number": "+15062345678"}],
                }
            },
            ["RES-022"],
        ),
        (
            "aws:connect/user:User",
            {"phone_config": {"phone_type": "DESK_PHONE", "desk_phone_number": "+12015550123"}},
            [],
        ),
        # The numbers the Shield Response Team calls about DDoS escalations.
        (
            "aws:shield/proactiveEngagement:ProactiveEngagement",
            {
                "enabled": True,
                "emergency_contacts": [{"email_address": "soc@mail.example.com", "phone_number": "+12015550123"}],
            },
            ["RES-015"],
        ),
        (
            "aws:shield/proactiveEngagement:ProactiveEngagement",
            {
                "enabled": True,
                "emergency_contacts": [{"email_address": "soc@mail.example.com", "phone_number": "+15062345678"}],
            },
            ["RES-015", "RES-022"],
        ),
        # An account's alternate contact: AWS calls it about the account's billing, operations or security issues.
        (
            "aws:account/alternativeContact:AlternativeContact",
            {
                "alternate_contact_type": "OPERATIONS",
                "email_address": "ops@mail.example.com",
                "phone_number": "+12015550123",
            },
            ["RES-015"],
        ),
        (
            "aws:account/alternativeContact:AlternativeContact",
            {
                "alternate_contact_type": "OPERATIONS",
                "email_address": "ops@mail.example.com",
                "phone_number": "+525512345678",
            },
            ["RES-015", "RES-022"],
        ),
        # A flow's "Transfer to phone number" action (the flow is a JSON document); a number set dynamically is none.
        ("aws:connect/contactFlow:ContactFlow", {"content": _transfer_flow("+12015550123")}, []),
        ("aws:connect/contactFlow:ContactFlow", {"content": _transfer_flow("+15062345678")}, ["RES-022"]),
        ("aws:connect/contactFlowModule:ContactFlowModule", {"content": _transfer_flow("+525512345678")}, ["RES-022"]),
        ("aws:connect/contactFlow:ContactFlow", {"content": _transfer_flow("$.Attributes.escalation")}, []),
    ],
)
def test_aws_phone_and_country_fields(type_: str, props: dict[str, object], expected: list[str]) -> None:
    assert [f.rule.id for f in engine("US").check(Subject(type_, "r", props, provider("US")))[0]] == expected


@pytest.mark.parametrize(
    ("props", "expected"),
    [
        # The provider takes a number for a string field, so 8613123456789 is the same phone as "8613123456789":
        # written without "+", it is never proven.
        ({"phone": 8613123456789, "delay_rule_time": 10}, ["RES-022"]),
        ({"phone": "+86 131 2345 6789", "delay_rule_time": 10}, []),  # other numbers name no place
    ],
)
def test_a_number_given_as_an_integer_is_judged_as_its_digits(props: dict[str, object], expected: list[str]) -> None:
    subject = Subject(
        "alicloud:dts/jobMonitorRule:JobMonitorRule", "r", props, ProviderRef("alicloud", "p", "cn-shanghai")
    )
    findings = engine("CN").check(subject)[0]
    assert [f.rule.id for f in findings] == expected
    assert all("has no country code" in f.detail for f in findings)


def test_e_mail_and_hosts_in_phone_fields_are_judged_as_before() -> None:
    channel = "aws:ssmcontacts/contactChannel:ContactChannel"
    mail = Subject(
        channel, "c", {"type": "EMAIL", "delivery_address": {"simple_address": "a@corp.example.com"}}, provider("EU")
    )
    assert [f.rule.id for f in engine("EU").check(mail)[0]] == ["RES-015"]
    gateway = Subject("aws:ec2/customerGateway:CustomerGateway", "g", {"ip_address": "203.0.113.10"}, provider("EU"))
    assert [f.rule.id for f in engine("EU").check(gateway)[0]] == ["RES-015"]  # an IP address is not a number


def test_normalise_and_country_of() -> None:
    assert normalise(" +49 (151) 2345-6789 ") == "+4915123456789"
    assert country_of("+4915123456789") == "DE"
    assert country_of("4915123456789") is None  # no "+": not attributed
    assert country_of("+999123") is None


def test_the_engine_imports_phonenumbers_only_when_it_judges_a_number() -> None:
    # The guard's hot path and the plan's start-up must not pay for libphonenumber's metadata.
    script = (
        "import sys\n"
        "from components.residency import ProviderRef, RuleEngine, Subject\n"
        "e = RuleEngine('CN')\n"
        "p = ProviderRef('aws', 'p', 'cn-north-1')\n"
        f"e.check(Subject({SNS!r}, 's', {{'protocol': 'email', 'endpoint': 'a@b.cn'}}, p))\n"
        "assert 'phonenumbers' not in sys.modules\n"
        f"e.check(Subject({SNS!r}, 's', {{'protocol': 'sms', 'endpoint': '+8613123456789'}}, p))\n"
        "assert 'phonenumbers' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True)
