"""The client report (``cxbench report``, the download buttons on Compare): its words.

Every key starts with ``report_`` so the catalogue can be merged with any page's
without a clash; the report looks its words up itself (:mod:`cxbench.app.report.words`),
whatever strings the router has installed.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "report_brand": {
        "en": "cxbench · customer-experience benchmark",
        "nl": "cxbench · benchmark klantbeleving",
        "no": "cxbench · benchmark for kundeopplevelse",
        "pl": "cxbench · benchmark doświadczeń klientów",
    },
    "report_title": {
        "en": "Customer-experience report",
        "nl": "Rapport klantbeleving",
        "no": "Rapport om kundeopplevelse",
        "pl": "Raport doświadczeń klientów",
    },
    "report_prepared_for": {
        "en": "Prepared for {org}. Other organisations are shown anonymised.",
        "nl": "Opgesteld voor {org}. Andere organisaties worden geanonimiseerd getoond.",
        "no": "Utarbeidet for {org}. Andre organisasjoner vises anonymisert.",
        "pl": "Przygotowano dla {org}. Inne organizacje są pokazane anonimowo.",
    },
    "report_sector": {"en": "Sector", "nl": "Sector", "no": "Bransje", "pl": "Sektor"},
    "report_country": {"en": "Country", "nl": "Land", "no": "Land", "pl": "Kraj"},
    "report_wave": {"en": "Wave", "nl": "Meting", "no": "Måling", "pl": "Edycja"},
    "report_date": {"en": "Date", "nl": "Datum", "no": "Dato", "pl": "Data"},
    "report_page": {
        "en": "Page {page}",
        "nl": "Pagina {page}",
        "no": "Side {page}",
        "pl": "Strona {page}",
    },
    "report_headline": {
        "en": "Headline",
        "nl": "Kerncijfers",
        "no": "Nøkkeltall",
        "pl": "Najważniejsze wyniki",
    },
    "report_measure": {"en": "Measure", "nl": "Maatstaf", "no": "Mål", "pl": "Miara"},
    "report_value": {"en": "Value", "nl": "Waarde", "no": "Verdi", "pl": "Wartość"},
    "report_interval": {
        "en": "95% interval",
        "nl": "95%-interval",
        "no": "95 %-intervall",
        "pl": "Przedział 95%",
    },
    "report_cx_index": {"en": "CX index", "nl": "CX-index", "no": "CX-indeks", "pl": "Indeks CX"},
    "report_rank_in_country": {
        "en": "Rank in country",
        "nl": "Positie in het land",
        "no": "Plassering i landet",
        "pl": "Pozycja w kraju",
    },
    "report_rank_in_sector": {
        "en": "Rank in sector",
        "nl": "Positie in de sector",
        "no": "Plassering i bransjen",
        "pl": "Pozycja w sektorze",
    },
    "report_rank_of": {
        "en": "{rank} of {total}",
        "nl": "{rank} van {total}",
        "no": "{rank} av {total}",
        "pl": "{rank} z {total}",
    },
    "report_rank_range": {
        "en": "cannot be told apart from ranks {best}–{worst}",
        "nl": "niet te onderscheiden van posities {best}–{worst}",
        "no": "kan ikke skilles fra plass {best}–{worst}",
        "pl": "nieodróżnialne od pozycji {best}–{worst}",
    },
    "report_not_ranked": {
        "en": "not ranked (fewer than {min_base} evaluations)",
        "nl": "niet gerangschikt (minder dan {min_base} beoordelingen)",
        "no": "ikke rangert (færre enn {min_base} evalueringer)",
        "pl": "bez pozycji (mniej niż {min_base} ocen)",
    },
    "report_evaluations": {
        "en": "Evaluations (n)",
        "nl": "Beoordelingen (n)",
        "no": "Evalueringer (n)",
        "pl": "Oceny (n)",
    },
    "report_nps": {"en": "NPS", "nl": "NPS", "no": "NPS", "pl": "NPS"},
    "report_csat": {
        "en": "CSAT (top-2 box)",
        "nl": "CSAT (top-2)",
        "no": "CSAT (topp 2)",
        "pl": "CSAT (top-2)",
    },
    "report_ces": {
        "en": "CES (top-3 box)",
        "nl": "CES (top-3)",
        "no": "CES (topp 3)",
        "pl": "CES (top-3)",
    },
    "report_leader_line": {
        "en": "Sector leader's CX index: {cx_index}.",
        "nl": "CX-index van de sectorleider: {cx_index}.",
        "no": "Bransjelederens CX-indeks: {cx_index}.",
        "pl": "Indeks CX lidera sektora: {cx_index}.",
    },
    "report_is_leader": {
        "en": "{org} leads its sector.",
        "nl": "{org} is de leider van de sector.",
        "no": "{org} leder bransjen.",
        "pl": "{org} jest liderem sektora.",
    },
    "report_pillars": {
        "en": "Six Pillars against the leader and the averages",
        "nl": "Zes pijlers tegenover de leider en de gemiddelden",
        "no": "Seks pilarer mot lederen og snittene",
        "pl": "Sześć filarów na tle lidera i średnich",
    },
    "report_pillars_caption": {
        "en": (
            "Point: mean score (1–10); line: its 95% interval. Ringed: pillars where "
            "{org} differs significantly from the sector leader (behind or ahead: see "
            "the table)."
        ),
        "nl": (
            "Punt: gemiddelde score (1–10); lijn: het 95%-interval. Omcirkeld: pijlers "
            "waarop {org} significant verschilt van de sectorleider (achter of voor: zie "
            "de tabel)."
        ),
        "no": (
            "Punkt: gjennomsnittlig skår (1–10); strek: 95 %-intervallet. Ring: pilarer "
            "der {org} skiller seg signifikant fra bransjelederen (bak eller foran: se "
            "tabellen)."
        ),
        "pl": (
            "Punkt: średni wynik (1–10); linia: przedział 95%. Obwiedzione: filary, w "
            "których {org} istotnie różni się od lidera sektora (w tyle lub z przodu: "
            "zob. tabela)."
        ),
    },
    "report_pillar": {"en": "Pillar", "nl": "Pijler", "no": "Pilar", "pl": "Filar"},
    "report_score": {"en": "Score", "nl": "Score", "no": "Skår", "pl": "Wynik"},
    "report_you": {"en": "You", "nl": "U", "no": "Dere", "pl": "Wy"},
    "report_leader": {
        "en": "Leader",
        "nl": "Leider",
        "no": "Leder",
        "pl": "Lider",
    },
    "report_sector_average": {
        "en": "Sector average",
        "nl": "Sectorgemiddelde",
        "no": "Bransjesnitt",
        "pl": "Średnia sektora",
    },
    "report_national_average": {
        "en": "National average",
        "nl": "Landelijk gemiddelde",
        "no": "Nasjonalt snitt",
        "pl": "Średnia krajowa",
    },
    "report_difference_leader": {
        "en": "Difference (you − leader)",
        "nl": "Verschil (u − leider)",
        "no": "Forskjell (dere − leder)",
        "pl": "Różnica (wy − lider)",
    },
    "report_difference_sector": {
        "en": "Difference (you − sector average)",
        "nl": "Verschil (u − sectorgemiddelde)",
        "no": "Forskjell (dere − bransjesnitt)",
        "pl": "Różnica (wy − średnia sektora)",
    },
    "report_difference_country": {
        "en": "Difference (you − national average)",
        "nl": "Verschil (u − landelijk gemiddelde)",
        "no": "Forskjell (dere − nasjonalt snitt)",
        "pl": "Różnica (wy − średnia krajowa)",
    },
    "report_behind": {"en": "behind", "nl": "achter", "no": "bak", "pl": "w tyle"},
    "report_level": {"en": "level", "nl": "gelijk", "no": "likt", "pl": "na równi"},
    "report_ahead": {"en": "ahead", "nl": "voor", "no": "foran", "pl": "z przodu"},
    "report_direction_note": {
        "en": (
            "Behind / ahead: the difference is statistically significant at the 95% level; "
            "level: it is not."
        ),
        "nl": (
            "Achter / voor: het verschil is statistisch significant (95%); gelijk: het "
            "verschil is niet significant."
        ),
        "no": (
            "Bak / foran: forskjellen er statistisk signifikant (95 %); likt: forskjellen "
            "er ikke signifikant."
        ),
        "pl": (
            "W tyle / z przodu: różnica jest istotna statystycznie (95%); na równi: "
            "różnica nie jest istotna."
        ),
    },
    "report_gaps": {
        "en": "Gaps to close",
        "nl": "Achterstanden om in te lopen",
        "no": "Gap som bør tettes",
        "pl": "Luki do nadrobienia",
    },
    "report_gaps_intro": {
        "en": (
            "Only pillars where {org} is significantly behind the sector leader, most "
            "valuable first: priority = shortfall × the pillar's importance for advocacy "
            "and loyalty."
        ),
        "nl": (
            "Alleen pijlers waarop {org} significant achter de sectorleider ligt, de "
            "waardevolste eerst: prioriteit = achterstand × belang van de pijler voor "
            "aanbeveling en loyaliteit."
        ),
        "no": (
            "Bare pilarer der {org} ligger signifikant bak bransjelederen, de mest "
            "verdifulle først: prioritet = avstand × pilarens betydning for anbefaling "
            "og lojalitet."
        ),
        "pl": (
            "Tylko filary, w których {org} istotnie ustępuje liderowi sektora, od "
            "najcenniejszych: priorytet = strata × znaczenie filaru dla rekomendacji i "
            "lojalności."
        ),
    },
    "report_no_gaps": {
        "en": "No pillar is significantly behind the sector leader.",
        "nl": "Op geen enkele pijler ligt u significant achter de sectorleider.",
        "no": "Ingen pilar ligger signifikant bak bransjelederen.",
        "pl": "Żaden filar nie ustępuje istotnie liderowi sektora.",
    },
    "report_no_leader": {
        "en": "The sector has no leader to compare with in this wave.",
        "nl": "De sector heeft in deze meting geen leider om mee te vergelijken.",
        "no": "Bransjen har ingen leder å sammenligne med i denne målingen.",
        "pl": "W tej edycji sektor nie ma lidera do porównania.",
    },
    "report_importance": {"en": "Importance", "nl": "Belang", "no": "Betydning", "pl": "Znaczenie"},
    "report_priority": {"en": "Priority", "nl": "Prioriteit", "no": "Prioritet", "pl": "Priorytet"},
    "report_year_on_year": {
        "en": "Year on year",
        "nl": "Jaar op jaar",
        "no": "År for år",
        "pl": "Rok do roku",
    },
    "report_change": {
        "en": "Change",
        "nl": "Verandering",
        "no": "Endring",
        "pl": "Zmiana",
    },
    "report_change_word": {
        "en": "Significant?",
        "nl": "Significant?",
        "no": "Signifikant?",
        "pl": "Istotna?",
    },
    "report_up": {"en": "up", "nl": "gestegen", "no": "opp", "pl": "wzrost"},
    "report_down": {"en": "down", "nl": "gedaald", "no": "ned", "pl": "spadek"},
    "report_unchanged": {
        "en": "not significant",
        "nl": "niet significant",
        "no": "ikke signifikant",
        "pl": "nieistotna",
    },
    "report_no_previous": {
        "en": "There is no comparable previous wave for {org}.",
        "nl": "Er is geen vergelijkbare vorige meting voor {org}.",
        "no": "Det finnes ingen sammenlignbar forrige måling for {org}.",
        "pl": "Brak porównywalnej poprzedniej edycji dla {org}.",
    },
    "report_trend_caption": {
        "en": (
            "Left: CX index per wave against the averages. Right: pillar means with 95% intervals."
        ),
        "nl": (
            "Links: CX-index per meting tegenover de gemiddelden. Rechts: gemiddelden per "
            "pijler met 95%-intervallen."
        ),
        "no": (
            "Venstre: CX-indeks per måling mot snittene. Høyre: pilarsnitt med 95 %-intervaller."
        ),
        "pl": (
            "Lewo: indeks CX w kolejnych edycjach na tle średnich. Prawo: średnie filarów "
            "z przedziałami 95%."
        ),
    },
    "report_ranking": {
        "en": "Ranking in {sector}",
        "nl": "Ranglijst {sector}",
        "no": "Rangering i {sector}",
        "pl": "Ranking: {sector}",
    },
    "report_ranking_intro": {
        "en": "Ranked by CX index; other organisations are anonymised.",
        "nl": "Gerangschikt op CX-index; andere organisaties zijn geanonimiseerd.",
        "no": "Rangert etter CX-indeks; andre organisasjoner er anonymisert.",
        "pl": "Uszeregowane według indeksu CX; inne organizacje są zanonimizowane.",
    },
    "report_no_ranking": {
        "en": "The sector's ranking is not disclosed in this wave.",
        "nl": "De ranglijst van de sector wordt in deze meting niet getoond.",
        "no": "Bransjens rangering vises ikke i denne målingen.",
        "pl": "Ranking sektora nie jest ujawniany w tej edycji.",
    },
    "report_rank": {"en": "Rank", "nl": "Positie", "no": "Plass", "pl": "Pozycja"},
    "report_organisation": {
        "en": "Organisation",
        "nl": "Organisatie",
        "no": "Organisasjon",
        "pl": "Organizacja",
    },
    "report_methodology": {
        "en": "Methodology",
        "nl": "Methode",
        "no": "Metode",
        "pl": "Metodologia",
    },
    "report_methodology_text": {
        "en": (
            "Respondents rate statements on the Six Pillars of customer experience; a "
            "pillar score is the weighted mean of an organisation's evaluations (weights "
            "raked to the population by age and gender), on a 1–10 scale. The CX index "
            "combines the pillars by their importance for advocacy and loyalty. An "
            "organisation is ranked with at least {min_base} evaluations. Intervals and "
            "significance are at the {confidence} level. Sector and national averages "
            "are the plain mean of the eligible organisations and are withheld when too "
            "few organisations make them up. Other organisations are anonymised: their "
            "letters differ per client. Methodology version {version}."
        ),
        "nl": (
            "Respondenten beoordelen stellingen over de zes pijlers van klantbeleving; "
            "een pijlerscore is het gewogen gemiddelde van de beoordelingen van een "
            "organisatie (gewogen naar leeftijd en geslacht van de bevolking), op een "
            "schaal van 1 tot 10. De CX-index combineert de pijlers naar hun belang voor "
            "aanbeveling en loyaliteit. Een organisatie wordt gerangschikt vanaf "
            "{min_base} beoordelingen. Intervallen en significantie op het niveau van "
            "{confidence}. Sector- en landelijke gemiddelden zijn het gewone gemiddelde "
            "van de organisaties die meetellen en worden niet getoond als te weinig "
            "organisaties ze vormen. Andere organisaties zijn geanonimiseerd: hun letters "
            "verschillen per klant. Methodeversie {version}."
        ),
        "no": (
            "Respondentene vurderer utsagn om kundeopplevelsens seks pilarer; en "
            "pilarskår er det vektede snittet av en organisasjons evalueringer (vektet "
            "etter befolkningens alder og kjønn), på en skala fra 1 til 10. CX-indeksen "
            "kombinerer pilarene etter deres betydning for anbefaling og lojalitet. En "
            "organisasjon rangeres med minst {min_base} evalueringer. Intervaller og "
            "signifikans på {confidence}-nivå. Bransje- og nasjonale snitt er det enkle "
            "snittet av organisasjonene som teller, og skjules når for få organisasjoner "
            "inngår. Andre organisasjoner er anonymisert: bokstavene er ulike for hver "
            "kunde. Metodeversjon {version}."
        ),
        "pl": (
            "Respondenci oceniają stwierdzenia dotyczące sześciu filarów doświadczeń "
            "klientów; wynik filaru to ważona średnia ocen organizacji (wagi dopasowane "
            "do populacji według wieku i płci) w skali 1–10. Indeks CX łączy filary "
            "według ich znaczenia dla rekomendacji i lojalności. Organizacja jest "
            "klasyfikowana od {min_base} ocen. Przedziały i istotność na poziomie "
            "{confidence}. Średnie sektora i kraju to zwykła średnia kwalifikujących się "
            "organizacji i są ukrywane, gdy tworzy je zbyt mało organizacji. Inne "
            "organizacje są zanonimizowane: ich litery różnią się dla każdego klienta. "
            "Wersja metodologii {version}."
        ),
    },
    "report_not_published": {
        "en": "The client report covers published waves only; {wave} is not published yet.",
        "nl": (
            "Het klantrapport gaat alleen over gepubliceerde metingen; {wave} is nog niet "
            "gepubliceerd."
        ),
        "no": "Kunderapporten gjelder bare publiserte målinger; {wave} er ikke publisert ennå.",
        "pl": (
            "Raport dla klienta obejmuje tylko opublikowane edycje; {wave} nie jest jeszcze "
            "opublikowana."
        ),
    },
    "report_download_pdf": {
        "en": "Download report (PDF)",
        "nl": "Rapport downloaden (PDF)",
        "no": "Last ned rapport (PDF)",
        "pl": "Pobierz raport (PDF)",
    },
    "report_download_pptx": {
        "en": "Download slides (PowerPoint)",
        "nl": "Dia's downloaden (PowerPoint)",
        "no": "Last ned lysbilder (PowerPoint)",
        "pl": "Pobierz slajdy (PowerPoint)",
    },
}
