/// What the command line asks the kiosk to do.
enum Command: Equatable {
    /// The interactive kiosk; `demo` attaches a virtual key instead of USB keys.
    case run(configPath: String, demo: Bool)
    case outboxList(configPath: String)
    case outboxVerify(configPath: String)
    /// Push the outbox to the IAM over SCIM and pull the account list.
    case sync(configPath: String)
    case help
}

/// Parses `kiosk [--config FILE] [--demo] | outbox list|verify [--config FILE] | --help`.
enum Arguments {
    static let defaultConfigPath = "kiosk.conf"

    static let usage = """
        usage: kiosk [--config FILE] [--demo]        run the enrollment kiosk
               kiosk outbox list [--config FILE]     list the records waiting in the outbox
               kiosk outbox verify [--config FILE]   check every record's signature and the audit log (exit 1 if one fails)
               kiosk sync [--config FILE]            send the outbox to the IAM (SCIM) and fetch its accounts
                                                     (exit 0 done, 75 partial: retry later, 78 configuration error)
               kiosk --help                          show this text

          --config FILE   settings file (default: kiosk.conf in the current directory)
          --demo          use a virtual security key instead of USB keys
        """

    /// - Throws: `KioskFailure.usage` with a message that names the bad argument and the fix.
    static func parse(_ arguments: [String]) throws(KioskFailure) -> Command {
        var configPath = defaultConfigPath
        var demo = false
        var words: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--help", "-h":
                return .help
            case "--demo":
                demo = true
            case "--config":
                guard index + 1 < arguments.count else {
                    throw .usage("--config needs a file name, for example: --config /etc/kiosk/kiosk.conf")
                }
                index += 1
                configPath = arguments[index]
            default:
                guard !argument.hasPrefix("-") else {
                    throw .usage("unknown option \(argument); the options are --config FILE, --demo and --help")
                }
                words.append(argument)
            }
            index += 1
        }
        return try command(for: words, configPath: configPath, demo: demo)
    }

    private static func command(for words: [String], configPath: String, demo: Bool) throws(KioskFailure) -> Command {
        switch words {
        case []:
            return .run(configPath: configPath, demo: demo)
        case ["outbox", "list"]:
            return .outboxList(configPath: configPath)
        case ["outbox", "verify"]:
            return .outboxVerify(configPath: configPath)
        case ["sync"]:
            return .sync(configPath: configPath)
        case let other where other.first == "outbox":
            let given = other.dropFirst().joined(separator: " ")
            throw .usage("unknown outbox command '\(given)'; use 'kiosk outbox list' or 'kiosk outbox verify'")
        default:
            throw .usage("unknown command '\(words.joined(separator: " "))'; run 'kiosk --help' for the commands")
        }
    }
}
