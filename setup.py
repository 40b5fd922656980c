"""Package layout: the repository's stage folders install under the ``cxbench`` name.

The repository keeps one folder per stage at the top (``app/``, ``ingestion/``,
``expectations/``) so a reader finds each stage where the README says; installed, they
are ``cxbench.app``, ``cxbench.ingestion`` and ``cxbench.expectations``, so the
distribution adds no generic top-level names (``app`` is claimed by many packages). An
editable install maps the same names onto the folders. Everything else is declared in
pyproject.toml; pyproject cannot compute a mapped package list, hence this file.
"""

from setuptools import find_packages, setup

STAGES = ("app", "ingestion", "expectations")

packages = find_packages(include=["cxcore", "cxcore.*", "cxbench", "cxbench.*"])
package_dir = {}
for stage in STAGES:
    for name in find_packages(include=[stage, f"{stage}.*"]):
        packages.append(f"cxbench.{name}")
    package_dir[f"cxbench.{stage}"] = stage

setup(packages=packages, package_dir=package_dir)
