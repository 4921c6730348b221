"""The Python notebook's concurrency exercises, measured the way the Java suite measures its own.

notebook.py beside this package is the entry point; docs/notebook.md explains the exercises.
"""
