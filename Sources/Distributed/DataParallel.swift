import Foundation
import NN
import Tensor

/// Data-parallel training over MPI (Horovod's and DistributedDataParallel's model): plug it into a `Trainer`
/// as its `replication` and give every rank its `shard(of:)` of each global batch.
///
/// - The primary's (rank 0's) parameters and buffers are broadcast at the start of `fit`, so every rank
///   starts from the same weights whatever its own initialisation.
/// - After each backward pass the gradients are summed with `MPI_Allreduce` over a few buckets of at most
///   about `bucketCapacity` floats, each rank's weighted by its sample count, and divided by the global
///   count: every rank then steps with the gradient of the mean loss over the whole global batch.
/// - Epoch loss and accuracy are summed over ranks; the other metrics (validation) are rank 0's.
/// - BatchNorm: see `BatchNormStatistics`.
public final class DataParallel: TrainingReplication {
    /// How BatchNorm's statistics are kept across ranks.
    public enum BatchNormStatistics: String, Sendable, CaseIterable {
        /// Each rank normalises with its shard's batch statistics and keeps its own running statistics;
        /// rank 0's are the ones checkpointed (PyTorch DDP without SyncBatchNorm, Horovod's default).
        case perReplica = "per-replica"
        /// Training still normalises with each shard's batch statistics, but the running mean and variance
        /// are averaged over ranks after every epoch, before validation and checkpoints. The running
        /// update is linear, so this equals averaging the ranks' batch statistics at every step; the
        /// variance is the mean of the shards' variances (it leaves out the spread between shard means).
        case averaged
    }

    /// The ranks taking part.
    public let group: ProcessGroup
    /// How BatchNorm's statistics are kept.
    public var batchNormStatistics: BatchNormStatistics
    /// Floats per gradient bucket (16 MiB by default; larger buckets mean fewer allreduce calls).
    public let bucketCapacity: Int
    /// Allreduce calls made for gradients so far (one per bucket per step).
    public private(set) var gradientAllreduceCalls = 0
    private var buckets: GradientBuckets?

    /// Data parallelism over `group`.
    public init(group: ProcessGroup, batchNormStatistics: BatchNormStatistics = .perReplica,
                bucketCapacity: Int = 4 << 20) throws {
        guard bucketCapacity > 0 else { throw DistributedError.invalidArgument("bucket capacity \(bucketCapacity) must be positive") }
        self.group = group
        self.batchNormStatistics = batchNormStatistics
        self.bucketCapacity = bucketCapacity
    }

    public var isPrimary: Bool { group.isPrimary }

    // MARK: Batches

    /// This rank's rows of a global batch of `count` samples: an even, contiguous split (rank r takes rows
    /// `count·r/size ..< count·(r+1)/size`), empty when the batch has fewer samples than ranks.
    public func shardRange(count: Int) -> Range<Int> {
        Self.shardRange(count: count, rank: group.rank, size: group.size)
    }

    /// Rank `rank`'s rows of a global batch of `count` samples split over `size` ranks (see the instance method).
    public static func shardRange(count: Int, rank: Int, size: Int) -> Range<Int> {
        guard count >= size else { return 0..<0 }
        return count * rank / size ..< count * (rank + 1) / size
    }

    /// This rank's shard of a global batch, or nil when the batch has fewer samples than ranks (every rank
    /// then skips it, so all take the same steps).
    public func shard(of batch: Batch) -> Batch? {
        let rows = shardRange(count: batch.labels.count)
        guard !rows.isEmpty else { return nil }
        let sampleSize = batch.inputs.shape.dropFirst().reduce(1, *)
        let input = Tensor(shape: [rows.count] + batch.inputs.shape.dropFirst()) { out in
            batch.inputs.withUnsafeBufferPointer { source in
                _ = out.initialize(from: UnsafeBufferPointer(rebasing: source[rows.lowerBound * sampleSize..<rows.upperBound * sampleSize]))
            }
        }
        return Batch(inputs: input, labels: Array(batch.labels[rows]), items: Array(batch.items[rows]))
    }

    // MARK: TrainingReplication

    public func synchronizeState(of model: Module) throws {
        let parameters = model.namedParameters().map(\.parameter)
        let buffers = model.namedBuffers().map(\.buffer)
        let counts = parameters.map(\.value.count) + buffers.map(\.value.count)
        try checkSameLayout(counts)
        var values = parameters.flatMap(\.value.scalars) + buffers.flatMap(\.value.scalars)
        try values.withUnsafeMutableBufferPointer { try group.broadcast($0) }
        var offset = 0
        for (index, count) in counts.enumerated() {
            let slice = Array(values[offset..<offset + count])
            if index < parameters.count { parameters[index].assign(slice) } else { buffers[index - parameters.count].assign(slice) }
            offset += count
        }
    }

    public func synchronizeGradients(of parameters: [Parameter], sampleCount: Int) throws {
        let counts = parameters.map(\.value.count)
        if buckets?.counts != counts { buckets = GradientBuckets(counts: counts, capacity: bucketCapacity) }
        buckets!.pack(parameters, weight: Float(sampleCount))
        for bounds in buckets!.bounds {
            try buckets!.storage.withUnsafeMutableBufferPointer { try group.allreduceSum(UnsafeMutableBufferPointer(rebasing: $0[bounds])) }
            gradientAllreduceCalls += 1
        }
        buckets!.unpack(into: parameters)
    }

    public func sum(_ values: [Double]) throws -> [Double] {
        try group.allreduceSum(values)
    }

    public func synchronizeBuffers(of model: Module) throws {
        guard batchNormStatistics == .averaged else { return }
        let statistics = model.namedModules().compactMap { $0.module as? BatchNorm }.flatMap { [$0.runningMean, $0.runningVariance] }
        guard !statistics.isEmpty else { return }
        var values = statistics.flatMap(\.value.scalars)
        try values.withUnsafeMutableBufferPointer { try group.allreduceSum($0) }
        var offset = 0
        for buffer in statistics {
            buffer.assign(values[offset..<offset + buffer.value.count].map { $0 / Float(group.size) })
            offset += buffer.value.count
        }
    }

    public func agree(on metrics: EpochMetrics) throws -> EpochMetrics {
        try MetricsCoding.decode(try group.broadcast(MetricsCoding.encode(metrics)))
    }

    /// Throws unless every rank has the same tensor sizes in the same order (the same model).
    private func checkSameLayout(_ counts: [Int]) throws {
        var hash: Int64 = 1469598103934665603
        for count in counts { hash = (hash ^ Int64(count)) &* 1099511628211 }
        let local = [Int64(counts.count), hash, -Int64(counts.count), -hash]
        let extremes = try group.allreduceMax(local)
        guard extremes[0] == -extremes[2], extremes[1] == -extremes[3] else {
            throw DistributedError.mismatch("rank \(group.rank) has \(counts.count) parameter and buffer tensors; "
                                            + "the ranks' models differ (between \(-extremes[2]) and \(extremes[0]) tensors, or other sizes)")
        }
    }
}
