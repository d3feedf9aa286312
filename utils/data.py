"""Dataset loaders (checksum-verified) and, as the course grows, seeded synthetic data generators.

The files under datasets/ are built once by ``make datasets`` (tools/build_datasets.py) from real
data in registry packages; datasets/README.md gives their provenance and licences.
"""

import hashlib
from pathlib import Path

import h5py
import numpy as np
from scipy.special import expit

from utils.validation import as_int, as_random_state, as_real

DATASET_DIR = Path(__file__).resolve().parent.parent / "datasets"

# file name -> sha256 of the committed file (also listed in datasets/README.md)
DATASETS = {
    "fashion_shirts.h5": "aaf7c8500bdbb25ecafabf99f9c511c67167eebaff52ea3d893f51110c49d8d3",
    "fashion_mnist.h5": "af3fcba28b6fece9335e8182acae71c6627db404cf24c7a339402068921a1d18",
    "dinosaurs.txt": "1e0eb863a53fee2fef59d47f376b6b9fc97a768ead33d7c443b3131a90995e72",
    "glove_6b_50d_top.h5": "a7055d1e3dcffb66c0a4f0ecd8d30cd72d5b3a7efd8262f809f7ce91fc3fd8e8",
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


def _load_image_set(name, directory):
    """Read an image file of the course's layout (keys train_set_x, train_set_y, test_set_x, test_set_y,
    list_classes) after verifying it; return (train_x, train_y (1, m_train), test_x, test_y (1, m_test), classes)."""
    with h5py.File(dataset_path(name, directory), "r") as f:
        train_x, train_y = f["train_set_x"][:], f["train_set_y"][:]
        test_x, test_y = f["test_set_x"][:], f["test_set_y"][:]
        classes = f["list_classes"][:]
    return train_x, train_y.reshape(1, -1), test_x, test_y.reshape(1, -1), classes


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
    return _load_image_set("fashion_shirts.h5", directory)


def load_fashion_mnist(directory=None):
    """Load the multi-class image set: Fashion-MNIST photos of all 10 classes, class-balanced.

    Arguments:
    directory -- folder holding fashion_mnist.h5; defaults to the repository's datasets/

    Returns:
    train_set_x_orig -- uint8 array (m_train, 28, 28), grayscale pixels 0..255 (m_train = 6000)
    train_set_y -- int64 array (1, m_train) of class indices 0..9 (600 of each)
    test_set_x_orig -- uint8 array (m_test, 28, 28) (m_test = 1000)
    test_set_y -- int64 array (1, m_test) (100 of each class)
    classes -- bytes array (10,) of class names, indexed by label: [b"T-shirt/top", b"Trouser", ...]
    """
    return _load_image_set("fashion_mnist.h5", directory)


def load_dinosaur_names(directory=None):
    """Load the character-level language model corpus: 1318 dinosaur genus names.

    Arguments:
    directory -- folder holding dinosaurs.txt; defaults to the repository's datasets/

    Returns:
    names -- list of 1318 str, lowercase letters a-z only, unique, in alphabetical order
             (e.g. "aachenosaurus"); the newline that ends each name in the file is not included
    """
    return dataset_path("dinosaurs.txt", directory).read_text(encoding="ascii").splitlines()


def load_glove_vectors(directory=None):
    """Load pretrained GloVe 6B 50-d word vectors: the 20,000 most frequent words and a few more.

    Arguments:
    directory -- folder holding glove_6b_50d_top.h5; defaults to the repository's datasets/

    Returns:
    words -- list of V str (V = 20,004), lowercase tokens in GloVe's order (most frequent first:
             "the", ",", ".", "of", ...), all distinct
    vectors -- float32 array of shape (V, 50); row i is the embedding of words[i], as GloVe ships it
    """
    with h5py.File(dataset_path("glove_6b_50d_top.h5", directory), "r") as f:
        words = [w.decode("utf-8") for w in f["words"][:]]
        vectors = f["vectors"][:]
    return words, vectors


def one_hot(labels, C):
    """One-hot encoding of class labels: column i has a 1 in row labels[0, i] and 0 elsewhere.

    Arguments:
    labels -- int array_like of shape (1, m), class indices in 0..C-1
    C -- int >= 1, the number of classes

    Returns:
    Y -- float64 array of shape (C, m)
    """
    labels = np.asarray(labels)
    if labels.dtype.kind not in "iu":
        raise TypeError(f"labels: expected integer class indices, found dtype {labels.dtype}")
    if labels.ndim != 2 or labels.shape[0] != 1:
        raise ValueError(f"labels: expected shape (1, m), found {labels.shape}")
    C = as_int(C, "C", 1)
    if labels.size and (labels.min() < 0 or labels.max() >= C):
        raise ValueError(f"labels: expected class indices in 0..{C - 1}, found values from "
                         f"{int(labels.min())} to {int(labels.max())}")
    return (np.arange(C).reshape(C, 1) == labels).astype(float)


# ---------------------------------------------------------------------------------------------
# Seeded planar (2-D) data sets for the shallow-network notebook. Every generator returns
# X of shape (2, m) (one example per column) and Y of shape (1, m) with int64 labels 0/1, and
# draws from the legacy RandomState stream so that a seed gives the same data on every machine.
# ---------------------------------------------------------------------------------------------

def _checked_m_noise_rng(m, noise, rng):
    """The arguments every noisy planar generator shares: (m as an int >= 2, noise >= 0, a RandomState)."""
    return as_int(m, "m", 2), as_real(noise, "noise", 0), as_random_state(rng)


def _class_sizes(m):
    """Split m examples into two classes of sizes (ceil(m/2), floor(m/2))."""
    return m - m // 2, m // 2


def _shuffled(X, Y, rs):
    order = rs.permutation(X.shape[1])
    return X[:, order], Y[:, order]


def make_flower(m=400, petals=6, radius=4.0, noise=0.2, rng=None):
    """A flower with ``petals`` petals whose colours alternate: class 0, class 1, class 0, ...

    Each example picks an angle ``t`` in its class's petals, lies at distance ``radius * |sin(petals
    t / 2)|`` from the centre (a rose curve), and is blurred by Gaussian noise of standard deviation
    ``noise`` on the angle and on the radius. No straight line separates the classes.

    Arguments:
    m -- int >= 2, number of examples (classes of sizes ceil(m/2) and floor(m/2))
    petals -- even int >= 2, number of petals
    radius -- float > 0, length of a petal
    noise -- float >= 0, standard deviation of the noise on angle and radius
    rng -- None (global NumPy stream), int seed or np.random.RandomState

    Returns:
    X -- ndarray (2, m) of float64, coordinates (x1, x2) of each example in a column
    Y -- ndarray (1, m) of int64, labels 0/1
    """
    m, noise, rs = _checked_m_noise_rng(m, noise, rng)
    petals = as_int(petals, "petals", 2)
    if petals % 2:
        raise ValueError(f"petals: expected an even number (colours alternate), found {petals}")
    radius = as_real(radius, "radius", 0, strict=True)
    width = 2 * np.pi / petals                          # angle covered by one petal
    X_parts, Y_parts = [], []
    for label, size in enumerate(_class_sizes(m)):
        petal = 2 * rs.randint(petals // 2, size=size) + label      # this class's petals
        t = (petal + rs.rand(size)) * width + noise * rs.randn(size)
        r = radius * np.abs(np.sin(petals * t / 2)) + noise * rs.randn(size)
        X_parts.append(np.stack([r * np.cos(t), r * np.sin(t)]))
        Y_parts.append(np.full((1, size), label, dtype=np.int64))
    return _shuffled(np.hstack(X_parts), np.hstack(Y_parts), rs)


def make_circles(m=400, factor=0.5, noise=0.1, rng=None):
    """Two concentric circles: class 0 on the outer circle (radius 1), class 1 on the inner one.

    Arguments:
    m -- int >= 2, number of examples (classes of sizes ceil(m/2) and floor(m/2))
    factor -- float in (0, 1), radius of the inner circle
    noise -- float >= 0, standard deviation of the Gaussian noise added to each coordinate
    rng -- None (global NumPy stream), int seed or np.random.RandomState

    Returns:
    X -- ndarray (2, m) of float64
    Y -- ndarray (1, m) of int64, labels 0/1
    """
    m, noise, rs = _checked_m_noise_rng(m, noise, rng)
    factor = as_real(factor, "factor")
    if not 0 < factor < 1:
        raise ValueError(f"factor: expected a number strictly between 0 and 1, found {factor!r}")
    X_parts, Y_parts = [], []
    for label, (size, r) in enumerate(zip(_class_sizes(m), (1.0, float(factor)))):
        t = 2 * np.pi * rs.rand(size)
        X_parts.append(np.stack([r * np.cos(t), r * np.sin(t)]) + noise * rs.randn(2, size))
        Y_parts.append(np.full((1, size), label, dtype=np.int64))
    return _shuffled(np.hstack(X_parts), np.hstack(Y_parts), rs)


def make_moons(m=400, noise=0.2, rng=None):
    """Two interleaved half circles: class 0 arches up from (-1, 0) to (1, 0), class 1 arches down
    from (0, 0.5) to (2, 0.5).

    Arguments:
    m -- int >= 2, number of examples (classes of sizes ceil(m/2) and floor(m/2))
    noise -- float >= 0, standard deviation of the Gaussian noise added to each coordinate
    rng -- None (global NumPy stream), int seed or np.random.RandomState

    Returns:
    X -- ndarray (2, m) of float64
    Y -- ndarray (1, m) of int64, labels 0/1
    """
    m, noise, rs = _checked_m_noise_rng(m, noise, rng)
    n0, n1 = _class_sizes(m)
    t0, t1 = np.pi * rs.rand(n0), np.pi * rs.rand(n1)
    upper = np.stack([np.cos(t0), np.sin(t0)])
    lower = np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.hstack([upper, lower]) + noise * rs.randn(2, m)
    Y = np.hstack([np.zeros((1, n0), dtype=np.int64), np.ones((1, n1), dtype=np.int64)])
    return _shuffled(X, Y, rs)


def make_blobs(m=400, centers=4, spread=0.7, box=4.0, rng=None):
    """Round Gaussian clusters ("blobs") with centres drawn uniformly in a square; the clusters are
    labelled alternately 0, 1, 0, 1, ... so each class is a union of several blobs.

    Arguments:
    m -- int >= 2, number of examples (the clusters get sizes differing by at most 1)
    centers -- int >= 2, number of clusters
    spread -- float >= 0, standard deviation of each cluster
    box -- float > 0, centres are uniform in [-box, box] x [-box, box]
    rng -- None (global NumPy stream), int seed or np.random.RandomState

    Returns:
    X -- ndarray (2, m) of float64
    Y -- ndarray (1, m) of int64, labels 0/1 (cluster index modulo 2)
    """
    m, centers = as_int(m, "m", 2), as_int(centers, "centers", 2)
    spread, box = as_real(spread, "spread", 0), as_real(box, "box", 0, strict=True)
    rs = as_random_state(rng)
    middles = rs.uniform(-box, box, size=(2, centers))
    cluster = np.arange(m) % centers                      # sizes differ by at most one
    X = middles[:, cluster] + spread * rs.randn(2, m)
    Y = (cluster % 2).astype(np.int64).reshape(1, m)
    return _shuffled(X, Y, rs)


def make_gaussian_quantiles(m=400, scale=1.0, rng=None):
    """One round Gaussian cloud split by distance from its centre: the nearer half is class 0, the
    farther half class 1 (the boundary is a circle at the median distance).

    Arguments:
    m -- int >= 2, number of examples (classes of sizes ceil(m/2) and floor(m/2))
    scale -- float > 0, standard deviation of each coordinate
    rng -- None (global NumPy stream), int seed or np.random.RandomState

    Returns:
    X -- ndarray (2, m) of float64
    Y -- ndarray (1, m) of int64, labels 0/1
    """
    m, scale = as_int(m, "m", 2), as_real(scale, "scale", 0, strict=True)
    rs = as_random_state(rng)
    X = scale * rs.randn(2, m)
    rank = np.argsort(np.argsort(np.sum(X ** 2, axis=0), kind="stable"), kind="stable")
    Y = (rank >= _class_sizes(m)[0]).astype(np.int64).reshape(1, m)
    return X, Y


def make_goalkeeper_field(m_train=200, m_test=1000, flip=0.1, blur=0.03, rng=None):
    """Where a goalkeeper's long kicks came down, and which team won the ball there.

    Positions are uniform on the field, ``x1`` across it and ``x2`` along it, both in [-0.8, 0.8]. Our
    team (label 1) holds the zone beyond a wavy line ``x2 = f(x1) = 0.25 sin(3.5 x1) + 0.15 x1 - 0.05``,
    the opponents (label 0) the zone before it. Near the line a duel can go either way: our team wins
    with probability ``sigmoid((x2 - f(x1)) / blur)``. Then a fraction ``flip`` of all balls, anywhere,
    go to the other team whatever the position (lucky bounces). The training points are drawn first,
    then the test points, from the same stream: same distribution, no shared point.

    Arguments:
    m_train -- int >= 2, number of training examples
    m_test -- int >= 1, number of test examples
    flip -- float in [0, 0.5], probability that a ball goes to the other team anyway
    blur -- float > 0, width of the contested zone around the line
    rng -- None (global NumPy stream), int seed or np.random.RandomState

    Returns:
    train_X -- ndarray (2, m_train) of float64, positions (x1, x2), one example per column
    train_Y -- ndarray (1, m_train) of int64, labels 0/1 (1: our team won the ball)
    test_X -- ndarray (2, m_test) of float64
    test_Y -- ndarray (1, m_test) of int64
    """
    m_train, m_test = as_int(m_train, "m_train", 2), as_int(m_test, "m_test", 1)
    flip, blur = as_real(flip, "flip", 0), as_real(blur, "blur", 0, strict=True)
    if flip > 0.5:
        raise ValueError(f"flip: expected a probability between 0 and 0.5, found {flip!r}")
    rs = as_random_state(rng)
    sets = []
    for m in (m_train, m_test):
        X = rs.uniform(-0.8, 0.8, size=(2, m))
        line = 0.25 * np.sin(3.5 * X[0]) + 0.15 * X[0] - 0.05
        ours = rs.rand(m) < expit((X[1] - line) / blur)
        lucky = rs.rand(m) < flip
        sets += [X, (ours != lucky).astype(np.int64).reshape(1, m)]
    return tuple(sets)
