"""Public tests and the local grader.

``check`` is the engine every public test uses and ``inputs`` draws their seeded test inputs;
``c<course>_w<week>_a<n>`` holds the public tests of one assignment (its ``GRADED`` dict maps each graded
function to its test and points); ``grader`` is the command line ``python -m utils.grading``; ``runner``
runs one test in a separate process.
"""
