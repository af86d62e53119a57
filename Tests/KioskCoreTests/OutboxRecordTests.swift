import Foundation
import Testing
@testable import KioskCore

/// Decoding outbox records written before and after the revocation flag.
@Suite struct OutboxRecordTests {
    private static let credential = CredentialRecord(
        credentialID: "AQID", publicKeyCOSE: "pQ", aaguid: "00000000-0000-0000-0000-000000000000", signCount: 0,
        attestationFormat: "packed", attestationObject: "ow", clientDataJSON: "e30", rpID: "stadt.example",
        origin: "https://stadt.example", userHandle: "WloK", testSignInVerified: true)
    private static let account = AccountRecord(
        username: "j.mueller", email: "j.mueller@stadt.example", displayName: "Jürgen Müller", givenName: "Jürgen",
        surname: "Müller", isNew: false, department: "BAU", orgUnit: "BAU-GB-3")

    @Test func recordWithoutRevocationFlagDecodesAsFalse() throws {
        let record = OutboxRecord(enrollmentID: "e", kioskID: "k", clerkID: "c", startedAt: "s", completedAt: "t",
                                  personnelNumber: "00471100", kind: .replacementKey, account: Self.account,
                                  credential: Self.credential)
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any])
        json.removeValue(forKey: "revokeAllEarlierCredentials")
        let decoded = try JSONDecoder().decode(OutboxRecord.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(!decoded.revokeAllEarlierCredentials)
        #expect(decoded.kind == .replacementKey)
    }

    @Test func revocationFlagRoundTrips() throws {
        let record = OutboxRecord(enrollmentID: "e", kioskID: "k", clerkID: "c", startedAt: "s", completedAt: "t",
                                  personnelNumber: "00471100", kind: .replacementKey, revokeAllEarlierCredentials: true,
                                  account: Self.account, credential: Self.credential)
        let decoded = try JSONDecoder().decode(OutboxRecord.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
        #expect(decoded.formatVersion == 1)
    }
}
