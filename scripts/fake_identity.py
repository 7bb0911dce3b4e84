#!/usr/bin/env python3
"""Local imitations of the identity providers dbapi signs in with, for tests. Standard library only.

Listens on 127.0.0.1 (any free port, printed as "PORT <n>") and serves:
  POST /<tenant>/oauth2/v2.0/token   Entra ID client credentials: form grant_type=client_credentials, client_id,
                                     client_secret, scope. Accepts --client-id/--client-secret for tenant --tenant and
                                     answers {"token_type": "Bearer", "expires_in": --expires-in, "access_token": "entra-<kind>-<n>"}
                                     where kind is "databricks" for scope 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default and
                                     "management" for https://management.core.windows.net/.default; anything else is
                                     401 {"error": "invalid_client", "error_description": "..."}, quoting the client secret
                                     it was sent (as a hostile or careless server might: dbapi must redact it).
  GET /github-oidc?audience=A        GitHub Actions' ID token endpoint: needs "Authorization: Bearer <--request-token>";
                                     answers {"value": "github-jwt-<n>"}, else 401 quoting the Authorization header.
Every request is appended to --log as a JSON line: method, path, authorization, body.
Serves until its stdin closes.
"""
import argparse
import json
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--tenant", default="tenant-1")
parser.add_argument("--client-id", default="arm-client")
parser.add_argument("--client-secret", default="arm-secret")
parser.add_argument("--request-token", default="gh-request-token")
parser.add_argument("--log", required=True)
parser.add_argument("--expires-in", type=int, default=3600)
args = parser.parse_args()

lock = threading.Lock()
issued = {"n": 0}
SCOPES = {"2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default": "databricks", "https://management.core.windows.net/.default": "management"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *_):
        pass

    def send(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def record(self, body):
        with lock:
            with open(args.log, "a") as log:
                log.write(json.dumps({"method": self.command, "path": self.path, "authorization": self.headers.get("Authorization"),
                                      "body": body.decode("utf-8", "replace")}) + "\n")

    def next_number(self):
        with lock:
            issued["n"] += 1
            return issued["n"], args.expires_in

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.record(body)
        form = dict(urllib.parse.parse_qsl(body.decode()))
        if self.path != "/%s/oauth2/v2.0/token" % args.tenant:
            return self.send(400, {"error": "invalid_request", "error_description": "AADSTS90002: Tenant not found."})
        kind = SCOPES.get(form.get("scope"))
        if form.get("grant_type") != "client_credentials" or form.get("client_id") != args.client_id \
                or form.get("client_secret") != args.client_secret or kind is None:
            return self.send(401, {"error": "invalid_client",
                                   "error_description": "AADSTS7000215: Invalid client secret provided: %s." % form.get("client_secret")})
        number, lifetime = self.next_number()
        return self.send(200, {"token_type": "Bearer", "expires_in": lifetime, "ext_expires_in": lifetime,
                               "access_token": "entra-%s-%d" % (kind, number)})

    def do_GET(self):
        self.record(b"")
        url = urllib.parse.urlparse(self.path)
        if url.path != "/github-oidc" or self.headers.get("Authorization") != "Bearer " + args.request_token:
            return self.send(401, {"message": "Bad credentials: %s" % self.headers.get("Authorization")})
        number, _ = self.next_number()
        return self.send(200, {"value": "github-jwt-%d" % number})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print("PORT %d" % server.server_port, flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
