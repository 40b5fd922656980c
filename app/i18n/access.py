"""Words about who is looking: the names peers are shown under, the viewer's badge,
and what the app says to someone without access or following a link they may not open."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "peer_pseudonym": {
        "en": "Competitor",
        "nl": "Concurrent",
        "no": "Konkurrent",
        "pl": "Konkurent",
    },
    "leader_pseudonym": {
        "en": "Sector leader",
        "nl": "Sectorleider",
        "no": "Bransjeleder",
        "pl": "Lider sektora",
    },
    "viewing_as_analyst": {
        "en": "Analyst view: every company by name.",
        "nl": "Analistenweergave: elk bedrijf met naam.",
        "no": "Analytikervisning: alle selskaper med navn.",
        "pl": "Widok analityka: wszystkie firmy z nazwy.",
    },
    "viewing_as_client": {
        "en": "Client view of {organisations}: other companies are shown anonymised.",
        "nl": "Klantweergave van {organisations}: andere bedrijven worden geanonimiseerd getoond.",
        "no": "Kundevisning for {organisations}: andre selskaper vises anonymisert.",
        "pl": "Widok klienta {organisations}: pozostałe firmy są pokazane anonimowo.",
    },
    "preview_banner": {
        "en": "Preview: exactly what this client sees (served on this machine only).",
        "nl": "Voorbeeld: precies wat deze klant ziet (alleen op deze machine).",
        "no": "Forhåndsvisning: nøyaktig det denne kunden ser (kun på denne maskinen).",
        "pl": "Podgląd: dokładnie to, co widzi ten klient (tylko na tym komputerze).",
    },
    "no_access": {
        "en": (
            "{who} has no access to this benchmark. Ask your benchmarking contact to "
            "grant it (`cxbench access grant`)."
        ),
        "nl": (
            "{who} heeft geen toegang tot deze benchmark. Vraag uw contactpersoon om "
            "toegang (`cxbench access grant`)."
        ),
        "no": (
            "{who} har ikke tilgang til denne benchmarken. Be kontaktpersonen din om "
            "tilgang (`cxbench access grant`)."
        ),
        "pl": (
            "{who} nie ma dostępu do tego benchmarku. Poproś swojego opiekuna o dostęp "
            "(`cxbench access grant`)."
        ),
    },
    "unknown_preview_company": {
        "en": "No organisation with id `{company}` in this warehouse: nothing to preview.",
        "nl": "Geen organisatie met id `{company}` in dit warehouse: niets te tonen.",
        "no": "Ingen organisasjon med id `{company}` i dette warehouset: ingenting å vise.",
        "pl": "Brak organizacji o id `{company}` w tej hurtowni: nie ma czego pokazać.",
    },
    "benchmark_unavailable": {
        "en": "The benchmark is not available at the moment. Please try again later.",
        "nl": "De benchmark is op dit moment niet beschikbaar. Probeer het later opnieuw.",
        "no": "Benchmarken er ikke tilgjengelig akkurat nå. Prøv igjen senere.",
        "pl": "Benchmark jest w tej chwili niedostępny. Spróbuj ponownie później.",
    },
    "link_not_entitled": {
        "en": (
            "This link opens an organisation that is not one of yours: you are not "
            "entitled to see it. Choose one of your organisations in the sidebar."
        ),
        "nl": (
            "Deze link opent een organisatie die niet van u is: u heeft geen recht om "
            "die te zien. Kies een van uw organisaties in de zijbalk."
        ),
        "no": (
            "Denne lenken åpner en organisasjon som ikke er din: du har ikke rett til å "
            "se den. Velg en av organisasjonene dine i sidefeltet."
        ),
        "pl": (
            "Ten link otwiera organizację, która nie jest Twoja: nie masz uprawnień, by "
            "ją zobaczyć. Wybierz jedną ze swoich organizacji z panelu bocznego."
        ),
    },
    "link_unknown_value": {
        "en": (
            "This link asks for {what} `{value}`, which is not available here. Choose "
            "from the sidebar instead."
        ),
        "nl": (
            "Deze link vraagt om {what} `{value}`, die hier niet beschikbaar is. Kies in "
            "de zijbalk."
        ),
        "no": (
            "Denne lenken ber om {what} `{value}`, som ikke er tilgjengelig her. Velg i "
            "sidefeltet i stedet."
        ),
        "pl": ("Ten link wskazuje {what} `{value}`, niedostępne tutaj. Wybierz z panelu bocznego."),
    },
    "link_what_organisation": {
        "en": "organisation",
        "nl": "organisatie",
        "no": "organisasjon",
        "pl": "organizację",
    },
    "link_what_country": {"en": "country", "nl": "land", "no": "land", "pl": "kraj"},
    "link_what_wave": {"en": "wave", "nl": "meting", "no": "bølge", "pl": "edycję"},
    "link_what_study": {"en": "study", "nl": "onderzoek", "no": "studie", "pl": "badanie"},
    "link_what_choice": {"en": "choice", "nl": "keuze", "no": "valg", "pl": "wybór"},
    "reason_withheld": {
        "en": "withheld by disclosure control",
        "nl": "achtergehouden door onthullingscontrole",
        "no": "holdt tilbake av avsløringskontroll",
        "pl": "ukryte przez kontrolę ujawniania",
    },
}
