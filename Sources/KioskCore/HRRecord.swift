/// Employment status as the HR export spells it.
public enum EmploymentStatus: String, Sendable, Codable, CaseIterable {
    case active = "aktiv"
    case onLeave = "beurlaubt"
    case left = "ausgeschieden"
    case pensioner = "Versorgungsempfaenger"
}

/// One person from the HR export, reduced to the fields the kiosk needs.
///
/// Names are stored NFC-normalised and trimmed. `account` is the existing IT account
/// (Benutzerkennung), `nil` for people who have none.
public struct HRRecord: Sendable, Hashable {
    /// Personalnummer: 8 digits, unique in the export, leading zeros kept.
    public var personnelNumber: String
    public var surname: String
    public var givenName: String
    /// Academic title such as "Dr." or "Prof. Dr.", empty when none.
    public var title: String
    public var birthDate: CivilDate
    /// Referat (department).
    public var department: String
    /// Organisationseinheit (organisational unit).
    public var orgUnit: String
    /// Beschaeftigtengruppe, for example "gewerblich-technisch" or "Erziehung".
    public var employeeGroup: String
    public var status: EmploymentStatus
    public var entryDate: CivilDate?
    public var exitDate: CivilDate?
    public var account: String?

    public init(
        personnelNumber: String, surname: String, givenName: String, title: String = "",
        birthDate: CivilDate, department: String = "", orgUnit: String = "",
        employeeGroup: String = "", status: EmploymentStatus = .active,
        entryDate: CivilDate? = nil, exitDate: CivilDate? = nil, account: String? = nil
    ) {
        self.personnelNumber = personnelNumber
        self.surname = surname
        self.givenName = givenName
        self.title = title
        self.birthDate = birthDate
        self.department = department
        self.orgUnit = orgUnit
        self.employeeGroup = employeeGroup
        self.status = status
        self.entryDate = entryDate
        self.exitDate = exitDate
        self.account = account
    }

    /// Name as shown on screen and used for the credential's displayName: "Dr. Ayşe Yılmaz-Berger".
    public var displayName: String {
        let name = "\(givenName) \(surname)"
        return title.isEmpty ? name : "\(title) \(name)"
    }
}
