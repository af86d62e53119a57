import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskCrypto

extension SCIMClient {
    /// Reads every user page by page (RFC 7644 §3.4.2.4) and hands each page's resources to `handle`.
    ///
    /// `startIndex` is 1-based and advances by the number of resources received, so a server that
    /// returns fewer than `pageSize` per page still gets read completely. Reading stops at an empty
    /// page or once `totalResults` are read. A page identical to one seen before (a server that
    /// ignores `startIndex`) stops the read with `.protocolViolation` instead of looping forever.
    /// - Parameters:
    ///   - filter: an optional SCIM filter; nil lists all users.
    /// - Returns: the number of resources read.
    @discardableResult
    func pageThroughUsers(
        attributes: [String], filter: String? = nil, pageSize: Int = 1000, handle: ([[String: Any]]) -> Void
    ) throws(SyncError) -> Int {
        var startIndex = 1
        var seenPages = Set<String>()
        while true {
            var query = [
                URLQueryItem(name: "startIndex", value: String(startIndex)),
                URLQueryItem(name: "count", value: String(pageSize)),
                URLQueryItem(name: "attributes", value: attributes.joined(separator: ",")),
            ]
            if let filter { query.append(URLQueryItem(name: "filter", value: filter)) }
            let page = try getJSON("Users", query: query)
            let resources = page["Resources"] as? [[String: Any]] ?? []
            if resources.isEmpty { break }
            let signature = SHA256.hex(Array(resources.map { ($0["id"] as? String) ?? "?" }.joined(separator: "\n").utf8))
            guard seenPages.insert(signature).inserted else {
                throw .protocolViolation(detail: "the server returned the same page again at startIndex \(startIndex)")
            }
            handle(resources)
            startIndex += resources.count
            if let total = Self.integer(page["totalResults"]), startIndex > total { break }
        }
        return startIndex - 1
    }

    /// Reads /ServiceProviderConfig and returns the /Bulk limits, or nil when /Bulk is not offered.
    func bulkLimits() throws(SyncError) -> (maxOperations: Int, maxPayloadSize: Int)? {
        let config = try getJSON("ServiceProviderConfig")
        guard let bulk = config["bulk"] as? [String: Any], (bulk["supported"] as? Bool) == true,
              let operations = Self.integer(bulk["maxOperations"]), operations > 0,
              let payload = Self.integer(bulk["maxPayloadSize"]), payload > 0
        else { return nil }
        return (operations, payload)
    }

    /// Reads an integer that a server may send as a number or as a string.
    static func integer(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let text = value as? String { return Int(text) }
        if let number = value as? Double { return Int(exactly: number) }
        return nil
    }
}
