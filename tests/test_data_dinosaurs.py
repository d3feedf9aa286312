"""utils.data.load_dinosaur_names (the character-level language model corpus)."""

import string


from utils import data


def test_dinosaur_names_content():
    names = data.load_dinosaur_names()
    assert isinstance(names, list) and len(names) == 1318
    assert names == sorted(set(names))  # unique, alphabetical
    assert set("".join(names)) == set(string.ascii_lowercase)  # 26 letters; with "\n" the 27-symbol vocabulary
    assert names[0] == "aachenosaurus" and names[-1] == "zupaysaurus"
    assert "tyrannosaurus" in names and "" not in names
    assert max(map(len, names)) == 23 and min(map(len, names)) >= 3


def test_dinosaur_names_file_layout():
    raw = (data.DATASET_DIR / "dinosaurs.txt").read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw and b"\n\n" not in raw
    assert raw.count(b"\n") == 1318
