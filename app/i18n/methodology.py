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
            "answered statements (1–10), counted against the statements the study asks: "
            "it counts only when at least {min_answered_share} of those are answered. A "
            "pillar the study measures by a single statement scores from that statement "
            "alone, a narrower measure than the full pillar; a pillar the study does not "
            "ask about has no score (not measured, not zero)."
        ),
        "nl": (
            "**Pijlerscore.** De score van een beoordeling op een pijler is het gemiddelde "
            "van de beantwoorde stellingen (1–10), geteld tegen de stellingen die het "
            "onderzoek vraagt: die telt alleen als minstens {min_answered_share} daarvan "
            "is beantwoord. Een pijler die het onderzoek met één stelling meet, scoort op "
            "die stelling alleen, een smallere meting dan de volledige pijler; een pijler "
            "waar het onderzoek niet naar vraagt heeft geen score (niet gemeten, geen nul)."
        ),
        "no": (
            "**Pilarpoeng.** En vurderings poeng på en pilar er snittet av de besvarte "
            "påstandene (1–10), regnet mot påstandene undersøkelsen stiller: den teller "
            "bare når minst {min_answered_share} av dem er besvart. En pilar som "
            "undersøkelsen måler med én påstand, får poeng fra den alene, et smalere mål "
            "enn hele pilaren; en pilar undersøkelsen ikke spør om, har ingen poeng "
            "(ikke målt, ikke null)."
        ),
        "pl": (
            "**Wynik filaru.** Wynik oceny na filarze to średnia odpowiedzi na jego "
            "stwierdzenia (1–10), liczona względem stwierdzeń zadanych w badaniu: liczy "
            "się tylko, gdy odpowiedziano na co najmniej {min_answered_share} z nich. "
            "Filar mierzony w badaniu jednym stwierdzeniem ma wynik z tego stwierdzenia, "
            "co jest węższą miarą niż pełny filar; filar, o który badanie nie pyta, nie "
            "ma wyniku (niemierzony, nie zero)."
        ),
    },
    "method_studies": {
        "en": (
            "**Studies.** Each questionnaire mapping names its study. Weights, scores, "
            "ranks, leaders, averages and changes are computed within one study × "
            "country × wave: two studies fielded in the same country and wave are two "
            "separate samples and are never mixed. The studies in this warehouse and "
            "what each measures are listed below."
        ),
        "nl": (
            "**Onderzoeken.** Elke vragenlijstkoppeling noemt haar onderzoek. Gewichten, "
            "scores, posities, leiders, gemiddelden en veranderingen worden berekend "
            "binnen één onderzoek × land × meting: twee onderzoeken in hetzelfde land en "
            "dezelfde meting zijn twee aparte steekproeven en worden nooit gemengd. De "
            "onderzoeken in dit warehouse en wat elk meet staan hieronder."
        ),
        "no": (
            "**Undersøkelser.** Hver spørreskjemakobling navngir sin undersøkelse. Vekter, "
            "poeng, plasseringer, ledere, snitt og endringer beregnes innenfor én "
            "undersøkelse × land × bølge: to undersøkelser i samme land og bølge er to "
            "separate utvalg og blandes aldri. Undersøkelsene i dette warehouset og hva "
            "hver måler, står nedenfor."
        ),
        "pl": (
            "**Badania.** Każde mapowanie kwestionariusza wskazuje swoje badanie. Wagi, "
            "wyniki, miejsca, liderzy, średnie i zmiany są liczone w obrębie jednego "
            "badania × kraju × edycji: dwa badania w tym samym kraju i edycji to dwie "
            "osobne próby, których nigdy się nie łączy. Badania w tej hurtowni i to, co "
            "każde mierzy, wymieniono poniżej."
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
    "method_weighting_limits": {
        "en": (
            "**What weighting cannot correct.** Weighting makes the answers represent the "
            "population only on {weighting_dimensions}. If the people who answer differ "
            "from the customers they stand for in anything else (more of them have a fresh "
            "complaint, or live in cities), the scores keep part of that difference, and "
            "the intervals show sampling error only, not this bias. In our tests with a "
            "panel that leans to unhappy customers, scores came out about 0.1 point too "
            "low on the 1–10 scale and the 95% intervals held the true value for 80–84% "
            "of companies; rankings and pillar importance were not affected, because the "
            "lean applies to every company alike."
        ),
        "nl": (
            "**Wat weging niet corrigeert.** Weging maakt de antwoorden alleen op "
            "{weighting_dimensions} representatief voor de populatie. Verschillen de "
            "deelnemers op iets anders van de klanten die ze vertegenwoordigen (meer van "
            "hen hebben net geklaagd, of wonen in een stad), dan blijft een deel van dat "
            "verschil in de scores, en de intervallen tonen alleen steekproefonzekerheid, "
            "niet deze vertekening. In onze tests met een panel dat naar ontevreden klanten "
            "neigt, vielen de scores ongeveer 0,1 punt te laag uit op de schaal 1–10 en "
            "bevatten de 95%-intervallen de ware waarde voor 80–84% van de bedrijven; "
            "rangordes en het belang van de pijlers bleven gelijk, omdat de scheefheid voor "
            "elk bedrijf dezelfde is."
        ),
        "no": (
            "**Hva vekting ikke retter.** Vekting gjør svarene representative for "
            "populasjonen bare på {weighting_dimensions}. Skiller de som svarer seg fra "
            "kundene de står for på noe annet (flere av dem har nettopp klaget, eller bor i "
            "byer), beholder poengene en del av den forskjellen, og intervallene viser bare "
            "utvalgsusikkerhet, ikke denne skjevheten. I våre tester med et panel som heller "
            "mot misfornøyde kunder, ble poengene omtrent 0,1 poeng for lave på skalaen 1–10, "
            "og 95 %-intervallene inneholdt den sanne verdien for 80–84 % av selskapene; "
            "rangeringer og pilarenes betydning ble ikke påvirket, fordi skjevheten er lik "
            "for alle selskaper."
        ),
        "pl": (
            "**Czego ważenie nie koryguje.** Ważenie sprawia, że odpowiedzi odzwierciedlają "
            "populację tylko pod względem {weighting_dimensions}. Jeśli respondenci różnią "
            "się od klientów, których reprezentują, czymś innym (więcej z nich niedawno "
            "składało reklamację albo mieszka w miastach), wyniki zachowują część tej "
            "różnicy, a przedziały pokazują tylko błąd losowy, nie to obciążenie. W naszych "
            "testach z panelem przechylonym ku niezadowolonym klientom wyniki wyszły o około "
            "0,1 punktu za nisko na skali 1–10, a 95-procentowe przedziały zawierały "
            "prawdziwą wartość dla 80–84% firm; rankingi i waga filarów się nie zmieniły, "
            "bo to przechylenie dotyczy każdej firmy tak samo."
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
    "studies": {
        "en": "Studies and what they measure",
        "nl": "Onderzoeken en wat ze meten",
        "no": "Undersøkelser og hva de måler",
        "pl": "Badania i co mierzą",
    },
    "questionnaire": {
        "en": "Questionnaire",
        "nl": "Vragenlijst",
        "no": "Spørreskjema",
        "pl": "Kwestionariusz",
    },
    "countries_waves": {
        "en": "Where and when",
        "nl": "Waar en wanneer",
        "no": "Hvor og når",
        "pl": "Gdzie i kiedy",
    },
    "countries_in_waves": {
        "en": "{countries} countries, {waves}",
        "nl": "{countries} landen, {waves}",
        "no": "{countries} land, {waves}",
        "pl": "kraje: {countries}, {waves}",
    },
    "ranked_of_scored": {
        "en": "Ranked / scored companies",
        "nl": "Gerangschikte / gescoorde bedrijven",
        "no": "Rangerte / målte selskaper",
        "pl": "Firmy w rankingu / z wynikiem",
    },
    "pillars_measured": {
        "en": "Pillars measured",
        "nl": "Gemeten pijlers",
        "no": "Målte pilarer",
        "pl": "Mierzone filary",
    },
    "statements_per_pillar": {
        "en": "Statements asked per pillar",
        "nl": "Gevraagde stellingen per pijler",
        "no": "Påstander per pilar",
        "pl": "Stwierdzenia na filar",
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
