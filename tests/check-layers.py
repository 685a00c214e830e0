#!/usr/bin/env python3
"""Fails when the build does not hold pif's layers (docs/architecture.md, "The build holds the
layers"). Run by tests/run-tests.sh after configuring; reads only the build's own description.

Usage: tests/check-layers.py BUILD_DIR

Rules:
  pure      a pure target (the pure libraries of services/common, the engine, every service's
            domain, the renderer, the sample generator) links neither gRPC nor libpqxx, directly
            or through another target;
  services  a target of one service depends on no target of another service;
  shape     inside a service, the domain depends on none of its store, clients, adapter or server;
            store and clients on neither adapter nor server; the adapter on neither store,
            clients nor server;
  includes  every `#include "pif/<owner>/..."` in a target's sources and own headers names a
            header of the target itself or of a target it links (directly or through others).

Inputs: CMake's file API (codemodel-v2: targets and their sources), build/pif-target-roots.txt
(the folder of each pif_library, written at configure time) and `cmake --graphviz` (the link
graph, external libraries included). Prints one line per violation; exit status 1
when there is any, 0 otherwise.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

SERVICES = ("intake", "indicators", "workforce", "reporting")
# Targets that must stay free of gRPC and libpqxx.
PURE = re.compile(
    r"^pif_(core|dates|figures|csv|auth|submission|submission_testing|engine|engine_testing|sample|"
    r"report_render|reporting_framework|proto_messages|proto_util|figures_proto|[a-z]+_domain)$")
# External libraries a pure target must not reach.
FORBIDDEN_EXTERNAL = re.compile(r"(^gRPC::|grpc|PQXX|pqxx|^PkgConfig::PQ$|libpq)")
# Layers of a service's own targets, and what each may not depend on.
LAYER_OF = re.compile(r"^pif_(%s)_(domain|store|clients|adapter|server|testing)$" % "|".join(SERVICES))
FORBIDDEN_LAYERS = {
    "domain": {"store", "clients", "adapter", "server"},
    "store": {"adapter", "server", "clients"},
    "clients": {"adapter", "server", "store"},
    "adapter": {"store", "clients", "server"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"(pif/[^"]+)"', re.M)
GENERATED_PROTO = re.compile(r"^pif/[a-z_]+/v\d+/[a-z_]+\.(grpc\.)?pb\.h$")


def file_api(build_dir):
    """The codemodel of the build: {target name: target json}, and the source root."""
    query = os.path.join(build_dir, ".cmake", "api", "v1", "query", "codemodel-v2")
    if not os.path.exists(query):
        os.makedirs(os.path.dirname(query), exist_ok=True)
        open(query, "w").close()
    subprocess.run(["cmake", build_dir], check=True, stdout=subprocess.DEVNULL)
    reply = os.path.join(build_dir, ".cmake", "api", "v1", "reply")
    index = sorted(f for f in os.listdir(reply) if f.startswith("index-"))[-1]
    with open(os.path.join(reply, index)) as f:
        codemodel_file = json.load(f)["reply"]["codemodel-v2"]["jsonFile"]
    with open(os.path.join(reply, codemodel_file)) as f:
        codemodel = json.load(f)
    source_root = codemodel["paths"]["source"]
    targets = {}
    for entry in codemodel["configurations"][0]["targets"]:
        with open(os.path.join(reply, entry["jsonFile"])) as f:
            target = json.load(f)
        targets[target["name"]] = target
    return targets, source_root


def link_graph(build_dir):
    """{target: set of what it links directly}, external libraries included (cmake --graphviz)."""
    with tempfile.TemporaryDirectory() as work:
        dot = os.path.join(work, "pif.dot")
        subprocess.run(["cmake", "--graphviz=" + dot, build_dir], check=True,
                       stdout=subprocess.DEVNULL)
        with open(dot) as f:
            text = f.read()
    names = dict(re.findall(r'"(node\d+)"\s*\[\s*label\s*=\s*"([^"]+)"', text))
    edges = defaultdict(set)
    for a, b in re.findall(r'"(node\d+)"\s*->\s*"(node\d+)"', text):
        edges[names[a]].add(names[b])
    return edges


def closure(edges, start):
    seen, stack = set(), [start]
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def service_of(name):
    m = re.match(r"^(?:pif_|pif-)(%s)(?:_|$)" % "|".join(SERVICES), name)
    return m.group(1) if m else None


def is_library(target):
    return target["type"] in ("STATIC_LIBRARY", "SHARED_LIBRARY", "OBJECT_LIBRARY",
                              "INTERFACE_LIBRARY")


def in_tests_folder(target, source_root):
    """True for the cross-service tests of tests/ (they start several services' binaries)."""
    paths = [s["path"] for s in target.get("sources", []) if not os.path.isabs(s["path"])]
    return bool(paths) and all(p.startswith("tests/") for p in paths)


def recorded_roots(build_dir):
    """{target: its folder}, as pif_library and pif_test_library recorded them."""
    roots = {}
    with open(os.path.join(build_dir, "pif-target-roots.txt")) as f:
        for line in f:
            if "=" in line:
                name, root = line.strip().split("=", 1)
                roots[name] = root
    return roots


def owners_of_headers(roots):
    """{"pif/x/y.h": target name} for every header under a library's include/ root."""
    owners = {}
    for name, root in sorted(roots.items()):
        include = os.path.join(root, "include")
        for folder, _, files in os.walk(include):
            for file in files:
                rel = os.path.relpath(os.path.join(folder, file), include)
                owners.setdefault(rel, name)
    return owners


def files_to_scan(target, source_root, root):
    """A target's sources; for a library also every header of its own include/ and src/."""
    files = set()
    for source in target.get("sources", []):
        path = source["path"]
        if not os.path.isabs(path):
            path = os.path.join(source_root, path)
        if path.startswith(source_root) and "/build" not in path[len(source_root):]:
            files.add(path)
    if not is_library(target) or root is None:
        return files
    for sub in ("include", "src"):
        for folder, _, names in os.walk(os.path.join(root, sub)):
            files.update(os.path.join(folder, n) for n in names if n.endswith(".h"))
    return files


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    build_dir = os.path.abspath(sys.argv[1])
    targets, source_root = file_api(build_dir)
    edges = link_graph(build_dir)
    roots = recorded_roots(build_dir)
    owners = owners_of_headers(roots)
    problems = []

    for name in sorted(targets):
        reach = closure(edges, name)
        if PURE.match(name):
            bad = sorted(x for x in reach if FORBIDDEN_EXTERNAL.search(x))
            if bad:
                problems.append(f"pure: {name} links {', '.join(bad)}")
        mine = service_of(name)
        if mine and not in_tests_folder(targets[name], source_root):
            others = sorted(x for x in reach if service_of(x) not in (None, mine))
            if others:
                problems.append(f"services: {name} ({mine}) depends on {', '.join(others)}")
            layer = LAYER_OF.match(name)
            if layer and layer.group(2) in FORBIDDEN_LAYERS:
                for dep in sorted(reach):
                    dep_layer = LAYER_OF.match(dep)
                    if (dep_layer and dep_layer.group(1) == mine
                            and dep_layer.group(2) in FORBIDDEN_LAYERS[layer.group(2)]):
                        problems.append(f"shape: {name} ({layer.group(2)}) depends on {dep}")

        allowed = reach | {name}
        for path in sorted(files_to_scan(targets[name], source_root, roots.get(name))):
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
            except OSError:
                continue
            for header in INCLUDE.findall(text):
                if GENERATED_PROTO.match(header):
                    owner = "pif_proto_grpc" if ".grpc.pb.h" in header else "pif_proto_messages"
                else:
                    owner = owners.get(header)
                if owner is None:
                    problems.append(f"includes: {os.path.relpath(path, source_root)} includes "
                                    f"{header}, which no target owns")
                elif owner not in allowed:
                    problems.append(f"includes: {os.path.relpath(path, source_root)} ({name}) "
                                    f"includes {header} of {owner}, which {name} does not link")

    for problem in sorted(set(problems)):
        print(problem)
    print(f"check-layers: {len(targets)} targets, {len(set(problems))} violation(s)",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
