"""The Methodology page's account of how a score is made: studies, pillar scores,
weighting and its limits, intervals and eligibility (filled in from the build's
parameters by :mod:`cxbench.app.views.methodology`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
}
