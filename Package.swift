// swift-tools-version:6.0
import PackageDescription

// Module graph: KioskCore has no C import; each C library is reached through one
// system-library target that holds only a module map and a shim header.
let package = Package(
    name: "kiosk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kiosk", targets: ["kiosk"]),
    ],
    targets: [
        .systemLibrary(name: "CFido2", pkgConfig: "libfido2", providers: [.apt(["libfido2-dev"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCbor", pkgConfig: "libcbor", providers: [.apt(["libcbor-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "KioskCore"),
        .target(name: "KioskCrypto", dependencies: ["CCrypto"]),
        .target(name: "KioskVirtualKey", dependencies: ["CFido2", "CCbor", "CCrypto", "KioskCrypto"]),
        .target(name: "KioskFIDO", dependencies: ["CFido2", "CCbor", "KioskCore", "KioskCrypto", "KioskVirtualKey"]),
        .target(name: "KioskOutbox", dependencies: ["KioskCore", "KioskCrypto"]),
        .target(name: "KioskTerminal", dependencies: ["CNcursesw", "KioskCore"]),
        .target(name: "KioskSync", dependencies: ["CCurl", "KioskCore", "KioskOutbox", "KioskCrypto"]),
        .executableTarget(
            name: "kiosk",
            dependencies: [
                "KioskCore", "KioskCrypto", "KioskFIDO", "KioskVirtualKey", "KioskOutbox", "KioskTerminal", "KioskSync",
            ]),
        .executableTarget(name: "kiosk-bench", dependencies: ["KioskCore"], path: "Sources/KioskBench"),

        .target(name: "KioskTestSupport", dependencies: ["KioskCore"]),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore", "KioskTestSupport"]),
        .testTarget(name: "KioskCryptoTests", dependencies: ["KioskCrypto"]),
        .testTarget(
            name: "KioskFIDOTests",
            dependencies: ["KioskFIDO", "KioskVirtualKey", "KioskCore", "KioskCrypto", "KioskTestSupport", "CFido2"]),
        .testTarget(name: "KioskOutboxTests", dependencies: ["KioskOutbox", "KioskCore", "KioskCrypto", "KioskTestSupport"]),
        .testTarget(
            name: "KioskSyncTests",
            dependencies: ["KioskSync", "KioskOutbox", "KioskCore", "KioskCrypto", "KioskTestSupport"]),
        .testTarget(name: "KioskTerminalTests", dependencies: ["KioskTerminal", "KioskCore", "KioskTestSupport"]),
        .testTarget(
            name: "KioskEndToEndTests",
            dependencies: ["KioskCore", "KioskOutbox", "KioskCrypto", "KioskTestSupport"]),
    ]
)
