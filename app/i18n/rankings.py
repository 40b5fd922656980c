"""The Rankings page: top N, sector leaders, movers, downloads."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "rankings_page": {"en": "Rankings", "nl": "Ranglijsten", "no": "Rangeringer", "pl": "Rankingi"},
    "all_sectors": {
        "en": "All sectors",
        "nl": "Alle sectoren",
        "no": "Alle bransjer",
        "pl": "Wszystkie sektory",
    },
    "top_n": {"en": "Show top", "nl": "Toon top", "no": "Vis topp", "pl": "Pokaż najlepsze"},
    "top_heading": {
        "en": "Top {n} — {scope}, {country} {wave}",
        "nl": "Top {n} — {scope}, {country} {wave}",
        "no": "Topp {n} — {scope}, {country} {wave}",
        "pl": "Najlepsze {n} — {scope}, {country} {wave}",
    },
    "no_ranked": {
        "en": "No company is ranked for this selection.",
        "nl": "Voor deze selectie is geen bedrijf gerangschikt.",
        "no": "Ingen selskaper er rangert for dette utvalget.",
        "pl": "Dla tego wyboru żadna firma nie jest w rankingu.",
    },
    "sector_leaders": {
        "en": "Sector leaders",
        "nl": "Sectorleiders",
        "no": "Bransjeledere",
        "pl": "Liderzy sektorów",
    },
    "movers": {
        "en": "Biggest movers since the previous wave",
        "nl": "Grootste stijgers en dalers sinds de vorige meting",
        "no": "Største endringer siden forrige bølge",
        "pl": "Największe zmiany od poprzedniej edycji",
    },
    "no_movers": {
        "en": "No company is ranked in both this and the previous wave.",
        "nl": "Geen bedrijf is zowel in deze als in de vorige meting gerangschikt.",
        "no": "Ingen selskaper er rangert både i denne og forrige bølge.",
        "pl": "Żadna firma nie jest w rankingu w tej i poprzedniej edycji.",
    },
    "previous_cx_index": {
        "en": "Previous CX index",
        "nl": "Vorige CX-index",
        "no": "Forrige CX-indeks",
        "pl": "Poprzedni indeks CX",
    },
    "cx_index_change": {
        "en": "Change in CX index",
        "nl": "Verandering CX-index",
        "no": "Endring i CX-indeks",
        "pl": "Zmiana indeksu CX",
    },
    "previous_rank": {
        "en": "Previous rank",
        "nl": "Vorige positie",
        "no": "Forrige plass",
        "pl": "Poprzednie miejsce",
    },
    "rank_change": {
        "en": "Places gained",
        "nl": "Plaatsen gestegen",
        "no": "Plasser opp",
        "pl": "Zmiana miejsc",
    },
    "download_csv": {
        "en": "Download CSV",
        "nl": "CSV downloaden",
        "no": "Last ned CSV",
        "pl": "Pobierz CSV",
    },
    "download_excel": {
        "en": "Download Excel",
        "nl": "Excel downloaden",
        "no": "Last ned Excel",
        "pl": "Pobierz Excel",
    },
    "yours": {"en": "Yours", "nl": "Van u", "no": "Din", "pl": "Twoja"},
}
