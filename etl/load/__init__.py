"""Loading: bulletins to rows, the staging area, the data-quality gate and the warehouse.
Only this package writes the warehouse."""
