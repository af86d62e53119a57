/// The keys kiosk.conf accepts, each with the code that checks and stores its value.
///
/// A key in a `[section]` is spelled here with its section prefix, for example `hr.export`.
enum ConfigKeys {
    static let rpID = "webauthn.rp_id"
    static let origin = "webauthn.origin"

    /// Returns the key for one HR column name, for example `hr.column.personnelNumber`.
    static func columnKey(_ column: HRColumn) -> String { "hr.column.\(column.rawValue)" }

    /// Stores `value` under `key` in `config`.
    ///
    /// - Throws: `.unknownKey` with the closest known key, or `.invalidValue` saying what is accepted.
    static func apply(key: String, value: String, line: Int, to config: inout KioskConfig) throws(KioskConfigError) {
        guard let setter = setters[key] else {
            throw .unknownKey(line: line, key: key, suggestion: suggestion(for: key))
        }
        if let expected = setter(&config, value) {
            throw .invalidValue(line: line, key: key, value: value, expected: expected)
        }
    }

    /// Every known key, sorted; used for suggestions and tests.
    static var allKeys: [String] { setters.keys.sorted() }

    // MARK: - Setters

    /// Stores a value and returns `nil`, or returns a description of the accepted values.
    private typealias Setter = @Sendable (inout KioskConfig, String) -> String?

    private static let setters: [String: Setter] = {
        var table: [String: Setter] = [
            "kiosk_id": { config, value in
                guard isIdentifier(value, maxLength: 64) else {
                    return "1 to 64 characters from A-Z a-z 0-9 . _ -, for example sp-rathaus-03"
                }
                config.kioskID = value
                return nil
            },
            "data_directory": { config, value in
                guard !value.isEmpty else { return "a folder path, for example data" }
                config.dataDirectory = value
                return nil
            },
            "language": { config, value in
                guard let language = Language(rawValue: value) else { return "de or en" }
                config.defaultLanguage = language
                return nil
            },
            "idle_timeout_seconds": { config, value in
                guard let seconds = Int(value), (10...3600).contains(seconds) else {
                    return "a whole number of seconds from 10 to 3600"
                }
                config.idleTimeoutSeconds = seconds
                return nil
            },
            "touch_timeout_seconds": { config, value in
                guard let seconds = Int(value), (5...120).contains(seconds) else {
                    return "a whole number of seconds from 5 to 120"
                }
                config.touchTimeoutSeconds = seconds
                return nil
            },
            "log_level": { config, value in
                guard let level = LogLevel.allCases.first(where: { $0.name == value }) else {
                    return LogLevel.allCases.map(\.name).joined(separator: ", ")
                }
                config.logLevel = level
                return nil
            },
            "hr.export": { config, value in
                guard !value.isEmpty else { return "the path of the HR export, for example Assets/demo-hr.csv" }
                config.hrExportPath = value
                return nil
            },
            "hr.encoding": { config, value in
                guard let encoding = parseEncoding(value) else { return "utf-8, windows-1252 or auto" }
                config.hrEncoding = encoding
                return nil
            },
            rpID: { config, value in
                guard isDomain(value) else { return "a lower-case domain name without scheme, for example stadt.example" }
                config.rpID = value
                return nil
            },
            "webauthn.rp_name": { config, value in
                guard !value.isEmpty, value.utf8.count <= 64 else { return "a name of 1 to 64 bytes" }
                config.rpName = value
                return nil
            },
            origin: { config, value in
                guard value.hasPrefix("https://"), isDomain(String(value.dropFirst("https://".count))) else {
                    return "https:// followed by a domain name, no path and no trailing slash, for example https://stadt.example"
                }
                config.origin = value
                return nil
            },
            "account.username_pattern": { config, value in
                guard UsernamePattern.isValid(value) else {
                    return "text with {first} and/or {last} and only a-z 0-9 . - around them, for example {first}.{last}"
                }
                config.usernamePattern = value
                return nil
            },
            "account.username_max_length": { config, value in
                guard let length = Int(value), (3...20).contains(length) else {
                    return "a whole number from 3 to 20 (Active Directory's sAMAccountName holds at most 20)"
                }
                config.usernameMaxLength = length
                return nil
            },
            "account.email_domain": { config, value in
                guard isDomain(value) else { return "a lower-case domain name, for example stadt.example" }
                config.emailDomain = value
                return nil
            },
            "account.eligible_statuses": { config, value in
                guard let statuses = parseStatuses(value) else {
                    return "a comma-separated list of " + EmploymentStatus.allCases.map(\.rawValue).joined(separator: ", ")
                }
                config.eligibleStatuses = statuses
                return nil
            },
            "account.eligible_groups": { config, value in
                let groups = value.split(separator: ",").map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
                guard !value.contains(";"), !value.contains("\"") else {
                    return "a comma-separated list of Beschaeftigtengruppe values such as gewerblich-technisch, Erziehung; "
                        + "leave it empty to allow every group"
                }
                config.eligibleEmployeeGroups = Set(groups)
                return nil
            },
        ]
        table.merge(attestationSetters) { first, _ in first }
        table.merge(syncSetters) { first, _ in first }
        for column in HRColumn.allCases {
            table[columnKey(column)] = { config, value in
                guard !value.isEmpty, !value.contains(";"), !value.contains("\"") else {
                    return "the column's header text as it appears in the export, without ; or \""
                }
                config.hrColumns[column.rawValue] = value
                return nil
            }
        }
        return table
    }()

    /// The `[attestation]` keys: which security keys may register.
    private static let attestationSetters: [String: Setter] = [
        "attestation.required": { config, value in
            switch value.lowercased() {
            case "yes", "true": config.attestation.required = true
            case "no", "false": config.attestation.required = false
            default: return "yes or no"
            }
            return nil
        },
        "attestation.root_certificates": { config, value in
            let paths = value.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            guard !paths.isEmpty else { return "comma-separated PEM file paths, for example Assets/attestation/yubico-roots.pem" }
            config.attestation.rootCertificateFiles = paths
            return nil
        },
        "attestation.intermediate_certificates": { config, value in
            if value == "none" {
                config.attestation.intermediateCertificateFiles = []
                return nil
            }
            let paths = value.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            guard !paths.isEmpty else { return "none, or comma-separated PEM file paths such as Assets/attestation/yubico-intermediates.pem" }
            config.attestation.intermediateCertificateFiles = paths
            return nil
        },
        "attestation.root_fingerprints": { config, value in
            guard !value.isEmpty else { return "the path of the fingerprint file, for example Assets/attestation/yubico-roots.sha256" }
            config.attestation.rootFingerprintFile = value
            return nil
        },
        "attestation.model_catalog": { config, value in
            guard !value.isEmpty else { return "the path of the AAGUID table, for example Assets/yubikey-aaguids.tsv" }
            config.attestation.modelCatalogFile = value
            return nil
        },
        "attestation.allowed_aaguids": { config, value in
            if value == "catalog" {
                config.attestation.allowedAAGUIDs = nil
                return nil
            }
            let parsed = value.split(separator: ",").map { KeyModelCatalog.parseAAGUID($0.trimmingSpaces()) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else {
                return "catalog, or comma-separated AAGUIDs such as 2fc0579f-8113-47ea-b116-bb5a8db9202a"
            }
            config.attestation.allowedAAGUIDs = parsed.compactMap { $0 }
            return nil
        },
        "attestation.algorithms": { config, value in
            let names: [String: Int] = ["es256": -7, "eddsa": -8]
            let parsed = value.split(separator: ",").map { names[$0.trimmingSpaces().lowercased()] }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return "a comma-separated list of es256, eddsa" }
            config.attestation.algorithms = parsed.compactMap { $0 }
            return nil
        },
    ]

    /// Keys of the `[sync]` and `[outbox]` sections.
    private static let syncSetters: [String: Setter] = [
        "sync.url": { config, value in
            guard value.hasPrefix("https://") || value.hasPrefix("http://") else {
                return "the SCIM base URL, for example https://iam.stadt.example/scim/v2"
            }
            config.sync.serverURL = value
            return nil
        },
        "sync.token_file": { config, value in pathSetter(value) { config.sync.tokenFile = $0 } },
        "sync.ca_file": { config, value in pathSetter(value) { config.sync.caFile = $0 } },
        "sync.client_certificate": { config, value in pathSetter(value) { config.sync.clientCertificateFile = $0 } },
        "sync.client_key": { config, value in pathSetter(value) { config.sync.clientKeyFile = $0 } },
        "sync.max_attempts": { config, value in
            intSetter(value, 1...20) { config.sync.maxAttempts = $0 }
        },
        "sync.retry_delay_ms": { config, value in
            intSetter(value, 0...600_000) { config.sync.retryDelayMilliseconds = $0 }
        },
        "sync.timeout_seconds": { config, value in
            intSetter(value, 1...600) { config.sync.requestTimeoutSeconds = $0 }
        },
        "sync.bulk": { config, value in
            guard value == "auto" || value == "off" else { return "auto or off" }
            config.sync.useBulk = value == "auto"
            return nil
        },
        "outbox.retention_days": { config, value in
            intSetter(value, 0...3650) { config.sync.retentionDays = $0 }
        },
    ]

    private static func pathSetter(_ value: String, _ store: (String) -> Void) -> String? {
        guard !value.isEmpty else { return "a file path" }
        store(value)
        return nil
    }

    private static func intSetter(_ value: String, _ range: ClosedRange<Int>, _ store: (Int) -> Void) -> String? {
        guard let number = Int(value), range.contains(number) else {
            return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        }
        store(number)
        return nil
    }

    // MARK: - Value checks

    private static func isIdentifier(_ value: String, maxLength: Int) -> Bool {
        !value.isEmpty && value.count <= maxLength
            && value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    private static func isDomain(_ value: String) -> Bool {
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        guard value.utf8.count <= 253, !labels.isEmpty else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
    }

    private static func parseEncoding(_ value: String) -> HREncoding? {
        switch value.lowercased() {
        case "utf-8", "utf8": .utf8
        case "windows-1252", "cp1252": .windows1252
        case "auto": .auto
        default: nil
        }
    }

    private static func parseStatuses(_ value: String) -> Set<EmploymentStatus>? {
        let names = value.split(separator: ",").map { $0.trimmingSpaces() }
        guard !names.isEmpty else { return nil }
        var statuses: Set<EmploymentStatus> = []
        for name in names {
            guard let status = EmploymentStatus(rawValue: name) else { return nil }
            statuses.insert(status)
        }
        return statuses
    }

    // MARK: - Suggestions

    /// Returns the known key closest to a mistyped one. A key that ends with the typed one (the
    /// section was left out) comes first, else the nearest key at most 3 edits away.
    static func suggestion(for key: String) -> String? {
        if let sectioned = allKeys.first(where: { $0.hasSuffix("." + key) }) { return sectioned }
        let scored = allKeys.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
