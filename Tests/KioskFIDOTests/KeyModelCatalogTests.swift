import KioskCore
import Testing

@Suite("KeyModelCatalog")
struct KeyModelCatalogTests {
    static let header = "model\tfirmware\taaguid\tfido_cert_level\tmds_description\tseen_in_real_attestation\tnotes"

    @Test func shippedTableNamesKnownYubiKeys() throws {
        let catalog = try KeyModelCatalog(tsv: RealYubiKeyAttestationTests.asset("yubikey-aaguids.tsv"))
        let yubiKey5NFC = try #require(KeyModelCatalog.parseAAGUID("2fc0579f-8113-47ea-b116-bb5a8db9202a"))

        let model = try #require(catalog.model(for: yubiKey5NFC))

        #expect(model.name == "YubiKey 5 Series with NFC")
        #expect(model.products == ["YubiKey 5 NFC", "YubiKey 5C NFC", "YubiKey 5C NFC CSPN"])
        #expect(model.firmware == ["5.2 / 5.4", "5.4"])
        #expect(catalog.aaguids.count == 80)
    }

    @Test func rowKnownOnlyFromMetadataUsesTheDescription() throws {
        let catalog = try KeyModelCatalog(tsv: RealYubiKeyAttestationTests.asset("yubikey-aaguids.tsv"))
        let ccn = try #require(KeyModelCatalog.parseAAGUID("3aa78eb1-ddd8-46a8-a821-8f8ec57a7bd5"))

        #expect(catalog.modelName(for: ccn) == "YubiKey 5 CCN Series with NFC")
        #expect(catalog.model(for: ccn)?.products == [])
    }

    @Test func unknownAndZeroAAGUIDsHaveNoName() throws {
        let catalog = try KeyModelCatalog(tsv: RealYubiKeyAttestationTests.asset("yubikey-aaguids.tsv"))

        #expect(catalog.modelName(for: Array(repeating: 0, count: 16)) == nil)
        #expect(catalog.modelName(for: Array("KIOSK-DEMO-VKEY!".utf8)) == nil)
        #expect(!catalog.aaguids.contains(Array(repeating: 0, count: 16)))
    }

    @Test func rowWithoutDescriptionUsesTheModel() throws {
        let text = "# comment\n\(Self.header)\nYubiKey 9\t9.9\tAABBCCDD-0011-2233-4455-66778899aabb\tLevel 1\t\t\t\n"
        let catalog = try KeyModelCatalog(tsv: text)

        #expect(catalog.modelName(for: [0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB]) == "YubiKey 9")
    }

    @Test func addingAModelExtendsTheCatalog() throws {
        let catalog = try KeyModelCatalog(tsv: "\(Self.header)\nYubiKey 9\t9.9\t00000000-0000-0000-0000-000000000001\t\tNine\t\t\n")
        let demo = KeyModel(aaguid: Array("KIOSK-DEMO-VKEY!".utf8), name: "Virtual YubiKey (demo)")

        let extended = catalog.adding(demo)

        #expect(extended.modelName(for: demo.aaguid) == "Virtual YubiKey (demo)")
        #expect(catalog.modelName(for: demo.aaguid) == nil)
        #expect(extended.aaguids.count == 2)
    }

    @Test func invalidAAGUIDNamesTheLine() {
        let text = "\(Self.header)\nYubiKey 9\t9.9\tnot-a-uuid\t\tNine\t\t\n"

        #expect(throws: KeyModelCatalogError.invalidRow(line: 2, reason: "AAGUID \"not-a-uuid\" is not 8-4-4-4-12 hex")) {
            try KeyModelCatalog(tsv: text)
        }
    }

    @Test func missingColumnAndEmptyTableAreReported() {
        #expect(throws: KeyModelCatalogError.missingColumn("mds_description")) { try KeyModelCatalog(tsv: "model\tfirmware\taaguid\n") }
        #expect(throws: KeyModelCatalogError.empty) { try KeyModelCatalog(tsv: "# only comments\n\(Self.header)\n") }
    }

    @Test(arguments: [
        ("2FC0579F-8113-47EA-B116-BB5A8DB9202A", true), ("2fc0579f811347eab116bb5a8db9202a", false),
        ("2fc0579f-8113-47ea-b116-bb5a8db9202", false), ("2fc0579g-8113-47ea-b116-bb5a8db9202a", false), ("", false),
    ])
    func aaguidParsingAcceptsOnlyDashedHex(text: String, valid: Bool) {
        #expect((KeyModelCatalog.parseAAGUID(text) != nil) == valid)
    }
}
