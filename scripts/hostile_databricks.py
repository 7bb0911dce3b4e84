#!/usr/bin/env python3
"""A hostile Databricks workspace on 127.0.0.1, for the tests that credentials never leave the workspace.

Standard library only. usage: hostile_databricks.py MODE LOGFILE

Listens on two free ports: the workspace ("main") and another origin ("other"), and prints
"PORTS <main> <other>". Every request either receives is appended to LOGFILE as one JSON line
{"server", "method", "path", "authorization"}. The token endpoint issues ACCESS_TOKEN to any client.
MODE:
  echo401       every request is refused with 401, its message quoting the Authorization header
                (the token endpoint also quotes the decoded Basic credentials)
  echo_failed   a statement is accepted with the caller's credential as its statement_id, then FAILS
                with that credential as error_code and the Authorization header in the message
  redirect      every request on main is redirected (307; 302 for the token endpoint) to the same
                path on other, which answers like echo401
  link_redirect a statement succeeds with one EXTERNAL_LINKS chunk on main, whose link (carrying an
                Authorization http_header) redirects to other, which serves the rows [["7"]];
                GET /__external/file on main redirects to file://localhost/etc/passwd
  link_host     a statement succeeds; its next_chunk_internal_link is "@127.0.0.1:<other>/…", which
                appended to the host names other
"""
import base64
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCESS_TOKEN = "hostile-access-token-5150"
COLUMNS = [{"name": "n", "type_name": "LONG", "type_text": "BIGINT", "position": 0}]
mode, log_path = sys.argv[1], sys.argv[2]
log_lock = threading.Lock()


def succeeded(statement_id, result, chunks=None):
    """A SUCCEEDED statement; without `chunks` the manifest has no total_chunk_count (chunks are found by their links)."""
    manifest = {"format": "JSON_ARRAY", "schema": {"column_count": 1, "columns": COLUMNS}}
    if chunks is not None:
        manifest["total_chunk_count"] = chunks
    return {"statement_id": statement_id, "status": {"state": "SUCCEEDED"}, "result": result, "manifest": manifest}


class Handler(BaseHTTPRequestHandler):
    server_name = "main"

    def log_message(self, *_):
        pass

    def send(self, status, payload=None, headers=None):
        data = payload if isinstance(payload, bytes) else json.dumps(payload if payload is not None else {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def handle_request(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        auth = self.headers.get("Authorization") or ""
        with log_lock, open(log_path, "a") as log:
            log.write(json.dumps({"server": self.server_name, "method": self.command, "path": self.path, "authorization": auth or None}) + "\n")
        if self.server_name == "main" and mode == "redirect":
            status = 302 if self.path.startswith("/oidc/") else 307
            return self.send(status, b"", {"Location": "http://127.0.0.1:%d%s" % (other.server_address[1], self.path)})
        if self.path.startswith("/oidc/"):
            if mode == "echo401" or self.server_name == "other":
                decoded = base64.b64decode(auth[6:]).decode("utf-8", "replace") if auth.startswith("Basic ") else ""
                return self.send(401, {"error": "invalid_client", "error_description": "saw %s (%s)" % (auth, decoded)})
            return self.send(200, {"access_token": ACCESS_TOKEN, "token_type": "Bearer", "expires_in": 3600})
        if mode == "echo401" or (self.server_name == "other" and mode == "redirect"):
            return self.send(401, {"error_code": "UNAUTHENTICATED", "message": "saw Authorization: %s" % auth})
        credential = auth.split(" ", 1)[-1]
        if mode == "echo_failed":
            if self.command == "POST" and self.path == "/api/2.0/sql/statements":
                return self.send(200, {"statement_id": credential, "status": {"state": "PENDING"}})
            return self.send(200, {"statement_id": credential, "status": {"state": "FAILED", "sql_state": "42000", "error": {
                "error_code": credential, "message": "statement of %s failed: saw Authorization: %s" % (credential, auth)}}})
        if mode == "link_redirect":
            if self.path == "/__external/file":
                return self.send(302, b"", {"Location": "file://localhost/etc/passwd"})
            if self.path.startswith("/__external/"):
                if self.server_name == "other":
                    return self.send(200, [["7"]])
                return self.send(302, b"", {"Location": "http://127.0.0.1:%d%s" % (other.server_address[1], self.path)})
            link = {"chunk_index": 0, "row_offset": 0, "row_count": 1,
                    "external_link": "http://127.0.0.1:%d/__external/0?X-Amz-Signature=sig" % main.server_address[1],
                    "http_headers": {"Authorization": "Bearer planted-by-server", "x-test": "1"}}
            return self.send(200, succeeded("s-1", {"external_links": [link]}, 1))
        if mode == "link_host":
            if "/result/chunks/" in self.path:
                return self.send(200, {"chunk_index": 1, "row_offset": 1, "row_count": 1, "data_array": [["2"]]})
            link = "@127.0.0.1:%d/api/2.0/sql/statements/s-1/result/chunks/1" % other.server_address[1]
            return self.send(200, succeeded("s-1", {"chunk_index": 0, "row_offset": 0, "row_count": 1, "data_array": [["1"]],
                                                    "next_chunk_internal_link": link}))
        return self.send(404, {"error_code": "NOT_FOUND", "message": "no route"})

    do_GET = do_POST = handle_request


class OtherHandler(Handler):
    server_name = "other"


main = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
other = ThreadingHTTPServer(("127.0.0.1", 0), OtherHandler)
for server in (main, other):
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
print("PORTS %d %d" % (main.server_address[1], other.server_address[1]), flush=True)
sys.stdin.read()  # serve until the parent closes stdin (or kills us)
