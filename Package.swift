// swift-tools-version:6.1
// GenreKit: audio deep learning for Swift on Linux.
import PackageDescription

/// Settings shared by the libraries. No unsafe flags: GenreKit must stay usable as a dependency.
/// Speed comes from release builds (`-c release`, whole-module by default) and unsafe buffers in hot loops.
let numericSettings: [SwiftSetting] = []

/// C libraries from Debian, found through pkg-config.
let systemLibraries: [Target] = [
    .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f", providers: [.apt(["libfftw3-dev"])]),
    .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
    .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CMPI", pkgConfig: "ompi-c", providers: [.apt(["libopenmpi-dev"])]),
]

let libraries: [Target] = [
    /// `SharedPointer`, the one way parallel loops share memory (a dependency of the libraries, not a product).
    .target(name: "ConcurrencySupport", swiftSettings: numericSettings),
    .target(name: "AudioIO", dependencies: ["CSndFile", "CSoxr", "ConcurrencySupport"], swiftSettings: numericSettings),
    .target(name: "DSP", dependencies: ["AudioIO", "CFFTW", "ConcurrencySupport"], swiftSettings: numericSettings),
    .target(name: "Tensor", dependencies: ["COpenBLAS", "ConcurrencySupport"], swiftSettings: numericSettings),
    /// SVG figures: the document, round axis ticks, line/bar/box/scatter charts, heatmaps, waveforms.
    .target(name: "Plotting", swiftSettings: numericSettings),
    .target(name: "NN", dependencies: ["Tensor", "Plotting"], swiftSettings: numericSettings),
    .target(name: "GTZAN", dependencies: ["AudioIO", "DSP", "Tensor", "CPNG", "ConcurrencySupport"], swiftSettings: numericSettings),
    /// The procedurally generated GTZAN-shaped dataset (demos and tests), apart from the loader.
    .target(name: "SyntheticGTZAN", dependencies: ["GTZAN", "AudioIO", "Tensor", "ConcurrencySupport"],
            swiftSettings: numericSettings),
    .target(name: "GenreModels", dependencies: ["NN", "Tensor"], swiftSettings: numericSettings),
    .target(name: "Distributed", dependencies: ["CMPI", "NN", "Tensor"], swiftSettings: numericSettings),
    .target(name: "Experiments",
            dependencies: ["AudioIO", "DSP", "Tensor", "NN", "GTZAN", "SyntheticGTZAN", "GenreModels", "Distributed", "Plotting",
                           "ConcurrencySupport",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Resources")], swiftSettings: numericSettings),
]

/// Thin executables under `Examples/<Folder>/main.swift`.
let examples: [(product: String, folder: String, dependencies: [Target.Dependency])] = [
    ("genrekit-demo", "Demo", ["Experiments", "GenreModels", "GTZAN", "SyntheticGTZAN", "NN"]),
    ("genrekit-classify", "Classify", ["Experiments", "Tensor"]),
    ("resnet-mfcc", "ResNetMFCC", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("mfcc-cnn", "MFCCCNN", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("se-cnn", "SECNN", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("segment-cnn", "SegmentCNN", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("kernel-sweep", "KernelSweep", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("cnn-dynamic", "CNNDynamic", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("mlp-features", "MLPFeatures", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("image-cnn", "ImageCNN", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("mobilenet-transfer", "MobileNetTransfer", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("gtzan-explore", "GTZANExplore", ["Experiments", "GenreModels", "GTZAN", "NN"]),
    ("gtzan-features", "GTZANFeatures", ["Experiments", "DSP", "Distributed"]),
]

let tests: [Target] = [
    .target(name: "TestSupport", dependencies: ["AudioIO", "Tensor", "NN"], path: "Tests/TestSupport"),
    .testTarget(name: "AudioIOTests", dependencies: ["AudioIO", "TestSupport"]),
    .testTarget(name: "DSPTests", dependencies: ["DSP", "AudioIO", "TestSupport", "ConcurrencySupport"]),
    .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport", "ConcurrencySupport"]),
    .testTarget(name: "NNTests", dependencies: ["NN", "Tensor", "Plotting", "TestSupport"]),
    .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
    .testTarget(name: "GTZANTests", dependencies: ["GTZAN", "SyntheticGTZAN", "AudioIO", "DSP", "Tensor", "TestSupport"]),
    .testTarget(name: "SyntheticGTZANTests", dependencies: ["SyntheticGTZAN", "GTZAN", "AudioIO", "TestSupport"]),
    .testTarget(name: "GenreModelsTests", dependencies: ["GenreModels", "NN", "Tensor", "TestSupport"]),
    .testTarget(name: "ExamplesTests", dependencies: ["Experiments", "GenreModels", "GTZAN", "SyntheticGTZAN", "NN", "Tensor", "Plotting",
                                                      "TestSupport"]),
    /// Imports every library product at once, so a type name two products declare fails the build.
    .testTarget(name: "AllProductsTests",
                dependencies: ["AudioIO", "DSP", "Tensor", "NN", "Plotting", "GTZAN", "SyntheticGTZAN", "GenreModels", "Distributed",
                                 "Experiments"]),
    .testTarget(name: "DistributedTests", dependencies: ["Distributed", "NN", "Tensor", "TestSupport"]),
    /// Trains small models under `mpirun` for DistributedTests (which launch it; it is not a product).
    .executableTarget(name: "distributed-check", dependencies: ["Distributed", "NN", "Tensor"],
                      path: "Tests/DistributedCheck", swiftSettings: numericSettings),
]

/// `genrekit-bench`: the Swift side of `make bench` (see `scripts/bench/`).
let benchmarks: [Target] = [
    .executableTarget(name: "genrekit-bench", dependencies: ["AudioIO", "DSP", "Tensor", "NN", "GTZAN", "SyntheticGTZAN",
                                                                  "GenreModels"],
                      path: "Benchmarks/GenreKitBench", swiftSettings: numericSettings),
    /// `genrekit-distributed-bench`: allreduce and data-parallel step costs (BENCHMARKS.md, "Distributed").
    .executableTarget(name: "genrekit-distributed-bench", dependencies: ["Distributed", "GenreModels", "NN", "Tensor"],
                      path: "Benchmarks/DistributedBench", swiftSettings: numericSettings),
]

let package = Package(
    name: "GenreKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AudioIO", targets: ["AudioIO"]),
        .library(name: "DSP", targets: ["DSP"]),
        .library(name: "Tensor", targets: ["Tensor"]),
        .library(name: "NN", targets: ["NN"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "GTZAN", targets: ["GTZAN"]),
        .library(name: "SyntheticGTZAN", targets: ["SyntheticGTZAN"]),
        .library(name: "GenreModels", targets: ["GenreModels"]),
        .library(name: "Distributed", targets: ["Distributed"]),
        .library(name: "Experiments", targets: ["Experiments"]),
    ] + examples.map { .executable(name: $0.product, targets: [$0.product]) }
      + [.executable(name: "genrekit-bench", targets: ["genrekit-bench"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        /// `make docs`: the DocC documentation of every product (`swift package generate-documentation`).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: systemLibraries + libraries + tests + benchmarks + examples.map {
        .executableTarget(name: $0.product, dependencies: $0.dependencies,
                          path: "Examples/\($0.folder)", swiftSettings: numericSettings)
    },
    swiftLanguageModes: [.v6]
)
