/// What kind of enrollment a record describes.
public enum EnrollmentKind: String, Sendable, Codable {
    case newAccount = "new-account"
    case additionalKey = "additional-key"
    case replacementKey = "replacement-key"
}

/// The account part of an outbox record.
public struct AccountRecord: Sendable, Codable, Hashable {
    public var username: String
    public var email: String
    public var displayName: String
    public var givenName: String
    public var surname: String
    /// `true` when the kiosk proposed a new account, `false` for an existing one.
    public var isNew: Bool
    public var department: String
    public var orgUnit: String

    public init(
        username: String, email: String, displayName: String, givenName: String, surname: String,
        isNew: Bool, department: String, orgUnit: String
    ) {
        self.username = username
        self.email = email
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.isNew = isNew
        self.department = department
        self.orgUnit = orgUnit
    }
}

/// The credential part of an outbox record: everything a WebAuthn relying party needs to verify it.
/// Binary fields are base64url without padding, as WebAuthn libraries expect them.
public struct CredentialRecord: Sendable, Codable, Hashable {
    public var credentialID: String
    public var publicKeyCOSE: String
    /// AAGUID in the 8-4-4-4-12 hex form.
    public var aaguid: String
    public var signCount: UInt32
    public var attestationFormat: String
    public var attestationObject: String
    /// The clientDataJSON bytes that were hashed for makeCredential, byte for byte.
    public var clientDataJSON: String
    public var rpID: String
    /// WebAuthn origin written into clientDataJSON.
    public var origin: String
    public var userHandle: String
    /// `true` once a test sign-in with this credential verified.
    public var testSignInVerified: Bool

    public init(
        credentialID: String, publicKeyCOSE: String, aaguid: String, signCount: UInt32,
        attestationFormat: String, attestationObject: String, clientDataJSON: String,
        rpID: String, origin: String, userHandle: String, testSignInVerified: Bool
    ) {
        self.credentialID = credentialID
        self.publicKeyCOSE = publicKeyCOSE
        self.aaguid = aaguid
        self.signCount = signCount
        self.attestationFormat = attestationFormat
        self.attestationObject = attestationObject
        self.clientDataJSON = clientDataJSON
        self.rpID = rpID
        self.origin = origin
        self.userHandle = userHandle
        self.testSignInVerified = testSignInVerified
    }
}

/// One finished enrollment as it waits in the outbox for the nightly sync.
///
/// The outbox signs the record's canonical JSON (sorted keys) with the kiosk's Ed25519 key.
public struct OutboxRecord: Sendable, Codable, Hashable {
    /// Version of this layout; bump it when a field changes meaning.
    public var formatVersion: Int
    /// Unique id of this enrollment (UUID, lower case).
    public var enrollmentID: String
    public var kioskID: String
    public var clerkID: String
    /// ISO 8601 UTC times.
    public var startedAt: String
    public var completedAt: String
    public var personnelNumber: String
    public var kind: EnrollmentKind
    /// Credential ids (base64url) that a replacement asks the central side to revoke; empty otherwise.
    public var replacesCredentialIDs: [String]
    /// `true` when a replacement asks the central side to revoke every earlier credential of the
    /// person, because this kiosk cannot list them all; `false` for other kinds. Records written
    /// before this field existed decode as `false`.
    public var revokeAllEarlierCredentials: Bool
    public var account: AccountRecord
    public var credential: CredentialRecord

    public init(
        enrollmentID: String, kioskID: String, clerkID: String, startedAt: String,
        completedAt: String, personnelNumber: String, kind: EnrollmentKind,
        replacesCredentialIDs: [String] = [], revokeAllEarlierCredentials: Bool = false,
        account: AccountRecord, credential: CredentialRecord
    ) {
        self.formatVersion = 1
        self.enrollmentID = enrollmentID
        self.kioskID = kioskID
        self.clerkID = clerkID
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.personnelNumber = personnelNumber
        self.kind = kind
        self.replacesCredentialIDs = replacesCredentialIDs
        self.revokeAllEarlierCredentials = revokeAllEarlierCredentials
        self.account = account
        self.credential = credential
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, enrollmentID, kioskID, clerkID, startedAt, completedAt, personnelNumber
        case kind, replacesCredentialIDs, revokeAllEarlierCredentials, account, credential
    }

    /// Decodes a record; a missing `revokeAllEarlierCredentials` (older records) reads as `false`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        enrollmentID = try container.decode(String.self, forKey: .enrollmentID)
        kioskID = try container.decode(String.self, forKey: .kioskID)
        clerkID = try container.decode(String.self, forKey: .clerkID)
        startedAt = try container.decode(String.self, forKey: .startedAt)
        completedAt = try container.decode(String.self, forKey: .completedAt)
        personnelNumber = try container.decode(String.self, forKey: .personnelNumber)
        kind = try container.decode(EnrollmentKind.self, forKey: .kind)
        replacesCredentialIDs = try container.decode([String].self, forKey: .replacesCredentialIDs)
        revokeAllEarlierCredentials = try container.decodeIfPresent(Bool.self, forKey: .revokeAllEarlierCredentials) ?? false
        account = try container.decode(AccountRecord.self, forKey: .account)
        credential = try container.decode(CredentialRecord.self, forKey: .credential)
    }
}
