"""The Compare page: an organisation against its sector leader, the averages, priorities, trend."""

from __future__ import annotations

from cxbench.app.i18n import compare_directions, merged

_STRINGS: dict[str, dict[str, str]] = {
    "compare_page": {"en": "Compare", "nl": "Vergelijken", "no": "Sammenlign", "pl": "Porównanie"},
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
    "priority": {"en": "Priority", "nl": "Prioriteit", "no": "Prioritet", "pl": "Priorytet"},
    "priorities": {
        "en": "What to fix first",
        "nl": "Wat eerst verbeteren",
        "no": "Hva som bør forbedres først",
        "pl": "Co poprawić najpierw",
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
            "First chart: CX index of the organisation with its 95% interval per wave "
            "(bars), and the (unsuppressed) averages. Second: pillar means with 95% "
            "confidence intervals per wave."
        ),
        "nl": (
            "Eerste grafiek: CX-index van de organisatie met het 95%-interval per meting "
            "(balken) en de (getoonde) gemiddelden. Tweede: pijlergemiddelden met "
            "95%-betrouwbaarheidsintervallen per meting."
        ),
        "no": (
            "Første diagram: organisasjonens CX-indeks med 95 % intervall per bølge "
            "(streker) og de (viste) snittene. Andre: pilarsnitt med 95 % "
            "konfidensintervaller per bølge."
        ),
        "pl": (
            "Pierwszy wykres: indeks CX organizacji z 95% przedziałem w każdej edycji "
            "(odcinki) i (nieukryte) średnie. Drugi: średnie filarów z 95% przedziałami "
            "ufności w każdej edycji."
        ),
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
    "anonymous_leader_is": {
        "en": "Sector leader: CX index {cx_index} (peers are shown anonymised)",
        "nl": "Sectorleider: CX-index {cx_index} (andere bedrijven geanonimiseerd)",
        "no": "Bransjeleder: CX-indeks {cx_index} (andre selskaper anonymisert)",
        "pl": "Lider sektora: indeks CX {cx_index} (pozostałe firmy anonimowo)",
    },
    "leader_withheld": {
        "en": (
            "Your sector has too few ranked companies to show its leader without "
            "disclosing their scores, so the comparison with the leader is withheld."
        ),
        "nl": (
            "Uw sector heeft te weinig gerangschikte bedrijven om de leider te tonen "
            "zonder hun scores prijs te geven; de vergelijking met de leider vervalt."
        ),
        "no": (
            "Bransjen din har for få rangerte selskaper til å vise lederen uten å "
            "avsløre deres resultater, så sammenligningen med lederen holdes tilbake."
        ),
        "pl": (
            "W Twoim sektorze jest zbyt mało firm w rankingu, by pokazać lidera bez "
            "ujawniania ich wyników, dlatego porównanie z liderem jest ukryte."
        ),
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
    "no_pillars_measured": {
        "en": (
            "This study measures no pillar (outcomes only): there are no pillar scores "
            "or CX index to compare. Its NPS and other outcomes are in the marts."
        ),
        "nl": (
            "Dit onderzoek meet geen enkele pijler (alleen uitkomsten): er zijn geen "
            "pijlerscores of CX-index om te vergelijken. NPS en andere uitkomsten staan "
            "in de marts."
        ),
        "no": (
            "Denne undersøkelsen måler ingen pilar (bare utfall): det finnes ingen "
            "pilarpoeng eller CX-indeks å sammenligne. NPS og andre utfall ligger i martene."
        ),
        "pl": (
            "To badanie nie mierzy żadnego filaru (tylko wyniki): nie ma wyników filarów "
            "ani indeksu CX do porównania. NPS i inne wyniki są w martach."
        ),
    },
    "no_scores": {
        "en": "There are no scores for this selection yet.",
        "nl": "Voor deze selectie zijn nog geen scores.",
        "no": "Det finnes ingen poeng for dette utvalget ennå.",
        "pl": "Dla tego wyboru nie ma jeszcze wyników.",
    },
}

#: The page's strings: these and the words of direction and change.
STRINGS: dict[str, dict[str, str]] = merged(_STRINGS, compare_directions.STRINGS)
