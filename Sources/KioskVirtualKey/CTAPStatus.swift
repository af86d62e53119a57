/// CTAP2 status codes the virtual key returns (CTAP 2.1 section 8.2, "Status codes").
enum CTAPStatus: UInt8, Error {
    case ok = 0x00
    case invalidCommand = 0x01
    case invalidParameter = 0x02
    case invalidLength = 0x03
    case invalidCBOR = 0x12
    case missingParameter = 0x14
    case credentialExcluded = 0x19
    case unsupportedAlgorithm = 0x26
    case keyStoreFull = 0x28
    case unsupportedOption = 0x2B
    case invalidOption = 0x2C
    case keepaliveCancel = 0x2D
    case noCredentials = 0x2E
    case userActionTimeout = 0x2F
    case notAllowed = 0x30
    case pinInvalid = 0x31
    case pinBlocked = 0x32
    case pinAuthInvalid = 0x33
    case pinAuthBlocked = 0x34
    case pinNotSet = 0x35
    case pinRequired = 0x36
    case pinPolicyViolation = 0x37
    case invalidSubcommand = 0x3E
    case other = 0x7F
}

/// CTAPHID command bytes (without the 0x80 init-frame bit).
enum CTAPHIDCommand: UInt8 {
    case ping = 0x01
    case msg = 0x03
    case initialize = 0x06
    case wink = 0x08
    case cbor = 0x10
    case cancel = 0x11
    case keepalive = 0x3B
    case error = 0x3F
}

/// CTAPHID_ERROR codes for framing faults.
enum CTAPHIDError: UInt8 {
    case invalidCommand = 0x01
    case invalidLength = 0x03
    case invalidSequence = 0x04
    case channelBusy = 0x06
    case invalidChannel = 0x0B
}

/// CTAP2 authenticator API command bytes carried inside CTAPHID_CBOR.
enum CTAP2Command: UInt8 {
    case makeCredential = 0x01
    case getAssertion = 0x02
    case getInfo = 0x04
    case clientPIN = 0x06
    case reset = 0x07
    case getNextAssertion = 0x08
}
