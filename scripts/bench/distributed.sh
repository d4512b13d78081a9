#!/usr/bin/env bash
# The "Distributed" tables of BENCHMARKS.md: gradient sync per model (packing alone on 1 rank, then 2
# ranks over shared memory), raw MPI_Allreduce by size, and training steps 1 rank x 2 threads against
# 2 ranks x 1 thread (and 1 x 1). Run after `swift build -c release`; prints Markdown.
set -euo pipefail
bench=${BENCH:-.build/release/genrekit-distributed-bench}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader
mpi=(mpirun --bind-to none)

echo "### Gradient sync, 1 rank (packing and unpacking only)"
GENREKIT_THREADS=1 "${mpi[@]}" -np 1 "$bench" allreduce | sed -n '1,9p'
echo
echo "### Gradient sync and MPI_Allreduce, 2 ranks on this machine (shared memory)"
GENREKIT_THREADS=1 "${mpi[@]}" -np 2 "$bench" allreduce
echo
echo "### Training steps"
echo "| model | global batch | ranks × threads | samples per rank | forward + backward (ms) | gradient sync (ms) | Adam step (ms) | step (ms) |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
for model in ${MODELS:-mlp mfcc-cnn resnet-mfcc se-cnn cnn-dynamic image-cnn mobilenet-transfer}; do
  GENREKIT_THREADS=2 "$bench" step "$model"
  GENREKIT_THREADS=1 "$bench" step "$model"
  GENREKIT_THREADS=1 "${mpi[@]}" -np 2 "$bench" step "$model"
done
