"""Compare page, the words of direction and change: behind / level / ahead of a
comparator (always "you − comparator"), changes since the previous wave with their
significance, the outcome measures (NPS, CSAT, CES) and what to fix first.

Keys start with ``cmp_`` so they cannot collide with another page's words (the router
refuses a key defined twice).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # --- direction against a comparator (difference = you − comparator) ---
    "cmp_behind": {"en": "behind", "nl": "achter", "no": "bak", "pl": "w tyle"},
    "cmp_level": {"en": "level", "nl": "gelijk", "no": "likt", "pl": "na równi"},
    "cmp_ahead": {"en": "ahead", "nl": "voor", "no": "foran", "pl": "z przodu"},
    "cmp_direction": {"en": "Direction", "nl": "Richting", "no": "Retning", "pl": "Kierunek"},
    "cmp_you_minus_leader": {
        "en": "Difference (you − leader)",
        "nl": "Verschil (u − leider)",
        "no": "Forskjell (dere − leder)",
        "pl": "Różnica (wy − lider)",
    },
    "cmp_you_minus_sector": {
        "en": "you − sector average",
        "nl": "u − sectorgemiddelde",
        "no": "dere − bransjesnitt",
        "pl": "wy − średnia sektora",
    },
    "cmp_you_minus_country": {
        "en": "you − national average",
        "nl": "u − landelijk gemiddelde",
        "no": "dere − nasjonalt snitt",
        "pl": "wy − średnia krajowa",
    },
    "cmp_you_minus_leader_short": {
        "en": "you − leader",
        "nl": "u − leider",
        "no": "dere − leder",
        "pl": "wy − lider",
    },
    "cmp_difference": {
        "en": "Difference (you − comparator)",
        "nl": "Verschil (u − vergelijking)",
        "no": "Forskjell (dere − sammenligning)",
        "pl": "Różnica (wy − punkt odniesienia)",
    },
    "cmp_comparator_missing": {
        "en": "= no comparator (no leader, or the average is suppressed).",
        "nl": "= geen vergelijking (geen leider, of het gemiddelde wordt niet getoond).",
        "no": "= ingen sammenligning (ingen leder, eller snittet er skjult).",
        "pl": "= brak punktu odniesienia (brak lidera lub średnia ukryta).",
    },
    "cmp_scores_heading": {
        "en": "Pillar scores (mean and 95% interval)",
        "nl": "Pijlerscores (gemiddelde en 95%-interval)",
        "no": "Pilarpoeng (snitt og 95 % intervall)",
        "pl": "Wyniki filarów (średnia i 95% przedział)",
    },
    "cmp_directions_heading": {
        "en": "Behind, level or ahead",
        "nl": "Achter, gelijk of voor",
        "no": "Bak, likt eller foran",
        "pl": "W tyle, na równi czy z przodu",
    },
    "cmp_directions_caption": {
        "en": (
            "Every difference is you − comparator: negative means behind. Behind and "
            "ahead are statistically significant at the 95% level; level means the "
            "difference is within the uncertainty. Bars are 95% intervals of the difference."
        ),
        "nl": (
            "Elk verschil is u − vergelijking: negatief betekent achter. Achter en voor "
            "zijn statistisch significant op 95%-niveau; gelijk betekent dat het verschil "
            "binnen de onzekerheid valt. Balken zijn 95%-intervallen van het verschil."
        ),
        "no": (
            "Hver forskjell er dere − sammenligning: negativ betyr bak. Bak og foran er "
            "statistisk signifikant på 95 %-nivå; likt betyr at forskjellen ligger innenfor "
            "usikkerheten. Strekene er 95 % intervaller for forskjellen."
        ),
        "pl": (
            "Każda różnica to wy − punkt odniesienia: wartość ujemna oznacza stratę. „W "
            "tyle” i „z przodu” są istotne statystycznie na poziomie 95%; „na równi” "
            "oznacza różnicę w granicach niepewności. Odcinki to 95% przedziały różnicy."
        ),
    },
    "cmp_chart_caption": {
        "en": (
            "Dots are mean pillar scores; bars are 95% confidence intervals. An orange-red "
            "ring marks a pillar significantly behind the sector leader, a teal ring one "
            "significantly ahead of it."
        ),
        "nl": (
            "Punten zijn gemiddelde pijlerscores; balken zijn 95%-betrouwbaarheidsintervallen. "
            "Een oranjerode ring markeert een pijler die significant achterloopt op de "
            "sectorleider, een groenblauwe ring een pijler die er significant voor ligt."
        ),
        "no": (
            "Punktene er gjennomsnittlige pilarpoeng; strekene er 95 % konfidensintervaller. "
            "En oransjerød ring markerer en pilar signifikant bak bransjelederen, en "
            "blågrønn ring en pilar signifikant foran."
        ),
        "pl": (
            "Punkty to średnie wyniki filarów; odcinki to 95% przedziały ufności. "
            "Pomarańczowoczerwony okrąg oznacza filar istotnie gorszy od lidera sektora, "
            "morski — filar istotnie lepszy."
        ),
    },
    # --- headline ---
    "cmp_interval": {
        "en": "95% interval {interval}",
        "nl": "95%-interval {interval}",
        "no": "95 % intervall {interval}",
        "pl": "95% przedział {interval}",
    },
    "cmp_index_interval": {
        "en": "CX index: 95% interval {interval}. Under each number: its change since the "
        "previous comparable wave (an arrow only when significant).",
        "nl": "CX-index: 95%-interval {interval}. Onder elk getal: de verandering sinds de "
        "vorige vergelijkbare meting (een pijl alleen als die significant is).",
        "no": "CX-indeks: 95 % intervall {interval}. Under hvert tall: endringen siden "
        "forrige sammenlignbare bølge (pil bare når den er signifikant).",
        "pl": "Indeks CX: 95% przedział {interval}. Pod każdą liczbą: zmiana od poprzedniej "
        "porównywalnej edycji (strzałka tylko przy zmianie istotnej).",
    },
    "cmp_since_significant": {
        "en": "since {wave} · significant",
        "nl": "sinds {wave} · significant",
        "no": "siden {wave} · signifikant",
        "pl": "od {wave} · istotna",
    },
    "cmp_since_not_significant": {
        "en": "since {wave} · not significant",
        "nl": "sinds {wave} · niet significant",
        "no": "siden {wave} · ikke signifikant",
        "pl": "od {wave} · nieistotna",
    },
    "cmp_rank_label": {
        "en": "{label} (of {total})",
        "nl": "{label} (van {total})",
        "no": "{label} (av {total})",
        "pl": "{label} (z {total})",
    },
    "cmp_rank_range_of": {
        "en": "{rank} ({best}–{worst}) of {total}",
        "nl": "{rank} ({best}–{worst}) van {total}",
        "no": "{rank} ({best}–{worst}) av {total}",
        "pl": "{rank} ({best}–{worst}) z {total}",
    },
    "cmp_previous_rank": {
        "en": "{wave}: {rank}",
        "nl": "{wave}: {rank}",
        "no": "{wave}: {rank}",
        "pl": "{wave}: {rank}",
    },
    "cmp_rank_help": {
        "en": (
            "In brackets: the ranks this organisation cannot be told apart from "
            "statistically (its CX index interval overlaps theirs)."
        ),
        "nl": (
            "Tussen haakjes: de posities waarvan deze organisatie statistisch niet te "
            "onderscheiden is (de intervallen van de CX-index overlappen)."
        ),
        "no": (
            "I parentes: plassene organisasjonen ikke kan skilles statistisk fra "
            "(intervallene for CX-indeksen overlapper)."
        ),
        "pl": (
            "W nawiasie: miejsca, od których tej organizacji nie da się statystycznie "
            "odróżnić (przedziały indeksu CX się nakładają)."
        ),
    },
    "cmp_leader_difference_help": {
        "en": "CX index of the organisation minus that of its sector leader.",
        "nl": "CX-index van de organisatie min die van de sectorleider.",
        "no": "Organisasjonens CX-indeks minus bransjelederens.",
        "pl": "Indeks CX organizacji minus indeks lidera sektora.",
    },
    # --- outcomes ---
    "cmp_outcomes_heading": {
        "en": "NPS, CSAT and CES",
        "nl": "NPS, CSAT en CES",
        "no": "NPS, CSAT og CES",
        "pl": "NPS, CSAT i CES",
    },
    "cmp_measure": {"en": "Measure", "nl": "Maatstaf", "no": "Mål", "pl": "Miara"},
    "cmp_nps": {"en": "NPS", "nl": "NPS", "no": "NPS", "pl": "NPS"},
    "cmp_csat": {
        "en": "CSAT (top-2 box)",
        "nl": "CSAT (top-2-box)",
        "no": "CSAT (topp 2)",
        "pl": "CSAT (top-2)",
    },
    "cmp_ces": {
        "en": "CES (top-3 box)",
        "nl": "CES (top-3-box)",
        "no": "CES (topp 3)",
        "pl": "CES (top-3)",
    },
    "cmp_points": {"en": "pts", "nl": "ptn", "no": "poeng", "pl": "pkt"},
    "cmp_outcomes_caption": {
        "en": (
            "Value and 95% interval; change since the previous comparable wave. The marts "
            "hold sector and national averages for NPS only."
        ),
        "nl": (
            "Waarde en 95%-interval; verandering sinds de vorige vergelijkbare meting. "
            "Sector- en landelijke gemiddelden zijn er alleen voor NPS."
        ),
        "no": (
            "Verdi og 95 % intervall; endring siden forrige sammenlignbare bølge. Bransje- "
            "og nasjonale snitt finnes bare for NPS."
        ),
        "pl": (
            "Wartość i 95% przedział; zmiana od poprzedniej porównywalnej edycji. Średnie "
            "sektora i kraju są dostępne tylko dla NPS."
        ),
    },
    # --- year on year ---
    "cmp_year_on_year": {
        "en": "Since {wave}",
        "nl": "Sinds {wave}",
        "no": "Siden {wave}",
        "pl": "Od {wave}",
    },
    "cmp_year_on_year_untitled": {
        "en": "Since the previous wave",
        "nl": "Sinds de vorige meting",
        "no": "Siden forrige bølge",
        "pl": "Od poprzedniej edycji",
    },
    "cmp_year_on_year_none": {
        "en": (
            "There is no comparable previous wave (the organisation was not ranked in "
            "both waves), so no change since then is shown."
        ),
        "nl": (
            "Er is geen vergelijkbare vorige meting (de organisatie stond niet in beide "
            "metingen in de ranglijst); er wordt dus geen verandering getoond."
        ),
        "no": (
            "Det finnes ingen sammenlignbar forrige bølge (organisasjonen var ikke rangert "
            "i begge), så ingen endring vises."
        ),
        "pl": (
            "Brak porównywalnej poprzedniej edycji (organizacja nie była klasyfikowana w "
            "obu), więc zmiany nie są pokazane."
        ),
    },
    "cmp_change": {"en": "Change", "nl": "Verandering", "no": "Endring", "pl": "Zmiana"},
    "cmp_up": {
        "en": "▲ improved",
        "nl": "▲ verbeterd",
        "no": "▲ bedre",
        "pl": "▲ poprawa",
    },
    "cmp_down": {
        "en": "▼ declined",
        "nl": "▼ verslechterd",
        "no": "▼ svakere",
        "pl": "▼ spadek",
    },
    "cmp_unchanged": {
        "en": "no significant change",
        "nl": "geen significante verandering",
        "no": "ingen signifikant endring",
        "pl": "brak istotnej zmiany",
    },
    "cmp_rank_moved": {
        "en": "{before} → {now}",
        "nl": "{before} → {now}",
        "no": "{before} → {now}",
        "pl": "{before} → {now}",
    },
    "cmp_year_on_year_caption": {
        "en": (
            "Change = this wave − the previous comparable wave. An arrow marks a change "
            "that is statistically significant at the 95% level; ranks are compared "
            "as they are (see the rank ranges above)."
        ),
        "nl": (
            "Verandering = deze meting − de vorige vergelijkbare meting. Een pijl markeert "
            "een verandering die statistisch significant is op 95%-niveau; posities worden "
            "vergeleken zoals ze zijn (zie de bandbreedtes hierboven)."
        ),
        "no": (
            "Endring = denne bølgen − forrige sammenlignbare bølge. En pil markerer en "
            "endring som er statistisk signifikant på 95 %-nivå; plasser sammenlignes som "
            "de er (se intervallene over)."
        ),
        "pl": (
            "Zmiana = ta edycja − poprzednia porównywalna edycja. Strzałka oznacza zmianę "
            "istotną statystycznie na poziomie 95%; miejsca porównano wprost (zob. "
            "przedziały miejsc powyżej)."
        ),
    },
    "cmp_pillar_changes_caption": {
        "en": "Change per pillar since {wave} with its 95% interval.",
        "nl": "Verandering per pijler sinds {wave} met 95%-interval.",
        "no": "Endring per pilar siden {wave} med 95 % intervall.",
        "pl": "Zmiana każdego filaru od {wave} z 95% przedziałem.",
    },
    # --- what to fix first ---
    "cmp_nothing_to_fix": {
        "en": (
            "No pillar is significantly behind the sector leader: there is nothing to fix first."
        ),
        "nl": (
            "Geen enkele pijler ligt significant achter op de sectorleider: er is niets "
            "om eerst te verbeteren."
        ),
        "no": "Ingen pilar ligger signifikant bak bransjelederen: ingenting må forbedres først.",
        "pl": "Żaden filar nie jest istotnie gorszy od lidera sektora: nie ma nic do poprawy.",
    },
    "cmp_fix_caption": {
        "en": (
            "Only pillars significantly behind {leader}, ranked by priority = shortfall × "
            "importance (with 95% intervals). Pillars level with or ahead of the leader "
            "are never listed."
        ),
        "nl": (
            "Alleen pijlers die significant achterlopen op {leader}, gerangschikt op "
            "prioriteit = achterstand × belang (met 95%-intervallen). Pijlers gelijk aan "
            "of voor op de leider staan er nooit in."
        ),
        "no": (
            "Bare pilarer signifikant bak {leader}, rangert etter prioritet = avstand × "
            "betydning (med 95 % intervaller). Pilarer likt med eller foran lederen vises "
            "aldri."
        ),
        "pl": (
            "Tylko filary istotnie gorsze od {leader}, według priorytetu = strata × waga "
            "(z 95% przedziałami). Filary na równi z liderem lub lepsze nie są pokazywane."
        ),
    },
    "cmp_not_listed": {
        "en": "Not listed: {level} level with the leader, {ahead} ahead of it.",
        "nl": "Niet vermeld: {level} gelijk aan de leider, {ahead} ervoor.",
        "no": "Ikke med: {level} likt med lederen, {ahead} foran.",
        "pl": "Pominięte: {level} na równi z liderem, {ahead} przed nim.",
    },
}
