"""SANA English bulletins: extraction, bulletin rules and a normalized DuckDB warehouse.

The package runs without Airflow: every stage is a plain function that the `bulletins`
command line, the DAGs and the tests call alike.
"""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
