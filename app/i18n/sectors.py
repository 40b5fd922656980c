"""The Sectors page: sector profiles and their spread."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "sectors_page": {"en": "Sectors", "nl": "Sectoren", "no": "Bransjer", "pl": "Sektory"},
    "sector_spread": {
        "en": "Sectors in {country} {wave}: averages and spread",
        "nl": "Sectoren in {country} {wave}: gemiddelden en spreiding",
        "no": "Bransjer i {country} {wave}: snitt og spredning",
        "pl": "Sektory w {country} {wave}: średnie i rozrzut",
    },
    "spread_caption": {
        "en": (
            "Line: lowest to highest ranked company; box: middle half; tick: median; "
            "red dot: sector average. Suppressed sectors are listed below with the reason."
        ),
        "nl": (
            "Lijn: laagste tot hoogste gerangschikte bedrijf; blok: middelste helft; "
            "streep: mediaan; rode stip: sectorgemiddelde. Onderdrukte sectoren staan "
            "hieronder met de reden."
        ),
        "no": (
            "Linje: laveste til høyeste rangerte selskap; boks: midterste halvdel; strek: "
            "median; rød prikk: bransjesnitt. Skjulte bransjer står under med begrunnelse."
        ),
        "pl": (
            "Linia: od najniższej do najwyższej firmy w rankingu; pudełko: środkowa "
            "połowa; kreska: mediana; czerwona kropka: średnia sektora. Ukryte sektory "
            "są wymienione niżej z powodem."
        ),
    },
    "sector_profile": {
        "en": "Pillar profile: {sector} against the national average",
        "nl": "Pijlerprofiel: {sector} tegenover het landelijk gemiddelde",
        "no": "Pilarprofil: {sector} mot nasjonalt snitt",
        "pl": "Profil filarów: {sector} na tle średniej krajowej",
    },
    "revenue_weighted": {
        "en": "Revenue-weighted",
        "nl": "Naar omzet gewogen",
        "no": "Omsetningsvektet",
        "pl": "Ważona przychodem",
    },
    "revenue_suppressed_because": {
        "en": "shown; revenue-weighted average suppressed: {reason}",
        "nl": "getoond; omzetgewogen gemiddelde onderdrukt: {reason}",
        "no": "vist; omsetningsvektet gjennomsnitt undertrykt: {reason}",
        "pl": "pokazane; średnia ważona przychodami ukryta: {reason}",
    },
    "median_middle_half": {
        "en": "Median (middle half)",
        "nl": "Mediaan (middelste helft)",
        "no": "Median (midterste halvdel)",
        "pl": "Mediana (środkowa połowa)",
    },
    "ranked_of_companies": {
        "en": "Ranked / companies",
        "nl": "Gerangschikt / bedrijven",
        "no": "Rangert / selskaper",
        "pl": "W rankingu / firmy",
    },
}
