#!/usr/bin/env python3
"""Run dbapi as a Databricks job task (spark_python_task or python_wheel_task).

Standard library only. The job passes its parameters in sys.argv, either as dbapi arguments
(["run", "inventory/status", "--param", "sku=A-1"]) or, for people filling in the Jobs UI, as one
JSON string: a list of arguments, or an object
{"command": "run", "operation": "inventory/status", "params": {"sku": "A-1"}, "args": ["--format", "ndjson"]}.

The wrapper finds the bundled dbapi binary (and makes it executable), points it at the bundled
config/ and queries/, chooses --backend databricks inside a job (DATABRICKS_RUNTIME_VERSION is set)
and mock elsewhere, fills DATABRICKS_HOST and DATABRICKS_TOKEN from the job's runtime context when
they are not set (the token only when no other sign-in method is configured; never printing them), streams dbapi's stdout into the run output, publishes a
small summary as the task value "dbapi" when dbutils is available, and exits with dbapi's status,
so a failed operation fails the job run.
"""
import json
import os
import stat
import subprocess
import sys

SUMMARY_KEY = "dbapi"
SUMMARY_LIMIT = 4096  # bytes of JSON; task values allow 48 KiB, keep ours small
CAPTURE_LIMIT = 8 * 1024 * 1024  # stdout kept for the summary; the rest is only streamed
COMMANDS_WITH_BACKEND = ("run", "query")


def parse_arguments(argv):
    """dbapi arguments from the task's parameters (plain, or one JSON string)."""
    if len(argv) == 1 and argv[0].lstrip()[:1] in ("{", "["):
        try:
            value = json.loads(argv[0])
        except ValueError as error:
            raise SystemExit("dbapi_task: the single parameter looks like JSON but is not: %s" % error)
        if isinstance(value, list):
            return [str(item) for item in value]
        if isinstance(value, dict):
            args = [str(value.get("command", "run"))]
            if "operation" in value:
                args.append(str(value["operation"]))
            if "sql" in value:
                args.append(str(value["sql"]))
            if value.get("params"):
                args += ["--params-json", json.dumps(value["params"])]
            args += [str(item) for item in value.get("args", [])]
            return args
        raise SystemExit("dbapi_task: the JSON parameter must be a list of arguments or an object")
    return list(argv)


def bundle_directory():
    """The directory holding this file (and, in a bundle or wheel, the binary and config)."""
    return os.path.dirname(os.path.abspath(__file__))


def locate_binary(base):
    """$DBAPI_BINARY, else the dbapi binary shipped next to this file."""
    candidates = [os.environ.get("DBAPI_BINARY", "")]
    candidates += [os.path.join(base, "bin", "dbapi"), os.path.join(base, "dbapi"), os.path.join(base, "..", "dbapi")]
    for path in candidates:
        if path and os.path.isfile(path):
            return os.path.abspath(path)
    raise SystemExit("dbapi_task: no dbapi binary found (looked in %s); set DBAPI_BINARY" % ", ".join(c for c in candidates if c))


def ensure_executable(path):
    """Uploads and wheels may drop the run bit; put it back."""
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def locate_root(base):
    """$DBAPI_ROOT, else the first of these directories that holds config/."""
    if os.environ.get("DBAPI_ROOT"):
        return os.environ["DBAPI_ROOT"]
    for path in (base, os.path.join(base, ".."), os.getcwd()):
        if os.path.isdir(os.path.join(path, "config")):
            return os.path.abspath(path)
    return base


def in_databricks_job():
    return bool(os.environ.get("DATABRICKS_RUNTIME_VERSION"))


def runtime_credentials():
    """(host, token) from the Databricks runtime context, or (None, None) outside Databricks."""
    try:
        from dbruntime.databricks_repl_context import get_context  # present on Databricks compute

        context = get_context()
        host = getattr(context, "workspaceUrl", None) or getattr(context, "browserHostName", None)
        return host, getattr(context, "apiToken", None)
    except Exception:  # noqa: BLE001 - any failure means "not available here"
        pass
    try:
        dbutils = load_dbutils()
        context = dbutils.notebook.entry_point.getDbutils().notebook().getContext()
        return context.apiUrl().get(), context.apiToken().get()
    except Exception:  # noqa: BLE001
        return None, None


# Variables that configure how dbapi signs in: with any of them set, the runtime's token is not added (it would make
# a second auth method, which dbapi refuses as ambiguous).
AUTH_VARIABLES = ("DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DATABRICKS_AUTH_TYPE", "DATABRICKS_CONFIG_PROFILE",
                  "ARM_CLIENT_SECRET", "DATABRICKS_OIDC_TOKEN", "DATABRICKS_OIDC_TOKEN_ENV", "DATABRICKS_OIDC_TOKEN_FILEPATH")


def child_environment(base):
    env = dict(os.environ)
    env.setdefault("DBAPI_ROOT", locate_root(base))
    configured = any(env.get(name) for name in AUTH_VARIABLES)
    if in_databricks_job() and (not env.get("DATABRICKS_HOST") or not configured):
        host, token = runtime_credentials()
        if host and not env.get("DATABRICKS_HOST"):
            env["DATABRICKS_HOST"] = host if host.startswith("http") else "https://" + host
        if token and not configured:
            env["DATABRICKS_TOKEN"] = token
    return env


def with_default_backend(args):
    if args and args[0] in COMMANDS_WITH_BACKEND and not any(a == "--backend" or a.startswith("--backend=") for a in args):
        return args + ["--backend", "databricks" if in_databricks_job() else "mock"]
    return args


def run_streaming(command, env):
    """Runs dbapi, copying its stdout to ours as it arrives; returns (status, captured stdout)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env)
    captured = bytearray()
    out = getattr(sys.stdout, "buffer", None)
    for chunk in iter(lambda: process.stdout.read1(65536) if hasattr(process.stdout, "read1") else process.stdout.read(65536), b""):
        if out is not None:
            out.write(chunk)
            out.flush()
        else:
            sys.stdout.write(chunk.decode("utf-8", "replace"))
            sys.stdout.flush()
        if len(captured) < CAPTURE_LIMIT:
            captured += chunk[: CAPTURE_LIMIT - len(captured)]
    return process.wait(), bytes(captured)


def summarize(status, captured):
    """A small JSON-serialisable summary of the envelope (no data, no credentials)."""
    summary = {"exit_status": status}
    try:
        envelope = json.loads(captured.decode("utf-8"))
    except ValueError:
        return summary
    if not isinstance(envelope, dict):
        return summary
    meta = envelope.get("meta") or {}
    summary["status"] = envelope.get("status")
    for key in ("operation", "backend", "correlation_id", "duration_ms"):
        if key in meta:
            summary[key] = meta[key]
    if isinstance(meta.get("queries"), list):
        summary["rows"] = sum(q.get("rows", 0) for q in meta["queries"] if isinstance(q, dict))
    if isinstance(meta.get("pagination"), dict):
        summary["has_more"] = meta["pagination"].get("has_more")
    error = envelope.get("error")
    if isinstance(error, dict):
        summary["error_code"] = error.get("code")
        summary["error_message"] = str(error.get("message", ""))[:500]
    while len(json.dumps(summary)) > SUMMARY_LIMIT and summary.get("error_message"):
        summary["error_message"] = summary["error_message"][: len(summary["error_message"]) // 2]
    return summary


def load_dbutils():
    from databricks.sdk.runtime import dbutils  # the SDK's handle, available in jobs

    return dbutils


def publish(summary):
    """Sets the task value when dbutils exists; quietly skips elsewhere."""
    try:
        dbutils = load_dbutils()
        dbutils.jobs.taskValues.set(key=SUMMARY_KEY, value=summary)
    except Exception:  # noqa: BLE001 - no dbutils outside Databricks
        pass


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    base = bundle_directory()
    binary = locate_binary(base)
    ensure_executable(binary)
    args = with_default_backend(parse_arguments(argv))
    status, captured = run_streaming([binary] + args, child_environment(base))
    summary = summarize(status, captured)
    publish(summary)
    if status != 0:
        sys.stderr.write("dbapi_task: dbapi failed with %s (exit status %d)\n" % (summary.get("error_code", "an error"), status))
    return status


if __name__ == "__main__":
    sys.exit(main())
