"""Synthetic survey world: companies, respondents, provider exports and ground truth.

``generate_world`` writes what a researcher would receive (data contract §1):
provider-style survey exports with their questionnaire mappings, industry
reference tables and the truth the warehouse's results can be held against.
"""

from cxbench.generator.run import GENERATOR_VERSION, GenerationSummary, generate_world

__all__ = [
    "GENERATOR_VERSION",
    "GenerationSummary",
    "generate_world",
]
