import KioskCore

/// Index of the IAM's users for the sync, by employee number and by userName.
struct DirectoryIndex {
    /// One user at the IAM.
    struct User {
        var id: String
        var userName: String
        var employeeNumber: String?
        var externalID: String?
        var credentialIDs: Set<String>
    }

    private(set) var users: [String: User] = [:]
    private var byPerson: [String: String] = [:]
    private var byUserName: [String: String] = [:]

    /// Looks up a user by userName, ignoring case as the IAM's uniqueness check does.
    func user(userName: String) -> User? {
        byUserName[userName.lowercased()].flatMap { users[$0] }
    }

    /// Records the result of a create or patch for `record`, so a later wave finds it.
    mutating func recordCreated(id: String, userName: String, record: OutboxRecord) {
        var user = users[id] ?? User(
            id: id, userName: userName, employeeNumber: record.personnelNumber, externalID: record.personnelNumber,
            credentialIDs: [])
        user.credentialIDs.insert(record.credential.credentialID)
        insert(user)
    }

    /// Looks up the user for a personnel number by employeeNumber, else by externalId.
    func user(personnelNumber: String) -> User? {
        byPerson[personnelNumber].flatMap { users[$0] }
    }

    /// Adds or replaces a user.
    mutating func insert(_ user: User) {
        users[user.id] = user
        byUserName[user.userName.lowercased()] = user.id
        if let number = user.externalID, byPerson[number] == nil { byPerson[number] = user.id }
        if let number = user.employeeNumber { byPerson[number] = user.id }
    }

    /// Records a credential the IAM now holds for `id`.
    mutating func addCredential(_ credentialID: String, to id: String) {
        users[id]?.credentialIDs.insert(credentialID)
    }

    /// Reads a user from a SCIM resource; nil when it lacks `id` or `userName`.
    static func user(from resource: [String: Any]) -> User? {
        guard let id = resource["id"] as? String, let userName = resource["userName"] as? String else { return nil }
        let enterprise = resource[SCIMSchema.enterpriseUser] as? [String: Any]
        let fido = resource[SCIMSchema.fido2] as? [String: Any]
        let credentials = (fido?["credentials"] as? [[String: Any]]) ?? []
        return User(
            id: id, userName: userName, employeeNumber: enterprise?["employeeNumber"] as? String,
            externalID: resource["externalId"] as? String,
            credentialIDs: Set(credentials.compactMap { $0["credentialId"] as? String }))
    }
}
