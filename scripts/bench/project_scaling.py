#!/usr/bin/env python3
"""Scaling projection of data-parallel training on N nodes over 10 GbE (BENCHMARKS.md, "Distributed").

Per step on N nodes (one rank per node, 2 threads each, as this machine):
  compute(b)  measured training step at local batch b (forward, backward, Adam), scaled linearly in b
  pack        measured gradient packing/unpacking (genrekit-distributed-bench allreduce on 1 rank)
  allreduce   ring model: 2(N-1)/N * bytes / bandwidth + 2(N-1) * latency * buckets
Nothing overlaps: GenreKit averages gradients after the backward pass, so step = compute + pack + allreduce.
"""
import sys

BANDWIDTH = 1.17e9   # bytes/s: 10 Gb/s line rate less ~6 % Ethernet/IP/TCP framing
LATENCY = 25e-6      # s per ring step: Open MPI over TCP on 10 GbE, small messages
NODES = [1, 2, 4, 8, 16, 32, 64]

# name: (trainable parameters, gradient buckets, published batch, step ms at that batch (1 rank x 2 threads,
#        nn/*_train_b* in BENCHMARKS.md), pack ms (genrekit-distributed-bench allreduce, 1 rank, minimum))
MODELS = {
    "mlp-features": (56_650, 1, 32, 0.26, 0.046),
    "mfcc-cnn": (45_322, 1, 32, 9.42, 0.038),
    "resnet-mfcc": (216_778, 1, 32, 26.64, 0.182),
    "se-cnn": (778_384, 1, 64, 2565.43, 0.787),
    "cnn-dynamic": (2_055_070, 1, 32, 187.14, 1.733),
    "image-cnn": (16_871_882, 2, 32, 800.50, 15.538),
    "mobilenet-transfer": (12_810, 1, 32, 263.71, 0.010),
}


def allreduce_ms(parameters, buckets, nodes):
    if nodes == 1:
        return 0.0
    size = parameters * 4
    return (2 * (nodes - 1) / nodes * size / BANDWIDTH + 2 * (nodes - 1) * LATENCY * buckets) * 1e3


def step_ms(model, nodes, local_batch):
    parameters, buckets, batch, compute, pack = MODELS[model]
    return compute * local_batch / batch + (pack if nodes > 1 else 0) + allreduce_ms(parameters, buckets, nodes)


def weak():
    print("| model | gradient MiB | allreduce at 4 / 64 nodes (ms) | "
          + " | ".join(f"{n} nodes" for n in NODES[2:]) + " |")
    print("|---|---:|---:|" + "---:|" * len(NODES[2:]))
    for model, (parameters, buckets, batch, compute, pack) in MODELS.items():
        cells = []
        for n in NODES[2:]:
            step = step_ms(model, n, batch)
            cells.append(f"{n * compute / step:.1f}× ({compute / step * 100:.0f} %)")
        print(f"| {model} | {parameters * 4 / 2**20:.2f} | {allreduce_ms(parameters, buckets, 4):.2f} / "
              f"{allreduce_ms(parameters, buckets, 64):.2f} | " + " | ".join(cells) + " |")


def strong(global_batch):
    print(f"| model | " + " | ".join(f"{n} nodes" for n in NODES[2:]) + " |")
    print("|---|" + "---:|" * len(NODES[2:]))
    for model in MODELS:
        single = step_ms(model, 1, global_batch)
        cells = []
        for n in NODES[2:]:
            if global_batch < n:
                cells.append("—")
                continue
            step = step_ms(model, n, global_batch / n)
            cells.append(f"{single / step:.1f}× ({step:.1f} ms)")
        print(f"| {model} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    print("Weak scaling (each node keeps the published batch; global batch = N × it): throughput speed-up "
          "over one node and parallel efficiency\n")
    weak()
    batch = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    print(f"\nStrong scaling at global batch {batch} (local batch {batch}/N): speed-up over one node "
          "and projected step time\n")
    strong(batch)
