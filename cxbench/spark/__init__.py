"""The dbt project on Apache Spark (docs/spark.md): raw export, session launcher, build."""
