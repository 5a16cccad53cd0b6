"""Names a YAML text defines as hosts of its own (falsealarm52, stop 52): a Compose file's services and a Kubernetes
manifest's Services (endpoints.yaml ``service_names``).

``postgres://db:5432/fleet`` beside ``services: {db: ...}`` sends to the project's ``db`` container (Compose puts
every service on the project's network under its name), and ``http://api:8080`` beside a ``kind: Service`` named
``api`` to the Service's pods (the cluster DNS answers for it). :func:`defined_spans` finds the runs of lines of a text
that may be YAML (a here-document's body inside a script, a cloud-config's content, a manifest) and reads each run's
documents; the reference scan (``ReferenceParser``) then reads a URL inside a run whose host is one of the run's names
as that service, not as a host. Only names a document proves are read: a single DNS label for a Compose service, a
Service with a selector, nothing from a document holding a key that makes a name resolve elsewhere (``closed_by``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

from components.residency.documents import DocumentBeyondBounds, yaml_or_none
from components.residency.endpoints import ComposeServices, HostAliases, KubernetesServices, ServiceNames

_YAML_LINE = re.compile(r"[ \t]|-(?:[ \t]|$)|#|---|\.\.\.|$|[\w\"'.-][^:\n]*:(?:[ \t]|$)|[{}][ \t,]*(?:\"|$)")
"""A line that may belong to a YAML block document: indented, a list item, a comment, a document marker, blank, or a
``key:`` line; mutation54: or a flow mapping's brace line (``{``, ``}``, ``{"services": ...``: a Compose file written as
JSON, which YAML reads). A shell command (``cat > f <<'EOF'``, ``EOF``, ``{ cmd; }``) is none, so a here-document's
body is a run of its own."""
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?")
"""One DNS label (a Compose service name may hold ``_``, which Docker's resolver answers too)."""
_SEPARATOR = re.compile(r"^---[ \t]*(?:#.*)?$", re.MULTILINE)
Span = tuple[int, int, frozenset[str]]


def defined_spans(
    text: str, catalogue: ServiceNames, private: Callable[[str], bool], runs: ManifestRuns | None = None
) -> tuple[Span, ...]:
    """(start, end, names) of every run of YAML lines in ``text`` that defines service names (lower case);
    ``private``: whether an address is inside the network (``references.is_private_address``); ``runs``: the text's
    runs as another reader of the same scan read them (:class:`ManifestRuns`)."""
    if catalogue.compose.key not in text and "kind:" not in text and '"kind"' not in text:
        # most texts with a URL: two substring tests in C, no line-anchored scan (every URL text asks); mutation54: the
        # key's word alone, as it may be quoted (`"services":`); config56b: a manifest in JSON (`"kind": "Service"`)
        return ()
    spans: list[Span] = []
    for start, end, maps in runs if runs is not None else _manifest_runs(text, catalogue):
        gateway = catalogue.compose.host_gateway_set_by not in text  # falsealarm53: the daemon may move the gateway
        names = _compose_names(maps, catalogue.compose, private, gateway)
        names |= _kubernetes_names(maps, catalogue.kubernetes)
        names |= _aliased_names(maps, catalogue.host_aliases, private) if catalogue.host_aliases else frozenset()
        if names:
            spans.append((start, end, names))
    return tuple(spans)


class ManifestRuns:
    """(perf59, stop 59) The runs of one text :func:`_manifest_runs` reads, read at most once for the readers of that
    text in one reference scan (``ReferenceParser._urls``: its service names, its networks' dotted aliases, its
    ExternalName targets), which read the same runs: a Compose file's run was parsed by PyYAML once per reader, the
    largest share of the costliest stop-57 / stop-58 table programs. Made per scan and dropped with it (no cache: no
    reading outlives the call that made it); readers only read the documents, never change them."""

    def __init__(self, text: str, catalogue: ServiceNames) -> None:
        self._text, self._catalogue = text, catalogue
        self._runs: tuple[tuple[int, int, list[dict[Any, Any]]], ...] | None = None

    def __iter__(self) -> Iterator[tuple[int, int, list[dict[Any, Any]]]]:
        if self._runs is None:
            self._runs = tuple(_manifest_runs(self._text, self._catalogue))
        return iter(self._runs)


def _manifest_runs(text: str, catalogue: ServiceNames) -> Iterator[tuple[int, int, list[dict[Any, Any]]]]:
    """(start, end, mappings) of each run of YAML lines in ``text`` opening with a line :func:`_markers` finds (a
    Compose file's ``services:``, ``kind: Service``, ``hostAliases:``), its documents read; a run beyond the bounds is
    left out (what cannot be read defines nothing: fail closed)."""
    marker = _markers(catalogue)
    if marker.search(text) is None:
        return
    for start, end, documents in _marked_documents(text, marker):
        if isinstance(documents, list):
            yield start, end, _listed_objects([d for d in documents if isinstance(d, dict)], catalogue.kubernetes)


def _marked_documents(text: str, marker: re.Pattern[str]) -> Iterator[tuple[int, int, list[Any] | str]]:
    """(start, end, documents) of each run of YAML lines in ``text`` (:func:`_yaml_runs`) holding a line ``marker``
    finds, its documents read; for a run beyond the bounds, the bound it passed in their place (the readers of
    names leave it out, the container reader refuses it: fail closed both)."""
    for start, end in _yaml_runs(text):
        run = text[start:end]
        if marker.search(run) is None:
            continue
        try:
            documents: list[Any] | str = [yaml_or_none(part) for part in _SEPARATOR.split(run)]
        except DocumentBeyondBounds as exc:
            documents = exc.bound
        yield start, end, documents


def manifest_containers(
    text: str, lists: tuple[str, ...]
) -> tuple[list[tuple[str, dict[Any, Any]]], list[tuple[str, str]]]:
    """(k8s62, stop 62) The containers of the Kubernetes objects in ``text``'s runs of YAML lines (a manifest a script
    applies: ``kubectl apply -f - <<'EOF'``, a here-document into a file it applies, a k3s manifest): each mapping
    holding an ``image`` in a list under one of ``lists`` (container_forms ``manifest_lists``: a pod spec's
    ``containers``, ``initContainers``, ``ephemeralContainers``) anywhere below an object with a ``kind`` (a Pod, a
    Deployment's, a CronJob's pod template, a ``List``'s items), as (where, container); and the runs beyond the bounds
    as (where, bound), for the caller to refuse (fail closed). Gate: a list key's word and ``kind`` in the text."""
    found: list[tuple[str, dict[Any, Any]]] = []
    beyond: list[tuple[str, str]] = []
    if "kind" not in text or not any(key in text for key in lists):
        return found, beyond
    for start, _, documents in _marked_documents(text, _list_marker(lists)):
        if isinstance(documents, str):
            beyond.append((f"(manifest@{start})", documents))
            continue
        for i, document in enumerate(documents):
            if isinstance(document, dict) and "kind" in document:
                _containers_below(document, lists, f"(manifest@{start})[{i}]", found)
    return found, beyond


@cache
def _list_marker(lists: tuple[str, ...]) -> re.Pattern[str]:
    """A line opening one of ``lists`` (``containers:``, quoted or not, perhaps a flow list on the line); mutation63
    (stop 63): or a JSON key of one anywhere on a line (``{"kind":"Job",...,"containers":[...]}``, a manifest written on
    one line, which YAML reads as JSON: its containers passed every door)."""
    keys = "|".join(re.escape(k) for k in lists)
    return re.compile(rf"^[ \t]*(?:-[ \t]+)?(?P<q>[\"']?)(?:{keys})(?P=q)[ \t]*:|\"(?:{keys})\"[ \t]*:", re.MULTILINE)


def _containers_below(value: Any, lists: tuple[str, ...], where: str, found: list[tuple[str, dict[Any, Any]]]) -> None:
    """Each container (a mapping with an ``image``) in a list under one of ``lists`` below ``value`` (the document's
    nesting is bounded by :func:`yaml_or_none`)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in lists and isinstance(item, list):
                found += [
                    (f"{where}.{key}[{j}]", c) for j, c in enumerate(item) if isinstance(c, dict) and "image" in c
                ]
            elif isinstance(item, (dict, list)):
                _containers_below(item, lists, f"{where}.{key}", found)
    elif isinstance(value, list):
        for j, item in enumerate(value):
            _containers_below(item, lists, f"{where}[{j}]", found)


def _listed_objects(documents: list[dict[Any, Any]], k8s: KubernetesServices) -> list[dict[Any, Any]]:
    """(config56b) ``documents`` with each Kubernetes ``List`` (``kubernetes.list_kinds``: kubectl applies a List's
    ``items`` as its objects) replaced by its items that are mappings; the others as they are."""
    if not k8s.list_kinds or not any(d.get("kind") in k8s.list_kinds for d in documents):
        return documents
    objects: list[dict[Any, Any]] = []
    for document in documents:
        items = document.get("items") if document.get("kind") in k8s.list_kinds else None
        if isinstance(items, list):
            objects += [item for item in items if isinstance(item, dict)]
        else:
            objects.append(document)
    return objects


def external_names(
    text: str, catalogue: ServiceNames, runs: ManifestRuns | None = None
) -> tuple[tuple[int, int, dict[str, str]], ...]:
    """(config56) (start, end, {name: target}) of each run of YAML lines in ``text`` holding a Service whose own name
    is a CNAME (``kubernetes.not_named_by``: ``externalName``, "Services of type ExternalName map a Service to a DNS
    name ... by returning a CNAME record with its value"): each DNS name of that Service (:func:`_service_dns_names`)
    -> the host it names, lower case. A text without the key's word or ``kind:`` pays two substring tests. ``runs``:
    as for :func:`defined_spans`."""
    k8s = catalogue.kubernetes
    if not any(key in text for key in k8s.not_named_by) or ("kind:" not in text and '"kind"' not in text):
        return ()
    spans: list[tuple[int, int, dict[str, str]]] = []
    for start, end, maps in runs if runs is not None else _manifest_runs(text, catalogue):
        objects = [d for d in maps if isinstance(d.get("kind"), str)]
        if any(_holds_key(d, k8s.closed_by) for d in objects):
            continue  # hostNetwork / dnsPolicy: the names resolve elsewhere (as for the Services' own names)
        namespaces = {_namespace(d) for d in objects}
        targets: dict[str, str] = {}
        for service in objects:
            metadata, spec = service.get("metadata"), service.get("spec")
            if service["kind"] != k8s.kind or not isinstance(metadata, dict) or not isinstance(spec, dict):
                continue
            name = metadata.get("name")
            target = next((spec[k] for k in k8s.not_named_by if isinstance(spec.get(k), str)), None)
            if not isinstance(name, str) or not _LABEL.fullmatch(name) or "_" in name or not target:
                continue
            short = namespaces == {_namespace(service)}
            for dns_name in _service_dns_names(name, _namespace(service) or k8s.default_namespace, k8s, short):
                targets[dns_name] = target.strip().lower().rstrip(".")
        if targets:
            spans.append((start, end, targets))
    return tuple(spans)


@cache
def _markers(catalogue: ServiceNames) -> re.Pattern[str]:
    """A line opening a Compose file's services (``services:``) or naming a Service's kind (``kind: Service``).
    mutation54: the key may be quoted (``"services":``, as YAML allows) and open a flow mapping (``"services": {``, a
    Compose file written as JSON, its first line ``{"services": {`` too)."""
    key, kind = re.escape(catalogue.compose.key), re.escape(catalogue.kubernetes.kind)
    services = rf"(?:\{{[ \t]*)?(?P<q>[\"']?){key}(?P=q):[ \t]*(?:\{{.*)?(?:#.*)?$"
    # config55: or a hosts-file list's key (a pod's `hostAliases:`, read by :func:`_aliased_names`)
    aliases = "|".join(re.escape(a.key) for a in catalogue.host_aliases) or "(?!)"
    # config56b: or the kind in JSON's spelling, a pretty-printed line (`"kind": "Service",`) or inside a one-line
    # object (`{"apiVersion": "v1", "kind": "List", "items": [{... "kind": "Service" ...`, a YAML list item's too)
    json_kind = rf'"kind"[ \t]*:[ \t]*"{kind}"[ \t]*,?[ \t]*$|(?:-[ \t]+)?[{{\[][^\n]*"kind"[ \t]*:[ \t]*"{kind}"'
    return re.compile(
        rf"^[ \t]*(?:{services}|kind:[ \t]*[\"']?{kind}[\"']?[ \t]*$|{json_kind}|(?:-[ \t]+)?(?:{aliases}):)",
        re.MULTILINE,
    )


def _yaml_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each maximal run of lines :data:`_YAML_LINE` accepts."""
    start: int | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        if _YAML_LINE.match(line):
            start = pos if start is None else start
        elif start is not None:
            yield start, pos
            start = None
        pos += len(line)
    if start is not None:
        yield start, pos


@cache
def _host_option(option: str) -> re.Pattern[str]:
    """``--add-host NAME:host-gateway`` / ``--add-host=NAME=host-gateway`` (quoted or not): NAME."""
    return re.compile(rf"(?<!\S){re.escape(option)}(?:=|[ \t]+)[\"']?([A-Za-z0-9._-]+)[:=]([A-Za-z0-9.:_-]+)")


def gateway_names(text: str, compose: ComposeServices) -> frozenset[str]:
    """(falsealarm53) The names a script's docker commands map to the machine itself (``--add-host
    host.docker.internal:host-gateway``), lower case; none when the text names the daemon's ``host-gateway-ip`` (it
    may point the gateway anywhere). config54: and the names Podman adds itself (:func:`_automatic_gateway_names`). A
    text without ``host-gateway`` or the engine's name pays two substring tests."""
    engine = compose.automatic_gateway_engine
    names = _automatic_gateway_names(text, compose, engine) if engine and engine in text else frozenset()
    if compose.host_gateway not in text or compose.host_gateway_set_by in text:
        return names
    return names | frozenset(
        m.group(1).lower()
        for m in _host_option(compose.host_option).finditer(text)
        if m.group(2) == compose.host_gateway and _is_host_name(m.group(1).lower())
    )


def _automatic_gateway_names(text: str, compose: ComposeServices, engine: str) -> frozenset[str]:
    """(config54) The names a container engine the script runs (``automatic_gateway_engine``: ``podman``) adds to every
    container's /etc/hosts for the machine itself (``automatic_gateway_names``: ``host.containers.internal``), lower
    case; none when the text names a setting that moves or drops them (``automatic_gateway_set_by``: containers.conf
    ``host_containers_internal_ip``, ``--no-hosts``), and not a name the text maps to another address (``--add-host
    NAME:203.0.113.10``)."""
    if re.search(rf"(?<![\w./-]){re.escape(engine)}\s", text) is None:
        return frozenset()
    if any(setting in text for setting in compose.automatic_gateway_set_by):
        return frozenset()
    moved = {
        m.group(1).lower()
        for m in _host_option(compose.host_option).finditer(text)
        if m.group(2) != compose.host_gateway
    }
    return frozenset({n.lower() for n in compose.automatic_gateway_names} - moved)


def _compose_names(
    documents: list[dict[Any, Any]], compose: ComposeServices, private: Callable[[str], bool], gateway: bool = True
) -> frozenset[str]:
    """The service names of the Compose documents, none from a document where a service holds a ``closed_by`` key
    (``network_mode: host`` uses the machine's DNS) or an ``extra_hosts`` entry mapping a service's name to any address
    (or one not readable); with ``gateway``, also each name an entry maps to ``host-gateway`` (the machine itself);
    falsealarm54: and each name every entry of the document maps to a ``private`` address (into the network)."""
    names: set[str] = set()
    for document in documents:
        services = document.get(compose.key)
        if not isinstance(services, dict) or not services:
            continue
        if any(isinstance(s, dict) and any(k in s for k in compose.closed_by) for s in services.values()):
            continue
        own = {n.lower() for n in services if isinstance(n, str) and _LABEL.fullmatch(n.lower())}
        own |= _compose_aliases(services, own, compose)
        entries = [
            _host_entries(s[compose.host_entries])
            for s in services.values()
            if isinstance(s, dict) and compose.host_entries in s
        ]
        mapped = [entry for found in entries if found is not None for entry in found]
        if None in entries or any(name in own for name, _ in mapped):
            continue  # a service's name (or alias) mapped elsewhere, or entries not read: no name proven (fail closed)
        names |= own
        if gateway:
            names |= {name for name, address in mapped if address == compose.host_gateway and _is_host_name(name)}
        names |= privately_mapped(mapped, private)
    return frozenset(names)


# falsealarm54b (stop 54): `docker network create NET`, then `docker run --network NET --name X` / `--network-alias
# X`: Docker's embedded DNS answers X for the other containers on that user-defined network ("Container name configured
# using --name is used to discover a container within an user-defined docker network"; `--network-alias` "Add
# network-scoped alias for the container"), never for the machine itself nor on the default bridge (no DNS by name).
# So X is defined only on the `docker run` lines of that network's containers (their `-e` URLs): the script's own
# `curl http://X/` stays a host.
def network_spans(text: str, compose: ComposeServices) -> tuple[Span, ...]:
    """(start, end, names) of each ``docker run`` command line (a backslash-newline continues it) attached to a network
    the script itself creates (``compose.network_create``), with the names (``compose.network_names``: ``--name``,
    ``--network-alias``) of every container the text attaches to that network, lower case. A text without the create
    command pays one substring test; a network the text does not create (``host``, the default bridge, one made
    elsewhere) defines nothing. config55: a container joined to the network later (``docker network connect [--alias
    NAME] NET CONTAINER``, ``compose.network_connect``) brings its name and aliases, and its own run line is on the
    network too; a container sharing another's network stack (``--network container:X``) is on X's network; and a
    legacy link's names (``--link NAME[:ALIAS]``, :func:`_link_spans`) are defined on its own line."""
    spans = _link_spans(text, compose) if compose.link_option and compose.link_option in text else ()
    if compose.network_create is None or compose.network_create not in text:
        return spans
    created = set(_created_networks(text, compose.network_create))
    if not created:
        return spans
    connected = _connected(text, compose)
    runs: list[tuple[int, int, set[str], set[str], str | None]] = []
    ids: list[str | None] = []
    for m in _DOCKER_RUN.finditer(text):
        words = _option_values(m.group(0))
        networks = {v for o, v in words if o in compose.network_options}
        names = {v.lower() for o, v in words if o in compose.network_names and _is_host_name(v.lower())}
        mode = _CONTAINER_NETWORK.search(m.group(0)) if "container:" in m.group(0) else None
        runs.append((m.start(), m.end(), networks, names, mode.group(1).lower() if mode else None))
        ids.append(_run_id_variable(text, m.start()))  # config56: `CID=$(docker run -d ...)`
    on: list[str | None] = []
    for (_, _, networks, names, _), run_id in zip(runs, ids, strict=True):
        ids_of = names | {run_id} if run_id is not None else names
        joined = {net for name in ids_of for net, joiners in connected.items() if name in joiners[0]}
        nets = networks | joined
        on.append(nets.pop() if len(nets) == 1 and nets <= created else None)  # several or none: nothing proven
    for i, (_, _, networks, _, shared) in enumerate(runs):
        if shared is not None and not networks:
            owners = {on[k] for k, run in enumerate(runs) if shared in run[3]}
            on[i] = owners.pop() if len(owners) == 1 else None  # config55: `--network container:X`, X's network
    by_network = {net: set(joiners[1]) for net, joiners in connected.items() if net in created}
    for network, (_, _, _, names, _) in zip(on, runs, strict=True):
        if network is not None:
            by_network.setdefault(network, set()).update(names)
    attached = [(start, end, frozenset(by_network[net])) for net, (start, end, *_) in zip(on, runs, strict=True)
                if net is not None and by_network.get(net)]  # fmt: skip
    return spans + tuple(attached)


_CONTAINER_NETWORK = re.compile(r"(?<!\S)--net(?:work)?(?:=|[ \t]+)[\"']?container:([A-Za-z0-9_][A-Za-z0-9._-]*)")
"""(config55) ``--network container:X``: "Reuse another container's network stack" (docker container run)."""


def _connected(text: str, compose: ComposeServices) -> dict[str, tuple[set[str], set[str]]]:
    """(config55) For each network, the containers ``docker network connect [OPTIONS] NETWORK CONTAINER`` joins to it
    and the names they get there (the container's own and each ``--alias``, "Add network-scoped alias for the
    container"), lower case: ``{network: (containers, names)}``. Networks the script does not create are kept too
    (falsealarm55): a container joined to one of them as well is on several networks, and its names prove nothing. A
    command with an option the catalogue does not list joins nothing the engine reads (fail closed)."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    if compose.network_connect is None or compose.network_connect not in text:
        return out
    for m in re.finditer(rf"(?<![\w./-]){re.escape(compose.network_connect)}\b((?:\\\n|[^\n;&|])*)", text):
        # falsealarm55: a redirection (`2>/dev/null`) is no operand
        words = [w.strip("\"'") for w in m.group(1).replace("\\\n", " ").split() if not re.match(r"\d?[<>]", w)]
        operands: list[str] = []
        aliases: set[str] = set()
        i = 0
        while i < len(words):
            word, i = words[i], i + 1
            option, eq, value = word.partition("=")
            if option in compose.connect_value_options:
                value = value if eq else (words[i] if i < len(words) else "")
                i += 0 if eq else 1
                if option in compose.connect_names:
                    aliases.add(value.lower())
            elif word.startswith("-"):
                operands = []
                break  # falsealarm55: an option the catalogue does not list: nothing read
            else:
                operands.append(word)
        by_id = _id_variable(operands[1]) if len(operands) == 2 and "$" in operands[1] else None
        if by_id is not None:
            # config56: a container given by its id in a variable (`CID=$(docker run -d ...)`: docker run -d "prints
            # the container ID"): its aliases are the network's names whichever container it is (the network is the
            # script's own, so is every container on it); `$var` stands for it, the run line that assigns it
            # (:func:`_run_id_variable`) is on the network
            containers, names = out.setdefault(operands[0], (set(), set()))
            containers.add(by_id)
            names |= {n for n in aliases if _is_host_name(n)}
        elif len(operands) == 2 and _is_host_name(operands[1].lower()):
            containers, names = out.setdefault(operands[0], (set(), set()))
            containers.add(operands[1].lower())
            names |= {n for n in (operands[1].lower(), *aliases) if _is_host_name(n)}
    return out


_ID_VARIABLE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")
"""(config56) A container given by a variable, ``$CID`` / ``${CID}`` (quotes already dropped)."""
_RUN_ASSIGNMENT = re.compile(r"(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)=\$\([ \t]*$", re.MULTILINE)
"""(config56) ``NAME=$(`` right before a ``docker run`` on its line: NAME holds the container's ID."""


def _id_variable(word: str) -> str | None:
    """(config56) ``$var`` (lower case) for a container given as a variable (``$CID``, ``${CID}``); None otherwise."""
    m = _ID_VARIABLE.fullmatch(word)
    return f"${m.group(1).lower()}" if m else None


def _run_id_variable(text: str, start: int) -> str | None:
    """(config56) ``$var`` when the ``docker run`` at ``start`` is the whole substitution a variable is assigned on its
    line (``CID=$(docker run -d postgres:16)``: docker run -d "prints the container ID", docker container run), and
    the text assigns that variable once; None otherwise (a reassigned variable names no one container)."""
    m = _RUN_ASSIGNMENT.search(text, text.rfind("\n", 0, start) + 1, start)
    if m is None:
        return None
    name = m.group(1)
    assigned = re.findall(rf"(?<![\w$]){re.escape(name)}=", text)
    return f"${name.lower()}" if len(assigned) == 1 else None


@cache
def _link_option(option: str) -> re.Pattern[str]:
    """``--link NAME[:ALIAS]`` / ``--link=NAME:ALIAS`` (quoted or not): ``NAME[:ALIAS]``."""
    return re.compile(rf"(?<!\S){re.escape(option)}(?:=|[ \t]+)[\"']?([\w.:-]+)")


def _link_spans(text: str, compose: ComposeServices) -> tuple[Span, ...]:
    """(config55) Each ``docker run`` line with a legacy link ``--link NAME[:ALIAS]`` to a container the text runs
    (``--name NAME``), with NAME and ALIAS, lower case: Docker writes both into the linking container's /etc/hosts
    ("--link <name or id>:alias", legacy container links), so they are that container on that line only."""
    named = {v.lower() for m in _DOCKER_RUN.finditer(text) for o, v in _option_values(m.group(0)) if o == "--name"}
    spans: list[Span] = []
    for m in _DOCKER_RUN.finditer(text):
        names: set[str] = set()
        for link in _link_option(compose.link_option or "").finditer(m.group(0)):
            target, _, alias = link.group(1).lower().partition(":")
            if target in named:
                names |= {n for n in (target, alias or target) if _is_host_name(n)}
        if names:
            spans.append((m.start(), m.end(), frozenset(names)))
    return tuple(spans)


_DOCKER_RUN = re.compile(r"(?<![\w./-])(?:docker|podman)[ \t]+(?:container[ \t]+)?(?:run|create)\b(?:\\\n|[^\n;&|])*")
"""A ``docker run`` / ``docker container run`` / ``docker create`` command to the end of its line, a backslash-newline
continuing it, before a ``;``, ``&&`` or ``|``."""
_OPTION_VALUE = re.compile(
    r"(?<!\S)(--[a-z-]+)(?:=|[ \t]+(?:\\\n[ \t]*)?)[\"']?([A-Za-z0-9_][A-Za-z0-9._-]*)[\"']?(?=\s|$)"
)


def _option_values(command: str) -> list[tuple[str, str]]:
    """A docker command's ``--option value`` / ``--option=value`` pairs (long options; quotes dropped)."""
    return [(m.group(1), m.group(2)) for m in _OPTION_VALUE.finditer(command)]


def _created_networks(text: str, create: str) -> Iterator[str]:
    """The networks ``text``'s ``docker network create [OPTIONS] NETWORK`` commands make: the command's last word
    (docker network create's usage: the one operand after the options), a redirection or what follows ``||`` / ``&&`` /
    ``;`` left out."""
    for m in re.finditer(rf"(?<![\w./-]){re.escape(create)}\b([^\n;&|]*)", text):
        words = [w for w in m.group(1).split() if not re.match(r"\d?[<>]", w)]
        if words and _LABEL.fullmatch(words[-1].lower()) and not words[-1].startswith("-"):
            yield words[-1]


# falsealarm54 (stop 54): an `extra_hosts` entry (Compose, "Adds hostname mappings to the container network interface
# configuration (/etc/hosts for Linux)") or `--add-host NAME:ADDRESS` (docker run, "Add a custom host-to-IP mapping")
# naming a private address sends NAME there, as the script's own /etc/hosts line does (`scripts.hosts_file_names`):
# `DATABASE_URL: postgres://fleet@db.fleet.internal:5432/fleet` beside `extra_hosts: ["db.fleet.internal:10.20.1.30"]`
# was RES-015. A name mapped more than once (docker-py #614: "--add-host foo:1.1.1.1 --add-host foo:2.2.2.2 ... will
# map one hostname to two IPs") is taken only when every address is private; a public address defines nothing (the
# name stays a host, judged where it is used).
def privately_mapped(mapped: list[tuple[str, str]], private: Callable[[str], bool]) -> set[str]:
    """The names of ``mapped`` (name, address) entries that map each name only to ``private`` addresses."""
    addresses: dict[str, list[str]] = {}
    for name, address in mapped:
        addresses.setdefault(name, []).append(address)
    return {n for n, found in addresses.items() if _is_host_name(n) and all(private(a) for a in found)}


def added_host_names(text: str, compose: ComposeServices, private: Callable[[str], bool]) -> frozenset[str]:
    """(falsealarm54) The names a script's ``--add-host NAME:ADDRESS`` options map only to ``private`` addresses, lower
    case. A text without the option pays one substring test."""
    if compose.host_option not in text:
        return frozenset()
    mapped = [(m.group(1).lower(), m.group(2).strip("[]")) for m in _host_option(compose.host_option).finditer(text)]
    return frozenset(privately_mapped(mapped, private))


def _host_entries(value: Any) -> list[tuple[str, str]] | None:
    """(falsealarm53) A Compose service's ``extra_hosts`` as (lower-case name, address) pairs: a list of
    ``"name=address"`` or ``"name:address"`` (the name never holds ``:``; an IPv6 address may, ``[::1]`` or bare) or a
    mapping of name to address (Compose file reference, ``extra_hosts``); None when any entry is of another form."""
    items: list[tuple[Any, Any]]
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [tuple(v.split("=" if "=" in v else ":", 1)) if ("=" in v or ":" in v) else (v, None) for v in value]
    else:
        return None
    pairs = [(n.strip().lower(), a.strip().strip("[]")) for n, a in items if isinstance(n, str) and isinstance(a, str)]
    return pairs if len(pairs) == len(items) else None


def _is_host_name(name: str) -> bool:
    """A DNS name of labels :data:`_LABEL` accepts (``host.docker.internal``)."""
    return all(_LABEL.fullmatch(label) for label in name.split("."))


def _compose_aliases(services: dict[Any, Any], own: set[str], compose: ComposeServices) -> set[str]:
    """(config53) The other names the services of one Compose document have on the project's networks: a link's
    ``SERVICE:ALIAS`` where SERVICE is one of ``own`` (a link to a service the document does not define names nothing),
    and each network entry's ``aliases``; falsealarm54: a service's ``container_name``; one DNS label each, as a service
    name; falsealarm56b: a network's dotted alias too where every service joins that network
    (:func:`_shared_networks`)."""
    aliases: set[str] = set()
    dotted: set[str] = set()
    shared = _shared_networks(services, compose) if compose.networks and compose.aliases else set()
    for service in services.values():
        if not isinstance(service, dict):
            continue
        links = service.get(compose.links) if compose.links else None
        for link in links if isinstance(links, list) else ():
            target, colon, alias = str(link).lower().partition(":")
            if colon and target.strip() in own:
                aliases.add(alias.strip())
        named_container = service.get(compose.container_name) if compose.container_name else None
        if isinstance(named_container, str):
            aliases.add(named_container.lower())  # falsealarm54: the container's name, on the project's networks
        networks = service.get(compose.networks) if compose.networks else None
        for network, entry in networks.items() if isinstance(networks, dict) else ():
            named = entry.get(compose.aliases) if isinstance(entry, dict) and compose.aliases else None
            named = {str(a).lower() for a in named} if isinstance(named, list) else set()
            aliases |= named
            if network in shared:
                # falsealarm56b: a dotted alias (`pg.fleet-app.internal`) on a network every service joins
                dotted |= {a for a in named if "." in a and _is_host_name(a)}
    return {a for a in aliases if _LABEL.fullmatch(a)} | dotted


def _shared_networks(services: dict[Any, Any], compose: ComposeServices) -> set[Any]:
    """(falsealarm56b) The networks every service of a Compose document joins (a service naming none is on
    ``default``; one whose ``networks`` is not a list or map: none). Compose Specification, services.networks:
    "aliases declares alternative hostnames for the service on the network. Other containers on the same network can
    use either the service name or this alias", and Docker's embedded DNS answers them before any other resolver, a
    dotted name too; a container on another network asks the machine's resolver for the same name, so a dotted alias
    (which, unlike a bare label, is also a name the world's DNS may answer) is proven only where every service of the
    document is on its network (the document's text is judged as one)."""
    shared: set[Any] | None = None
    for service in services.values():
        joined = _joined_networks(service, compose) if isinstance(service, dict) else {"default"}
        shared = joined if shared is None else shared & joined
    return shared or set()


def network_alias_names(services: Any, service: str, compose: ComposeServices) -> frozenset[str]:
    """(falsealarm57b) The dotted aliases (``db.fleet.internal``) that Compose ``services`` give on the networks
    ``service`` joins (a service naming no ``networks`` is on ``default``), lower case: names Docker's embedded DNS
    answers for that service's containers (Compose Specification, services.networks: "aliases declares alternative
    hostnames for the service on the network. Other containers on the same network can use either the service name
    or this alias"), judged for that service's own values and command only (the engine's walk of the document, by
    service). None where a service of the document holds a ``closed_by`` key (``network_mode: host``) or an
    ``extra_hosts`` entry (fail closed, as :func:`_compose_names`), for a service not in the map, or without the
    catalogue's ``networks`` / ``aliases`` keys. A document whose every service joins the network names the alias for
    the whole text already (falsealarm56b, :func:`_shared_networks`)."""
    if not compose.networks or not compose.aliases or not isinstance(services, dict):
        return frozenset()
    own = services.get(service)
    if not isinstance(own, dict) or any(
        not isinstance(s, dict) or compose.host_entries in s or any(k in s for k in compose.closed_by)
        for s in services.values()
    ):
        return frozenset()
    joined = _joined_networks(own, compose)
    names: set[str] = set()
    for other in services.values():
        networks = other.get(compose.networks)
        for network, entry in networks.items() if isinstance(networks, dict) else ():
            named = entry.get(compose.aliases) if network in joined and isinstance(entry, dict) else None
            for given in named if isinstance(named, list) else ():
                alias = str(given).lower()
                if "." in alias and _is_host_name(alias):
                    names.add(alias)
    return frozenset(names)


def network_alias_spans(text: str, catalogue: ServiceNames, runs: ManifestRuns | None = None) -> tuple[Span, ...]:
    """(falsealarm57b) (start, end, names) of each Compose service's block of lines in ``text`` (its ``NAME:`` line
    under ``services:`` to the next line indented no deeper) with the dotted aliases of the networks it joins
    (:func:`network_alias_names`): for the reference scan's URLs there (``DATABASE_URL:
    postgres://fleet@pg.fleet-app.internal:5432/fleet`` under a service on that network), never for the rest of the
    text. A service whose block is not found once in its run (a name written twice, quoted, or a JSON spelling) gets
    none (fail closed). A text without the catalogue's ``aliases`` key pays one substring test. ``runs``: as for
    :func:`defined_spans`."""
    compose = catalogue.compose
    if not compose.aliases or compose.aliases not in text:
        return ()
    spans: list[Span] = []
    for start, end, maps in runs if runs is not None else _manifest_runs(text, catalogue):
        run = text[start:end]
        for document in maps:
            services = document.get(compose.key)
            for name in services if isinstance(services, dict) else ():
                names = network_alias_names(services, name, compose) if isinstance(name, str) else frozenset()
                heads = list(re.finditer(rf"^([ \t]+){re.escape(name)}:[ \t]*(?:#.*)?$", run, re.M)) if names else []
                if len(heads) != 1:
                    continue
                indent = len(heads[0].group(1))
                close = re.compile(rf"^[ \t]{{0,{indent}}}(?=\S)", re.M).search(run, heads[0].end())
                spans.append((start + heads[0].start(), start + (close.start() if close else len(run)), names))
    return tuple(spans)


def _joined_networks(service: dict[Any, Any], compose: ComposeServices) -> set[Any]:
    """(falsealarm57b) The networks one Compose service joins: ``default`` where it names none; those its ``networks``
    list or map names (all strings); none for another form (fail closed). :func:`_shared_networks`' reading."""
    networks = service.get(compose.networks) if compose.networks else None
    if networks is None:
        return {"default"}
    if isinstance(networks, (dict, list)) and all(isinstance(n, str) for n in networks):
        return set(networks)
    return set()


def _kubernetes_names(documents: list[dict[Any, Any]], k8s: KubernetesServices) -> frozenset[str]:
    """The DNS names of the manifests' Services with a selector: ``<name>.<namespace>.svc.<domain>``,
    ``<name>.<namespace>.svc``, ``<name>.<namespace>``, and ``<name>`` when every object of the manifests is in the
    Service's namespace (a short name is looked up in the asking pod's namespace). None when any object holds a
    ``closed_by`` key."""
    objects = [d for d in documents if isinstance(d.get("kind"), str)]
    if not any(d["kind"] == k8s.kind for d in objects) or any(_holds_key(d, k8s.closed_by) for d in objects):
        return frozenset()
    namespaces = {_namespace(d) for d in objects}
    names: set[str] = set()
    for service in objects:
        metadata, spec = service.get("metadata"), service.get("spec")
        if service["kind"] != k8s.kind or not isinstance(metadata, dict) or not isinstance(spec, dict):
            continue
        name = metadata.get("name")
        if not isinstance(name, str) or not _LABEL.fullmatch(name) or "_" in name or not spec.get(k8s.requires):
            continue
        if any(key in spec for key in k8s.not_named_by):
            continue  # config55: an ExternalName Service is a CNAME to the host it names, not the cluster's pods
        namespace = _namespace(service) or k8s.default_namespace
        names |= _service_dns_names(name, namespace, k8s, namespaces == {_namespace(service)})
    return frozenset(names)


def _service_dns_names(name: str, namespace: str, k8s: KubernetesServices, short: bool) -> set[str]:
    """A Service's DNS names: ``<name>.<namespace>.svc.<domain>``, ``<name>.<namespace>.svc``, ``<name>.<namespace>``,
    and ``<name>`` when ``short`` (every object of the manifests is in its namespace: a short name is looked up in the
    asking pod's namespace)."""
    names = {f"{name}.{namespace}", f"{name}.{namespace}.svc", f"{name}.{namespace}.svc.{k8s.domain}"}
    return names | {name} if short else names


def _aliased_names(
    documents: list[dict[Any, Any]], host_aliases: tuple[HostAliases, ...], private: Callable[[str], bool]
) -> frozenset[str]:
    """(config55) The names the documents' hosts-file lists (``service_names.host_aliases``: a Kubernetes pod's
    ``hostAliases``, each ``ip`` with its ``hostnames``) map only to ``private`` addresses (:func:`privately_mapped`),
    lower case, at any depth (a Deployment's ``spec.template.spec``). An entry not read gives its names no address, so
    they are not defined (fail closed)."""
    mapped: list[tuple[str, str]] = []
    for spec in host_aliases:
        for entries in _values_of(documents, spec.key):
            for entry in entries if isinstance(entries, list) else ():
                names = entry.get(spec.names) if isinstance(entry, dict) else None
                address = entry.get(spec.address) if isinstance(entry, dict) else None
                for name in [names] if isinstance(names, str) else names if isinstance(names, list) else []:
                    if isinstance(name, str):
                        mapped.append((name.lower().rstrip("."), address if isinstance(address, str) else ""))
    return frozenset(privately_mapped(mapped, private))


def _values_of(value: Any, key: str) -> Iterator[Any]:
    """The values of every mapping inside ``value`` (a parsed document, bounded by its reader) under ``key``."""
    if isinstance(value, dict):
        if key in value:
            yield value[key]
        for v in value.values():
            yield from _values_of(v, key)
    elif isinstance(value, list):
        for v in value:
            yield from _values_of(v, key)


def _namespace(document: Mapping[Any, Any]) -> str | None:
    metadata = document.get("metadata")
    namespace = metadata.get("namespace") if isinstance(metadata, dict) else None
    return namespace if isinstance(namespace, str) else None


def _holds_key(value: Any, keys: tuple[str, ...]) -> bool:
    """Whether any mapping inside ``value`` (a parsed document, bounded by its reader) holds one of ``keys``."""
    if isinstance(value, dict):
        return any(k in value for k in keys) or any(_holds_key(v, keys) for v in value.values())
    if isinstance(value, list):
        return any(_holds_key(v, keys) for v in value)
    return False
