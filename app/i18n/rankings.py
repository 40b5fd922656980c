"""The Rankings page: top N with intervals and rank ranges, sector leaders, movers, downloads.

New keys carry the page's prefix: every page's strings share one namespace."""

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
    "rankings_rank_range": {
        "en": "Rank (range)",
        "nl": "Positie (bereik)",
        "no": "Plass (spenn)",
        "pl": "Miejsce (zakres)",
    },
    "rankings_sector_rank_range": {
        "en": "Rank in sector (range)",
        "nl": "Positie in sector (bereik)",
        "no": "Plass i bransjen (spenn)",
        "pl": "Miejsce w sektorze (zakres)",
    },
    "rankings_index_interval": {
        "en": "CX index (95% interval)",
        "nl": "CX-index (95%-interval)",
        "no": "CX-indeks (95 %-intervall)",
        "pl": "Indeks CX (przedział 95%)",
    },
    "rankings_ties_caption": {
        "en": (
            "Each dot is an organisation's CX index, its bar the 95% interval; the axis "
            "does not start at zero. The rank range holds every rank an organisation could "
            "have: those significantly ahead of it and behind it are counted, the others "
            "cannot be told apart from it. A shaded band starts at an organisation and "
            "takes in those below it that could still hold its rank."
        ),
        "nl": (
            "Elke stip is de CX-index van een organisatie, de balk het 95%-interval; de as "
            "begint niet bij nul. Het positiebereik omvat elke positie die een organisatie "
            "kan hebben: wie significant voor of achter ligt telt mee, de rest is er niet "
            "van te onderscheiden. Een gearceerde band begint bij een organisatie en omvat "
            "de organisaties eronder die haar positie nog kunnen innemen."
        ),
        "no": (
            "Hvert punkt er en organisasjons CX-indeks, streken 95 %-intervallet; aksen "
            "starter ikke på null. Plasspennet rommer alle plasser organisasjonen kan ha: de "
            "som ligger signifikant foran eller bak telles, de andre kan ikke skilles fra den. "
            "Et skravert bånd starter ved en organisasjon og tar med dem under som fortsatt "
            "kan ha dens plass."
        ),
        "pl": (
            "Każdy punkt to indeks CX organizacji, odcinek to przedział 95%; oś nie zaczyna "
            "się od zera. Zakres miejsc obejmuje każde miejsce, które organizacja może zająć: "
            "liczą się tylko te istotnie lepsze i gorsze, pozostałych nie da się od niej "
            "odróżnić. Zacieniony pas zaczyna się od organizacji i obejmuje te poniżej, "
            "które wciąż mogą zająć jej miejsce."
        ),
    },
    "rankings_tie_group": {
        "en": "{name} ranks {ranks}: it cannot be told apart from {names}.",
        "nl": "{name} staat op {ranks}: niet te onderscheiden van {names}.",
        "no": "{name} er på plass {ranks}: kan ikke skilles fra {names}.",
        "pl": "{name} zajmuje miejsca {ranks}: nie da się jej odróżnić od {names}.",
    },
    "rankings_yours": {
        "en": "Your organisation",
        "nl": "Uw organisatie",
        "no": "Din organisasjon",
        "pl": "Twoja organizacja",
    },
    "rankings_chosen": {
        "en": "Organisation chosen on Compare",
        "nl": "Organisatie gekozen bij Vergelijken",
        "no": "Organisasjon valgt under Sammenlign",
        "pl": "Organizacja wybrana w Porównaniu",
    },
    "rankings_highlight_note": {
        "en": "{who} is highlighted: {names}.",
        "nl": "{who} is gemarkeerd: {names}.",
        "no": "{who} er uthevet: {names}.",
        "pl": "{who} jest wyróżniona: {names}.",
    },
    "rankings_movement": {
        "en": "Movement",
        "nl": "Beweging",
        "no": "Bevegelse",
        "pl": "Ruch",
    },
    "rankings_up": {
        "en": "Significant rise",
        "nl": "Significante stijging",
        "no": "Signifikant økning",
        "pl": "Istotny wzrost",
    },
    "rankings_level": {
        "en": "No significant change",
        "nl": "Geen significante verandering",
        "no": "Ingen signifikant endring",
        "pl": "Brak istotnej zmiany",
    },
    "rankings_down": {
        "en": "Significant fall",
        "nl": "Significante daling",
        "no": "Signifikant nedgang",
        "pl": "Istotny spadek",
    },
    "rankings_change_label": {
        "en": "Change (this wave − previous)",
        "nl": "Verandering (deze meting − vorige)",
        "no": "Endring (denne bølgen − forrige)",
        "pl": "Zmiana (ta edycja − poprzednia)",
    },
    "rankings_movers_caption": {
        "en": (
            "A move is significant when the change exceeds what sampling error explains at "
            "95% confidence; a grey move is within the noise, whatever its size."
        ),
        "nl": (
            "Een beweging is significant als de verandering groter is dan de steekproeffout "
            "bij 95% betrouwbaarheid verklaart; een grijze beweging valt binnen de ruis, "
            "hoe groot ook."
        ),
        "no": (
            "En endring er signifikant når den er større enn utvalgsfeilen forklarer ved "
            "95 % konfidens; en grå endring er innenfor støyen, uansett størrelse."
        ),
        "pl": (
            "Zmiana jest istotna, gdy przekracza to, co wyjaśnia błąd losowy przy ufności "
            "95%; szara zmiana mieści się w szumie, niezależnie od wielkości."
        ),
    },
    "rankings_previous_rank": {
        "en": "Rank then → now",
        "nl": "Positie toen → nu",
        "no": "Plass da → nå",
        "pl": "Miejsce wtedy → teraz",
    },
    "rankings_yours_short": {"en": "Yours", "nl": "Van u", "no": "Din", "pl": "Twoja"},
    "rankings_chosen_short": {"en": "Chosen", "nl": "Gekozen", "no": "Valgt", "pl": "Wybrana"},
    "rankings_change": {"en": "Change", "nl": "Verandering", "no": "Endring", "pl": "Zmiana"},
    "rankings_index_then_now": {
        "en": "CX index then → now",
        "nl": "CX-index toen → nu",
        "no": "CX-indeks da → nå",
        "pl": "Indeks CX wtedy → teraz",
    },
}
