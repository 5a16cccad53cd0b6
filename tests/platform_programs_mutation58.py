"""Mutation search, round 28: stop 57's readers spelled another way, second wave (stop 58, issue 9: mutation58).

Round 28 mutated the stop-57 table programs (the second wave, alired57b, awsred57b, falsealarm57b, scripts57b,
mutation57b, with the mutants tool: 743 mutants; and every stop-57 module's shell, template and setting readers by
hand: ``RuleEngine(code).check`` of EC2 user data, an ROS stack or an Elasticsearch instance, a scratch probe kept out
of the tree; docs/residency.md "Mutation search, round 28 (stop 58)"). Reproduced on the unchanged engine (main
38135ba4), each ``-abroad`` program passing every door with a Region abroad:

- an array ``mapfile`` / ``read -a`` fills from a file, a process substitution or a command's output, used through a
  subscript that is no literal number (``"${RS[@]}"``, ``"${RS[$i]}"``, ``"${RS[i+1]}"``, ``"${RS[-1]}"``): since
  mutation56 the element was held under its computed index (``RS[None]`` for ``@``), a name the resolver never reads;
  ``mapfile -d ,`` looped over ``"${RS[@]}"`` gave the one word ``a,b``; ``read -a RS <<< "$(cmd)"`` was one item;
- an associative array's element assigned by its key (``declare -A M`` then ``M[dr]=<Region>``): no subscript read;
- a substring expansion (``${DR_TARGET:3}`` of ``dr:<Region>``; bash(1) "Substring Expansion"): unread;
- ``printf -v R '%q' "$DR"``: unread (``%q`` of a literal word only);
- an EMR cluster's ``fs.oss.endpoint`` (Hadoop-Aliyun's OSS endpoint) naming a third party's host: not a setting the
  catalogue read;
- the Datadog Agent's site chosen by editing the package's ``datadog.yaml`` in place (``sed -i 's/^# site:.*/site:
  datadoghq.com/'``): an edit of a YAML file was left unread (only a written file's ``site`` was judged).

And a false alarm: ``${M[$k]}`` with ``k`` bound only by ``for k in home`` was RES-009 (every item of M, the key
abroad too); now the loop's keys' items alone (``-home`` passes, ``-abroad``, the loop over ``dr``, is RES-009).

Ids ``mutation58-<code>-<kind>-<home|abroad>`` and ``mutation58-<code>-datadog-site-edited-<us|declared>`` (AWS EU /
US / JP / CN; the declared twin names the market's Datadog site, a transfer from CN), and
``mutation58-<code>-emr-oss-endpoint-<home|partner|declared>`` (Alibaba Cloud CN / JP / DE).
tests/test_realistic_programs.py runs them as CASES (``mutation58-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_alired57b import _HOME as ALI_HOME_REGION
from platform_programs_alired57b import _emr
from platform_programs_config57 import DATADOG_SITE, declared
from platform_programs_mutation53 import AWS_NEIGHBOUR

# The same helpers as rounds 25-27 (one fact, one place): the DR copy, the Regions and the machines.
from platform_programs_mutation56 import _aws, _copy_to, _region

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""


def mapfile_delimited_loop(code: str, where: str) -> str:
    # bash(1) "mapfile": "-d The first character of delim is used to terminate each input line, rather than newline".
    return (f"mapfile -d , -t RS < <(printf %s {AWS_HOME[code]},{_region(code, where)})\n"
            f'for r in "${{RS[@]}}"; do\n  {_copy_to(code, "$r")}\ndone\n')  # fmt: skip


def mapfile_file_indexed(code: str, where: str) -> str:
    # A file the script writes, read by mapfile, each element by a variable subscript (an arithmetic `for` loop).
    return (f"printf '%s\\n' {AWS_HOME[code]} {_region(code, where)} > /etc/fleet/regions\n"
            "mapfile -t RS < /etc/fleet/regions\n"
            f'for ((i = 0; i < ${{#RS[@]}}; i++)); do\n  {_copy_to(code, "${RS[$i]}")}\ndone\n')  # fmt: skip


def read_array_substitution(code: str, where: str) -> str:
    # bash(1) "read": "-a aname The words are assigned to sequential indices of the array variable aname".
    return f'read -r -a RS <<< "$(echo {AWS_HOME[code]} {_region(code, where)})"\n{_copy_to(code, "${RS[1]}")}\n'


def assoc_element_assigned(code: str, where: str) -> str:
    # bash(1) "Arrays": "declare -A name"; "Any element of an array may be assigned to using name[subscript]=value".
    return (f"declare -A M\nM[home]={AWS_HOME[code]}\nM[dr]={_region(code, where)}\nk=dr\n"
            f"{_copy_to(code, '${M[$k]}')}\n")  # fmt: skip


def substring(code: str, where: str) -> str:
    # bash(1) "Substring Expansion": `${parameter:offset}`, the value from the character at offset.
    return f"DR_TARGET=dr:{_region(code, where)}\n{_copy_to(code, '${DR_TARGET:3}')}\n"


def printf_quoted_variable(code: str, where: str) -> str:
    # bash(1) "printf": `-v var` assigns the output; `%q` "causes printf to output the corresponding argument in a
    # format that can be reused as shell input" (a Region is printed as it is).
    return f"DR={_region(code, where)}\nprintf -v R '%q' \"$DR\"\n{_copy_to(code, '$R')}\n"


def assoc_loop_key(code: str, where: str) -> str:
    # The key abroad is always there; the loop takes `home` (passes: the false alarm) or `dr` (refused).
    key = "home" if where == "home" else "dr"
    return (f"declare -A M=([home]={AWS_HOME[code]} [dr]={AWS_NEIGHBOUR[code]})\n"
            f'for k in {key}; do\n  {_copy_to(code, "${M[$k]}")}\ndone\n')  # fmt: skip


REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "mapfile-delimited-loop": (_aws(mapfile_delimited_loop), REGION, AWS_CODES),
    "mapfile-file-indexed": (_aws(mapfile_file_indexed), REGION, AWS_CODES),
    "read-array-substitution": (_aws(read_array_substitution), REGION, AWS_CODES),
    "assoc-element-assigned": (_aws(assoc_element_assigned), REGION, AWS_CODES),
    "substring": (_aws(substring), REGION, AWS_CODES),
    "printf-quoted-variable": (_aws(printf_quoted_variable), REGION, AWS_CODES),
    "assoc-loop-key": (_aws(assoc_loop_key), REGION, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""

OBJECT_STORE = "objects.fleet-partner.example.com"
"""A third party's S3-compatible object store (not Alibaba Cloud's OSS)."""
OBJECT_STORE_DECLARED: dict[str, Any] = {
    "id": "partner-objects", "kind": "resident", "match": OBJECT_STORE,
    "evidence": "the partner's object store, hosted in the market",
}  # fmt: skip


def _emr_oss(code: str, endpoint: str) -> Build:
    # Hadoop-Aliyun's `fs.oss.endpoint` ("Aliyun OSS endpoint to connect to") in the cluster's core-site settings.
    return _emr(code, [("HADOOP-COMMON", "fs.oss.endpoint", endpoint)])


def datadog_site_edited(site: str) -> Callable[[str, str], str]:
    # Datadog "Agent Configuration Files": the package's /etc/datadog-agent/datadog.yaml holds `# site: datadoghq.com`;
    # a script chooses the site by editing that line in place.
    def script(code: str, where: str) -> str:
        return (f"sed -i 's/^# site:.*/site: {site}/' /etc/datadog-agent/datadog.yaml\n"
                "systemctl restart datadog-agent\n")  # fmt: skip

    return script


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation58", KINDS)
    for code in AWS_CODES:
        p = f"mutation58-{code.lower()}-datadog-site-edited"
        out += [(f"{p}-us", code, _aws(datadog_site_edited("datadoghq.com"))(code, "abroad"), {"RES-015"}, []),
                (f"{p}-declared", code, _aws(datadog_site_edited(DATADOG_SITE[code]))(code, "home"), set(),
                 [declared(code, DATADOG_SITE[code])])]  # fmt: skip
    for code in ALI_CODES:
        p = f"mutation58-{code.lower()}-emr-oss-endpoint"
        out += [(f"{p}-home", code, _emr_oss(code, f"oss-{ALI_HOME_REGION[code]}-internal.aliyuncs.com"), set(), []),
                (f"{p}-partner", code, _emr_oss(code, OBJECT_STORE), {"RES-015"}, []),
                (f"{p}-declared", code, _emr_oss(code, OBJECT_STORE), set(), [OBJECT_STORE_DECLARED])]  # fmt: skip
    return out
