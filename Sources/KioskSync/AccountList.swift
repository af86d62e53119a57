import KioskOutbox

/// `<data_directory>/iam-accounts.tsv`: the accounts the IAM holds, for the kiosk's username check.
///
/// UTF-8, first line `userName<TAB>employeeNumber`, then one account per line sorted by userName,
/// the employee number empty when the IAM has none. A tab or line break inside a value (which a
/// valid account never has) becomes a space, so each line stays two columns.
public enum AccountList {
    /// The header line.
    public static let header = "userName\temployeeNumber"

    /// Encodes `accounts` in the file format.
    public static func encode(_ accounts: [(userName: String, employeeNumber: String?)]) -> [UInt8] {
        var text = header + "\n"
        for account in accounts.sorted(by: { $0.userName < $1.userName }) {
            text += clean(account.userName) + "\t" + clean(account.employeeNumber ?? "") + "\n"
        }
        return Array(text.utf8)
    }

    /// Writes the file crash-safely: a reader sees the old list or the new one, never a mix.
    public static func write(_ accounts: [(userName: String, employeeNumber: String?)], to path: String) throws(SyncError) {
        do {
            try AtomicFile.write(encode(accounts), to: path)
        } catch {
            throw .storage("cannot write \(path): \(error.description)")
        }
    }

    private static func clean(_ value: String) -> String {
        String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
