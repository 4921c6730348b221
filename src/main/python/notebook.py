"""The notebook's concurrency exercises in Python, measured in fresh interpreter processes and
written in JMH's JSON schema, to chart beside the Java suite's (docs/notebook.md).

    python3 notebook.py [PATTERN...] [-f N] [-wi N] [-i N] [-p NAME=V1,V2] [--profile quick] [-o FILE]

Standard library only. This file must still parse on old interpreters, to say which one it needs.
"""
import sys

if sys.version_info < (3, 9):
    sys.stderr.write("notebook.py: needs Python 3.9 or newer, this is %s\n" % sys.version.split()[0])
    sys.exit(2)

from concurrency_notebook import cli  # noqa: E402  (after the version check on purpose)

if __name__ == "__main__":
    sys.exit(cli.main(sys.argv[1:]))
