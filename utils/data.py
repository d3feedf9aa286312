"""Dataset loaders (checksum-verified) and, as the course grows, seeded synthetic data generators.

The files under datasets/ are built once by ``make datasets`` (tools/build_datasets.py) from real
data in registry packages; datasets/README.md gives their provenance and licences.
"""

import hashlib
from pathlib import Path

import h5py
import numpy as np

DATASET_DIR = Path(__file__).resolve().parent.parent / "datasets"

# file name -> sha256 of the committed file (also listed in datasets/README.md)
DATASETS = {
    "fashion_shirts.h5": "aaf7c8500bdbb25ecafabf99f9c511c67167eebaff52ea3d893f51110c49d8d3",
}


class DatasetError(OSError):
    """A dataset file is missing, unknown or corrupt; the message says which file and how to fix it."""


def sha256_of(path):
    """Hex sha256 digest of the file at ``path`` (str or Path)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dataset_path(name, directory=None):
    """Path of a known dataset file after checking that it exists and its sha256 matches.

    Arguments:
    name -- file name, a key of ``DATASETS`` (e.g. "fashion_shirts.h5")
    directory -- folder holding it; defaults to the repository's datasets/

    Returns:
    path -- pathlib.Path of the verified file
    """
    if name not in DATASETS:
        raise DatasetError(f"unknown dataset {name!r}; known: {', '.join(sorted(DATASETS))}")
    path = Path(directory or DATASET_DIR) / name
    rebuild = ("restore it with `git checkout -- datasets/` (or rebuild it with `make datasets`, "
               "maintainers only)")
    if not path.is_file():
        raise DatasetError(f"dataset file {path} is missing; {rebuild}")
    actual = sha256_of(path)
    if actual != DATASETS[name]:
        raise DatasetError(f"dataset file {path} is corrupt or modified: sha256 {actual} != expected "
                           f"{DATASETS[name]}; {rebuild}")
    return path


def load_shirts(directory=None):
    """Load the Course 1 image set: Fashion-MNIST photos labelled shirt (1) or non-shirt (0).

    Arguments:
    directory -- folder holding fashion_shirts.h5; defaults to the repository's datasets/

    Returns:
    train_set_x_orig -- uint8 array (m_train, 28, 28), grayscale pixels 0..255 (m_train = 209)
    train_set_y -- int64 array (1, m_train) of labels 0/1
    test_set_x_orig -- uint8 array (m_test, 28, 28) (m_test = 50)
    test_set_y -- int64 array (1, m_test)
    classes -- bytes array (2,): [b"non-shirt", b"shirt"], indexed by label
    """
    with h5py.File(dataset_path("fashion_shirts.h5", directory), "r") as f:
        train_x, train_y = f["train_set_x"][:], f["train_set_y"][:]
        test_x, test_y = f["test_set_x"][:], f["test_set_y"][:]
        classes = f["list_classes"][:]
    return train_x, train_y.reshape(1, -1), test_x, test_y.reshape(1, -1), classes
