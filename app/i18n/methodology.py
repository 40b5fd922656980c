"""The Methodology page: how every number is made, filled in from the build's parameters.

The page's frame and its tables are here; the account of the method is in
:mod:`.methodology_measuring` (how a score is made) and :mod:`.methodology_comparing`
(how scores are compared), so a translator works through one part at a time.
"""

from __future__ import annotations

from cxbench.app.i18n import merged, methodology_comparing, methodology_measuring

_STRINGS: dict[str, dict[str, str]] = {
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

STRINGS: dict[str, dict[str, str]] = merged(
    _STRINGS, methodology_measuring.STRINGS, methodology_comparing.STRINGS
)
