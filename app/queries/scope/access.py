"""What decides who is looking: a principal's grants and a previewed organisation."""

from __future__ import annotations

#: Who may look at all: a principal's grants, and the organisation a preview names.
#: Read before there is a viewer (they decide it), so they do not depend on one.
ACCESS = """
create or replace macro access_grants(who) as table
select grants.role, grants.company_id,
from wh.access.grants as grants
where grants.principal = lower(trim(who));
"""
NO_ACCESS = """
create or replace macro access_grants(who) as table
select null::varchar as role, null::varchar as company_id, where false;
"""
KNOWN_COMPANY = """
create or replace macro known_company(wanted) as table
select company_id, company_name, from wh.marts.dim_company where company_id = wanted;
"""
