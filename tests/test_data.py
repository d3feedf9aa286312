import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from utils import data


def test_shirts_shapes_and_labels():
    train_x, train_y, test_x, test_y, classes = data.load_shirts()
    assert train_x.shape == (209, 28, 28) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 28, 28)
    assert train_y.shape == (1, 209) and test_y.shape == (1, 50)
    assert set(np.unique(train_y)) == {0, 1} and int(train_y.sum()) == 72 and int(test_y.sum()) == 17
    assert classes.tolist() == [b"non-shirt", b"shirt"]
    assert train_x.max() > 200  # real pixel intensities, not normalized


def test_readme_lists_the_checksums():
    readme = (data.DATASET_DIR / "README.md").read_text()
    for name, sha in data.DATASETS.items():
        assert re.search(rf"`{re.escape(name)}`.*`{sha}`", readme), name


LOADERS = {"fashion_shirts.h5": data.load_shirts, "fashion_mnist.h5": data.load_fashion_mnist,
           "dinosaurs.txt": data.load_dinosaur_names, "glove_6b_50d_top.h5": data.load_glove_vectors}


def test_every_dataset_has_a_loader():
    assert set(LOADERS) == set(data.DATASETS)


@pytest.mark.parametrize("name", LOADERS)
def test_missing_file_says_which_and_how_to_fix(tmp_path, name):
    with pytest.raises(data.DatasetError, match=rf"{re.escape(name)} is missing.*git checkout -- datasets/.*make datasets"):
        LOADERS[name](tmp_path)


@pytest.mark.parametrize("damage", ["truncate", "flip"])
@pytest.mark.parametrize("name", LOADERS)
def test_corrupt_file_is_detected(tmp_path, name, damage):
    path = tmp_path / name
    shutil.copy(data.DATASET_DIR / name, path)
    raw = bytearray(path.read_bytes())
    path.write_bytes(raw[: len(raw) // 2] if damage == "truncate" else raw[:-1] + bytes([raw[-1] ^ 1]))
    with pytest.raises(data.DatasetError, match=rf"{re.escape(name)} is corrupt or modified: sha256 \w+ != expected"):
        LOADERS[name](tmp_path)


def test_unknown_dataset_name():
    with pytest.raises(data.DatasetError, match="unknown dataset 'cats.h5'"):
        data.dataset_path("cats.h5")


def test_every_registered_file_exists_and_matches():
    for name in data.DATASETS:
        assert Path(data.dataset_path(name)).is_file()
