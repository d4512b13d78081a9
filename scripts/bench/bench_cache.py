"""The folder the Python benchmarks keep their generated inputs in between runs (as genrekit-bench does):
$XDG_CACHE_HOME/genrekit/bench, else ~/.cache/genrekit/bench; never the shared temporary folder."""
import os


def cache_path(*parts):
    """A path under the benchmark cache, its parent folders created."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "genrekit", "bench", *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path
