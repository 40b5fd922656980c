"""Interface strings in the four languages of the benchmark (EN, NL, NO, PL).

Pillar labels are data and come from ``marts.dim_pillar``; only the words of the
interface itself live here, so a translator edits one dict and nothing else.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "nl", "no", "pl")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "nl": "Nederlands",
    "no": "Norsk",
    "pl": "Polski",
}

STRINGS: dict[str, dict[str, str]] = {
    "language": {"en": "Language", "nl": "Taal", "no": "Språk", "pl": "Język"},
    "compare_page": {"en": "Compare", "nl": "Vergelijken", "no": "Sammenlign", "pl": "Porównanie"},
    "country": {"en": "Country", "nl": "Land", "no": "Land", "pl": "Kraj"},
    "wave": {"en": "Wave", "nl": "Meting", "no": "Bølge", "pl": "Edycja"},
    "organisation": {
        "en": "Organisation",
        "nl": "Organisatie",
        "no": "Organisasjon",
        "pl": "Organizacja",
    },
    "versus_leader": {
        "en": "{org} vs. sector leader — {sector}, {country} {wave}",
        "nl": "{org} vs. sectorleider — {sector}, {country} {wave}",
        "no": "{org} mot bransjeleder — {sector}, {country} {wave}",
        "pl": "{org} a lider sektora — {sector}, {country} {wave}",
    },
    "is_leader": {
        "en": "{org} is the sector leader.",
        "nl": "{org} is de sectorleider.",
        "no": "{org} er bransjeleder.",
        "pl": "{org} jest liderem sektora.",
    },
    "leader_is": {
        "en": "Sector leader: {leader} (CX index {cx_index})",
        "nl": "Sectorleider: {leader} (CX-index {cx_index})",
        "no": "Bransjeleder: {leader} (CX-indeks {cx_index})",
        "pl": "Lider sektora: {leader} (indeks CX {cx_index})",
    },
    "no_leader": {
        "en": "No company in this sector reaches the minimum base, so there is no leader.",
        "nl": "Geen bedrijf in deze sector haalt de minimale basis; er is dus geen leider.",
        "no": "Ingen selskaper i bransjen når minstegrunnlaget, så det er ingen leder.",
        "pl": "Żadna firma w tym sektorze nie osiąga minimalnej bazy, więc nie ma lidera.",
    },
    "not_ranked": {
        "en": (
            "{org} has {n} evaluations, below the minimum base: its numbers are shown "
            "but it is not ranked."
        ),
        "nl": (
            "{org} heeft {n} beoordelingen, minder dan de minimale basis: de cijfers "
            "worden getoond, maar het bedrijf wordt niet gerangschikt."
        ),
        "no": (
            "{org} har {n} vurderinger, under minstegrunnlaget: tallene vises, "
            "men selskapet rangeres ikke."
        ),
        "pl": (
            "{org} ma {n} ocen, poniżej minimalnej bazy: wyniki są pokazane, "
            "ale firma nie jest klasyfikowana."
        ),
    },
    "cx_index": {"en": "CX index", "nl": "CX-index", "no": "CX-indeks", "pl": "Indeks CX"},
    "rank_in_country": {
        "en": "Rank in country",
        "nl": "Positie in land",
        "no": "Plass i landet",
        "pl": "Miejsce w kraju",
    },
    "rank_in_sector": {
        "en": "Rank in sector",
        "nl": "Positie in sector",
        "no": "Plass i bransjen",
        "pl": "Miejsce w sektorze",
    },
    "rank_of": {
        "en": "{rank} of {total}",
        "nl": "{rank} van {total}",
        "no": "{rank} av {total}",
        "pl": "{rank} z {total}",
    },
    "not_ranked_short": {
        "en": "not ranked",
        "nl": "niet gerangschikt",
        "no": "ikke rangert",
        "pl": "poza rankingiem",
    },
    "evaluations": {"en": "Evaluations", "nl": "Beoordelingen", "no": "Vurderinger", "pl": "Oceny"},
    "pillar": {"en": "Pillar", "nl": "Pijler", "no": "Pilar", "pl": "Filar"},
    "score": {
        "en": "Score (1–10)",
        "nl": "Score (1–10)",
        "no": "Poeng (1–10)",
        "pl": "Wynik (1–10)",
    },
    "mean": {"en": "mean", "nl": "gemiddelde", "no": "snitt", "pl": "średnia"},
    "ci_low": {
        "en": "95% CI low",
        "nl": "95%-BI onder",
        "no": "95 % KI nedre",
        "pl": "95% PU dolny",
    },
    "ci_high": {
        "en": "95% CI high",
        "nl": "95%-BI boven",
        "no": "95 % KI øvre",
        "pl": "95% PU górny",
    },
    "n": {"en": "n", "nl": "n", "no": "n", "pl": "n"},
    "chart_caption": {
        "en": "Dots are mean pillar scores; bars are 95% confidence intervals.",
        "nl": "Punten zijn gemiddelde pijlerscores; balken zijn 95%-betrouwbaarheidsintervallen.",
        "no": "Punktene er gjennomsnittlige pilarpoeng; strekene er 95 % konfidensintervaller.",
        "pl": "Punkty to średnie wyniki filarów; odcinki to 95% przedziały ufności.",
    },
    "no_scores": {
        "en": "There are no scores for this selection yet.",
        "nl": "Voor deze selectie zijn nog geen scores.",
        "no": "Det finnes ingen poeng for dette utvalget ennå.",
        "pl": "Dla tego wyboru nie ma jeszcze wyników.",
    },
    "missing_file": {
        "en": (
            "No warehouse found at `{path}`. Load data first: run `make demo` (or "
            "`cxbench demo`) to build a demo warehouse, or point `CXBENCH_DB` at one."
        ),
        "nl": (
            "Geen warehouse gevonden op `{path}`. Laad eerst data: voer `make demo` (of "
            "`cxbench demo`) uit, of laat `CXBENCH_DB` naar een warehouse wijzen."
        ),
        "no": (
            "Fant ikke noe warehouse på `{path}`. Last inn data først: kjør `make demo` "
            "(eller `cxbench demo`), eller pek `CXBENCH_DB` mot et warehouse."
        ),
        "pl": (
            "Nie znaleziono hurtowni w `{path}`. Najpierw wczytaj dane: uruchom "
            "`make demo` (lub `cxbench demo`) albo wskaż hurtownię zmienną `CXBENCH_DB`."
        ),
    },
    "missing_marts": {
        "en": (
            "The warehouse at `{path}` has no usable marts yet ({detail}). Build them: "
            "run `make demo` (or `cxbench demo`), or `cxbench build` after ingesting."
        ),
        "nl": (
            "Het warehouse op `{path}` heeft nog geen bruikbare marts ({detail}). Bouw ze: "
            "voer `make demo` (of `cxbench demo`) uit, of `cxbench build` na het inlezen."
        ),
        "no": (
            "Warehouset på `{path}` har ingen brukbare marts ennå ({detail}). Bygg dem: "
            "kjør `make demo` (eller `cxbench demo`), eller `cxbench build` etter innlasting."
        ),
        "pl": (
            "Hurtownia w `{path}` nie ma jeszcze gotowych martów ({detail}). Zbuduj je: "
            "uruchom `make demo` (lub `cxbench demo`) albo `cxbench build` po wczytaniu."
        ),
    },
    "unreadable": {
        "en": (
            "The warehouse at `{path}` cannot be opened ({detail}). If a build is "
            "running, wait for it to finish; otherwise rebuild with `make demo` or "
            "`cxbench demo`."
        ),
        "nl": (
            "Het warehouse op `{path}` kan niet worden geopend ({detail}). Loopt er een "
            "build, wacht dan tot die klaar is; anders opnieuw bouwen met `make demo` of "
            "`cxbench demo`."
        ),
        "no": (
            "Warehouset på `{path}` kan ikke åpnes ({detail}). Pågår en bygging, vent til "
            "den er ferdig; ellers bygg på nytt med `make demo` eller `cxbench demo`."
        ),
        "pl": (
            "Nie można otworzyć hurtowni w `{path}` ({detail}). Jeśli trwa budowanie, "
            "poczekaj; w przeciwnym razie zbuduj ją ponownie przez `make demo` lub "
            "`cxbench demo`."
        ),
    },
}


def text(key: str, language: str, **values: object) -> str:
    """The interface string ``key`` in ``language``, falling back to English.

    A missing translation shows English rather than failing, so adding a string in
    one language never breaks a page for the others.
    """
    translations = STRINGS[key]
    template = translations.get(language) or translations[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template
