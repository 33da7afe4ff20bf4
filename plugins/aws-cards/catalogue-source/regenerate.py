#!/usr/bin/env python3
"""Regenerate (or check) the AWS service-name source files for the aws-cards catalogue.

Source: the npm package aws-sdk@2.1693.0 (AWS SDK for JavaScript v2, Apache-2.0,
Copyright Amazon.com, Inc. or its affiliates).

Writes, next to this script:
  metadata.json      verbatim copy of package/apis/metadata.json
  service-names.tsv  sdk_key, api_file, service_full_name, service_abbreviation
                     (one row per metadata.json key, sorted by key; api_file is the
                     newest <prefix>-<yyyy-mm-dd>.min.json of that key)

Usage:
  python3 regenerate.py          rewrite both files from the package
  python3 regenerate.py --check  write nothing; exit 1 and list every difference
                                 if the committed files differ from the package

Needs python3 (stdlib only) and npm on PATH with access to the npm registry.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "aws-sdk"
VERSION = "2.1693.0"
# dist.integrity of aws-sdk@2.1693.0 as published on the npm registry.
INTEGRITY = ("sha512-cJmb8xEnVLT+R6fBS5sn/EFJiX7tUnDaPtOPZ1vFbOJtd0fnZn/Ky2XGgsvvoeliWeH7mL3TWSX5zXXGSQV6gQ==")

HERE = os.path.dirname(os.path.abspath(__file__))
METADATA_FILE = "metadata.json"
TSV_FILE = "service-names.tsv"
TSV_HEADER = ["sdk_key", "api_file", "service_full_name", "service_abbreviation"]


def fetch_package(workdir):
    """npm pack the pinned version into workdir, verify its integrity, extract it; return package dir."""
    proc = subprocess.run(
        ["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"],
        cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    if proc.returncode != 0:
        sys.exit(f"npm pack {PACKAGE}@{VERSION} failed:\n{proc.stderr.strip()}")
    tgz = os.path.join(workdir, proc.stdout.strip().splitlines()[-1])
    with open(tgz, "rb") as fh:
        digest = "sha512-" + base64.b64encode(hashlib.sha512(fh.read()).digest()).decode("ascii")
    if digest != INTEGRITY:
        sys.exit(f"integrity mismatch for {os.path.basename(tgz)}: got {digest}, expected {INTEGRITY}")
    out = os.path.join(workdir, "x")
    os.mkdir(out)
    with tarfile.open(tgz, "r:gz") as tar:
        members = [m for m in tar.getmembers()
                   if m.name.startswith("package/apis/") and (m.isfile() or m.isdir())]
        for m in members:
            if os.path.isabs(m.name) or ".." in m.name.split("/"):
                sys.exit(f"unsafe path in tarball: {m.name}")
        if hasattr(tarfile, "data_filter"):
            tar.extractall(out, members=members, filter="data")
        else:
            tar.extractall(out, members=members)
    return os.path.join(out, "package")


def build(package_dir):
    """Return (metadata_bytes, tsv_text) derived from the extracted package."""
    apis = os.path.join(package_dir, "apis")
    with open(os.path.join(apis, METADATA_FILE), "rb") as fh:
        metadata_bytes = fh.read()
    metadata = json.loads(metadata_bytes.decode("utf-8"))
    files = os.listdir(apis)
    lines = ["\t".join(TSV_HEADER)]
    for key in sorted(metadata):
        prefix = metadata[key].get("prefix", key)
        pattern = re.compile(re.escape(prefix) + r"-\d{4}-\d{2}-\d{2}\.min\.json")
        candidates = sorted(f for f in files if pattern.fullmatch(f))
        if not candidates:
            sys.exit(f"no API file for key {key!r} (prefix {prefix!r})")
        api_file = candidates[-1]
        with open(os.path.join(apis, api_file), encoding="utf-8") as fh:
            meta = json.load(fh)["metadata"]
        row = [key, api_file, meta.get("serviceFullName", ""), meta.get("serviceAbbreviation", "")]
        for value in row:
            if any(c in value for c in "\t\r\n"):
                sys.exit(f"unexpected tab/newline in {key}: {value!r}")
        lines.append("\t".join(row))
    return metadata_bytes, "\n".join(lines) + "\n"


def read_bytes(path):
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def diff_metadata(committed, expected):
    if committed is None:
        return [f"{METADATA_FILE}: missing"]
    if committed == expected:
        return []
    try:
        have = json.loads(committed.decode("utf-8"))
    except ValueError as exc:
        return [f"{METADATA_FILE}: not valid JSON ({exc})"]
    want = json.loads(expected.decode("utf-8"))
    out = []
    for key in sorted(set(have) | set(want)):
        if key not in have:
            out.append(f"{METADATA_FILE}: key {key!r} missing")
        elif key not in want:
            out.append(f"{METADATA_FILE}: key {key!r} not in package")
        elif have[key] != want[key]:
            out.append(f"{METADATA_FILE}: key {key!r} differs: {json.dumps(have[key])} != package {json.dumps(want[key])}")
    if not out:
        out.append(f"{METADATA_FILE}: same JSON content but not a byte-for-byte copy (formatting/whitespace)")
    return out


def diff_tsv(committed, expected):
    if committed is None:
        return [f"{TSV_FILE}: missing"]
    if committed == expected.encode("utf-8"):
        return []
    try:
        text = committed.decode("utf-8")
    except UnicodeDecodeError:
        return [f"{TSV_FILE}: not UTF-8"]
    out = []
    if "\r" in text:
        out.append(f"{TSV_FILE}: contains CR characters (must be LF only)")
        text = text.replace("\r\n", "\n")
    have_lines = text.split("\n")
    want_lines = expected.split("\n")
    if have_lines[0] != want_lines[0]:
        out.append(f"{TSV_FILE}: header is {have_lines[0]!r}, expected {want_lines[0]!r}")

    def rows(lines):
        result = {}
        for n, line in enumerate(lines[1:], start=2):
            if line == "":
                continue
            cells = line.split("\t")
            result.setdefault(cells[0], (n, cells))
        return result

    have, want = rows(have_lines), rows(want_lines)
    for key in sorted(set(have) | set(want)):
        if key not in have:
            out.append(f"{TSV_FILE}: row {key!r} missing (expected {want[key][1]})")
        elif key not in want:
            out.append(f"{TSV_FILE}: line {have[key][0]}: row {key!r} not in package")
        elif have[key][1] != want[key][1]:
            n, cells = have[key]
            wanted = want[key][1]
            for i, col in enumerate(TSV_HEADER):
                h = cells[i] if i < len(cells) else "<absent>"
                w = wanted[i] if i < len(wanted) else "<absent>"
                if h != w:
                    out.append(f"{TSV_FILE}: line {n}: {key} {col} is {h!r}, package gives {w!r}")
            if len(cells) != len(wanted):
                out.append(f"{TSV_FILE}: line {n}: {key} has {len(cells)} columns, expected {len(wanted)}")
    if not out:
        out.append(f"{TSV_FILE}: same rows but different order, duplicates or blank lines")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the committed files differ from the package")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="aws-sdk-pack-") as workdir:
        metadata_bytes, tsv_text = build(fetch_package(workdir))

    metadata_path = os.path.join(HERE, METADATA_FILE)
    tsv_path = os.path.join(HERE, TSV_FILE)
    if args.check:
        problems = (diff_metadata(read_bytes(metadata_path), metadata_bytes)
                    + diff_tsv(read_bytes(tsv_path), tsv_text))
        if problems:
            print(f"Out of date with {PACKAGE}@{VERSION} ({len(problems)} difference(s)):")
            for p in problems:
                print("  - " + p)
            print("Run: python3 regenerate.py")
            return 1
        print(f"OK: {METADATA_FILE} and {TSV_FILE} match {PACKAGE}@{VERSION} "
              f"({tsv_text.count(chr(10)) - 1} services)")
        return 0

    with open(metadata_path, "wb") as fh:
        fh.write(metadata_bytes)
    with open(tsv_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(tsv_text)
    print(f"Wrote {METADATA_FILE} and {TSV_FILE} from {PACKAGE}@{VERSION} "
          f"({tsv_text.count(chr(10)) - 1} services)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
