import KioskCore

/// The action that the command line requests.
enum Command: Equatable {
    /// The interactive kiosk; `demo` attaches a virtual key instead of USB keys.
    case run(configPath: String, demo: Bool)
    case outboxList(configPath: String)
    case outboxVerify(configPath: String)
    /// Check an HR export and print a summary for the HR clerk. `configPath` is `nil` when
    /// --config was not given; `language` is `nil` without --language.
    case hrCheck(file: String, configPath: String?, language: Language?)
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
               kiosk hr check FILE [--config FILE] [--language de|en]
                                                     check an HR export (exit 1: rows rejected,
                                                     2: file rejected)
               kiosk sync [--config FILE]            send the outbox to the IAM (SCIM) and fetch its accounts
                                                     (exit 0 done, 75 partial: retry later, 78 configuration error)
               kiosk --help                          show this text

          --config FILE   settings file (default: kiosk.conf in the current directory)
          --demo          use a virtual security key instead of USB keys
          --language      language of the hr check summary (default: language in kiosk.conf, else de)
        """

    /// - Throws: `KioskFailure.usage` with a message that names the bad argument and the fix.
    static func parse(_ arguments: [String]) throws(KioskFailure) -> Command {
        var configPath = defaultConfigPath
        var configGiven = false
        var language: Language?
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
                configGiven = true
            case "--language":
                guard index + 1 < arguments.count, let value = Language(rawValue: arguments[index + 1]) else {
                    throw .usage("--language needs de or en, for example: --language en")
                }
                index += 1
                language = value
            default:
                guard !argument.hasPrefix("-") else {
                    throw .usage("unknown option \(argument); the options are --config FILE, --demo, --language and --help")
                }
                words.append(argument)
            }
            index += 1
        }
        if words.count == 3 && words[0] == "hr" && words[1] == "check" {
            return .hrCheck(file: words[2], configPath: configGiven ? configPath : nil, language: language)
        }
        if words.first == "hr" {
            throw .usage("use 'kiosk hr check FILE [--config FILE] [--language de|en]'")
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
