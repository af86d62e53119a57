"""A tiny HTTP proxy on 127.0.0.1 in front of the real scim2-server, for the sync fault tests.

It forwards each request to the upstream server unchanged, except as the mode says:
  pass                  forward everything
  lose-every:K          forward every K-th request, but answer 500 instead of the real answer
                        (the write happened; the client must not repeat it blindly)
  fail-every:K          answer every K-th request with 500 without forwarding it
  slow-first:N:SECONDS  hold the first N requests for SECONDS before forwarding (client timeouts)
  exit-after:N          forward N requests, then exit at once (the server stops mid-batch)
  repeat-page           forward, but answer every GET /Users list with its first page
Usage: python fault_proxy.py LISTEN_PORT UPSTREAM_PORT MODE
It prints "ready" once it listens."""
import http.client
import http.server
import os
import sys
import threading
import time
import urllib.parse

listen_port, upstream_port, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
counter = [0]


def forward(method, path, headers, body):
    connection = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    result = (response.status, response.getheaders(), data)
    connection.close()
    return result


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        with lock:
            counter[0] += 1
            number = counter[0]
        kind, _, argument = mode.partition(":")
        path = self.path
        if kind == "exit-after" and number > int(argument):
            os._exit(0)
        if kind == "fail-every" and number % int(argument) == 0:
            return self.reply(500, [], b'{"detail": "injected failure", "status": "500"}')
        if kind == "slow-first":
            count, _, seconds = argument.partition(":")
            if number <= int(count):
                time.sleep(float(seconds))
        if kind == "repeat-page" and self.command == "GET" and "/Users?" in path:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
            query["startIndex"] = ["1"]
            path = urllib.parse.urlsplit(path).path + "?" + urllib.parse.urlencode(query, doseq=True)
        status, response_headers, data = forward(self.command, path, headers, body)
        if kind == "lose-every" and number % int(argument) == 0:
            return self.reply(500, [], b'{"detail": "injected failure after the write", "status": "500"}')
        self.reply(status, response_headers, data)

    def reply(self, status, headers, data):
        self.send_response(status)
        for key, value in headers:
            if key.lower() not in ("content-length", "connection", "server", "date"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any


server = http.server.ThreadingHTTPServer(("127.0.0.1", listen_port), Handler)
print("ready", flush=True)
server.serve_forever()
