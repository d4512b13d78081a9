/// Distributed: GenreKit on MPI clusters (Open MPI through the `CMPI` system library).
///
/// - `ProcessGroup`: the job's ranks, detected from the launcher's environment, with the collectives
///   GenreKit uses and `run(_:)`, which aborts the whole job with a message when a rank fails.
/// - `DataParallel`: NN's `TrainingReplication` over a process group: initial broadcast, bucketed gradient
///   allreduce, shards of every global batch, rank 0 writing checkpoints, BatchNorm statistics per rank or
///   averaged.
///
/// AudioIO, DSP, Tensor, NN and GTZAN do not depend on it; Experiments uses it for `mpirun -np N <example>`.
public enum Distributed {}
