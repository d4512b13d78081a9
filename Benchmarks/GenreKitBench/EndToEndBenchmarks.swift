import Foundation
import GenreModels
import GTZAN
import NN
import Tensor

/// End-to-end tasks on real data, paired with `scripts/bench/ref_e2e.py` by `scripts/bench/e2e.py` (`make bench-e2e`).
/// Registered only when the real GTZAN subset is present (`GENREKIT_SHARED_REAL`, default `../shared/gtzan-real`).
let endToEndBenchmarks: [Benchmark] = CNNDynamicImageEpoch.dataRoot.map { root in
    [
        Benchmark(name: "e2e/cnn_dynamic_epoch_images",
                  summary: "one cnn-dynamic epoch (Adam, batch 32) over every real 432 × 288 PNG of images_original, "
                      + "decoded on a background thread while the model trains",
                  prepare: { try CNNDynamicImageEpoch(root: root).epoch() }),
        Benchmark(name: "e2e/cnn_dynamic_step_images",
                  summary: "one cnn-dynamic training step on a batch of 32 real images already in memory",
                  prepare: { try CNNDynamicImageEpoch(root: root).step() }),
    ]
} ?? []

/// cnn-dynamic trained on the images of a GTZAN folder, as the example does it, minus evaluation.
final class CNNDynamicImageEpoch {
    /// The real subset's folder when it has images.
    static var dataRoot: URL? {
        let path = ProcessInfo.processInfo.environment["GENREKIT_SHARED_REAL"] ?? "../shared/gtzan-real"
        let root = URL(fileURLWithPath: path)
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("images_original").path) ? root : nil
    }

    static let batchSize = 32
    let batches: ImageBatches
    let model: Module
    let optimizer: Adam
    let loss = CategoricalCrossEntropy()

    init(root: URL) throws {
        let dataset = try GTZANDataset(root: root)
        batches = try ImageBatches(images: dataset.images.filter(\.isStored), width: 432, height: 288,
                                   batchSize: Self.batchSize, shuffle: true, seed: 0, workers: Parallel.threadCount)
        model = ParameterInitialization.using(CNNDynamic.initialization, seed: 1) { CNNDynamic() }
        optimizer = try Adam(parameters: model.namedParameters(), learningRate: 1e-3, epsilon: 1e-7)
    }

    private func train(_ batch: Batch) {
        optimizer.zeroGrad()
        loss(model(batch.inputs), labels: batch.labels).backward()
        optimizer.step()
    }

    /// The timed closure of a whole epoch: every image decoded, batched and trained on.
    func epoch() -> () throws -> Void {
        var epoch = 0
        return {
            let iterator = self.batches.epoch(epoch)
            epoch += 1
            while let batch = try iterator.nextBatch() { self.train(batch) }
        }
    }

    /// The timed closure of one step on the first batch of epoch 0, decoded once beforehand.
    func step() throws -> () throws -> Void {
        let batch = try batches.batch(Array(batches.order(epoch: 0).prefix(Self.batchSize)), epoch: 0)
        return { self.train(batch) }
    }
}
