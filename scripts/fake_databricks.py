#!/usr/bin/env python3
"""A local imitation of the Databricks SQL Statement Execution API, for tests and benchmarks.

Standard library only. Listens on 127.0.0.1 (port 0 = any free port; the chosen port is printed as
"PORT <n>"). Statements are answered by running their native SQL and typed `parameters` through
`dbapi query` on the mock engine (--dbapi, --root), so real operations work end to end; results
are returned as JSON_ARRAY strings, split into chunks linked by next_chunk_internal_link.

Behaviour for the following statements is set with POST /__control (JSON, merged):
  pending_polls: n        answer PENDING/RUNNING n times before SUCCEEDED (async + polling)
  never_finish: true      stay RUNNING until canceled
  chunk_rows: n           rows per chunk (default 1000)
  state: FAILED|CANCELED|CLOSED, error_code, sql_state, message   terminal state to report
  http_errors: [{"path": "statements", "method": "POST", "status": 429, "retry_after": 1, "body": {...}|"text", "times": 1}]
  reset_polls: n          close the connection without answering the next n GETs
  external_links: true    answer with EXTERNAL_LINKS pointing at /__external/... on this server (also when the request
                          asks for disposition EXTERNAL_LINKS); as the API does, the statement's `result` and each chunk
                          response are {"external_links": [...]}, each link carrying chunk_index, row_offset, row_count
                          and (but on the last chunk) next_chunk_index and next_chunk_internal_link
  manifest_override: {...}   merged into the manifest of a SUCCEEDED statement (e.g. a wrong total_row_count)
  links_per_response: n   put the links of n consecutive chunks in each external_links list (default 1)
  fault: {"kind": K, "chunk": i}   break chunk i of the following results, K one of:
                          fewer_rows / more_rows   the chunk holds one row fewer / more than its row_count
                          skip_index / repeat_index   the request for chunk i is answered with chunk i+1 / i-1
                          wrong_offset             its row_offset is one too high
                          truncated                its body (with EXTERNAL_LINKS: its download) is cut in half, a complete
                                                   HTTP response of broken JSON
                          cut_off                  Content-Length announces the whole body (with EXTERNAL_LINKS: of its
                                                   download); half is sent, then the connection closes
                          link_html / link_empty   its external link answers 200 with an HTML page / an empty body
                          next_link_404            the previous chunk's next_chunk_internal_link points at a chunk that 404s
  expire_links: n         the first n external link downloads answer 403 (expired)
  oauth_expires_in: s     lifetime of issued OAuth tokens (default 3600)
  aad_tenant: t            GET /aad/auth redirects to https://login.microsoftonline.com/t/oauth2/authorize (Azure tenant discovery)
  accepted_tokens: [...]  further bearer tokens accepted (tokens the fake databricks/az CLIs or a fake Entra ID issue)
  federated_subjects: [...]  OIDC tokens the token endpoint exchanges (grant urn:ietf:params:oauth:grant-type:token-exchange)
                          for "federated-token-N"; the form must name client_id federation_client_id (default "fed-client")
  rows_override: {"columns": [...], "rows": [[...]]}   return this result instead of running dbapi
  synthetic: {"rows": n, "chunks": k}   return n generated rows of 7 typed columns in k chunks (benchmarks)
  chunk_delay: s          answer each chunk and external link request after s seconds (GET /__requests
                          reports max_chunks_in_flight: the most served at once)
  execute_delay: s        accept a statement at once but answer its execute request only after s seconds (a long wait_timeout)
  chunked_transfer: true  send bodies with Transfer-Encoding: chunked (in 7,000-byte pieces), without Content-Length
  inline_byte_limit: n    an INLINE result whose rows take more than n bytes of JSON FAILS as the warehouse does at 25 MiB
GET /__requests lists every request received (method, path, authorization, body); POST /__reset clears state.
Credentials accepted: --token, or OAuth client --client-id/--client-secret through /oidc/v1/token.
"""
import argparse
import base64
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--dbapi", required=True)
parser.add_argument("--root", required=True)
parser.add_argument("--token", default="dapi-test-token")
parser.add_argument("--client-id", default="test-client")
parser.add_argument("--client-secret", default="test-secret")
args = parser.parse_args()

lock = threading.RLock()  # send() reads control while some handlers hold it
control = {}
requests_seen = []
statements = {}
issued_tokens = set()
counters = {"reset_polls": 0, "expire_links": 0, "tokens": 0, "chunks_in_flight": 0, "max_chunks_in_flight": 0}


def type_name(spark):
    base = spark.split("(")[0].split("<")[0].upper()
    return {"BIGINT": "LONG", "TINYINT": "BYTE", "SMALLINT": "SHORT", "VOID": "NULL"}.get(base, base)


def as_text(value, spark):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=str)
    return str(value)


def run_dbapi(statement, parameters):
    flags, nulls = [], {}
    for p in parameters:
        key = "%s:%s" % (p["name"], (p.get("type") or "STRING").lower())  # dbapi query takes Spark type names
        if p.get("value") is None:
            nulls[key] = None
        else:
            flags += ["--param", "%s=%s" % (key, p["value"])]
    command = [args.dbapi, "query", "--root", args.root, "--params-json", json.dumps(nulls)] + flags + ["--", statement]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    envelope = json.loads(done.stdout.decode() or "{}", parse_float=Decimal)
    if envelope.get("status") != "success":
        error = envelope.get("error", {})
        return None, {"error_code": "BAD_REQUEST", "message": "[%s] %s" % (error.get("code"), error.get("message")), "sql_state": "42000"}
    return envelope["data"], None


class RawJSON(bytes):
    """Already-encoded JSON spliced into a response body."""


def encode_with_raw(value):
    """JSON bytes of `value`, splicing RawJSON (at any depth of dicts) in unchanged: the pieces are
    joined once, so a megabyte chunk is copied once (concatenating at each level copied it per level)."""
    parts = []
    append_encoded(value, parts)
    return b"".join(parts)


def append_encoded(value, parts):
    if isinstance(value, RawJSON):
        parts.append(value)
    elif isinstance(value, dict):
        parts.append(b"{")
        for position, (key, item) in enumerate(value.items()):
            parts.append((b"," if position else b"") + json.dumps(key).encode() + b":")
            append_encoded(item, parts)
        parts.append(b"}")
    else:
        parts.append(json.dumps(value, default=str).encode())


synthetic_cache = {}  # (offset, count) -> JSON bytes of the rows, so benchmarks measure clients, not this server


class SyntheticChunk:
    """Rows offset..offset+count of a generated result, built once and cached as JSON bytes."""
    COLUMNS = [{"name": "id", "type": "BIGINT"}, {"name": "name", "type": "STRING"}, {"name": "amount", "type": "DECIMAL(10,2)"},
               {"name": "day", "type": "DATE"}, {"name": "ts", "type": "TIMESTAMP"}, {"name": "flag", "type": "BOOLEAN"},
               {"name": "score", "type": "DOUBLE"}]

    def __init__(self, offset, count):
        self.offset, self.count = offset, count

    def __len__(self):
        return self.count

    def encoded(self):
        key = (self.offset, self.count)
        if key not in synthetic_cache:
            synthetic_cache[key] = json.dumps(self.rows(), separators=(",", ":")).encode()
        return synthetic_cache[key]

    def rows(self):
        out = []
        for i in range(self.offset, self.offset + self.count):
            out.append([str(i), "name-%d" % i, "%d.%02d" % (i % 100000, i % 100), "2024-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
                        "2024-01-01T%02d:%02d:%02d.%03dZ" % (i % 24, i % 60, (i * 7) % 60, i % 1000), "true" if i % 2 else "false",
                        None if i % 10 == 0 else "%d.5" % (i % 1000)])
        return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *_):
        pass

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send(self, status, payload, headers=None, content_type="application/json", cut=None):
        """Sends a response. cut="truncated" sends the first half of the body as a complete response;
        cut="cut_off" announces the whole body, sends half and closes the connection."""
        if isinstance(payload, dict):
            data = encode_with_raw(payload)
        else:
            data = payload if isinstance(payload, bytes) else (payload if isinstance(payload, str) else json.dumps(payload, default=str)).encode()
        if cut == "truncated":
            data = data[:len(data) // 2]
        with lock:
            chunked = control.get("chunked_transfer", False)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if cut == "cut_off":
            self.wfile.write(data[:len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if not chunked:
            self.wfile.write(data)
            return
        for start in range(0, len(data), 7000):
            piece = data[start:start + 7000]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def record(self, body):
        with lock:
            requests_seen.append({"method": self.command, "path": self.path, "authorization": self.headers.get("Authorization"),
                                  "user_agent": self.headers.get("User-Agent"), "storage_header": self.headers.get("x-fake-storage"),
                                  "management_token": self.headers.get("X-Databricks-Azure-SP-Management-Token"),
                                  "workspace_resource_id": self.headers.get("X-Databricks-Azure-Workspace-Resource-Id"),
                                  "body": body.decode("utf-8", "replace")})

    def send_injected(self):
        """Answers with an injected HTTP error when a /__control rule matches; True if it did."""
        rule = self.injected_error()
        if not rule:
            return False
        payload = rule.get("body", {"error_code": "TEMPORARILY_UNAVAILABLE", "message": "injected"})
        headers = {"Retry-After": str(rule["retry_after"])} if "retry_after" in rule else {}
        self.send(rule["status"], payload, headers)
        return True

    def injected_error(self):
        with lock:
            for rule in control.get("http_errors", []):
                if rule.get("times", 1) > 0 and rule.get("method", self.command) == self.command and rule.get("path", "") in self.path:
                    rule["times"] = rule.get("times", 1) - 1
                    return rule
        return None

    def authorized(self):
        header = self.headers.get("Authorization") or ""
        if header == "Bearer " + args.token:
            return True
        with lock:
            accepted = issued_tokens | set(control.get("accepted_tokens", []))
        return header.startswith("Bearer ") and header[7:] in accepted

    def do_POST(self):
        body = self.body()
        self.record(body)
        if self.path == "/__control":
            with lock:
                control.update(json.loads(body or b"{}"))
            return self.send(200, {})
        if self.path == "/__reset":
            with lock:
                control.clear(); requests_seen.clear(); statements.clear(); issued_tokens.clear()
                counters.update({"reset_polls": 0, "expire_links": 0, "tokens": 0, "chunks_in_flight": 0, "max_chunks_in_flight": 0})
            return self.send(200, {})
        if self.path == "/oidc/v1/token" and b"grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange" in body:
            return self.exchange(body)
        if self.path == "/oidc/v1/token":
            expected = "Basic " + base64.b64encode(("%s:%s" % (args.client_id, args.client_secret)).encode()).decode()
            if self.headers.get("Authorization") != expected or b"grant_type=client_credentials" not in body:
                return self.send(401, {"error": "invalid_client", "error_description": "Client authentication failed"})
            with lock:
                counters["tokens"] += 1
                token = "oauth-token-%d" % counters["tokens"]
                issued_tokens.add(token)
                lifetime = control.get("oauth_expires_in", 3600)
            return self.send(200, {"access_token": token, "token_type": "Bearer", "expires_in": lifetime, "scope": "all-apis"})
        if self.send_injected():
            return
        if not self.authorized():
            shape = control.get("auth_error_shape", "numeric")
            payload = {"error_code": 401, "message": "Credential was not sent or was of an unsupported type for this API."}
            if shape == "named":
                payload = {"error_code": "UNAUTHENTICATED", "message": "Invalid access token."}
            return self.send(401, payload)
        match = re.fullmatch(r"/api/2.0/sql/statements/([^/]+)/cancel", self.path)
        if match:
            with lock:
                if match.group(1) in statements:
                    statements[match.group(1)]["canceled"] = True
            return self.send(200, b"")
        if self.path == "/api/2.0/sql/statements":
            return self.execute(json.loads(body))
        return self.send(404, {"error_code": "NOT_FOUND", "message": "no route " + self.path})

    def exchange(self, body):
        """The token-exchange grant of workload identity federation."""
        form = dict(urllib.parse.parse_qsl(body.decode()))
        with lock:
            subjects = control.get("federated_subjects", [])
            client = control.get("federation_client_id", "fed-client")
        if form.get("subject_token") not in subjects or form.get("client_id") != client or form.get("scope") != "all-apis" \
                or form.get("subject_token_type") != "urn:ietf:params:oauth:token-type:jwt":
            return self.send(401, {"error": "invalid_grant", "error_description": "no federation policy accepts this token"})
        with lock:
            counters["tokens"] += 1
            token = "federated-token-%d" % counters["tokens"]
            issued_tokens.add(token)
            lifetime = control.get("oauth_expires_in", 3600)
        return self.send(200, {"access_token": token, "token_type": "Bearer", "expires_in": lifetime})

    def execute(self, request):
        statement_id = str(uuid.uuid4())
        with lock:
            mode = dict(control)
        if mode.get("synthetic"):
            data, error = {"columns": SyntheticChunk.COLUMNS, "rows": []}, None
        elif mode.get("rows_override"):
            data, error = mode["rows_override"], None
        else:
            data, error = run_dbapi(request["statement"], request.get("parameters", []))
        record = {"id": statement_id, "polls_left": mode.get("pending_polls", 0), "never": mode.get("never_finish", False),
                  "data": data, "error": error, "mode": mode, "canceled": False, "request": request}
        with lock:
            statements[statement_id] = record
        time.sleep(mode.get("execute_delay", 0))
        self.send(200, self.state_of(record))

    def state_of(self, record):
        mode = record["mode"]
        if record["canceled"]:
            return {"statement_id": record["id"], "status": {"state": "CANCELED"}}
        if record["never"] or record["polls_left"] > 0:
            record["polls_left"] -= 1
            return {"statement_id": record["id"], "status": {"state": "PENDING" if record["polls_left"] >= 0 else "RUNNING"}}
        if self.over_inline_limit(record):
            return {"statement_id": record["id"], "status": {"state": "FAILED", "error": {"error_code": "BAD_REQUEST", "message": (
                "Inline byte limit exceeded. Statements executed with disposition=INLINE can have a result size of at most "
                "%d bytes. Please execute the statement with disposition=EXTERNAL_LINKS if you want to download the full result."
                % mode["inline_byte_limit"])}}}
        if mode.get("state") in ("FAILED", "CANCELED", "CLOSED") or record["error"]:
            state = mode.get("state", "FAILED")
            status = {"state": state}
            if state == "FAILED":
                error = record["error"] or {"error_code": mode.get("error_code", "BAD_REQUEST"), "message": mode.get("message", "failed"),
                                             "sql_state": mode.get("sql_state")}
                status["error"] = {"error_code": error["error_code"], "message": error["message"]}
                if error.get("sql_state"):
                    status["sql_state"] = error["sql_state"]
            return {"statement_id": record["id"], "status": status}
        return self.succeeded(record)

    def over_inline_limit(self, record):
        limit = record["mode"].get("inline_byte_limit")
        if limit is None or record["error"] or record["request"].get("disposition", "INLINE") != "INLINE":
            return False
        chunks, _ = self.chunks(record)
        return sum(len(json.dumps(c if isinstance(c, list) else c.rows())) for c in chunks) > limit

    def chunks(self, record):
        synthetic = record["mode"].get("synthetic")
        if synthetic:
            total, count = synthetic["rows"], synthetic["chunks"]
            size = -(-total // count)
            return [SyntheticChunk(i * size, min(size, total - i * size)) for i in range(count)], False
        rows = record["data"]["rows"]
        size = max(1, record["mode"].get("chunk_rows", 1000))
        limit = record["request"].get("row_limit")
        truncated = limit is not None and len(rows) > limit
        if truncated:
            rows = rows[:limit]
        columns = record["data"]["columns"]
        text_rows = [[as_text(v, c["type"]) for v, c in zip(row, columns)] for row in rows]
        return [text_rows[i:i + size] for i in range(0, len(text_rows), size)] or [[]], truncated

    def chunk_body(self, record, index):
        """The ResultData of chunk `index` as the API shapes it: INLINE carries the chunk's fields,
        data_array and next-chunk pointers itself; EXTERNAL_LINKS is {"external_links": [...]}, each link
        carrying its own chunk's fields and pointers (links_per_response links from `index` on)."""
        chunks, _ = self.chunks(record)
        mode = record["mode"]
        if mode.get("external_links") or record["request"].get("disposition") == "EXTERNAL_LINKS":
            count = max(1, mode.get("links_per_response", 1))
            return {"external_links": [self.link(record, i) for i in range(index, min(index + count, len(chunks)))]}
        body = self.chunk_fields(record, index)
        rows = self.served_rows(record, body["chunk_index"])
        if isinstance(rows, RawJSON) or rows:
            body["data_array"] = rows
        body.update(self.next_pointers(record, index))
        return body

    def chunk_fields(self, record, index):
        """chunk_index, row_offset and row_count of chunk `index`, with the injected fault applied."""
        chunks, _ = self.chunks(record)
        fault, at = self.fault(record)
        served = index
        if at == index and fault == "skip_index":
            served = min(index + 1, len(chunks) - 1)
        if at == index and fault == "repeat_index":
            served = max(index - 1, 0)
        offset = sum(len(c) for c in chunks[:served])
        if at == index and fault == "wrong_offset":
            offset += 1
        return {"chunk_index": served, "row_offset": offset, "row_count": len(chunks[served])}

    def served_rows(self, record, index):
        """The rows sent for chunk `index`: one fewer or one more than announced with those faults."""
        chunks, _ = self.chunks(record)
        rows = chunks[index]
        fault, at = self.fault(record)
        if isinstance(rows, SyntheticChunk):
            rows = rows if at != index or fault not in ("fewer_rows", "more_rows") else rows.rows()
        if at == index and fault == "fewer_rows":
            rows = rows[:-1]
        if at == index and fault == "more_rows":
            rows = rows + rows[-1:]
        return RawJSON(rows.encoded()) if isinstance(rows, SyntheticChunk) else rows

    def next_pointers(self, record, index):
        chunks, _ = self.chunks(record)
        if index + 1 >= len(chunks):
            return {}
        fault, at = self.fault(record)
        target = "999999" if (fault == "next_link_404" and at == index + 1) else str(index + 1)
        return {"next_chunk_index": index + 1,
                "next_chunk_internal_link": "/api/2.0/sql/statements/%s/result/chunks/%s" % (record["id"], target)}

    def link(self, record, index):
        link = self.chunk_fields(record, index)
        link["external_link"] = "http://127.0.0.1:%d/__external/%s/%d?X-Amz-Signature=secret" % (
            self.server.server_port, record["id"], link["chunk_index"])
        link["expiration"] = "2099-01-01T00:00:00.000Z"
        link["http_headers"] = {"x-fake-storage": "1"}
        link.update(self.next_pointers(record, index))
        return link

    def cut(self, record, index):
        """"truncated" or "cut_off" when that fault is injected into chunk `index`'s body."""
        fault, at = self.fault(record)
        return fault if at == index and fault in ("truncated", "cut_off") else None

    @staticmethod
    def fault(record):
        """(kind, chunk index) of the fault injected into this statement's result, or (None, None)."""
        fault = record["mode"].get("fault") or {}
        return fault.get("kind"), fault.get("chunk")

    def succeeded(self, record):
        columns = []
        for position, column in enumerate(record["data"]["columns"]):
            info = {"name": column["name"], "type_text": column["type"], "type_name": type_name(column["type"]), "position": position}
            m = re.match(r"DECIMAL\((\d+),(\d+)\)", column["type"])
            if m:
                info["type_precision"], info["type_scale"] = int(m.group(1)), int(m.group(2))
            columns.append(info)
        chunks, truncated = self.chunks(record)
        manifest = {"format": "JSON_ARRAY", "schema": {"column_count": len(columns), "columns": columns},
                    "total_chunk_count": len(chunks), "total_row_count": sum(len(c) for c in chunks), "truncated": truncated}
        manifest.update(record["mode"].get("manifest_override", {}))
        return {"statement_id": record["id"], "status": {"state": "SUCCEEDED"}, "manifest": manifest, "result": self.chunk_body(record, 0)}

    def do_GET(self):
        self.record(b"")
        if self.path == "/__requests":
            with lock:
                return self.send(200, {"requests": requests_seen, "tokens_issued": counters["tokens"],
                                       "max_chunks_in_flight": counters["max_chunks_in_flight"]})
        if "/result/chunks/" in self.path or self.path.startswith("/__external/"):
            return self.chunk_request()
        if self.path == "/aad/auth" and control.get("aad_tenant"):  # an Azure workspace names its Entra ID tenant
            self.send_response(302)
            self.send_header("Location", "https://login.microsoftonline.com/%s/oauth2/authorize?client_id=x" % control["aad_tenant"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path.startswith("/.well-known/"):  # newer SDKs probe for host metadata before anything else
            return self.send(404, {"error_code": "NOT_FOUND", "message": "no host metadata here"})
        return self.serve_get()

    def chunk_request(self):
        """Serves a chunk or external link download, counting how many are served at once."""
        with lock:
            counters["chunks_in_flight"] += 1
            counters["max_chunks_in_flight"] = max(counters["max_chunks_in_flight"], counters["chunks_in_flight"])
            delay = control.get("chunk_delay", 0)
        try:
            time.sleep(delay)
            return self.serve_get()
        finally:
            with lock:
                counters["chunks_in_flight"] -= 1

    def serve_get(self):
        external = re.fullmatch(r"/__external/([^/]+)/(\d+)\?.*", self.path)
        if external:
            with lock:
                expired = counters["expire_links"] < control.get("expire_links", 0)
                if expired:
                    counters["expire_links"] += 1
                record = statements.get(external.group(1))
            if expired:
                return self.send(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
            index = int(external.group(2))
            fault, at = self.fault(record)
            if at == index and fault == "link_html":
                return self.send(200, b"<html><body><h1>Service Unavailable</h1></body></html>", content_type="text/html")
            if at == index and fault == "link_empty":
                return self.send(200, b"")
            rows = self.served_rows(record, index)
            return self.send(200, rows if isinstance(rows, RawJSON) else rows, cut=self.cut(record, index))
        if self.send_injected():
            return
        with lock:
            reset = counters["reset_polls"] < control.get("reset_polls", 0)
            if reset:
                counters["reset_polls"] += 1
        if reset:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if not self.authorized():
            return self.send(401, {"error_code": 401, "message": "Credential was not sent or was of an unsupported type for this API."})
        chunk = re.fullmatch(r"/api/2.0/sql/statements/([^/]+)/result/chunks/(\d+)", self.path)
        poll = re.fullmatch(r"/api/2.0/sql/statements/([^/]+)", self.path)
        if chunk or poll:
            with lock:
                record = statements.get((chunk or poll).group(1))
            if not record:
                return self.send(404, {"error_code": "NOT_FOUND", "message": "statement not found"})
            if not chunk:
                return self.send(200, self.state_of(record))
            index = int(chunk.group(2))
            if index >= len(self.chunks(record)[0]):
                return self.send(404, {"error_code": "NOT_FOUND", "message": "no chunk %d in this result" % index})
            links = record["mode"].get("external_links") or record["request"].get("disposition") == "EXTERNAL_LINKS"
            return self.send(200, self.chunk_body(record, index), cut=None if links else self.cut(record, index))
        return self.send(404, {"error_code": "NOT_FOUND", "message": "no route " + self.path})


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that goes away mid-connection (a run that failed or was interrupted) is not an error here."""
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


server = Server(("127.0.0.1", args.port), Handler)
server.daemon_threads = True
print("PORT %d" % server.server_port, flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()  # serve until the parent closes stdin (or kills us)
