// swift-tools-version:6.1
// A package that uses GenreKit as its users' packages do: by path, in Swift 6 language mode, with only the products
// it needs (`make test` builds and runs it; see README "Using GenreKit from your own package").
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "GenreKit", path: "../..")],
    targets: [
        .executableTarget(name: "consumer-check",
                          dependencies: [.product(name: "NN", package: "GenreKit"),
                                         .product(name: "Tensor", package: "GenreKit")]),
    ],
    swiftLanguageModes: [.v6]
)
