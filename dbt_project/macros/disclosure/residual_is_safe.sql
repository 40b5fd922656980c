{#-
    Secondary (complementary) disclosure control, docs/methodology.md "What a client
    can and cannot infer": a shown national average minus the shown sector averages
    publishes the sum over the rest, the residual — the members of the sectors whose
    average is withheld, and the companies of the unassigned sector (which has no
    row). True when that sum gives nothing away to anyone, the worst reader being a
    client inside the residual who subtracts its own score. With one residual part,
    that part's average is the national one minus the others (or the residual less
    the client, when the client's own part is itself alone); with at most three
    members, the plain and the revenue-weighted national average are two equations
    that may pin a single competitor. So the residual is safe when it is empty, or
    has at least four members in at least three parts, or in two parts of at least
    two members each — or when it is the unassigned companies alone and they are
    at least var('min_aggregate_companies'): then the residual is an average that
    passes the primary rule itself, which a client inside it learns no more from
    than from a shown sector of its own.
    Arguments are SQL expressions: the residual's parts with members, its members,
    the members of its smallest part, and whether its only part is the unassigned one.
-#}
{% macro residual_is_safe(n_parts, n_members, smallest_part, is_unassigned_only) -%}
    (
        {{ n_parts }} = 0
        or (
            {{ n_parts }} = 1 and {{ is_unassigned_only }}
            and {{ n_members }} >= {{ var('min_aggregate_companies') | int }}
        )
        or (
            {{ n_members }} >= 4
            and ({{ n_parts }} >= 3 or ({{ n_parts }} = 2 and {{ smallest_part }} >= 2))
        )
    )
{%- endmacro %}
