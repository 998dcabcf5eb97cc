"""Runs: the batch engine that takes documents through parsing, staging, the quality gate
and publication, and its callers (files, crawls, the landing zone, the Airflow steps)."""
