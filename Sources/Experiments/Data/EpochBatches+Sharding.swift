import Distributed
import NN

extension EpochBatches {
    /// This rank's shard of every batch (`DataParallel.shard(of:)`); the batches themselves without
    /// `parallel`. A global batch with fewer samples than ranks is skipped on every rank.
    public func sharded(by parallel: DataParallel?) -> EpochBatches {
        guard let parallel else { return self }
        var batches = self
        return EpochBatches(count: count) {
            while let batch = batches.next() {
                if let shard = parallel.shard(of: batch) { return shard }
            }
            return nil
        }
    }
}
