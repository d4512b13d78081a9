"""Shared pieces of the PyTorch reference runs (scripts/reference/*.py).

Each reference reads the split that a GenreKit run wrote (`split.csv` in its report folder: track, artist,
side, fold), trains the same architecture with the same recipe in PyTorch, evaluates the checkpoint with the
best validation loss on the test side (segment-wise and file-wise, as GenreKit's runner does) and prints one
JSON object per run. Nothing here is imported by GenreKit; it runs from the venv outside the repository.
"""
import argparse
import csv
import json
import math
import random
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn


def parser(doc, model, epochs):
    """The options every reference takes: data root, GenreKit's split.csv, seed, epochs, threads, output."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--split", required=True, help=f"split.csv of a GenreKit {model} run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=epochs, help=f"default {epochs}, the published recipe")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", required=True)
    return parser


def setup(args):
    """Threads, seeds, the split and its class names (sorted genres present)."""
    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    split = read_split(args.split)
    class_names = sorted({genre_of(t) for ids in split.values() for t in ids})
    return split, class_names


def read_split(path):
    """{side: [track id]} from a GenreKit `split.csv` (sides train / validation / test)."""
    sides = defaultdict(list)
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            sides[row["side"].strip()].append(row["track"].strip())
    for side in ("train", "test"):
        if not sides.get(side):
            raise SystemExit(f"{path}: no '{side}' rows")
    return {side: sorted(ids) for side, ids in sides.items()}


def genre_of(track_id):
    return track_id.split(".")[0]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def keras_init(module):
    """Keras defaults: Glorot-uniform kernels, zero biases (BatchNorm: gamma 1, beta 0)."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)


class KerasCategoricalCrossEntropy(nn.Module):
    """Keras' categorical_crossentropy on probabilities: renormalise, clip to [1e-7, 1 - 1e-7], -mean log p."""

    def forward(self, probabilities, labels):
        p = probabilities / probabilities.sum(dim=1, keepdim=True)
        p = p.clamp(1e-7, 1 - 1e-7)
        return -torch.log(p.gather(1, labels[:, None])).mean()


def batches(n, batch_size, shuffle, generator):
    order = torch.randperm(n, generator=generator).tolist() if shuffle else list(range(n))
    for start in range(0, n, batch_size):
        yield order[start:start + batch_size]


def evaluate(model, loader_fn, outputs_probabilities, loss_fn):
    """Probabilities, labels and track ids of every sample of a side, with the mean loss."""
    model.eval()
    probs, labels, tracks, total, count = [], [], [], 0.0, 0
    with torch.no_grad():
        for x, y, ids in loader_fn():
            out = model(x)
            total += float(loss_fn(out, y)) * len(y)
            count += len(y)
            probs.append(out if outputs_probabilities else out.softmax(dim=1))
            labels.append(y)
            tracks += ids
    return torch.cat(probs).numpy(), torch.cat(labels).numpy(), tracks, total / max(count, 1)


def side_metrics(probabilities, labels, tracks, class_names):
    """Segment-wise and file-wise accuracy (mean probability per track) and per-genre recall (samples)."""
    predicted = probabilities.argmax(axis=1)
    accuracy = float((predicted == labels).mean())
    recall = {}
    for index, name in enumerate(class_names):
        mask = labels == index
        recall[name] = float((predicted[mask] == index).mean()) if mask.any() else float("nan")
    by_track = defaultdict(list)
    label_of = {}
    for p, y, t in zip(probabilities, labels, tracks):
        by_track[t].append(p)
        label_of[t] = y
    file_correct = [int(np.mean(ps, axis=0).argmax() == label_of[t]) for t, ps in by_track.items()]
    return {"accuracy": accuracy, "file_accuracy": float(np.mean(file_correct)), "files": len(by_track),
            "per_class_recall": recall}


def fit(model, train_fn, validation_fn, test_fn, epochs, optimizer, loss_fn, outputs_probabilities,
        class_names, schedule=None, penalty=None, log_prefix=""):
    """Keras-style fit: per epoch train, validate, keep the state with the lowest val_loss, then test it."""
    best_loss, best_state, history = math.inf, None, []
    started = time.time()
    for epoch in range(epochs):
        model.train()
        total, count = 0.0, 0
        for x, y, _ in train_fn(epoch):
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            if penalty is not None:
                loss = loss + penalty()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(y)
            count += len(y)
        _, _, _, val_loss = evaluate(model, validation_fn, outputs_probabilities, loss_fn)
        history.append({"epoch": epoch + 1, "loss": total / count, "val_loss": val_loss})
        if val_loss < best_loss:
            best_loss = val_loss
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        if schedule is not None:
            schedule(epoch, optimizer)
        print(f"{log_prefix}epoch {epoch + 1}/{epochs} loss {total / count:.4f} val_loss {val_loss:.4f}", flush=True)
    seconds = time.time() - started
    model.load_state_dict(best_state)
    probabilities, labels, tracks, test_loss = evaluate(model, test_fn, outputs_probabilities, loss_fn)
    metrics = side_metrics(probabilities, labels, tracks, class_names)
    metrics.update({"test_loss": test_loss, "training_seconds": seconds, "epochs": epochs,
                    "best_val_loss": best_loss})
    return metrics


def write_result(path, payload):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    print(json.dumps(payload, sort_keys=True))
