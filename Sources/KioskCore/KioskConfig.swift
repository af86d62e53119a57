/// Text encoding of the HR export.
public enum HREncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    /// UTF-8 when the file is valid UTF-8, Windows-1252 otherwise.
    case auto
}

/// Screen language.
public enum Language: String, Sendable, CaseIterable {
    case german = "de"
    case english = "en"
}

/// The kiosk's settings, read from kiosk.conf. Every field has a working default.
public struct KioskConfig: Sendable {
    /// Identifies this terminal in outbox records and logs, for example "sp-rathaus-03".
    public var kioskID = "kiosk-demo"
    /// Folder for the outbox, the kiosk key and the log; created on first start.
    public var dataDirectory = "data"
    /// Path of the HR export (semicolon CSV).
    public var hrExportPath = "Assets/demo-hr.csv"
    public var hrEncoding = HREncoding.auto
    /// HR export column names by field; keys are the `HRColumn` raw values.
    public var hrColumns: [String: String] = HRColumn.defaultNames
    /// WebAuthn relying party id, for example "stadt.example".
    public var rpID = "stadt.example"
    public var rpName = "Stadtverwaltung"
    /// WebAuthn origin written into clientDataJSON.
    public var origin = "https://stadt.example"
    /// Username pattern; `{first}` and `{last}` are the transliterated given name and surname.
    public var usernamePattern = "{first}.{last}"
    /// Maximum username length in characters (Active Directory's sAMAccountName allows 20).
    public var usernameMaxLength = 20
    public var emailDomain = "stadt.example"
    /// Statuses that may get a new account.
    public var eligibleStatuses: Set<EmploymentStatus> = [.active, .onLeave]
    /// Employee groups (Beschaeftigtengruppe) that may get a new account, lower-cased; empty
    /// means every group may.
    public var eligibleEmployeeGroups: Set<String> = []
    public var defaultLanguage = Language.german
    /// Seconds without a key press after which a session is cancelled and wiped.
    public var idleTimeoutSeconds = 120
    /// Seconds to wait for a touch on the key.
    public var touchTimeoutSeconds = 30
    /// `true` attaches a virtual security key so the kiosk runs without hardware.
    public var demoMode = false
    /// Minimum log level written to the log file.
    public var logLevel = LogLevel.info
    /// Settings of the nightly SCIM sync and of outbox retention.
    public var sync = SyncSettings()

    /// Rules for which security keys may register (the `[attestation]` section).
    public var attestation = AttestationSettings()

    public init() {}
}

/// The attestation policy settings; paths are relative to the working folder.
public struct AttestationSettings: Sendable, Equatable {
    /// `false` accepts keys whose attestation fails, logging them as not attested.
    public var required = true
    /// PEM files with the vendor roots an attestation chain may end in.
    public var rootCertificateFiles = ["Assets/attestation/yubico-roots.pem"]
    /// PEM files with intermediate CAs used to complete chains whose x5c lacks them; not trust anchors.
    public var intermediateCertificateFiles = ["Assets/attestation/yubico-intermediates.pem"]
    /// File of SHA-256 fingerprints; a root whose fingerprint is not listed is rejected.
    public var rootFingerprintFile = "Assets/attestation/yubico-roots.sha256"
    /// Tab-separated AAGUID table that names the key models.
    public var modelCatalogFile = "Assets/yubikey-aaguids.tsv"
    /// AAGUIDs (16 bytes each) allowed to register; `nil` allows every AAGUID in the model catalog.
    public var allowedAAGUIDs: [[UInt8]]?
    /// COSE algorithms the credential key may use (-7 ES256, -8 EdDSA).
    public var algorithms = [-7]

    public init() {}
}

/// The fields the kiosk reads from the HR export.
public enum HRColumn: String, Sendable, CaseIterable {
    case personnelNumber, surname, givenName, title, birthDate, department, orgUnit
    case employeeGroup, status, entryDate, exitDate, account

    /// Column headers of the default export layout.
    public static let defaultNames: [String: String] = [
        HRColumn.personnelNumber.rawValue: "Personalnummer",
        HRColumn.surname.rawValue: "Nachname",
        HRColumn.givenName.rawValue: "Vorname",
        HRColumn.title.rawValue: "Titel",
        HRColumn.birthDate.rawValue: "Geburtsdatum",
        HRColumn.department.rawValue: "Referat",
        HRColumn.orgUnit.rawValue: "Organisationseinheit",
        HRColumn.employeeGroup.rawValue: "Beschaeftigtengruppe",
        HRColumn.status.rawValue: "Status",
        HRColumn.entryDate.rawValue: "Eintrittsdatum",
        HRColumn.exitDate.rawValue: "Austrittsdatum",
        HRColumn.account.rawValue: "Benutzerkennung",
    ]

    /// Columns an export must contain; the others may be missing.
    public var isRequired: Bool {
        switch self {
        case .personnelNumber, .surname, .givenName, .birthDate, .status: true
        default: false
        }
    }
}
