// distributed-check: trains a small classifier on seeded synthetic data, alone or as one rank of
// `mpirun -np N`, for DistributedTests. Rank 0 (or the single process) writes the final weights and the
// epoch history; every rank takes its shard of every global batch. With per-rank=1 every rank writes its
// weights into <out-dir>/rank-<r> and checkpoints (if any) go to <checkpoints>/rank-<r>, to show which
// rank writes what.
//
//   distributed-check <out-dir> [model=mlp|batchnorm] [epochs=1] [batch=32] [samples=640] [sync-bn=0|1]
//                     [checkpoints=<dir>] [resume=0|1] [per-rank=0|1] [fail-rank=<r> fail-epoch=<e>]
//                     [shuffle=<seed>] [ghost=<samples>]
import Distributed
import Foundation
import NN
import Tensor

struct CheckError: Error, CustomStringConvertible {
    let description: String
}

struct Options {
    var output: URL
    var values: [String: String] = [:]

    init(_ arguments: [String]) throws {
        guard let first = arguments.first else { throw CheckError(description: "usage: distributed-check <out-dir> [key=value …]") }
        output = URL(fileURLWithPath: first, isDirectory: true)
        for argument in arguments.dropFirst() {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CheckError(description: "expected key=value, got '\(argument)'") }
            values[parts[0]] = parts[1]
        }
    }

    func string(_ key: String, _ fallback: String) -> String { values[key] ?? fallback }

    func int(_ key: String, _ fallback: Int) throws -> Int {
        guard let text = values[key] else { return fallback }
        guard let value = Int(text) else { throw CheckError(description: "\(key)=\(text) is not an integer") }
        return value
    }
}

/// Runs `inner` on consecutive chunks of `size` samples (ghost batches) and concatenates the outputs: in
/// one process, the BatchNorm statistics that ranks with shards of `size` samples see.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
final class GhostBatches: Module, @unchecked Sendable {
    let inner: Module
    let size: Int

    init(_ inner: Module, size: Int) {
        self.inner = inner
        self.size = size
        super.init()
        register(inner, as: "inner")
    }

    override func forward(_ input: Tensor) -> Tensor {
        let count = input.shape[0]
        let chunks = stride(from: 0, to: count, by: size).map { input.sliced(axis: 0, $0..<min($0 + size, count)) }
        return Tensor.concatenate(chunks.map { inner($0) }, axis: 0)
    }
}

/// Four classes of 16 features: a fixed random projection's argmax, plus noise.
func dataset(samples: Int) throws -> (Tensor, [Int]) {
    var generator = RandomGenerator(seed: 1234)
    let projection = (0..<64).map { _ in generator.nextNormal() }
    var values: [Float] = [], labels: [Int] = []
    for _ in 0..<samples {
        let x = (0..<16).map { _ in generator.nextNormal() }
        let scores = (0..<4).map { c in (0..<16).reduce(Float(0)) { $0 + x[$1] * projection[c * 16 + $1] } + 0.3 * generator.nextNormal() }
        values += x
        labels.append(scores.indices.max { scores[$0] < scores[$1] }!)
    }
    return (try Tensor(values, shape: [samples, 16]), labels)
}

func makeModel(_ kind: String) throws -> Module {
    try ParameterInitialization.using(.pytorch, seed: 7) {
        switch kind {
        case "mlp": return Sequential([Linear(16, 32), ReLU(), Linear(32, 4)])
        case "batchnorm": return Sequential([Linear(16, 32), BatchNorm1D(32), ReLU(), Linear(32, 4)])
        default: throw CheckError(description: "model=\(kind): expected mlp or batchnorm")
        }
    }
}

func run(_ options: Options, group: ProcessGroup?) throws {
    let ghost = try options.int("ghost", 0)
    let plain = try makeModel(options.string("model", "mlp"))
    let model = ghost > 0 ? GhostBatches(plain, size: ghost) : plain
    let (inputs, labels) = try dataset(samples: try options.int("samples", 640))
    let batchSize = try options.int("batch", 32)
    let parallel = try group.map {
        try DataParallel(group: $0, batchNormStatistics: options.string("sync-bn", "0") == "1" ? .averaged : .perReplica)
    }
    let (failRank, failEpoch) = (try options.int("fail-rank", -1), try options.int("fail-epoch", -1))
    var step = 0
    let optimizer = try SGD(parameters: model.namedParameters(), learningRate: 0.05, momentum: 0.9)
    let perRank = options.string("per-rank", "0") == "1"
    let rankFolder = { (url: URL) in perRank ? url.appendingPathComponent("rank-\(group?.rank ?? 0)", isDirectory: true) : url }
    let checkpoints = options.values["checkpoints"].map { rankFolder(URL(fileURLWithPath: $0, isDirectory: true)) }
    try checkpoints.map { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: true) }
    let configuration = Trainer.Configuration(epochs: try options.int("epochs", 1), seed: 5, checkpointDirectory: checkpoints,
                                              monitor: "loss", showsProgress: false)
    let trainer = try Trainer(model: model, optimizer: optimizer, loss: CrossEntropyLoss(), configuration: configuration)
    trainer.replication = parallel
    if options.string("resume", "0") == "1" { try trainer.resume() }
    try trainer.fit(training: { epoch in
        if epoch == failEpoch && (group?.rank ?? 0) == failRank { throw CheckError(description: "injected failure in epoch \(epoch + 1)") }
        let shuffle = UInt64(try options.int("shuffle", 99))
        let batches = try TensorBatches(inputs: inputs, labels: labels, batchSize: batchSize, shuffleSeed: { shuffle &+ UInt64($0) })
        return batches.epoch(epoch).lazy.compactMap { batch -> Batch? in
            step += 1
            return parallel.map { $0.shard(of: batch) } ?? batch
        }
    })
    guard perRank || group?.isPrimary ?? true else { return }
    let output = rankFolder(options.output)
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try plain.save(to: output.appendingPathComponent("weights.safetensors"))
    try JSONEncoder().encode(trainer.history).write(to: output.appendingPathComponent("history.json"))
    print("distributed-check: \(group?.size ?? 1) rank(s), \(step) steps, allreduce calls \(parallel?.gradientAllreduceCalls ?? 0)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    let options = try Options(arguments)
    if let group = try ProcessGroup.launched() {
        group.run { try run(options, group: group) }
    } else {
        try run(options, group: nil)
    }
} catch {
    FileHandle.standardError.write(Data("distributed-check: \(error)\n".utf8))
    exit(1)
}
