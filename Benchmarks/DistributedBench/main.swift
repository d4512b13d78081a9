// genrekit-distributed-bench: what data-parallel training costs on this machine, for BENCHMARKS.md.
//
//   mpirun -np 2 genrekit-distributed-bench allreduce     gradient sync (DataParallel, bucketed) per model,
//                                                        and raw MPI_Allreduce by size (latency, bandwidth)
//   [mpirun -np N] genrekit-distributed-bench step <model> [global-batch]
//                                                        a training step split over the ranks: compute
//                                                        (forward + backward), gradient sync, Adam step
//
// Times are medians over repetitions after a warm-up, printed by rank 0 as Markdown table rows.
import Distributed
import Foundation
import GenreModels
import NN
import Tensor

struct BenchError: Error, CustomStringConvertible {
    let description: String
}

/// The example models (as genrekit-bench's nn/ tasks): input shape, batch size and initialisation.
struct ModelSpec: Sendable {
    var name: String
    var batchSize: Int
    var inputShape: [Int]
    var initialization: InitializationScheme
    var make: @Sendable () -> Module

    static let all = [
        ModelSpec(name: "mlp", batchSize: 32, inputShape: [57], initialization: FeatureMLP.Variant.keras.initialization,
                  make: { FeatureMLP(.keras) }),
        ModelSpec(name: "mfcc-cnn", batchSize: 32, inputShape: MFCCCNN.inputShape, initialization: MFCCCNN.initialization,
                  make: { MFCCCNN() }),
        ModelSpec(name: "resnet-mfcc", batchSize: 32, inputShape: ResNetMFCC.inputShape,
                  initialization: ResNetMFCC.initialization, make: { ResNetMFCC() }),
        ModelSpec(name: "se-cnn", batchSize: 64, inputShape: SECNN.inputShape, initialization: SECNN.initialization,
                  make: { SECNN() }),
        ModelSpec(name: "cnn-dynamic", batchSize: 32, inputShape: CNNDynamic.inputShape,
                  initialization: CNNDynamic.initialization, make: { CNNDynamic() }),
        ModelSpec(name: "image-cnn", batchSize: 32, inputShape: ImageCNN.inputShape, initialization: ImageCNN.initialization,
                  make: { ImageCNN() }),
        ModelSpec(name: "mobilenet-transfer", batchSize: 32, inputShape: MobileNetTransfer.inputShape,
                  initialization: MobileNetTransfer.initialization, make: { MobileNetTransfer() }),
    ]

    static func named(_ name: String) throws -> ModelSpec {
        guard let spec = all.first(where: { $0.name == name }) else {
            throw BenchError(description: "no model '\(name)'; models: \(all.map(\.name).joined(separator: ", "))")
        }
        return spec
    }

    func model() -> Module { ParameterInitialization.using(initialization, seed: 1) { make() } }
}

/// Median and minimum seconds of `body` over `repeats` runs after `warmUp` runs; every rank runs it, in step.
func timed(repeats: Int, warmUp: Int = 2, _ body: () throws -> Void) rethrows -> (median: Double, minimum: Double) {
    for _ in 0..<warmUp { try body() }
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return (times[times.count / 2], times[0])
}

func milliseconds(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1000) }

/// Gradient sync per model, then raw allreduce by size.
func allreduce(group: ProcessGroup) throws {
    let parallel = try DataParallel(group: group)
    if group.isPrimary {
        print("| model | trainable parameters | MiB | buckets | gradient sync per step: median (min) ms |\n|---|---:|---:|---:|---:|")
    }
    for spec in ModelSpec.all {
        let parameters = spec.model().namedParameters().map(\.parameter).filter(\.requiresGrad)
        var generator = RandomGenerator(seed: 3)
        for parameter in parameters { parameter.value.grad = Tensor.normal(parameter.shape, using: &generator) }
        let before = parallel.gradientAllreduceCalls
        try parallel.synchronizeGradients(of: parameters, sampleCount: 16)
        let buckets = parallel.gradientAllreduceCalls - before
        let count = parameters.map(\.value.count).reduce(0, +)
        let time = try timed(repeats: count > 5_000_000 ? 9 : 31) { try parallel.synchronizeGradients(of: parameters, sampleCount: 16) }
        if group.isPrimary {
            print("| \(spec.name) | \(count) | \(String(format: "%.2f", Double(count * 4) / 1048576)) | \(buckets) | \(milliseconds(time.median)) (\(milliseconds(time.minimum))) |")
        }
    }
    if group.isPrimary { print("\n| floats | bytes | MPI_Allreduce: median (min) ms | GB/s (bytes / min) |\n|---:|---:|---:|---:|") }
    for exponent in stride(from: 0, through: 24, by: 2) {
        var buffer = [Float](repeating: 1, count: 1 << exponent)
        let time = try timed(repeats: exponent > 20 ? 9 : 51) {
            try buffer.withUnsafeMutableBufferPointer { try group.allreduceSum($0) }
        }
        if group.isPrimary {
            print("| \(1 << exponent) | \((1 << exponent) * 4) | \(milliseconds(time.median)) (\(milliseconds(time.minimum))) | \(String(format: "%.2f", Double((1 << exponent) * 4) / time.minimum / 1e9)) |")
        }
    }
}

/// One training step of `spec` at `globalBatch`, split over the ranks, timed by phase.
func step(_ spec: ModelSpec, globalBatch: Int, group: ProcessGroup?) throws {
    let parallel = try group.map { try DataParallel(group: $0) }
    let model = spec.model()
    let optimizer = try Adam(parameters: model.namedParameters().filter(\.parameter.requiresGrad), learningRate: 1e-3)
    var generator = RandomGenerator(seed: 2)
    let global = Batch(inputs: Tensor.normal([globalBatch] + spec.inputShape, using: &generator), labels: (0..<globalBatch).map { $0 % 10 })
    guard let (input, labels) = (parallel.map({ $0.shard(of: global) }) ?? global).map({ ($0.inputs, $0.labels) }) else {
        throw BenchError(description: "global batch \(globalBatch) is smaller than the \(group!.size) ranks")
    }
    let parameters = model.namedParameters().map(\.parameter).filter(\.requiresGrad)
    let loss = CrossEntropyLoss()
    var (compute, sync, update): ([Double], [Double], [Double]) = ([], [], [])
    let clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    let repeats = spec.name == "se-cnn" || spec.name == "image-cnn" ? 5 : 21
    for index in 0..<(repeats + 2) {
        let start = clock()
        optimizer.zeroGrad()
        loss(model(input), labels: labels).backward()
        let computed = clock()
        try parallel?.synchronizeGradients(of: parameters, sampleCount: labels.count)
        let synced = clock()
        optimizer.step()
        let end = clock()
        if index >= 2 { (compute, sync, update) = (compute + [computed - start], sync + [synced - computed], update + [end - synced]) }
    }
    let middle = { (values: [Double]) in values.sorted()[values.count / 2] }
    let total = middle(zip(zip(compute, sync), update).map { $0.0 + $0.1 + $1 })
    guard group?.isPrimary ?? true else { return }
    print("| \(spec.name) | \(globalBatch) | \(group?.size ?? 1) × \(Parallel.threadCount) | \(labels.count) | "
          + "\(milliseconds(middle(compute))) | \(milliseconds(middle(sync))) | \(milliseconds(middle(update))) | \(milliseconds(total)) |")
}

func main(_ arguments: [String], group: ProcessGroup?) throws {
    switch arguments.first {
    case "allreduce":
        guard let group else { throw BenchError(description: "allreduce runs under mpirun (-np 1 measures packing alone)") }
        try allreduce(group: group)
    case "step":
        guard arguments.count >= 2 else { throw BenchError(description: "usage: step <model> [global-batch]") }
        let spec = try ModelSpec.named(arguments[1])
        let batch = try arguments.count > 2 ? Int(arguments[2]).map { $0 } ?? { throw BenchError(description: "batch \(arguments[2])") }() : spec.batchSize
        try step(spec, globalBatch: batch, group: group)
    default:
        throw BenchError(description: "usage: genrekit-distributed-bench allreduce | step <model> [global-batch]")
    }
}

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let group = try ProcessGroup.launched() {
        group.run { try main(arguments, group: group) }
    } else {
        try main(arguments, group: nil)
    }
} catch {
    FileHandle.standardError.write(Data("genrekit-distributed-bench: \(error)\n".utf8))
    exit(1)
}
