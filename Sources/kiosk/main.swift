import Foundation
import KioskOutbox

/// Entry point: parses the command line and runs the kiosk or one of its operator commands.
/// Exit codes: 0 success, 1 outbox verification found a problem or hr check rejected rows,
/// 2 usage or configuration error or an HR export rejected as a whole.
func runCommand() -> Int32 {
    do {
        switch try Arguments.parse(Array(CommandLine.arguments.dropFirst())) {
        case .help:
            print(Arguments.usage)
            return 0
        case .run(let configPath, let demo):
            try KioskRunner.run(configPath: configPath, demo: demo)
            return 0
        case .outboxList(let configPath):
            let setup = try KioskSetup.load(configPath: configPath)
            let output = OutboxInspector.list(try setup.openOutboxForInspection(), language: .english)
            print(output.text, terminator: output.text.hasSuffix("\n") ? "" : "\n")
            return output.exitStatus
        case .outboxVerify(let configPath):
            let setup = try KioskSetup.load(configPath: configPath)
            let output = OutboxInspector.verify(try setup.openOutboxForInspection(), language: .english)
            print(output.text, terminator: output.text.hasSuffix("\n") ? "" : "\n")
            return output.exitStatus
        case .hrCheck(let file, let configPath, let language):
            return try HRCheckCommand.run(file: file, configPath: configPath, language: language)
        case .sync(let configPath):
            return SyncCommand.run(configPath: configPath)
        }
    } catch {
        FileHandle.standardError.write(Data("kiosk: \(error.message)\n".utf8))
        return 2
    }
}

exit(runCommand())
