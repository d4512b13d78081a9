/// Makes a `Trainer` one of several data-parallel replicas of a run (as PyTorch's DistributedDataParallel or
/// Horovod plug into a training loop); NN defines the hook, a transport such as the Distributed module
/// implements it. Every replica runs the same steps on its own shard of every batch.
///
/// The trainer calls, in this order: `synchronizeState` once at the start of `fit` (after any `resume`),
/// `synchronizeGradients` after every backward pass and before the optimizer step, `sum` on its epoch
/// counters, `synchronizeBuffers` after the epoch's last step (before validation and checkpoints), and
/// `agree` on the epoch's metrics before checkpoints, early stopping and the schedule use them.
/// Only the `isPrimary` replica writes checkpoints and shows progress. An implementation that throws ends
/// the run with its error.
public protocol TrainingReplication: AnyObject {
    /// Whether this replica writes checkpoints and shows progress (exactly one of the replicas).
    var isPrimary: Bool { get }
    /// Makes every replica's parameters and buffers those of the primary (the initial broadcast).
    func synchronizeState(of model: Module) throws
    /// Replaces the gradients of `parameters`, computed as the mean loss over this replica's `sampleCount`
    /// samples, by those of the mean over all replicas' samples. A nil gradient counts as zeros and is set.
    func synchronizeGradients(of parameters: [Parameter], sampleCount: Int) throws
    /// The element-wise sums of `values` over the replicas.
    func sum(_ values: [Double]) throws -> [Double]
    /// Brings `model`'s buffers (BatchNorm's running statistics) into line across replicas, or leaves each
    /// replica its own (as DistributedDataParallel without SyncBatchNorm).
    func synchronizeBuffers(of model: Module) throws
    /// The primary's `metrics`, so that every replica takes the same decisions (best checkpoint, early
    /// stopping, learning rate) even when their validation results differ.
    func agree(on metrics: EpochMetrics) throws -> EpochMetrics
}
