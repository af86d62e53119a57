// MARK: - Lookup form

extension EnrollmentFlow {
    static let maxNameLength = 60

    func handleLookupInput(_ form: LookupForm, _ input: UserInput) -> [FlowEffect] {
        var form = form
        switch input {
        case .toggleLookupMode:
            var other = LookupForm(mode: form.mode == .personnelNumber ? .name : .personnelNumber)
            other.birthDate = form.birthDate
            form = other
        case .tab, .down:
            form.focus = neighbour(of: form.focus, in: form.fields, offset: 1)
        case .up:
            form.focus = neighbour(of: form.focus, in: form.fields, offset: -1)
        case .character(let character):
            form.problem = nil
            append(character, to: &form)
        case .backspace:
            form.problem = nil
            edit(&form) { text in if !text.isEmpty { text.removeLast() } }
        case .enter:
            if form.focus != form.fields.last {
                form.focus = neighbour(of: form.focus, in: form.fields, offset: 1)
            } else {
                return submit(form)
            }
        case .escape:
            return reset(to: .welcome)
        case .showSyncConflicts:
            if let effects = showConflicts(returningTo: form) { return effects }
        default:
            break
        }
        step = .lookup(form)
        return []
    }

    private func neighbour(of field: LookupForm.Field, in fields: [LookupForm.Field], offset: Int) -> LookupForm.Field {
        guard let index = fields.firstIndex(of: field) else { return fields[0] }
        return fields[(index + offset + fields.count) % fields.count]
    }

    private func append(_ character: Character, to form: inout LookupForm) {
        switch form.focus {
        case .personnelNumber:
            guard character.isASCII, character.isNumber, form.personnelNumber.count < 8 else { return }
            form.personnelNumber.append(character)
        case .birthDate:
            guard character.isASCII, character.isNumber || character == ".", form.birthDate.count < 10 else { return }
            form.birthDate.append(character)
        case .surname, .givenName:
            guard character.isLetter || " -'’.".contains(character) else { return }
            edit(&form) { text in if text.count < Self.maxNameLength { text.append(character) } }
        }
    }

    private func edit(_ form: inout LookupForm, _ change: (inout String) -> Void) {
        switch form.focus {
        case .personnelNumber: change(&form.personnelNumber)
        case .surname: change(&form.surname)
        case .givenName: change(&form.givenName)
        case .birthDate: change(&form.birthDate)
        }
    }

    /// Validates the form, runs the lookup and moves to the matching screen.
    private func submit(_ form: LookupForm) -> [FlowEffect] {
        var form = form
        let query: LookupQuery
        switch validate(form) {
        case .failure(let problem):
            form.problem = problem.problem
            form.focus = problem.field
            step = .lookup(form)
            return []
        case .success(let valid):
            query = valid
        }
        lastForm = form
        switch environment.search(query) {
        case .throttled(let seconds):
            form.problem = .tooManyAttempts(waitSeconds: seconds)
            step = .lookup(form)
            return [.log(.warning, "lookup throttled", ["wait": String(seconds)])]
        case .tooManyMatches(let limit):
            form.problem = .tooManyMatches(limit: limit)
            if form.mode == .name && form.givenName.trimmingSpaces().isEmpty { form.focus = .givenName }
            step = .lookup(form)
            return [.log(.info, "lookup matched too many people", ["limit": String(limit)])]
        case .found(let people) where people.isEmpty:
            form.problem = .notFound
            step = .lookup(form)
            return [.log(.info, "lookup found nobody", [:])]
        case .found(let people) where people.count == 1:
            step = .confirmPerson(people[0])
            return [.log(.info, "lookup found one person", [:])]
        case .found(let people):
            step = .chooseCandidate(candidates: people, selected: 0)
            return [.log(.info, "lookup found homonyms", ["count": String(people.count)])]
        }
    }

    private struct FieldProblem: Error {
        var field: LookupForm.Field
        var problem: InputProblem
    }

    private func validate(_ form: LookupForm) -> Result<LookupQuery, FieldProblem> {
        let date = Self.parseBirthDate(form.birthDate)
        switch form.mode {
        case .personnelNumber:
            guard !form.personnelNumber.isEmpty else {
                return .failure(FieldProblem(field: .personnelNumber, problem: .empty))
            }
            guard let date else { return .failure(FieldProblem(field: .birthDate, problem: form.birthDate.isEmpty ? .empty : .invalidDate)) }
            // HR keeps leading zeros; a clerk typing "4711" means "00004711".
            let padded = String(repeating: "0", count: 8 - form.personnelNumber.count) + form.personnelNumber
            return .success(.personnelNumber(padded, birthDate: date))
        case .name:
            let surname = form.surname.trimmingSpaces()
            guard !surname.isEmpty else { return .failure(FieldProblem(field: .surname, problem: .empty)) }
            guard let date else { return .failure(FieldProblem(field: .birthDate, problem: form.birthDate.isEmpty ? .empty : .invalidDate)) }
            let given = form.givenName.trimmingSpaces()
            return .success(.name(surname: surname, givenName: given.isEmpty ? nil : given, birthDate: date))
        }
    }

    /// Accepts `DD.MM.YYYY` and the dot-less `DDMMYYYY` that clerks type on a number pad.
    static func parseBirthDate(_ text: String) -> CivilDate? {
        if let date = CivilDate(german: text) { return date }
        let digits = Array(text)
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return nil }
        return CivilDate(german: "\(String(digits[0..<2])).\(String(digits[2..<4])).\(String(digits[4..<8]))")
    }
}
