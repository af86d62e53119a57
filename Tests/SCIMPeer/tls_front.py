"""An HTTPS front on 127.0.0.1 for the real scim2-server, for the sync TLS tests.

It ends TLS with the given server certificate and forwards each request unchanged over plain
HTTP to the upstream server on 127.0.0.1. With CLIENT_CA it demands a client certificate
signed by that CA and drops the handshake of a client that presents none.
Usage: python tls_front.py LISTEN_PORT UPSTREAM_PORT CERT_PEM KEY_PEM [CLIENT_CA_PEM]
It prints "ready" once it listens."""
import http.client
import http.server
import socket
import ssl
import sys

listen_port, upstream_port = int(sys.argv[1]), int(sys.argv[2])
certificate, key = sys.argv[3], sys.argv[4]
client_ca = sys.argv[5] if len(sys.argv) > 5 else None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
        upstream.request(self.command, self.path, body=body, headers=headers)
        response = upstream.getresponse()
        data = response.read()
        upstream.close()
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any


context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(certificate, key)
if client_ca:
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(client_ca)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def finish_request(self, request, client_address):
        """Runs the TLS handshake on the connection's own thread. When it fails (no client
        certificate), the alert has been sent; reading the client's unread request before
        closing keeps the kernel from sending a reset that could overtake the alert."""
        connection = context.wrap_socket(request, server_side=True, do_handshake_on_connect=False)
        try:
            connection.settimeout(10)
            connection.do_handshake()
        except (ssl.SSLError, OSError):
            try:
                connection.shutdown(socket.SHUT_WR)
                connection.settimeout(2)
                while connection.recv(65536):
                    pass
            except OSError:
                pass
            return
        self.RequestHandlerClass(connection, client_address, self)


server = Server(("127.0.0.1", listen_port), Handler)
print("ready", flush=True)
server.serve_forever()
