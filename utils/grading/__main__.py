import sys

from utils.grading.grader import main

sys.exit(main())
