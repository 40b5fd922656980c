"""The Methodology page's account of how scores are compared: importance, the CX index,
leaders, disclosure control, channels and the averages the app shows (filled in from
the build's parameters by :mod:`cxbench.app.views.methodology`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "method_importance": {
        "en": (
            "**Pillar importance.** Per study × country × wave, advocacy (NPS item) and "
            "loyalty are regressed on the pillar scores the study measures and R² is "
            "split with Johnson's relative weights; at least {min_importance_cases} "
            "complete cases are needed."
        ),
        "nl": (
            "**Belang van pijlers.** Per onderzoek × land × meting worden aanbeveling "
            "(NPS-vraag) en loyaliteit geregresseerd op de pijlerscores die het onderzoek "
            "meet en wordt R² verdeeld met Johnsons relatieve gewichten; er zijn minstens "
            "{min_importance_cases} volledige waarnemingen nodig."
        ),
        "no": (
            "**Pilarenes betydning.** Per undersøkelse × land × bølge regresseres "
            "anbefaling (NPS) og lojalitet på pilarpoengene undersøkelsen måler, og R² "
            "fordeles med Johnsons relative vekter; minst {min_importance_cases} "
            "komplette svar kreves."
        ),
        "pl": (
            "**Waga filarów.** W każdym badaniu × kraju × edycji polecanie (pytanie NPS) "
            "i lojalność są regresowane na wyniki filarów mierzonych w badaniu, a R² "
            "dzielone wagami względnymi Johnsona; potrzeba co najmniej "
            "{min_importance_cases} pełnych obserwacji."
        ),
    },
    "method_index": {
        "en": (
            "**CX index.** The index is the weighted sum of the pillar scores the study "
            "measures (0–10), all six in the full questionnaire; weighting: "
            "{cee_weights} (driver = each pillar's importance, equal = equal shares, or "
            "fixed weights). An index over fewer pillars is flagged as partial, names "
            "its pillars, and is never ranked against an index over other pillars."
        ),
        "nl": (
            "**CX-index.** De index is de gewogen som van de pijlerscores die het "
            "onderzoek meet (0–10), alle zes in de volledige vragenlijst; weging: "
            "{cee_weights} (driver = het belang van elke pijler, equal = gelijke delen, "
            "of vaste gewichten). Een index over minder pijlers wordt als gedeeltelijk "
            "gemarkeerd, noemt zijn pijlers en wordt nooit gerangschikt tegen een index "
            "over andere pijlers."
        ),
        "no": (
            "**CX-indeks.** Indeksen er den vektede summen av pilarpoengene undersøkelsen "
            "måler (0–10), alle seks i det fulle spørreskjemaet; vekting: {cee_weights} "
            "(driver = hver pilars betydning, equal = like andeler, eller faste vekter). "
            "En indeks over færre pilarer merkes som delvis, navngir pilarene sine og "
            "rangeres aldri mot en indeks over andre pilarer."
        ),
        "pl": (
            "**Indeks CX.** Indeks to ważona suma wyników filarów mierzonych w badaniu "
            "(0–10), wszystkich sześciu w pełnym kwestionariuszu; ważenie: {cee_weights} "
            "(driver = waga każdego filaru, equal = równe udziały, lub stałe wagi). "
            "Indeks z mniejszej liczby filarów jest oznaczony jako częściowy, podaje "
            "swoje filary i nigdy nie jest klasyfikowany razem z indeksem z innych filarów."
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
            "least {min_aggregate_companies} ranked companies, none weighing more than "
            "{max_company_share} of it (in a plain average each company weighs the same; "
            "in a revenue-weighted one, its share of the revenue, which must also pass "
            "the p%-rule). Averages that would let a withheld one be worked out by "
            "difference are withheld too. A client sees other companies only without "
            "their names, and only in sectors with enough of them."
        ),
        "nl": (
            "**Onthullingscontrole.** Een sector- of landelijk gemiddelde wordt alleen "
            "getoond met minstens {min_aggregate_companies} gerangschikte bedrijven, geen "
            "enkel zwaarder dan {max_company_share} ervan (in een gewoon gemiddelde weegt "
            "elk bedrijf even zwaar; in een omzetgewogen gemiddelde telt zijn aandeel in de "
            "omzet, dat ook de p%-regel moet doorstaan). Gemiddelden waaruit een "
            "weggelaten gemiddelde als verschil te berekenen is, worden ook weggelaten. "
            "Een klant ziet andere bedrijven alleen zonder naam, en alleen in sectoren "
            "met genoeg bedrijven."
        ),
        "no": (
            "**Avsløringskontroll.** Et bransje- eller nasjonalt snitt vises bare med "
            "minst {min_aggregate_companies} rangerte selskaper, ingen som veier mer enn "
            "{max_company_share} av det (i et vanlig snitt veier hvert selskap likt; i et "
            "omsetningsvektet snitt teller andelen av omsetningen, som også må bestå "
            "p %-regelen). Snitt som ville la et skjult snitt regnes ut som differanse, "
            "skjules også. En kunde ser andre selskaper bare uten navn, og bare i "
            "bransjer med nok selskaper."
        ),
        "pl": (
            "**Kontrola ujawniania.** Średnia sektora lub kraju jest pokazywana tylko przy "
            "co najmniej {min_aggregate_companies} firmach w rankingu, z których żadna nie "
            "waży więcej niż {max_company_share} (w zwykłej średniej każda firma waży tyle "
            "samo; w średniej ważonej przychodem liczy się jej udział w przychodzie, który "
            "musi też spełnić regułę p%). Średnie, z których ukrytą dałoby się wyliczyć z "
            "różnicy, też są ukrywane. Klient widzi inne firmy tylko bez nazw i tylko w "
            "sektorach z wystarczającą liczbą firm."
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
}
