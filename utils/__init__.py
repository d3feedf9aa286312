"""Helpers for the deep-learning-from-scratch NumPy course.

Modules are split by concern and imported explicitly, e.g. ``from utils.activations import sigmoid``.
Shapes follow the course: dense layers use ``(n_features, m)`` with one example per column.
"""
