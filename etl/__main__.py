"""`python -m etl` is the `bulletins` command."""

from etl.cli import main

main()
