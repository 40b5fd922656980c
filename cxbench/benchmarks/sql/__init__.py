"""Hand-written SQL kept beside the dbt project: the benchmark's yardstick script."""
