import CFido2
import KioskCore
@testable import KioskFIDO
import Testing

@Suite("Mapping of libfido2 codes to SecurityKeyError")
struct FidoErrorsTests {
    static let table: [(Int32, SecurityKeyError)] = [
        (FIDO_ERR_PIN_AUTH_BLOCKED, .pinAuthBlocked),
        (FIDO_ERR_PIN_BLOCKED, .pinBlocked),
        (FIDO_ERR_PIN_POLICY_VIOLATION, .pinPolicyViolation),
        (FIDO_ERR_PIN_REQUIRED, .pinRequired),
        (FIDO_ERR_PIN_NOT_SET, .pinRequired),
        (FIDO_ERR_ACTION_TIMEOUT, .touchTimeout),
        (FIDO_ERR_USER_ACTION_TIMEOUT, .touchTimeout),
        (FIDO_ERR_TX, .keyRemoved),
        (FIDO_ERR_RX, .keyRemoved),
        (FIDO_ERR_KEEPALIVE_CANCEL, .cancelled),
        (FIDO_ERR_KEY_STORE_FULL, .keyStoreFull),
        (FIDO_ERR_CREDENTIAL_EXCLUDED, .credentialExcluded),
        (FIDO_ERR_OPERATION_DENIED, .operationDenied),
        (FIDO_ERR_NOT_ALLOWED, .operationDenied),
        (FIDO_ERR_INVALID_SIG, .assertionInvalid),
        (FIDO_ERR_NO_CREDENTIALS, .deviceError(call: "fido_dev_make_cred", code: Int(FIDO_ERR_NO_CREDENTIALS))),
        (FIDO_ERR_INTERNAL, .deviceError(call: "fido_dev_make_cred", code: Int(FIDO_ERR_INTERNAL))),
    ]

    @Test(arguments: table)
    func codeMapsToError(code: Int32, expected: SecurityKeyError) {
        #expect(securityKeyError(code: code, context: FidoFailureContext(call: "fido_dev_make_cred")) == expected)
    }

    @Test func pinInvalidCarriesRetries() {
        var context = FidoFailureContext(call: "fido_dev_make_cred")
        context.retriesLeft = 5
        #expect(securityKeyError(code: FIDO_ERR_PIN_INVALID, context: context) == .pinInvalid(retriesLeft: 5))
        #expect(securityKeyError(code: FIDO_ERR_PIN_INVALID, context: FidoFailureContext(call: "x")) == .pinInvalid(retriesLeft: nil))
    }

    @Test func receiveFailureAfterDeadlineIsTouchTimeout() {
        var context = FidoFailureContext(call: "fido_dev_make_cred")
        context.deadlinePassed = true
        #expect(securityKeyError(code: FIDO_ERR_RX, context: context) == .touchTimeout)
    }

    @Test func unsupportedAlgorithmNamesTheReason() {
        let error = securityKeyError(code: FIDO_ERR_UNSUPPORTED_ALGORITHM, context: FidoFailureContext(call: "fido_dev_make_cred"))
        guard case .unsupportedKey(let reason) = error else {
            Issue.record("expected unsupportedKey, got \(error)")
            return
        }
        #expect(reason.contains("ES256"))
    }

    @Test func hexDumpLinesAreRecognised() {
        #expect(FidoLibrary.isHexDump("0016: 8a 01 02"))
        #expect(FidoLibrary.isHexDump("0000: 15"))
        #expect(!FidoLibrary.isHexDump("fido_tx: dev=0x1, cmd=0x10"))
        #expect(!FidoLibrary.isHexDump("rx: payload_len=17"))
        #expect(!FidoLibrary.isHexDump(""))
    }
}
