"""Words of the frame every page gets (language picker, what the app says when the
warehouse cannot serve a page) and words several pages use: selectors, common table
words, suppression reasons. A page's title lives in the page's own module."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "language": {"en": "Language", "nl": "Taal", "no": "Språk", "pl": "Język"},
    "page_not_found": {
        "en": "Page not found",
        "nl": "Pagina niet gevonden",
        "no": "Fant ikke siden",
        "pl": "Nie znaleziono strony",
    },
    "page_not_found_path": {
        "en": "There is no page {path} here.",
        "nl": "De pagina {path} bestaat hier niet.",
        "no": "Det finnes ingen side {path} her.",
        "pl": "Nie ma tu strony {path}.",
    },
    "page_not_found_link": {
        "en": "The page this link asks for does not exist here.",
        "nl": "De pagina waar deze link naar verwijst, bestaat hier niet.",
        "no": "Siden denne lenken viser til, finnes ikke her.",
        "pl": "Strona, do której prowadzi ten link, tu nie istnieje.",
    },
    "page_not_found_choose": {
        "en": "Choose one of these pages:",
        "nl": "Kies een van deze pagina's:",
        "no": "Velg en av disse sidene:",
        "pl": "Wybierz jedną z tych stron:",
    },
    "missing_tables": {
        "en": (
            "This page needs tables the warehouse at `{path}` does not have yet "
            "({detail}). Run `cxbench demo`, or `cxbench build` and `cxbench check` "
            "after ingesting, to create them."
        ),
        "nl": (
            "Deze pagina heeft tabellen nodig die het warehouse op `{path}` nog niet "
            "heeft ({detail}). Voer `cxbench demo` uit, of `cxbench build` en "
            "`cxbench check` na het inlezen."
        ),
        "no": (
            "Denne siden trenger tabeller som warehouset på `{path}` ikke har ennå "
            "({detail}). Kjør `cxbench demo`, eller `cxbench build` og `cxbench check` "
            "etter innlasting."
        ),
        "pl": (
            "Ta strona potrzebuje tabel, których hurtownia w `{path}` jeszcze nie ma "
            "({detail}). Uruchom `cxbench demo` albo `cxbench build` i `cxbench check` "
            "po wczytaniu danych."
        ),
    },
    "sector": {"en": "Sector", "nl": "Sector", "no": "Bransje", "pl": "Sektor"},
    "yes": {"en": "yes", "nl": "ja", "no": "ja", "pl": "tak"},
    "no": {"en": "no", "nl": "nee", "no": "nei", "pl": "nie"},
    "average": {"en": "Average", "nl": "Gemiddelde", "no": "Gjennomsnitt", "pl": "Średnia"},
    "median": {"en": "Median", "nl": "Mediaan", "no": "Median", "pl": "Mediana"},
    "status": {"en": "Status", "nl": "Status", "no": "Status", "pl": "Status"},
    "shown": {"en": "shown", "nl": "getoond", "no": "vist", "pl": "pokazane"},
    "suppressed_because": {
        "en": "suppressed: {reason}",
        "nl": "onderdrukt: {reason}",
        "no": "skjult: {reason}",
        "pl": "ukryte: {reason}",
    },
    "companies": {"en": "Companies", "nl": "Bedrijven", "no": "Selskaper", "pl": "Firmy"},
    "ranked_companies": {
        "en": "Ranked companies",
        "nl": "Gerangschikte bedrijven",
        "no": "Rangerte selskaper",
        "pl": "Firmy w rankingu",
    },
    "leader": {"en": "Leader", "nl": "Leider", "no": "Leder", "pl": "Lider"},
    "share": {"en": "Share", "nl": "Aandeel", "no": "Andel", "pl": "Udział"},
    "importance": {"en": "Importance", "nl": "Belang", "no": "Betydning", "pl": "Waga"},
    "country": {"en": "Country", "nl": "Land", "no": "Land", "pl": "Kraj"},
    "wave": {"en": "Wave", "nl": "Meting", "no": "Bølge", "pl": "Edycja"},
    "organisation": {
        "en": "Organisation",
        "nl": "Organisatie",
        "no": "Organisasjon",
        "pl": "Organizacja",
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
    "study": {"en": "Study", "nl": "Onderzoek", "no": "Undersøkelse", "pl": "Badanie"},
    "and": {"en": "and", "nl": "en", "no": "og", "pl": "i"},
    "measured": {"en": "Measured", "nl": "Gemeten", "no": "Målt", "pl": "Pomiar"},
    "measured_by": {
        "en": "measured by {n} of {total} statements",
        "nl": "gemeten met {n} van {total} stellingen",
        "no": "målt med {n} av {total} påstander",
        "pl": "mierzony za pomocą {n} z {total} stwierdzeń",
    },
    "measured_fully": {
        "en": "all {n} statements",
        "nl": "alle {n} stellingen",
        "no": "alle {n} påstander",
        "pl": "wszystkie stwierdzenia ({n})",
    },
    "not_measured": {
        "en": "not measured by this study",
        "nl": "niet gemeten in dit onderzoek",
        "no": "ikke målt i denne undersøkelsen",
        "pl": "niemierzony w tym badaniu",
    },
    "not_measured_note": {
        "en": "Not measured by this study: {pillars}.",
        "nl": "Niet gemeten in dit onderzoek: {pillars}.",
        "no": "Ikke målt i denne undersøkelsen: {pillars}.",
        "pl": "Niemierzone w tym badaniu: {pillars}.",
    },
    "index_partial": {
        "en": (
            "CX index over {pillars} (the pillars this study measures); it is ranked "
            "only against indexes over the same pillars."
        ),
        "nl": (
            "CX-index over {pillars} (de pijlers die dit onderzoek meet); hij wordt alleen "
            "vergeleken met indexen over dezelfde pijlers."
        ),
        "no": (
            "CX-indeks over {pillars} (pilarene denne undersøkelsen måler); den rangeres "
            "bare mot indekser over de samme pilarene."
        ),
        "pl": (
            "Indeks CX z filarów: {pillars} (filary mierzone w tym badaniu); porównywany "
            "tylko z indeksami z tych samych filarów."
        ),
    },
    "reason_few_companies": {
        "en": "fewer than {minimum} eligible companies (n={n})",
        "nl": "minder dan {minimum} gerangschikte bedrijven (n={n})",
        "no": "færre enn {minimum} rangerte selskaper (n={n})",
        "pl": "mniej niż {minimum} firm w rankingu (n={n})",
    },
    "reason_dominant_company": {
        "en": "one company holds {share}% of evaluations",
        "nl": "één bedrijf heeft {share}% van de beoordelingen",
        "no": "ett selskap har {share} % av vurderingene",
        "pl": "jedna firma ma {share}% ocen",
    },
    "reason_equal_weight": {
        "en": "one company weighs {share}% of the average",
        "nl": "één bedrijf weegt {share}% van het gemiddelde",
        "no": "ett selskap veier {share} % av snittet",
        "pl": "jedna firma waży {share}% średniej",
    },
    "reason_few_revenue_companies": {
        "en": "fewer than {minimum} companies with revenue (n={n})",
        "nl": "minder dan {minimum} bedrijven met omzet (n={n})",
        "no": "færre enn {minimum} selskaper med omsetning (n={n})",
        "pl": "mniej niż {minimum} firm z przychodem (n={n})",
    },
    "reason_dominant_revenue": {
        "en": "one company holds {share}% of revenue",
        "nl": "één bedrijf heeft {share}% van de omzet",
        "no": "ett selskap har {share} % av omsetningen",
        "pl": "jedna firma ma {share}% przychodu",
    },
    "reason_p_percent": {
        "en": "p%-rule: revenue beyond the two largest is {share}% of the largest (minimum {p}%)",
        "nl": (
            "p%-regel: de omzet buiten de twee grootste is {share}% van de grootste (minimaal {p}%)"
        ),
        "no": (
            "p %-regelen: omsetningen utover de to største er {share} % av den største "
            "(minst {p} %)"
        ),
        "pl": (
            "reguła p%: przychód poza dwiema największymi firmami to {share}% "
            "przychodu największej (minimum {p}%)"
        ),
    },
    "reason_complementary": {
        "en": (
            "complementary: withheld so that a suppressed average cannot be derived by difference"
        ),
        "nl": (
            "aanvullend: weggelaten zodat een onderdrukt gemiddelde niet als verschil "
            "te berekenen is"
        ),
        "no": ("komplementær: holdt tilbake så et skjult snitt ikke kan regnes ut som differanse"),
        "pl": ("uzupełniająco: ukryta, aby ukrytej średniej nie dało się wyliczyć z różnicy"),
    },
}
