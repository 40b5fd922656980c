"""The Data quality page: batches, rejects, check results."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "check_results": {
        "en": "Quality checks",
        "nl": "Kwaliteitscontroles",
        "no": "Kvalitetskontroller",
        "pl": "Kontrole jakości",
    },
    "check_run": {
        "en": "Check run",
        "nl": "Controlerun",
        "no": "Kontrollkjøring",
        "pl": "Przebieg",
    },
    "failures_only": {
        "en": "Failures only",
        "nl": "Alleen afwijkingen",
        "no": "Bare avvik",
        "pl": "Tylko błędy",
    },
    "no_checks": {
        "en": "No quality checks have run on this warehouse yet: run `cxbench check`.",
        "nl": "Er zijn nog geen kwaliteitscontroles gedraaid: voer `cxbench check` uit.",
        "no": "Ingen kvalitetskontroller er kjørt ennå: kjør `cxbench check`.",
        "pl": "Nie uruchomiono jeszcze kontroli jakości: uruchom `cxbench check`.",
    },
    "no_failures": {
        "en": "Every expectation of this run passed.",
        "nl": "Alle verwachtingen van deze run zijn gehaald.",
        "no": "Alle forventninger i denne kjøringen ble oppfylt.",
        "pl": "Wszystkie oczekiwania w tym przebiegu spełnione.",
    },
    "verdict": {"en": "Verdict", "nl": "Oordeel", "no": "Resultat", "pl": "Wynik"},
    "passed": {"en": "passed", "nl": "geslaagd", "no": "bestått", "pl": "zaliczone"},
    "passed_column": {"en": "Passed", "nl": "Geslaagd", "no": "Bestått", "pl": "Zaliczone"},
    "failed": {"en": "failed", "nl": "mislukt", "no": "feilet", "pl": "niezaliczone"},
    "n_failed": {"en": "Failed", "nl": "Mislukt", "no": "Feilet", "pl": "Niezaliczone"},
    "expectations": {
        "en": "Expectations",
        "nl": "Verwachtingen",
        "no": "Forventninger",
        "pl": "Oczekiwania",
    },
    "suite": {"en": "Suite", "nl": "Suite", "no": "Pakke", "pl": "Zestaw"},
    "expectation": {
        "en": "Expectation",
        "nl": "Verwachting",
        "no": "Forventning",
        "pl": "Oczekiwanie",
    },
    "column": {"en": "Column", "nl": "Kolom", "no": "Kolonne", "pl": "Kolumna"},
    "severity": {"en": "Severity", "nl": "Ernst", "no": "Alvorlighet", "pl": "Waga błędu"},
    "observed": {"en": "Observed", "nl": "Waargenomen", "no": "Observert", "pl": "Zaobserwowano"},
    "examples": {"en": "Examples", "nl": "Voorbeelden", "no": "Eksempler", "pl": "Przykłady"},
    "latest_batches": {
        "en": "Latest load batches",
        "nl": "Laatste laadbatches",
        "no": "Siste innlastinger",
        "pl": "Ostatnie partie danych",
    },
    "kind": {"en": "Kind", "nl": "Soort", "no": "Type", "pl": "Rodzaj"},
    "file": {"en": "File", "nl": "Bestand", "no": "Fil", "pl": "Plik"},
    "rows_in": {"en": "Rows in", "nl": "Rijen in", "no": "Rader inn", "pl": "Wiersze"},
    "rows_loaded": {"en": "Loaded", "nl": "Geladen", "no": "Lastet", "pl": "Wczytane"},
    "rows_rejected": {"en": "Rejected", "nl": "Afgewezen", "no": "Avvist", "pl": "Odrzucone"},
    "started": {"en": "Started", "nl": "Gestart", "no": "Startet", "pl": "Start"},
    "rejects": {
        "en": "Rejected rows by reason",
        "nl": "Afgewezen rijen per reden",
        "no": "Avviste rader etter årsak",
        "pl": "Odrzucone wiersze według powodu",
    },
    "no_rejects": {
        "en": "No rows were rejected.",
        "nl": "Er zijn geen rijen afgewezen.",
        "no": "Ingen rader ble avvist.",
        "pl": "Nie odrzucono żadnych wierszy.",
    },
    "reason": {"en": "Reason", "nl": "Reden", "no": "Årsak", "pl": "Powód"},
    "first_row": {
        "en": "First row",
        "nl": "Eerste rij",
        "no": "Første rad",
        "pl": "Pierwszy wiersz",
    },
}
