"""Helpers for Scripts/bench-sync.

  generate DATA_DIR COUNT    writes a kiosk signing key and COUNT signed outbox records
  client URL TOKEN DATA_DIR  the baseline: the same sync work as `kiosk sync` with http.client
                             (read the outbox, look everyone up, /Bulk the users within the
                             server's limits, pull userNames and employee numbers page by page,
                             write iam-accounts.tsv); no signature checks, no state files
"""
import base64
import hashlib
import http.client
import json
import os
import sys
import urllib.parse

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
FIDO = "urn:ietf:params:scim:schemas:extension:kiosk:2.0:Fido2Credential"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def generate(data_dir, count):
    os.makedirs(data_dir + "/outbox", mode=0o700, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    key_path = data_dir + "/kiosk-signing-key.pem"
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, pem)
    os.close(fd)
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    for index in range(count):
        write_record(data_dir + "/outbox", key, public, index)


def write_record(outbox, key, public, index):
    person = f"{10000000 + index:08d}"
    name = f"bench.user{index}"
    completed = f"2026-12-04T{8 + index // 3600 % 10:02d}:{index // 60 % 60:02d}:{index % 60:02d}Z"
    enrollment = f"be0c0000-0000-4000-8000-{index:012x}"
    record = {
        "formatVersion": 1, "enrollmentID": enrollment, "kioskID": "sp-bench-01", "clerkID": "clerk-0001",
        "startedAt": completed, "completedAt": completed, "personnelNumber": person, "kind": "new-account",
        "replacesCredentialIDs": [],
        "account": {"username": name, "email": name + "@stadt.example", "displayName": f"Jörg Müller-Weiß {index}",
                    "givenName": "Jörg", "surname": "Müller-Weiß", "isNew": True,
                    "department": "Referat für Bildung und Sport", "orgUnit": f"KITA/Ost/{index % 7}"},
        "credential": {"credentialID": b64url(hashlib.sha256(b"cred%d" % index).digest() * 2),
                       "publicKeyCOSE": b64url(bytes([0xA5]) * 77), "aaguid": "ee882879-721c-4913-9775-3dfcce97072a",
                       "signCount": 0, "attestationFormat": "packed",
                       "attestationObject": b64url(hashlib.sha256(b"att%d" % index).digest() * 20),
                       "clientDataJSON": b64url(b'{"type":"webauthn.create","challenge":"abc","origin":"https://stadt.example"}'),
                       "rpID": "stadt.example", "origin": "https://stadt.example",
                       "userHandle": b64url(hashlib.sha256(person.encode()).digest()[:16]), "testSignInVerified": True},
    }
    payload = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    envelope = {"format": "kiosk-outbox-v1", "keyID": hashlib.sha256(public).hexdigest()[:16],
                "payload": base64.b64encode(payload).decode(), "publicKey": b64url(public),
                "signature": b64url(key.sign(payload))}
    with open(f"{outbox}/{completed}-{enrollment}.json", "w") as handle:
        json.dump(envelope, handle, sort_keys=True, indent=2)


def scim_user(record):
    account, credential = record["account"], record["credential"]
    fido = {"credentials": [{
        "credentialId": credential["credentialID"], "publicKey": credential["publicKeyCOSE"],
        "aaguid": credential["aaguid"], "signCount": credential["signCount"],
        "attestationFormat": credential["attestationFormat"], "attestationObject": credential["attestationObject"],
        "clientDataJSON": credential["clientDataJSON"], "rpId": credential["rpID"], "origin": credential["origin"],
        "userHandle": credential["userHandle"], "created": record["completedAt"], "kioskId": record["kioskID"],
        "enrollmentId": record["enrollmentID"]}]}
    return {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE, FIDO],
        "userName": account["username"], "externalId": record["personnelNumber"],
        "name": {"givenName": account["givenName"], "familyName": account["surname"], "formatted": account["displayName"]},
        "displayName": account["displayName"], "emails": [{"value": account["email"], "type": "work", "primary": True}],
        "active": True,
        ENTERPRISE: {"employeeNumber": record["personnelNumber"], "organization": account["department"],
                     "department": account["orgUnit"]},
        FIDO: fido,
    }


class Client:
    def __init__(self, url, token):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.base = parts.hostname, parts.port, parts.path.rstrip("/")
        self.headers = {"Authorization": "Bearer " + token, "Content-Type": "application/scim+json"}

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        data = json.dumps(body).encode() if body is not None else None
        connection.request(method, self.base + path, body=data, headers=self.headers)
        response = connection.getresponse()
        answer = json.loads(response.read() or b"{}")
        connection.close()
        return response.status, answer

    def users(self, attributes):
        start = 1
        while True:
            query = urllib.parse.urlencode({"startIndex": start, "count": 1000, "attributes": attributes})
            _, page = self.request("GET", "/Users?" + query)
            resources = page.get("Resources", [])
            if not resources:
                return
            yield from resources
            start += len(resources)
            if start > page.get("totalResults", 0):
                return


def client(url, token, data_dir):
    outbox = data_dir + "/outbox"
    records = []
    for name in sorted(os.listdir(outbox)):
        if name.endswith(".json") and not name.startswith("."):
            with open(f"{outbox}/{name}") as handle:
                records.append(json.loads(base64.b64decode(json.load(handle)["payload"])))
    scim = Client(url, token)
    _, config = scim.request("GET", "/ServiceProviderConfig")
    max_operations, max_payload = config["bulk"]["maxOperations"], config["bulk"]["maxPayloadSize"]
    known = {u.get(ENTERPRISE, {}).get("employeeNumber") for u in scim.users(f"userName,{ENTERPRISE}:employeeNumber")}
    operations = [{"method": "POST", "path": "/Users", "bulkId": r["enrollmentID"], "data": scim_user(r)}
                  for r in records if r["personnelNumber"] not in known]
    created = 0
    chunk, size = [], 256
    for operation in operations + [None]:
        operation_size = len(json.dumps(operation)) + 1 if operation else 0
        if chunk and (operation is None or len(chunk) >= max_operations or size + operation_size > max_payload):
            _, answer = scim.request("POST", "/Bulk", {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                                                        "Operations": chunk})
            created += sum(1 for op in answer["Operations"] if str(op["status"]) == "201")
            chunk, size = [], 256
        if operation:
            chunk.append(operation)
            size += operation_size
    lines = ["userName\temployeeNumber"]
    for user in scim.users(f"userName,{ENTERPRISE}:employeeNumber"):
        lines.append(user["userName"] + "\t" + user.get(ENTERPRISE, {}).get("employeeNumber", ""))
    with open(data_dir + "/iam-accounts-python.tsv", "w") as handle:
        handle.write("\n".join(lines[:1] + sorted(lines[1:])) + "\n")
    print(f"python client: created {created}, accounts {len(lines) - 1}")


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "client":
        client(sys.argv[2], sys.argv[3], sys.argv[4])
