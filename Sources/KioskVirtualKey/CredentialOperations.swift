import KioskCrypto

/// A parsed authenticatorMakeCredential request that passed every check before the touch.
struct MakeCredentialRequest {
    let clientDataHash: [UInt8]
    let rpID: String
    let userHandle: [UInt8]
    let userName: String?
    let displayName: String?
    let residentKey: Bool
    let userVerified: Bool
}

/// A parsed authenticatorGetAssertion request with the credentials it matched.
struct GetAssertionRequest {
    let clientDataHash: [UInt8]
    let rpID: String
    let credentials: [StoredCredential]
    let userPresent: Bool
    let userVerified: Bool
    /// `false` for a discoverable-credential request, which returns the user entity and a count.
    let allowListGiven: Bool
}

/// Authenticator data flag bits.
private enum AuthenticatorDataFlag {
    static let userPresent: UInt8 = 0x01
    static let userVerified: UInt8 = 0x04
    static let attestedCredentialData: UInt8 = 0x40
}

extension AuthenticatorCore {
    /// authenticatorMakeCredential (0x01): validates, then waits for the touch.
    mutating func makeCredential(_ parameters: CBOR) throws -> CoreOutcome {
        guard let clientDataHash = parameters[int: 1]?.bytesValue, let rp = parameters[int: 2],
            let user = parameters[int: 3], let algorithms = parameters[int: 4]?.arrayValue
        else { throw CTAPStatus.missingParameter }
        guard let rpID = rp[text: "id"]?.textValue, let userHandle = user[text: "id"]?.bytesValue else {
            throw CTAPStatus.missingParameter
        }
        guard clientDataHash.count == 32, userHandle.count <= 64 else { throw CTAPStatus.invalidLength }
        guard algorithms.contains(where: { $0[text: "alg"]?.intValue == -7 && $0[text: "type"]?.textValue == "public-key" })
        else { throw CTAPStatus.unsupportedAlgorithm }
        let options = parameters[int: 7]
        if options?[text: "uv"]?.boolValue == true { throw CTAPStatus.unsupportedOption }
        if options?[text: "up"] != nil { throw CTAPStatus.invalidOption }
        let residentKey = options?[text: "rk"]?.boolValue ?? false
        let verified = try verifyPinUvAuth(parameters, paramKey: 8, protocolKey: 9, clientDataHash: clientDataHash)
        if pinHash != nil && !verified { throw CTAPStatus.pinRequired }
        if unplugDuringNextMakeCredential {
            unplugDuringNextMakeCredential = false
            return .unplug
        }
        if isExcluded(parameters[int: 5]?.arrayValue ?? [], rpID: rpID) { return .awaitTouch(.excluded) }
        if residentKey && credentials.count >= configuration.residentKeyCapacity { throw CTAPStatus.keyStoreFull }
        let request = MakeCredentialRequest(
            clientDataHash: clientDataHash, rpID: rpID, userHandle: userHandle,
            userName: user[text: "name"]?.textValue, displayName: user[text: "displayName"]?.textValue,
            residentKey: residentKey, userVerified: verified)
        return .awaitTouch(.makeCredential(request))
    }

    private func isExcluded(_ excludeList: [CBOR], rpID: String) -> Bool {
        let excludedIDs = excludeList.compactMap { $0[text: "id"]?.bytesValue }
        return credentials.contains { $0.rpID == rpID && excludedIDs.contains($0.id) }
    }

    /// Creates the key pair and the packed attestation once the person touched the key.
    mutating func finishMakeCredential(_ request: MakeCredentialRequest) throws -> CBOR {
        let key = try P256Key.generate()
        let credentialID = try SecureRandom.bytes(32)
        let credential = StoredCredential(
            id: credentialID, rpID: request.rpID, userHandle: request.userHandle, userName: request.userName,
            displayName: request.displayName, privateKey: key, serial: nextSerial)
        nextSerial += 1
        // CTAP: a new discoverable credential replaces one for the same RP and user handle.
        credentials.removeAll { $0.rpID == request.rpID && $0.userHandle == request.userHandle }
        credentials.append(credential)
        signCounter &+= 1

        var flags = AuthenticatorDataFlag.userPresent | AuthenticatorDataFlag.attestedCredentialData
        if request.userVerified { flags |= AuthenticatorDataFlag.userVerified }
        let publicKey = try Self.coseKey(key, algorithm: -7).encoded()
        let attestedData = attestedAAGUID + Self.bigEndian16(credentialID.count) + credentialID + publicKey
        let authData = authenticatorData(rpID: request.rpID, flags: flags) + attestedData
        let (format, statement) = try attestationStatement(authData: authData, clientDataHash: request.clientDataHash, credentialKey: key)
        return .map([CBORPair(.int(1), .text(format)), CBORPair(.int(2), .bytes(authData)), CBORPair(.int(3), statement)])
    }

    /// authenticatorGetAssertion (0x02): finds the credentials, then waits for the touch.
    mutating func getAssertion(_ parameters: CBOR) throws -> CoreOutcome {
        guard let rpID = parameters[int: 1]?.textValue, let clientDataHash = parameters[int: 2]?.bytesValue else {
            throw CTAPStatus.missingParameter
        }
        guard clientDataHash.count == 32 else { throw CTAPStatus.invalidLength }
        let options = parameters[int: 5]
        if options?[text: "uv"]?.boolValue == true { throw CTAPStatus.unsupportedOption }
        let userPresent = options?[text: "up"]?.boolValue ?? true
        let verified = try verifyPinUvAuth(parameters, paramKey: 6, protocolKey: 7, clientDataHash: clientDataHash)
        let allowList = parameters[int: 3]?.arrayValue
        let matches: [StoredCredential]
        if let allowList, !allowList.isEmpty {
            let allowed = allowList.compactMap { $0[text: "id"]?.bytesValue }
            matches = credentials.filter { $0.rpID == rpID && allowed.contains($0.id) }
        } else {
            matches = credentials.filter { $0.rpID == rpID }.sorted { $0.serial > $1.serial }
        }
        guard !matches.isEmpty else { throw CTAPStatus.noCredentials }
        let request = GetAssertionRequest(
            clientDataHash: clientDataHash, rpID: rpID, credentials: matches, userPresent: userPresent,
            userVerified: verified, allowListGiven: !(allowList?.isEmpty ?? true))
        return userPresent ? .awaitTouch(.getAssertion(request)) : .reply(try Self.okReply(finishGetAssertion(request)))
    }

    /// Signs with the first matching credential and keeps the rest for getNextAssertion.
    mutating func finishGetAssertion(_ request: GetAssertionRequest) throws -> CBOR {
        guard let first = request.credentials.first else { throw CTAPStatus.noCredentials }
        if !request.allowListGiven && request.credentials.count > 1 {
            pendingAssertions = Array(request.credentials.dropFirst())
            pendingAssertionRequest = request
        }
        return try assertion(first, request: request, count: request.allowListGiven ? nil : request.credentials.count)
    }

    /// authenticatorGetNextAssertion (0x08).
    mutating func getNextAssertion() throws -> CBOR {
        guard let request = pendingAssertionRequest, !pendingAssertions.isEmpty else { throw CTAPStatus.notAllowed }
        let next = pendingAssertions.removeFirst()
        return try assertion(next, request: request, count: nil)
    }

    private mutating func assertion(_ credential: StoredCredential, request: GetAssertionRequest, count: Int?) throws -> CBOR {
        signCounter &+= 1
        var flags: UInt8 = request.userPresent ? AuthenticatorDataFlag.userPresent : 0
        if request.userVerified { flags |= AuthenticatorDataFlag.userVerified }
        let authData = authenticatorData(rpID: request.rpID, flags: flags)
        let signature = try credential.privateKey.signSHA256(authData + request.clientDataHash)
        var user: [CBORPair] = [CBORPair(.text("id"), .bytes(credential.userHandle))]
        // CTAP 2.0: user name and display name only with user verification and several matches.
        if request.userVerified && !request.allowListGiven && request.credentials.count > 1 {
            if let name = credential.userName { user.append(CBORPair(.text("name"), .text(name))) }
            if let display = credential.displayName { user.append(CBORPair(.text("displayName"), .text(display))) }
        }
        var reply: [CBORPair] = [
            CBORPair(.int(1), .map([CBORPair(.text("id"), .bytes(credential.id)), CBORPair(.text("type"), .text("public-key"))])),
            CBORPair(.int(2), .bytes(authData)), CBORPair(.int(3), .bytes(signature)), CBORPair(.int(4), .map(user)),
        ]
        if let count, count > 1 { reply.append(CBORPair(.int(5), .int(count))) }
        return .map(reply)
    }

    /// rpIdHash || flags || signCount, the 37-byte start of every authenticator data.
    private func authenticatorData(rpID: String, flags: UInt8) -> [UInt8] {
        let counter = signCounter
        let counterBytes = [UInt8(counter >> 24 & 0xFF), UInt8(counter >> 16 & 0xFF), UInt8(counter >> 8 & 0xFF), UInt8(counter & 0xFF)]
        return SHA256.hash(Array(rpID.utf8)) + [flags] + counterBytes
    }

    private static func bigEndian16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
}
