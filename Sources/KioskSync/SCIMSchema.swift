/// Schema URNs the sync writes and reads (RFC 7643 and the kiosk's own FIDO2 extension).
public enum SCIMSchema {
    public static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    public static let enterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    /// The kiosk's extension; documented in Assets/scim/fido2-credential-schema.json.
    public static let fido2 = "urn:ietf:params:scim:schemas:extension:kiosk:2.0:Fido2Credential"
    public static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    public static let bulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"

    /// Filter attribute path of the employee number.
    public static let employeeNumberPath = enterpriseUser + ":employeeNumber"
}
