"""Interface strings in the four languages of the benchmark (EN, NL, NO, PL).

Pillar labels are data and come from ``marts.dim_pillar``; only the words of the
interface itself live here, so a translator edits one dict and nothing else.
"""

from __future__ import annotations

import re

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
    # --- Pages (issue 7): navigation titles ---
    "rankings_page": {"en": "Rankings", "nl": "Ranglijsten", "no": "Rangeringer", "pl": "Rankingi"},
    "sectors_page": {"en": "Sectors", "nl": "Sectoren", "no": "Bransjer", "pl": "Sektory"},
    "drivers_page": {
        "en": "Drivers",
        "nl": "Drijfveren",
        "no": "Drivere",
        "pl": "Czynniki",
    },
    "nav_maturity": {"en": "Maturity", "nl": "Volwassenheid", "no": "Modenhet", "pl": "Dojrzałość"},
    "quality_page": {
        "en": "Data quality",
        "nl": "Datakwaliteit",
        "no": "Datakvalitet",
        "pl": "Jakość danych",
    },
    "methodology_page": {
        "en": "Methodology",
        "nl": "Methodologie",
        "no": "Metode",
        "pl": "Metodologia",
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
    # --- Shared words ---
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
    # --- Compare ---
    "sector_average": {
        "en": "Sector average",
        "nl": "Sectorgemiddelde",
        "no": "Bransjesnitt",
        "pl": "Średnia sektora",
    },
    "national_average": {
        "en": "National average",
        "nl": "Landelijk gemiddelde",
        "no": "Nasjonalt snitt",
        "pl": "Średnia krajowa",
    },
    "sector_average_suppressed": {
        "en": "The sector average of {sector} is suppressed: {reason}.",
        "nl": "Het sectorgemiddelde van {sector} wordt niet getoond: {reason}.",
        "no": "Bransjesnittet for {sector} er skjult: {reason}.",
        "pl": "Średnia sektora {sector} jest ukryta: {reason}.",
    },
    "national_average_suppressed": {
        "en": "The national average is suppressed: {reason}.",
        "nl": "Het landelijk gemiddelde wordt niet getoond: {reason}.",
        "no": "Det nasjonale snittet er skjult: {reason}.",
        "pl": "Średnia krajowa jest ukryta: {reason}.",
    },
    "gap_to_leader": {
        "en": "Gap to leader",
        "nl": "Achterstand op leider",
        "no": "Avstand til leder",
        "pl": "Strata do lidera",
    },
    "significant_gap": {
        "en": "Significant gap",
        "nl": "Significant verschil",
        "no": "Signifikant avstand",
        "pl": "Istotna różnica",
    },
    "priority": {"en": "Priority", "nl": "Prioriteit", "no": "Prioritet", "pl": "Priorytet"},
    "priorities": {
        "en": "What to fix first",
        "nl": "Wat eerst verbeteren",
        "no": "Hva som bør forbedres først",
        "pl": "Co poprawić najpierw",
    },
    "priority_caption": {
        "en": (
            "Priority = gap to {leader} × pillar importance; the top row is worth most "
            "for advocacy and loyalty. Coloured: whether the gap is statistically significant."
        ),
        "nl": (
            "Prioriteit = achterstand op {leader} × belang van de pijler; de bovenste rij "
            "levert het meest op voor aanbeveling en loyaliteit. Kleur: of het verschil "
            "statistisch significant is."
        ),
        "no": (
            "Prioritet = avstand til {leader} × pilarens betydning; øverste rad betyr mest "
            "for anbefaling og lojalitet. Farge: om avstanden er statistisk signifikant."
        ),
        "pl": (
            "Priorytet = strata do {leader} × waga filaru; pierwszy wiersz najbardziej "
            "wpływa na polecenia i lojalność. Kolor: czy różnica jest istotna statystycznie."
        ),
    },
    "no_priorities": {
        "en": "Without a sector leader there are no gaps to rank.",
        "nl": "Zonder sectorleider zijn er geen achterstanden te rangschikken.",
        "no": "Uten bransjeleder er det ingen avstander å rangere.",
        "pl": "Bez lidera sektora nie ma strat do uszeregowania.",
    },
    "leader_no_priorities": {
        "en": "{org} leads its sector: there is no gap to the leader to close.",
        "nl": "{org} leidt de sector: er is geen achterstand op de leider.",
        "no": "{org} leder bransjen: det er ingen avstand til lederen å ta igjen.",
        "pl": "{org} prowadzi w sektorze: nie ma straty do lidera.",
    },
    "trend": {
        "en": "Trend over waves",
        "nl": "Ontwikkeling over metingen",
        "no": "Utvikling over bølger",
        "pl": "Zmiany w kolejnych edycjach",
    },
    "trend_caption": {
        "en": (
            "Left: CX index of the organisation and the (unsuppressed) averages. Right: "
            "pillar means with 95% confidence intervals per wave."
        ),
        "nl": (
            "Links: CX-index van de organisatie en de (getoonde) gemiddelden. Rechts: "
            "pijlergemiddelden met 95%-betrouwbaarheidsintervallen per meting."
        ),
        "no": (
            "Venstre: CX-indeks for organisasjonen og de (viste) snittene. Høyre: "
            "pilarsnitt med 95 % konfidensintervaller per bølge."
        ),
        "pl": (
            "Po lewej: indeks CX organizacji i (nieukryte) średnie. Po prawej: średnie "
            "filarów z 95% przedziałami ufności w każdej edycji."
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
    "trend_suppressed": {
        "en": "{average} {wave} is suppressed: {reason}.",
        "nl": "{average} {wave} wordt niet getoond: {reason}.",
        "no": "{average} {wave} er skjult: {reason}.",
        "pl": "{average} {wave} jest ukryta: {reason}.",
    },
    "one_wave_only": {
        "en": "Only one wave so far: a trend needs at least two.",
        "nl": "Nog maar één meting: voor een ontwikkeling zijn er minstens twee nodig.",
        "no": "Bare én bølge så langt: en utvikling krever minst to.",
        "pl": "Na razie tylko jedna edycja: trend wymaga co najmniej dwóch.",
    },
    "average_interval_caption": {
        "en": (
            "Averages are the mean of the ranked companies' pillar scores; their 95% "
            "interval combines those companies' standard errors."
        ),
        "nl": (
            "Gemiddelden zijn het gemiddelde van de pijlerscores van de gerangschikte "
            "bedrijven; het 95%-interval combineert hun standaardfouten."
        ),
        "no": (
            "Snittene er gjennomsnittet av de rangerte selskapenes pilarpoeng; 95 % "
            "intervallet kombinerer deres standardfeil."
        ),
        "pl": (
            "Średnie to średnia wyników filarów firm w rankingu; 95% przedział łączy ich "
            "błędy standardowe."
        ),
    },
    # --- Rankings ---
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
    # --- Sectors ---
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
    # --- Drivers ---
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
            "Johnson's relative weights split each regression's R² over the six pillars; "
            "importance combines advocacy and loyalty and weights the CX index."
        ),
        "nl": (
            "Johnsons relatieve gewichten verdelen de R² van elke regressie over de zes "
            "pijlers; het belang combineert aanbeveling en loyaliteit en weegt de CX-index."
        ),
        "no": (
            "Johnsons relative vekter fordeler hver regresjons R² på de seks pilarene; "
            "betydningen kombinerer anbefaling og lojalitet og vekter CX-indeksen."
        ),
        "pl": (
            "Względne wagi Johnsona dzielą R² każdej regresji między sześć filarów; waga "
            "łączy polecanie i lojalność i waży indeks CX."
        ),
    },
    "r2_by_country": {
        "en": "How much the pillars explain, per country",
        "nl": "Hoeveel de pijlers verklaren, per land",
        "no": "Hvor mye pilarene forklarer, per land",
        "pl": "Ile wyjaśniają filary, według kraju",
    },
    # --- Data quality ---
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
    # --- Methodology ---
    "no_methodology": {
        "en": "The warehouse records no methodology parameters: rebuild with `cxbench build`.",
        "nl": "Het warehouse bevat geen methodeparameters: bouw opnieuw met `cxbench build`.",
        "no": "Warehouset har ingen metodeparametere: bygg på nytt med `cxbench build`.",
        "pl": "Hurtownia nie zawiera parametrów metody: zbuduj ją ponownie `cxbench build`.",
    },
    "method_version": {
        "en": (
            "These marts were built with methodology version "
            "**{version}**, with the parameters below."
        ),
        "nl": (
            "Deze marts zijn gebouwd met methodeversie **{version}**, met de parameters hieronder."
        ),
        "no": "Disse martene er bygget med metodeversjon **{version}**, med parameterne nedenfor.",
        "pl": "Te marty zbudowano metodą w wersji **{version}** z parametrami poniżej.",
    },
    "method_pillar_score": {
        "en": (
            "**Pillar score.** Each evaluation's score on a pillar is the mean of its "
            "answered statements (1–10); it counts only when at least "
            "{min_answered_share} of the pillar's statements are answered."
        ),
        "nl": (
            "**Pijlerscore.** De score van een beoordeling op een pijler is het gemiddelde "
            "van de beantwoorde stellingen (1–10); die telt alleen als minstens "
            "{min_answered_share} van de stellingen is beantwoord."
        ),
        "no": (
            "**Pilarpoeng.** En vurderings poeng på en pilar er snittet av de besvarte "
            "påstandene (1–10); den teller bare når minst {min_answered_share} av "
            "påstandene er besvart."
        ),
        "pl": (
            "**Wynik filaru.** Wynik oceny na filarze to średnia odpowiedzi na jego "
            "stwierdzenia (1–10); liczy się tylko, gdy odpowiedziano na co najmniej "
            "{min_answered_share} stwierdzeń."
        ),
    },
    "method_weighting": {
        "en": (
            "**Weighting.** Each country × wave sample is raked to population margins on "
            "{weighting_dimensions}; weights are trimmed to {weight_trim_min}–"
            "{weight_trim_max} times the mean weight."
        ),
        "nl": (
            "**Weging.** Elke steekproef per land × meting wordt naar populatiemarges "
            "gewogen op {weighting_dimensions}; gewichten worden begrensd tot "
            "{weight_trim_min}–{weight_trim_max} maal het gemiddelde gewicht."
        ),
        "no": (
            "**Vekting.** Hvert utvalg per land × bølge rakes til populasjonsmarginer på "
            "{weighting_dimensions}; vektene trimmes til {weight_trim_min}–"
            "{weight_trim_max} ganger snittvekten."
        ),
        "pl": (
            "**Ważenie.** Każda próba kraj × edycja jest ważona do struktury populacji "
            "według {weighting_dimensions}; wagi są przycinane do {weight_trim_min}–"
            "{weight_trim_max} średniej wagi."
        ),
    },
    "method_intervals": {
        "en": (
            "**Intervals.** A company's pillar score is the weighted mean of its "
            "evaluations; its {confidence_level} confidence interval uses the standard "
            "error from the effective sample size."
        ),
        "nl": (
            "**Intervallen.** De pijlerscore van een bedrijf is het gewogen gemiddelde van "
            "zijn beoordelingen; het {confidence_level}-betrouwbaarheidsinterval gebruikt "
            "de standaardfout op basis van de effectieve steekproefomvang."
        ),
        "no": (
            "**Intervaller.** Et selskaps pilarpoeng er det vektede snittet av "
            "vurderingene; {confidence_level} konfidensintervall bruker standardfeilen "
            "fra effektivt utvalg."
        ),
        "pl": (
            "**Przedziały.** Wynik filaru firmy to ważona średnia jej ocen; przedział "
            "ufności {confidence_level} korzysta z błędu standardowego z efektywnej "
            "liczebności próby."
        ),
    },
    "method_eligibility": {
        "en": (
            "**Ranking.** A company is ranked only with at least {min_base} evaluations "
            "in a country × wave; below that its numbers are shown but not ranked."
        ),
        "nl": (
            "**Rangschikking.** Een bedrijf wordt alleen gerangschikt met minstens "
            "{min_base} beoordelingen per land × meting; daaronder worden de cijfers "
            "getoond, zonder positie."
        ),
        "no": (
            "**Rangering.** Et selskap rangeres bare med minst {min_base} vurderinger i "
            "et land × bølge; under det vises tallene uten plassering."
        ),
        "pl": (
            "**Ranking.** Firma trafia do rankingu tylko z co najmniej {min_base} ocenami "
            "w kraju × edycji; poniżej tego wyniki są pokazane bez miejsca."
        ),
    },
    "method_importance": {
        "en": (
            "**Pillar importance.** Per country × wave, advocacy (NPS item) and loyalty "
            "are regressed on the six pillar scores and R² is split with Johnson's "
            "relative weights; at least {min_importance_cases} complete cases are needed."
        ),
        "nl": (
            "**Belang van pijlers.** Per land × meting worden aanbeveling (NPS-vraag) en "
            "loyaliteit geregresseerd op de zes pijlerscores en wordt R² verdeeld met "
            "Johnsons relatieve gewichten; er zijn minstens {min_importance_cases} "
            "volledige waarnemingen nodig."
        ),
        "no": (
            "**Pilarenes betydning.** Per land × bølge regresseres anbefaling (NPS) og "
            "lojalitet på de seks pilarpoengene, og R² fordeles med Johnsons relative "
            "vekter; minst {min_importance_cases} komplette svar kreves."
        ),
        "pl": (
            "**Waga filarów.** W każdym kraju × edycji polecanie (pytanie NPS) i "
            "lojalność są regresowane na sześć wyników filarów, a R² dzielone wagami "
            "względnymi Johnsona; potrzeba co najmniej {min_importance_cases} pełnych "
            "obserwacji."
        ),
    },
    "method_index": {
        "en": (
            "**CX index.** The index is the weighted sum of the six pillar scores (0–10); "
            "weighting: {cee_weights} (driver = each pillar's importance, equal = a sixth "
            "each, or fixed weights)."
        ),
        "nl": (
            "**CX-index.** De index is de gewogen som van de zes pijlerscores (0–10); "
            "weging: {cee_weights} (driver = het belang van elke pijler, equal = elk een "
            "zesde, of vaste gewichten)."
        ),
        "no": (
            "**CX-indeks.** Indeksen er den vektede summen av de seks pilarpoengene "
            "(0–10); vekting: {cee_weights} (driver = hver pilars betydning, equal = en "
            "sjettedel hver, eller faste vekter)."
        ),
        "pl": (
            "**Indeks CX.** Indeks to ważona suma sześciu wyników filarów (0–10); "
            "ważenie: {cee_weights} (driver = waga każdego filaru, equal = po jednej szóstej, "
            "lub stałe wagi)."
        ),
    },
    "method_leaders": {
        "en": (
            "**Leaders and priorities.** The sector leader is the best ranked company of "
            "its sector × country × wave. A gap to the leader is significant when it "
            "exceeds the two-sided critical value at {confidence_level}; priority = gap × "
            "pillar importance."
        ),
        "nl": (
            "**Leiders en prioriteiten.** De sectorleider is het best gerangschikte "
            "bedrijf van zijn sector × land × meting. Een achterstand is significant als "
            "die de tweezijdige kritieke waarde bij {confidence_level} overschrijdt; "
            "prioriteit = achterstand × belang van de pijler."
        ),
        "no": (
            "**Ledere og prioriteringer.** Bransjelederen er det best rangerte selskapet "
            "i sin bransje × land × bølge. En avstand er signifikant når den overstiger "
            "den tosidige kritiske verdien ved {confidence_level}; prioritet = avstand × "
            "pilarens betydning."
        ),
        "pl": (
            "**Liderzy i priorytety.** Lider sektora to najwyżej sklasyfikowana firma w "
            "sektorze × kraju × edycji. Strata jest istotna, gdy przekracza dwustronną "
            "wartość krytyczną przy {confidence_level}; priorytet = strata × waga filaru."
        ),
    },
    "method_disclosure": {
        "en": (
            "**Disclosure control.** A sector or national average is shown only with at "
            "least {min_aggregate_companies} ranked companies and no company holding more "
            "than {max_company_share} of its evaluations; otherwise it is suppressed and "
            "the reason is shown."
        ),
        "nl": (
            "**Onthullingscontrole.** Een sector- of landelijk gemiddelde wordt alleen "
            "getoond met minstens {min_aggregate_companies} gerangschikte bedrijven en "
            "geen bedrijf met meer dan {max_company_share} van de beoordelingen; anders "
            "wordt het onderdrukt en de reden getoond."
        ),
        "no": (
            "**Avsløringskontroll.** Et bransje- eller nasjonalt snitt vises bare med "
            "minst {min_aggregate_companies} rangerte selskaper og ingen selskap med mer "
            "enn {max_company_share} av vurderingene; ellers skjules det med begrunnelse."
        ),
        "pl": (
            "**Kontrola ujawniania.** Średnia sektora lub kraju jest pokazywana tylko przy "
            "co najmniej {min_aggregate_companies} firmach w rankingu i żadnej firmie z "
            "ponad {max_company_share} ocen; w przeciwnym razie jest ukryta z podaniem "
            "powodu."
        ),
    },
    "method_channels": {
        "en": (
            "**Channels.** A channel score is reportable with at least "
            "{min_channel_base} evaluations."
        ),
        "nl": (
            "**Kanalen.** Een kanaalscore is rapporteerbaar vanaf {min_channel_base} beoordelingen."
        ),
        "no": (
            "**Kanaler.** En kanalscore kan rapporteres med minst {min_channel_base} vurderinger."
        ),
        "pl": (
            "**Kanały.** Wynik kanału jest raportowany przy co najmniej {min_channel_base} ocenach."
        ),
    },
    "method_averages_app": {
        "en": (
            "**Intervals of averages.** A sector or national pillar average has an "
            "interval from the averaged companies' standard errors: "
            "√(Σ se²) / k, with the same critical value as the company intervals."
        ),
        "nl": (
            "**Intervallen van gemiddelden.** Een sector- of landelijk gemiddelde per "
            "pijler heeft een interval uit de standaardfouten van de bedrijven: "
            "√(Σ se²) / k, met dezelfde kritieke waarde als de bedrijfsintervallen."
        ),
        "no": (
            "**Intervaller for snitt.** Et bransje- eller nasjonalt snitt per søyle "
            "har et intervall fra selskapenes standardfeil: √(Σ se²) / k, med "
            "samme kritiske verdi som selskapsintervallene."
        ),
        "pl": (
            "**Przedziały średnich.** Średnia sektora lub kraju dla filaru ma "
            "przedział z błędów standardowych firm: √(Σ se²) / k, z tą samą "
            "wartością krytyczną co przedziały firm."
        ),
    },
    "parameters": {
        "en": "Parameters of this build",
        "nl": "Parameters van deze build",
        "no": "Parametere for denne byggingen",
        "pl": "Parametry tej budowy",
    },
    "parameter": {"en": "Parameter", "nl": "Parameter", "no": "Parameter", "pl": "Parametr"},
    "value": {"en": "Value", "nl": "Waarde", "no": "Verdi", "pl": "Wartość"},
    "description": {"en": "Description", "nl": "Omschrijving", "no": "Beskrivelse", "pl": "Opis"},
    "version": {"en": "Version", "nl": "Versie", "no": "Versjon", "pl": "Wersja"},
    "coverage": {
        "en": "Which version made which scores",
        "nl": "Welke versie welke scores maakte",
        "no": "Hvilken versjon som laget hvilke tall",
        "pl": "Która wersja wyliczyła które wyniki",
    },
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
        "en": (
            "Dots are mean pillar scores; bars are 95% confidence intervals. A black ring "
            "marks a statistically significant gap to the sector leader."
        ),
        "nl": (
            "Punten zijn gemiddelde pijlerscores; balken zijn 95%-betrouwbaarheidsintervallen. "
            "Een zwarte ring markeert een statistisch significante achterstand op de sectorleider."
        ),
        "no": (
            "Punktene er gjennomsnittlige pilarpoeng; strekene er 95 % konfidensintervaller. "
            "En svart ring markerer en statistisk signifikant avstand til bransjelederen."
        ),
        "pl": (
            "Punkty to średnie wyniki filarów; odcinki to 95% przedziały ufności. Czarny "
            "okrąg oznacza istotną statystycznie stratę do lidera sektora."
        ),
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
    # --- Maturity (issue 9) ---
    "no_maturity": {
        "en": (
            "No maturity self-assessments for this country and wave. Load them with "
            "`cxbench ingest FILE --kind maturity` and rebuild (`cxbench build`)."
        ),
        "nl": (
            "Geen volwassenheidszelfevaluaties voor dit land en deze meting. Laad ze met "
            "`cxbench ingest BESTAND --kind maturity` en bouw opnieuw (`cxbench build`)."
        ),
        "no": (
            "Ingen egenvurderinger av modenhet for dette landet og denne bølgen. Last dem "
            "med `cxbench ingest FIL --kind maturity` og bygg på nytt (`cxbench build`)."
        ),
        "pl": (
            "Brak samooceny dojrzałości dla tego kraju i edycji. Wczytaj ją poleceniem "
            "`cxbench ingest PLIK --kind maturity` i przebuduj (`cxbench build`)."
        ),
    },
    "maturity_heading": {
        "en": "{org}: CX maturity — {sector}, {country} {wave}",
        "nl": "{org}: CX-volwassenheid — {sector}, {country} {wave}",
        "no": "{org}: CX-modenhet — {sector}, {country} {wave}",
        "pl": "{org}: dojrzałość CX — {sector}, {country} {wave}",
    },
    "maturity_stage": {
        "en": "Maturity stage",
        "nl": "Volwassenheidsfase",
        "no": "Modenhetstrinn",
        "pl": "Etap dojrzałości",
    },
    "stage_of": {
        "en": "{stage} of 7",
        "nl": "{stage} van 7",
        "no": "{stage} av 7",
        "pl": "{stage} z 7",
    },
    "overall_maturity": {
        "en": "Overall score (1–5)",
        "nl": "Totaalscore (1–5)",
        "no": "Totalskår (1–5)",
        "pl": "Wynik ogólny (1–5)",
    },
    "managers": {"en": "Managers", "nl": "Managers", "no": "Ledere", "pl": "Menedżerowie"},
    "leader_stage": {
        "en": "Sector leader's stage",
        "nl": "Fase van de sectorleider",
        "no": "Bransjelederens trinn",
        "pl": "Etap lidera sektora",
    },
    "leader_not_assessed": {
        "en": "The sector leader ({leader}) has no maturity assessment in this wave.",
        "nl": "De sectorleider ({leader}) heeft in deze meting geen volwassenheidsevaluatie.",
        "no": "Bransjelederen ({leader}) har ingen modenhetsvurdering i denne bølgen.",
        "pl": "Lider sektora ({leader}) nie ma w tej edycji oceny dojrzałości.",
    },
    "maturity_leader_is": {
        "en": "Sector leader on the CX index: {leader}",
        "nl": "Sectorleider op de CX-index: {leader}",
        "no": "Bransjeleder på CX-indeksen: {leader}",
        "pl": "Lider sektora według indeksu CX: {leader}",
    },
    "ladder_position": {
        "en": (
            "On the ladder of seven steps {org} has reached **{reached}**; the next step is "
            "**{next}**."
        ),
        "nl": (
            "Op de ladder van zeven stappen heeft {org} **{reached}** bereikt; de volgende "
            "stap is **{next}**."
        ),
        "no": "På stigen med sju trinn har {org} nådd **{reached}**; neste trinn er **{next}**.",
        "pl": "Na drabinie siedmiu kroków {org} osiąga **{reached}**; następny krok to **{next}**.",
    },
    "ladder_none": {
        "en": "none yet",
        "nl": "nog geen",
        "no": "ingen ennå",
        "pl": "jeszcze żaden",
    },
    "ladder_top": {
        "en": "{org} has reached all seven steps of the ladder.",
        "nl": "{org} heeft alle zeven stappen van de ladder bereikt.",
        "no": "{org} har nådd alle sju trinnene på stigen.",
        "pl": "{org} osiąga wszystkie siedem kroków drabiny.",
    },
    "next_step": {
        "en": (
            "Suggested next step: **{item}** — scored {score} by your managers (sector "
            "leader {leader}); across {n} organisations it goes with the CX index at r = {r}."
        ),
        "nl": (
            "Voorgestelde volgende stap: **{item}** — door uw managers gescoord op {score} "
            "(sectorleider {leader}); over {n} organisaties hangt dit samen met de CX-index "
            "met r = {r}."
        ),
        "no": (
            "Foreslått neste steg: **{item}** — skåret {score} av lederne deres "
            "(bransjeleder {leader}); på tvers av {n} organisasjoner henger det sammen med "
            "CX-indeksen med r = {r}."
        ),
        "pl": (
            "Proponowany następny krok: **{item}** — ocena menedżerów {score} (lider "
            "sektora {leader}); w {n} organizacjach wiąże się z indeksem CX na poziomie r = {r}."
        ),
    },
    "next_step_weakest": {
        "en": (
            "Suggested next step: **{item}**, your weakest item (score {score}); too few "
            "organisations to weigh items by their link with the CX index."
        ),
        "nl": (
            "Voorgestelde volgende stap: **{item}**, uw zwakste onderdeel (score {score}); te"
            " weinig organisaties om onderdelen te wegen naar hun verband met de CX-index."
        ),
        "no": (
            "Foreslått neste steg: **{item}**, det svakeste punktet (skår {score}); for få "
            "organisasjoner til å vekte punktene etter sammenhengen med CX-indeksen."
        ),
        "pl": (
            "Proponowany następny krok: **{item}**, najsłabszy element (ocena {score}); zbyt "
            "mało organizacji, by ważyć elementy związkiem z indeksem CX."
        ),
    },
    "maturity_item": {"en": "Item", "nl": "Onderdeel", "no": "Punkt", "pl": "Element"},
    "maturity_group": {"en": "Group", "nl": "Groep", "no": "Gruppe", "pl": "Grupa"},
    "management_pillar": {
        "en": "Management pillar",
        "nl": "Managementpijler",
        "no": "Ledelsespilar",
        "pl": "Filar zarządzania",
    },
    "maturity_step": {"en": "Step", "nl": "Stap", "no": "Trinn", "pl": "Krok"},
    "overall_item": {"en": "Overall", "nl": "Totaal", "no": "Totalt", "pl": "Ogółem"},
    "your_score": {"en": "Your score", "nl": "Uw score", "no": "Deres skår", "pl": "Twój wynik"},
    "manager_spread": {
        "en": "Spread (sd)",
        "nl": "Spreiding (sd)",
        "no": "Spredning (sd)",
        "pl": "Rozrzut (sd)",
    },
    "leader_score": {
        "en": "Sector leader",
        "nl": "Sectorleider",
        "no": "Bransjeleder",
        "pl": "Lider sektora",
    },
    "link_cee": {
        "en": "r with CX index",
        "nl": "r met CX-index",
        "no": "r med CX-indeks",
        "pl": "r z indeksem CX",
    },
    "link_significant": {
        "en": "Strong evidence",
        "nl": "Sterk bewijs",
        "no": "Sterk evidens",
        "pl": "Mocne dowody",
    },
    "priority_rank": {"en": "Priority", "nl": "Prioriteit", "no": "Prioritet", "pl": "Priorytet"},
    "maturity_score_axis": {
        "en": "Score (1 = not in place, 5 = fully in place)",
        "nl": "Score (1 = niet aanwezig, 5 = volledig aanwezig)",
        "no": "Skår (1 = ikke på plass, 5 = helt på plass)",
        "pl": "Wynik (1 = brak, 5 = w pełni wdrożone)",
    },
    "maturity_profile_caption": {
        "en": (
            "Points: mean of the managers' scores; the line around your score spans ± one "
            "standard deviation between your managers."
        ),
        "nl": (
            "Punten: gemiddelde van de scores van de managers; de lijn rond uw score beslaat "
            "± één standaardafwijking tussen uw managers."
        ),
        "no": (
            "Punkter: gjennomsnittet av ledernes skår; linjen rundt deres skår spenner ± ett "
            "standardavvik mellom lederne."
        ),
        "pl": (
            "Punkty: średnia ocen menedżerów; linia wokół twojego wyniku obejmuje ± jedno "
            "odchylenie standardowe między menedżerami."
        ),
    },
    "links_heading": {
        "en": "Which maturity items go with better customer scores ({wave})",
        "nl": "Welke onderdelen van volwassenheid samengaan met betere klantscores ({wave})",
        "no": "Hvilke modenhetspunkter henger sammen med bedre kundeskår ({wave})",
        "pl": "Które elementy dojrzałości idą w parze z lepszymi wynikami klientów ({wave})",
    },
    "links_caption": {
        "en": (
            "Across organisations with a maturity assessment and a ranked CX index: Pearson r "
            "with its 95% interval, the slope (CX-index points per maturity point) and the "
            "number of organisations; pillar columns hold r with each pillar score. "
            "Association, not proof of cause."
        ),
        "nl": (
            "Over organisaties met een volwassenheidsevaluatie en een gerangschikte CX-index: "
            "Pearson-r met 95%-interval, de helling (CX-indexpunten per volwassenheidspunt) en "
            "het aantal organisaties; de pijlerkolommen tonen r met elke pijlerscore. "
            "Samenhang, geen bewijs van oorzaak."
        ),
        "no": (
            "På tvers av organisasjoner med modenhetsvurdering og rangert CX-indeks: Pearson "
            "r med 95 %-intervall, stigningen (CX-indekspoeng per modenhetspoeng) og antall "
            "organisasjoner; pilarkolonnene viser r med hver pilarskår. Sammenheng, ikke "
            "bevis for årsak."
        ),
        "pl": (
            "W organizacjach z oceną dojrzałości i rankingowanym indeksem CX: r Pearsona "
            "z 95% przedziałem, nachylenie (punkty indeksu CX na punkt dojrzałości) i liczba "
            "organizacji; kolumny filarów to r z wynikiem każdego filaru. Związek, nie "
            "dowód przyczyny."
        ),
    },
    "n_organisations": {
        "en": "Organisations",
        "nl": "Organisaties",
        "no": "Organisasjoner",
        "pl": "Organizacje",
    },
    "slope": {"en": "Slope", "nl": "Helling", "no": "Stigning", "pl": "Nachylenie"},
}


def text(key: str, language: str, **values: object) -> str:
    """The interface string ``key`` in ``language``, falling back to English.

    A missing translation shows English rather than failing, so adding a string in
    one language never breaks a page for the others.
    """
    translations = STRINGS[key]
    template = translations.get(language) or translations[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


#: The disclosure-control reasons the marts write (in English), and their i18n keys.
_SUPPRESSION_REASONS = (
    (
        re.compile(r"fewer than (?P<minimum>\d+) eligible companies \(n=(?P<n>\d+)\)"),
        "reason_few_companies",
    ),
    (re.compile(r"one company holds (?P<share>\d+)% of evaluations"), "reason_dominant_company"),
)


def suppression_reason(reason: str, language: str) -> str:
    """A mart's suppression reason in ``language``; unknown wording is shown as stored.

    The marts state reasons in English (``fewer than 5 eligible companies (n=2);
    one company holds 63% of evaluations``); each known part is translated, so a
    Dutch reader gets a Dutch reason without the mart's text being lost.
    """
    parts = []
    for part in reason.split("; "):
        for pattern, key in _SUPPRESSION_REASONS:
            match = pattern.fullmatch(part.strip())
            if match:
                parts.append(text(key, language, **match.groupdict()))
                break
        else:
            parts.append(part)
    return "; ".join(parts)
