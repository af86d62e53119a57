#!/usr/bin/env python3
"""Verify a WebAuthn registration with py_webauthn, independently of the kiosk's own code.

Input: a JSON object on stdin, or in the file named by the first argument, with
  attestationObject  base64url
  clientDataJSON     base64url
  challenge          base64url of the raw challenge bytes that the client data must carry
  rpID               plain text, for example "stadt.example"
  origin             plain text, for example "https://stadt.example"
  rootCertPEM        the attestation CA certificate, as PEM text or base64url of the PEM
  credentialID       optional base64url; taken from the attestation object when missing

Output: one JSON object on stdout, {"verified": true, ...} or {"verified": false, "error": ...}.
Exit status 0 when the registration verifies, 1 when it does not, 2 on unusable input.
Requires the PyPI packages `webauthn` (py_webauthn) and its dependencies.
"""

import base64
import json
import sys

from webauthn import verify_registration_response
from webauthn.helpers import parse_attestation_object
from webauthn.helpers.structs import AttestationFormat


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data: bytes) -> str:
    """Encode base64url without padding, the WebAuthn JSON form."""
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def read_request() -> dict:
    """Read the request JSON from the file argument or stdin."""
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as handle:
            return json.load(handle)
    return json.load(sys.stdin)


def root_certificate(value: str) -> bytes:
    """Return the CA certificate PEM bytes from PEM text or base64url of the PEM."""
    if value.lstrip().startswith("-----BEGIN"):
        return value.encode("ascii")
    return b64url_decode(value)


def verify(request: dict) -> dict:
    """Run py_webauthn's registration check and describe the verified credential."""
    attestation_object = b64url_decode(request["attestationObject"])
    credential_id = request.get("credentialID")
    if not credential_id:
        parsed = parse_attestation_object(attestation_object)
        credential_id = b64url_encode(parsed.auth_data.attested_credential_data.credential_id)
    credential = {
        "id": credential_id,
        "rawId": credential_id,
        "type": "public-key",
        "response": {
            "attestationObject": request["attestationObject"],
            "clientDataJSON": request["clientDataJSON"],
        },
    }
    result = verify_registration_response(
        credential=credential,
        expected_challenge=b64url_decode(request["challenge"]),
        expected_rp_id=request["rpID"],
        expected_origin=request["origin"],
        require_user_verification=True,
        pem_root_certs_bytes_by_fmt={AttestationFormat.PACKED: [root_certificate(request["rootCertPEM"])]},
    )
    return {
        "verified": True,
        "fmt": getattr(result.fmt, "value", result.fmt),
        "credentialID": b64url_encode(result.credential_id),
        "aaguid": result.aaguid,
        "signCount": result.sign_count,
        "userVerified": result.user_verified,
    }


def main() -> int:
    try:
        request = read_request()
    except (OSError, ValueError) as error:
        print(json.dumps({"verified": False, "error": f"unreadable input: {error}"}))
        return 2
    try:
        print(json.dumps(verify(request)))
        return 0
    except Exception as error:  # py_webauthn raises several unrelated exception types
        print(json.dumps({"verified": False, "error": f"{type(error).__name__}: {error}"}))
        return 1


if __name__ == "__main__":
    sys.exit(main())
