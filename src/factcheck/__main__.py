"""`python -m factcheck` runs the command line."""

from factcheck.entry import main

main()
