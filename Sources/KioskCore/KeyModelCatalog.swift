/// One security key model family as an AAGUID names it.
///
/// An AAGUID names a series and firmware profile, not a single product: YubiKey 5C, 5 Nano and
/// 5 (USB-A) with firmware 5.2 share one AAGUID. `name` is therefore the family name.
public struct KeyModel: Sendable, Hashable {
    /// AAGUID, 16 bytes.
    public var aaguid: [UInt8]
    /// Family name for screens and logs, for example "YubiKey 5 Series with NFC".
    public var name: String
    /// Product names that report this AAGUID, for example ["YubiKey 5 NFC", "YubiKey 5C NFC"];
    /// empty when the source lists none.
    public var products: [String]
    /// Firmware versions listed for this AAGUID, for example ["5.2 / 5.4"]; empty when unknown.
    public var firmware: [String]

    public init(aaguid: [UInt8], name: String, products: [String] = [], firmware: [String] = []) {
        self.aaguid = aaguid
        self.name = name
        self.products = products
        self.firmware = firmware
    }
}

/// Failures while reading the AAGUID table.
public enum KeyModelCatalogError: Error, Sendable, Equatable {
    /// The header row lacks a required column.
    case missingColumn(String)
    /// A data row is too short or its AAGUID is not 8-4-4-4-12 hex.
    case invalidRow(line: Int, reason: String)
    /// The table contains no data row.
    case empty
}

/// Security key models by AAGUID, read from a tab-separated table.
///
/// The table (Assets/yubikey-aaguids.tsv) has `#` comment lines, a header row with at least
/// the columns `model`, `firmware`, `aaguid` and `mds_description`, and one row per product
/// and AAGUID. Rows that share an AAGUID merge into one `KeyModel`. The name is the FIDO
/// metadata description when the row has one, else the `model` column.
public struct KeyModelCatalog: Sendable {
    private var models: [[UInt8]: KeyModel]

    /// Creates a catalog from models; a later model with the same AAGUID replaces an earlier one.
    public init(models: [KeyModel]) {
        var table: [[UInt8]: KeyModel] = [:]
        for model in models { table[model.aaguid] = model }
        self.models = table
    }

    /// Parses the tab-separated table.
    ///
    /// - Throws: `KeyModelCatalogError` naming the missing column or the first invalid row.
    public init(tsv: String) throws(KeyModelCatalogError) {
        let lines = tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var columns: [String: Int]?
        var table: [[UInt8]: KeyModel] = [:]
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            guard let known = columns else {
                columns = try Self.columnIndexes(header: fields)
                continue
            }
            let row = try Self.parseRow(fields, columns: known, line: index + 1)
            table[row.aaguid] = Self.merge(table[row.aaguid], row)
        }
        guard !table.isEmpty else { throw .empty }
        models = table
    }

    /// Returns the model family of `aaguid`, or `nil` when the table does not list it.
    public func model(for aaguid: [UInt8]) -> KeyModel? { models[aaguid] }

    /// Returns the family name of `aaguid`, or `nil` when the table does not list it.
    public func modelName(for aaguid: [UInt8]) -> String? { models[aaguid]?.name }

    /// Every AAGUID in the catalog, the default AAGUID allow-list.
    public var aaguids: Set<[UInt8]> { Set(models.keys) }

    /// Returns a copy with one more model, for example the virtual key in demo mode.
    public func adding(_ model: KeyModel) -> KeyModelCatalog {
        var copy = self
        copy.models[model.aaguid] = model
        return copy
    }

    /// Parses an AAGUID written as 8-4-4-4-12 hex digits (either case).
    ///
    /// - Returns: the 16 bytes, or `nil` for any other form.
    public static func parseAAGUID(_ text: some StringProtocol) -> [UInt8]? {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return nil }
        let digits = Array(groups.joined().utf8)
        var bytes: [UInt8] = []
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[pair]), let low = hexValue(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    // MARK: - Parsing helpers

    private static let requiredColumns = ["model", "firmware", "aaguid", "mds_description"]

    private static func columnIndexes(header: [String]) throws(KeyModelCatalogError) -> [String: Int] {
        var indexes: [String: Int] = [:]
        for name in requiredColumns {
            guard let index = header.firstIndex(of: name) else { throw .missingColumn(name) }
            indexes[name] = index
        }
        return indexes
    }

    private static func parseRow(_ fields: [String], columns: [String: Int], line: Int) throws(KeyModelCatalogError) -> KeyModel {
        func field(_ name: String) -> String {
            guard let index = columns[name], index < fields.count else { return "" }
            return fields[index]
        }
        guard fields.count > columns["aaguid"] ?? 0 else { throw .invalidRow(line: line, reason: "too few columns") }
        guard let aaguid = parseAAGUID(field("aaguid")) else {
            throw .invalidRow(line: line, reason: "AAGUID \"\(field("aaguid"))\" is not 8-4-4-4-12 hex")
        }
        let product = field("model")
        let description = field("mds_description")
        // Rows known only from FIDO metadata carry a placeholder instead of a product name.
        let isPlaceholder = product.isEmpty || product.hasPrefix("(")
        let name = description.isEmpty ? product : description
        guard !name.isEmpty, !(isPlaceholder && description.isEmpty) else {
            throw .invalidRow(line: line, reason: "neither a model nor a description")
        }
        let firmware = field("firmware")
        return KeyModel(
            aaguid: aaguid, name: name, products: isPlaceholder ? [] : [product], firmware: firmware.isEmpty ? [] : [firmware])
    }

    private static func merge(_ existing: KeyModel?, _ row: KeyModel) -> KeyModel {
        guard var merged = existing else { return row }
        for product in row.products where !merged.products.contains(product) { merged.products.append(product) }
        for version in row.firmware where !merged.firmware.contains(version) { merged.firmware.append(version) }
        return merged
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
