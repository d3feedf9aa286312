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


def test_missing_file_says_which_and_how_to_fix(tmp_path):
    with pytest.raises(data.DatasetError, match=r"fashion_shirts\.h5 is missing.*git checkout -- datasets/"):
        data.load_shirts(tmp_path)


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_corrupt_file_is_detected(tmp_path, damage):
    path = tmp_path / "fashion_shirts.h5"
    shutil.copy(data.DATASET_DIR / "fashion_shirts.h5", path)
    raw = bytearray(path.read_bytes())
    path.write_bytes(raw[: len(raw) // 2] if damage == "truncate" else raw[:-1] + bytes([raw[-1] ^ 1]))
    with pytest.raises(data.DatasetError, match=r"fashion_shirts\.h5 is corrupt or modified: sha256 \w+ != expected"):
        data.load_shirts(tmp_path)


def test_unknown_dataset_name():
    with pytest.raises(data.DatasetError, match="unknown dataset 'cats.h5'"):
        data.dataset_path("cats.h5")


def test_every_registered_file_exists_and_matches():
    for name in data.DATASETS:
        assert Path(data.dataset_path(name)).is_file()
