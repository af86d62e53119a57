import KioskCore

/// Turns an outbox record into SCIM JSON: a full User for a new account, a PatchOp for a key.
///
/// Field mapping (RFC 7643 §4.1 and §4.3):
/// userName ← account.username; externalId and enterprise employeeNumber ← personnelNumber;
/// name.givenName/familyName/formatted, displayName; emails (work, primary); active = true;
/// enterprise organization ← account.department (Referat), department ← account.orgUnit;
/// the FIDO2 extension's `credentials` gets one entry, and a replacement adds the ids it supersedes
/// to `revokeCredentialIds`.
public enum SCIMUserMapper {
    /// Builds the User resource to POST for a new account.
    public static func user(for record: OutboxRecord) -> [String: Any] {
        let account = record.account
        var fido: [String: Any] = ["credentials": [credential(for: record)]]
        if !record.replacesCredentialIDs.isEmpty { fido["revokeCredentialIds"] = record.replacesCredentialIDs }
        return [
            "schemas": [SCIMSchema.user, SCIMSchema.enterpriseUser, SCIMSchema.fido2],
            "userName": account.username,
            "externalId": record.personnelNumber,
            "name": ["givenName": account.givenName, "familyName": account.surname, "formatted": account.displayName],
            "displayName": account.displayName,
            "emails": [["value": account.email, "type": "work", "primary": true]],
            "active": true,
            SCIMSchema.enterpriseUser: [
                "employeeNumber": record.personnelNumber,
                "organization": account.department,
                "department": account.orgUnit,
            ],
            SCIMSchema.fido2: fido,
        ]
    }

    /// Builds the PatchOp that adds the record's credential (and, for a replacement, the ids to revoke).
    public static func patch(for record: OutboxRecord) -> [String: Any] {
        var operations: [[String: Any]] = [
            ["op": "add", "path": SCIMSchema.fido2 + ":credentials", "value": [credential(for: record)]],
        ]
        if !record.replacesCredentialIDs.isEmpty {
            operations.append(
                ["op": "add", "path": SCIMSchema.fido2 + ":revokeCredentialIds", "value": record.replacesCredentialIDs])
        }
        return ["schemas": [SCIMSchema.patchOp], "Operations": operations]
    }

    /// Builds one entry of the extension's `credentials` list.
    static func credential(for record: OutboxRecord) -> [String: Any] {
        let credential = record.credential
        return [
            "credentialId": credential.credentialID,
            "publicKey": credential.publicKeyCOSE,
            "aaguid": credential.aaguid,
            "signCount": Int(credential.signCount),
            "attestationFormat": credential.attestationFormat,
            "attestationObject": credential.attestationObject,
            "clientDataJSON": credential.clientDataJSON,
            "rpId": credential.rpID,
            "origin": credential.origin,
            "userHandle": credential.userHandle,
            "created": record.completedAt,
            "kioskId": record.kioskID,
            "enrollmentId": record.enrollmentID,
        ]
    }
}
