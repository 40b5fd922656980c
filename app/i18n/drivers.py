"""The Drivers page: pillar importance with its interval, and R².

New keys carry the page's prefix: every page's strings share one namespace."""

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
    "drivers_importance_interval": {
        "en": "Importance (95% interval)",
        "nl": "Belang (95%-interval)",
        "no": "Betydning (95 %-intervall)",
        "pl": "Waga (przedział 95%)",
    },
    "drivers_rank_range": {
        "en": "Rank (range)",
        "nl": "Rang (bereik)",
        "no": "Rang (spenn)",
        "pl": "Miejsce (zakres)",
    },
    "drivers_ci_low": {"en": "95% low", "nl": "95% laag", "no": "95 % lav", "pl": "95% dół"},
    "drivers_ci_high": {"en": "95% high", "nl": "95% hoog", "no": "95 % høy", "pl": "95% góra"},
    "drivers_ties_caption": {
        "en": (
            "The bar around each importance is its 95% interval. Two pillars whose "
            "intervals overlap cannot be told apart: the rank range lists every place a "
            "pillar could take, counting only the pillars whose interval lies wholly "
            "above or below its own."
        ),
        "nl": (
            "De balk rond elk belang is het 95%-interval. Twee pijlers waarvan de "
            "intervallen overlappen zijn niet van elkaar te onderscheiden: het rangbereik "
            "noemt elke plaats die een pijler kan innemen en telt alleen de pijlers "
            "waarvan het interval geheel boven of onder het eigen interval ligt."
        ),
        "no": (
            "Streken rundt hver betydning er 95 %-intervallet. To pilarer med "
            "overlappende intervaller kan ikke skilles fra hverandre: rangspennet viser "
            "hver plass en pilar kan ha, og teller bare pilarene med intervall helt over "
            "eller under dens eget."
        ),
        "pl": (
            "Odcinek wokół każdej wagi to jej przedział 95%. Dwóch filarów o "
            "nakładających się przedziałach nie da się od siebie odróżnić: zakres miejsc "
            "podaje każde miejsce, które filar może zająć, licząc tylko filary, których "
            "przedział leży całkowicie powyżej lub poniżej jego własnego."
        ),
    },
    "drivers_top_uncertain": {
        "en": "{names} cannot be told apart: each of them may matter most.",
        "nl": "{names} zijn niet van elkaar te onderscheiden: elk ervan kan het zwaarst wegen.",
        "no": "{names} kan ikke skilles fra hverandre: hver av dem kan veie tyngst.",
        "pl": "{names} są nie do odróżnienia: każdy z nich może ważyć najwięcej.",
    },
    "drivers_top_certain": {
        "en": "{name} matters most: its interval lies above every other pillar's.",
        "nl": "{name} weegt het zwaarst: het interval ligt boven dat van elke andere pijler.",
        "no": "{name} veier tyngst: intervallet ligger over alle andre pilarers.",
        "pl": "{name} waży najwięcej: jego przedział leży powyżej przedziałów innych filarów.",
    },
}
