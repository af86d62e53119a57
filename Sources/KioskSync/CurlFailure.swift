import CCurl
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A failed libcurl transfer, translated into the `URLError` codes that `SCIMClient` classifies:
/// timeouts and lost connections are retried, TLS failures stop the run as a configuration error.
struct CurlFailure {
    let code: CURLcode
    /// libcurl's own detail from CURLOPT_ERRORBUFFER (host, port, OpenSSL reason); never a body or header.
    let detail: String

    /// The libcurl name and text, for example `CURLE_COULDNT_CONNECT (Couldn't connect to server)`.
    var codeName: String {
        let text = String(cString: curl_easy_strerror(code))
        return "\(Self.names[code.rawValue] ?? "CURLE_\(code.rawValue)") (\(text))"
    }

    /// The error handed to the sync engine; its description names the curl code and detail.
    var urlError: URLError {
        let text = detail.isEmpty ? codeName : "\(codeName): \(detail)"
        return URLError(urlErrorCode, userInfo: [NSLocalizedDescriptionKey: text])
    }

    /// The URLError code for this failure.
    var urlErrorCode: URLError.Code {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_COULDNT_CONNECT: .cannotConnectToHost
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .cannotFindHost
        case CURLE_URL_MALFORMAT: .badURL
        case CURLE_UNSUPPORTED_PROTOCOL: .unsupportedURL
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            .serverCertificateUntrusted
        case CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER: .clientCertificateRejected
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_SHUTDOWN_FAILED:
            Self.refusedClientCertificate(detail) ? .clientCertificateRequired : .secureConnectionFailed
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            // With TLS 1.3 a server that wants a client certificate says so only after the
            // handshake, as an alert that arrives on the first read.
            Self.refusedClientCertificate(detail) ? .clientCertificateRequired : .networkConnectionLost
        case CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: .networkConnectionLost
        case CURLE_TOO_MANY_REDIRECTS: .httpTooManyRedirects
        case CURLE_OUT_OF_MEMORY: .cannotLoadFromNetwork
        default: .unknown
        }
    }

    /// `true` when OpenSSL reports that the server wanted (or refused) the client certificate.
    private static func refusedClientCertificate(_ detail: String) -> Bool {
        detail.contains("alert certificate required") || detail.contains("alert bad certificate")
            || detail.contains("alert unknown ca") || detail.contains("alert handshake failure")
    }

    /// The names of the codes this transport meets; others show as `CURLE_<number>`.
    private static let names: [UInt32: String] = [
        CURLE_UNSUPPORTED_PROTOCOL.rawValue: "CURLE_UNSUPPORTED_PROTOCOL", CURLE_URL_MALFORMAT.rawValue: "CURLE_URL_MALFORMAT",
        CURLE_COULDNT_RESOLVE_HOST.rawValue: "CURLE_COULDNT_RESOLVE_HOST", CURLE_COULDNT_CONNECT.rawValue: "CURLE_COULDNT_CONNECT",
        CURLE_PARTIAL_FILE.rawValue: "CURLE_PARTIAL_FILE", CURLE_WRITE_ERROR.rawValue: "CURLE_WRITE_ERROR",
        CURLE_OUT_OF_MEMORY.rawValue: "CURLE_OUT_OF_MEMORY", CURLE_OPERATION_TIMEDOUT.rawValue: "CURLE_OPERATION_TIMEDOUT",
        CURLE_SSL_CONNECT_ERROR.rawValue: "CURLE_SSL_CONNECT_ERROR", CURLE_TOO_MANY_REDIRECTS.rawValue: "CURLE_TOO_MANY_REDIRECTS",
        CURLE_GOT_NOTHING.rawValue: "CURLE_GOT_NOTHING", CURLE_SEND_ERROR.rawValue: "CURLE_SEND_ERROR",
        CURLE_RECV_ERROR.rawValue: "CURLE_RECV_ERROR", CURLE_SSL_CERTPROBLEM.rawValue: "CURLE_SSL_CERTPROBLEM",
        CURLE_SSL_CIPHER.rawValue: "CURLE_SSL_CIPHER", CURLE_PEER_FAILED_VERIFICATION.rawValue: "CURLE_PEER_FAILED_VERIFICATION",
        CURLE_SSL_CACERT_BADFILE.rawValue: "CURLE_SSL_CACERT_BADFILE", CURLE_UNKNOWN_OPTION.rawValue: "CURLE_UNKNOWN_OPTION",
        CURLE_BAD_FUNCTION_ARGUMENT.rawValue: "CURLE_BAD_FUNCTION_ARGUMENT",
    ]
}
