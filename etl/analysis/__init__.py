"""What analysts do with the warehouse: search it, look at it in a report, take it away.

A layer between the runs and the warehouse: it reads the warehouse (and keeps its search
index current, which the runs call after a publish), and never imports `etl.runs` or
`etl.cli`.
"""
