"""The Methodology page: how every number is made, filled in from the build's parameters."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "methodology_page": {
        "en": "Methodology",
        "nl": "Methodologie",
        "no": "Metode",
        "pl": "Metodologia",
    },
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
}
