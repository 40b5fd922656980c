"""Benchmarks: time the pipeline, the build, ingestion, refresh and the app (not product code)."""
