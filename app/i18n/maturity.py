"""The Maturity page: self-assessed organisational maturity."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "maturity_page": {
        "en": "Maturity",
        "nl": "Volwassenheid",
        "no": "Modenhet",
        "pl": "Dojrzałość",
    },
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
        "en": "On the ladder of seven steps {org} has reached **{reached}** (stage {stage} of 7).",
        "nl": (
            "Op de ladder van zeven stappen heeft {org} **{reached}** bereikt (fase {stage} van 7)."
        ),
        "no": "På stigen med sju trinn har {org} nådd **{reached}** (trinn {stage} av 7).",
        "pl": "Na drabinie siedmiu kroków {org} osiąga **{reached}** (etap {stage} z 7).",
    },
    "your_score_spread": {
        "en": "Your score ± spread (managers)",
        "nl": "Uw score ± spreiding (managers)",
        "no": "Deres score ± spredning (ledere)",
        "pl": "Twój wynik ± rozrzut (menedżerowie)",
    },
    "link_cee_interval": {
        "en": "Link with CX index, r (95% interval)",
        "nl": "Verband met CX-index, r (95%-interval)",
        "no": "Sammenheng med CX-indeks, r (95 %-intervall)",
        "pl": "Związek z indeksem CX, r (przedział 95%)",
    },
    "links_by_pillar": {
        "en": "Link of each item with each pillar score (r)",
        "nl": "Verband van elk onderdeel met elke pijlerscore (r)",
        "no": "Sammenheng mellom hvert element og hver pilarscore (r)",
        "pl": "Związek każdego elementu z wynikiem każdego filaru (r)",
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
