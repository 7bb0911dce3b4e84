#!/usr/bin/env python3
"""Builds the dbapi wheel with the Python standard library only (a wheel is a zip archive).

The wheel holds the package `dbapi_job`: the job wrapper (dbapi_task.py as dbapi_job/task.py), the
static dbapi binary as dbapi_job/bin/dbapi, and config/ and queries/ under dbapi_job/. Its console
entry point `dbapi` (usable as a python_wheel_task entry_point) runs dbapi_job.task:main.

Usage: python3 scripts/build_wheel.py --binary PATH --version X.Y.Z [--out dist] [--root .]
"""
import argparse
import base64
import hashlib
import os
import stat
import zipfile

parser = argparse.ArgumentParser()
parser.add_argument("--binary", required=True)
parser.add_argument("--version", required=True)
parser.add_argument("--out", default="dist")
parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# glibc 2.35 is what the static-stdlib binary needs (objdump -T); Databricks Runtime 13+ has it.
parser.add_argument("--platform", default="manylinux_2_35_x86_64")
args = parser.parse_args()

NAME = "dbapi_job"
DIST = "dbapi_job-%s" % args.version
TAG = "py3-none-%s" % args.platform
records = []


def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def add(archive, name, data, executable=False):
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = ((0o755 if executable else 0o644) | stat.S_IFREG) << 16
    archive.writestr(info, data)
    records.append("%s,%s,%d" % (name, digest(data), len(data)))


os.makedirs(args.out, exist_ok=True)
wheel_path = os.path.join(args.out, "%s-%s.whl" % (DIST, TAG))
with zipfile.ZipFile(wheel_path, "w") as archive:
    add(archive, NAME + "/__init__.py", b'"""dbapi packaged for Databricks wheel tasks; see dbapi_job.task."""\n')
    add(archive, NAME + "/__main__.py", b"import sys\n\nfrom dbapi_job.task import main\n\nsys.exit(main())\n")
    with open(os.path.join(args.root, "scripts", "dbapi_task.py"), "rb") as f:
        add(archive, NAME + "/task.py", f.read())
    with open(args.binary, "rb") as f:
        add(archive, NAME + "/bin/dbapi", f.read(), executable=True)
    for top in ("config", "queries"):
        for directory, _, files in sorted(os.walk(os.path.join(args.root, top))):
            for file in sorted(files):
                path = os.path.join(directory, file)
                relative = os.path.relpath(path, args.root).replace(os.sep, "/")
                with open(path, "rb") as f:
                    add(archive, NAME + "/" + relative, f.read())
    info = DIST + ".dist-info/"
    add(archive, info + "METADATA", (
        "Metadata-Version: 2.1\nName: dbapi-job\nVersion: %s\n"
        "Summary: dbapi: named, parameterized SQL operations for Databricks, as a job task\n"
        "Requires-Python: >=3.8\n" % args.version).encode())
    add(archive, info + "WHEEL", ("Wheel-Version: 1.0\nGenerator: dbapi build_wheel.py\nRoot-Is-Purelib: false\nTag: %s\n" % TAG).encode())
    add(archive, info + "entry_points.txt", b"[console_scripts]\ndbapi = dbapi_job.task:main\n")
    add(archive, info + "top_level.txt", (NAME + "\n").encode())
    record = info + "RECORD"
    records.append("%s,," % record)
    archive.writestr(zipfile.ZipInfo(record, date_time=(2024, 1, 1, 0, 0, 0)), "\n".join(records) + "\n")
print(wheel_path)
