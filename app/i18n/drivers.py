"""The Drivers page: pillar importance and R²."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "drivers_page": {
        "en": "Drivers",
        "nl": "Drijfveren",
        "no": "Drivere",
        "pl": "Czynniki",
    },
    "drivers_heading": {
        "en": "What drives advocacy and loyalty in {country} {wave}",
        "nl": "Wat aanbeveling en loyaliteit drijft in {country} {wave}",
        "no": "Hva som driver anbefaling og lojalitet i {country} {wave}",
        "pl": "Co napędza polecenia i lojalność w {country} {wave}",
    },
    "no_drivers": {
        "en": "Pillar importance has not been estimated for this selection.",
        "nl": "Het belang van de pijlers is voor deze selectie niet geschat.",
        "no": "Pilarenes betydning er ikke estimert for dette utvalget.",
        "pl": "Wagi filarów nie zostały oszacowane dla tego wyboru.",
    },
    "not_estimated": {
        "en": "Importance could not be estimated: {note}",
        "nl": "Het belang kon niet worden geschat: {note}",
        "no": "Betydningen kunne ikke estimeres: {note}",
        "pl": "Nie udało się oszacować wag: {note}",
    },
    "r2_advocacy": {
        "en": "R² advocacy (NPS)",
        "nl": "R² aanbeveling (NPS)",
        "no": "R² anbefaling (NPS)",
        "pl": "R² polecanie (NPS)",
    },
    "r2_loyalty": {
        "en": "R² loyalty",
        "nl": "R² loyaliteit",
        "no": "R² lojalitet",
        "pl": "R² lojalność",
    },
    "complete_cases": {
        "en": "Complete cases",
        "nl": "Volledige waarnemingen",
        "no": "Komplette svar",
        "pl": "Pełne obserwacje",
    },
    "share_of_advocacy": {
        "en": "Share of explained advocacy",
        "nl": "Aandeel verklaarde aanbeveling",
        "no": "Andel forklart anbefaling",
        "pl": "Udział w wyjaśnionym polecaniu",
    },
    "share_of_loyalty": {
        "en": "Share of explained loyalty",
        "nl": "Aandeel verklaarde loyaliteit",
        "no": "Andel forklart lojalitet",
        "pl": "Udział w wyjaśnionej lojalności",
    },
    "importance_rank": {
        "en": "Importance rank",
        "nl": "Rang belang",
        "no": "Rang betydning",
        "pl": "Miejsce wagi",
    },
    "drivers_caption": {
        "en": (
            "Johnson's relative weights split each regression's R² over the pillars the "
            "study measures (all six in the full questionnaire); "
            "importance combines advocacy and loyalty and weights the CX index."
        ),
        "nl": (
            "Johnsons relatieve gewichten verdelen de R² van elke regressie over de pijlers "
            "die het onderzoek meet (alle zes in de volledige vragenlijst); het belang "
            "combineert aanbeveling en loyaliteit en weegt de CX-index."
        ),
        "no": (
            "Johnsons relative vekter fordeler hver regresjons R² på pilarene undersøkelsen "
            "måler (alle seks i det fulle spørreskjemaet); "
            "betydningen kombinerer anbefaling og lojalitet og vekter CX-indeksen."
        ),
        "pl": (
            "Względne wagi Johnsona dzielą R² każdej regresji między filary mierzone w "
            "badaniu (wszystkie sześć w pełnym kwestionariuszu); waga "
            "łączy polecanie i lojalność i waży indeks CX."
        ),
    },
    "r2_by_country": {
        "en": "How much the pillars explain, per country",
        "nl": "Hoeveel de pijlers verklaren, per land",
        "no": "Hvor mye pilarene forklarer, per land",
        "pl": "Ile wyjaśniają filary, według kraju",
    },
}
