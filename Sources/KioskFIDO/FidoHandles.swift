import CFido2
import KioskCore

// Each libfido2 object has exactly one owner type below; the owner frees it once in deinit
// with the matching fido_*_free, so no handle leaks or is freed twice on an error path.

/// Owns a `fido_dev_t`; closes it (when open) and frees it in deinit.
final class FidoDevice: @unchecked Sendable {
    let handle: OpaquePointer
    /// Set by `close`; libfido2 must not close a device twice.
    private var isOpen = false

    init() throws(SecurityKeyError) {
        guard let handle = fido_dev_new() else { throw .deviceError(call: "fido_dev_new", code: Int(FIDO_ERR_INTERNAL)) }
        self.handle = handle
    }

    /// Opens `path`, recording success so deinit knows whether to close.
    func open(path: String) -> Int32 {
        let result = fido_dev_open(handle, path)
        isOpen = result == FIDO_OK
        return result
    }

    /// Closes the device once; later calls do nothing.
    func close() {
        guard isOpen else { return }
        isOpen = false
        _ = fido_dev_close(handle)
    }

    deinit {
        close()
        var pointer: OpaquePointer? = handle
        fido_dev_free(&pointer)
    }
}

/// Owns a `fido_cred_t`.
final class FidoCredential {
    let handle: OpaquePointer

    init() throws(SecurityKeyError) {
        guard let handle = fido_cred_new() else { throw .deviceError(call: "fido_cred_new", code: Int(FIDO_ERR_INTERNAL)) }
        self.handle = handle
    }

    deinit {
        var pointer: OpaquePointer? = handle
        fido_cred_free(&pointer)
    }
}

/// Owns a `fido_assert_t`.
final class FidoAssertion {
    let handle: OpaquePointer

    init() throws(SecurityKeyError) {
        guard let handle = fido_assert_new() else {
            throw .deviceError(call: "fido_assert_new", code: Int(FIDO_ERR_INTERNAL))
        }
        self.handle = handle
    }

    deinit {
        var pointer: OpaquePointer? = handle
        fido_assert_free(&pointer)
    }
}

/// Owns a `fido_cbor_info_t` (an authenticatorGetInfo reply).
final class FidoCBORInfo {
    let handle: OpaquePointer

    init() throws(SecurityKeyError) {
        guard let handle = fido_cbor_info_new() else {
            throw .deviceError(call: "fido_cbor_info_new", code: Int(FIDO_ERR_INTERNAL))
        }
        self.handle = handle
    }

    deinit {
        var pointer: OpaquePointer? = handle
        fido_cbor_info_free(&pointer)
    }
}

/// Owns an `es256_pk_t` (a P-256 public key in libfido2's form).
final class FidoES256PublicKey {
    let handle: OpaquePointer

    init() throws(SecurityKeyError) {
        guard let handle = es256_pk_new() else { throw .deviceError(call: "es256_pk_new", code: Int(FIDO_ERR_INTERNAL)) }
        self.handle = handle
    }

    deinit {
        var pointer: OpaquePointer? = handle
        es256_pk_free(&pointer)
    }
}

/// Owns a `fido_dev_info_t` array of `capacity` slots.
final class FidoDeviceInfoList {
    let handle: OpaquePointer
    let capacity: Int

    init(capacity: Int) throws(SecurityKeyError) {
        guard let handle = fido_dev_info_new(capacity) else {
            throw .deviceError(call: "fido_dev_info_new", code: Int(FIDO_ERR_INTERNAL))
        }
        self.handle = handle
        self.capacity = capacity
    }

    deinit {
        var pointer: OpaquePointer? = handle
        fido_dev_info_free(&pointer, capacity)
    }
}

/// A NUL-terminated copy of a PIN for libfido2, zeroed when `body` returns.
func withCString<R>(_ secret: SecretBytes, _ body: (UnsafePointer<CChar>) throws(SecurityKeyError) -> R) throws(SecurityKeyError) -> R {
    var buffer = secret.withBytes { Array($0) } + [0]
    defer {
        for index in buffer.indices { buffer[index] = 0 }
    }
    guard !buffer.dropLast().contains(0) else { throw .pinPolicyViolation }
    return try buffer.withUnsafeBufferPointer { bytes throws(SecurityKeyError) in
        try bytes.withMemoryRebound(to: CChar.self) { characters throws(SecurityKeyError) in
            try body(characters.baseAddress!)
        }
    }
}
