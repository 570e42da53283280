// swift-tools-version:5.9
// Swift package of skillplan: the uniffi-generated Swift over SkillplanFFI.xcframework, which
// scripts/build-xcframework.sh writes to ios/ on a Mac. Recipe: bindings-mobile/README.md ("iOS").
// NOT BUILT IN THIS PROJECT'S CI: there is no Swift toolchain or Xcode on its machines.
import PackageDescription

let package = Package(
    name: "Skillplan",
    // iOS only: the XCFramework has device and simulator slices, no macOS one.
    platforms: [.iOS(.v15)],
    products: [
        .library(name: "Skillplan", targets: ["Skillplan"]),
    ],
    targets: [
        .binaryTarget(name: "SkillplanFFI", path: "ios/SkillplanFFI.xcframework"),
        .target(
            name: "Skillplan",
            dependencies: ["SkillplanFFI"],
            path: "generated/swift",
            exclude: ["SkillplanFFI.h", "SkillplanFFI.modulemap"],
            sources: ["Skillplan.swift"]
        ),
    ]
)
