"""The Channels page: an organisation's pillar scores per contact channel."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "channels_page": {"en": "Channels", "nl": "Kanalen", "no": "Kanaler", "pl": "Kanały"},
    "channels_no_scores": {
        "en": "No channel scores for this organisation in this country and wave.",
        "nl": "Geen scores per kanaal voor deze organisatie in dit land en deze meting.",
        "no": "Ingen skårer per kanal for denne organisasjonen i dette landet og denne bølgen.",
        "pl": "Brak wyników według kanałów dla tej organizacji w tym kraju i tej edycji.",
    },
    "channels_heading": {
        "en": "{org}: scores per channel — {country} {wave}",
        "nl": "{org}: scores per kanaal — {country} {wave}",
        "no": "{org}: skårer per kanal — {country} {wave}",
        "pl": "{org}: wyniki według kanałów — {country} {wave}",
    },
    "channels_chart_caption": {
        "en": (
            "Each dot is the pillar's mean among the evaluations made through one channel, "
            "the line its confidence interval; the axis does not start at zero. A ring marks "
            "a channel significantly behind (orange-red) or ahead of (teal) the "
            "organisation's other channels."
        ),
        "nl": (
            "Elke stip is het gemiddelde van de pijler over de beoordelingen via één kanaal, "
            "de lijn het betrouwbaarheidsinterval; de as begint niet bij nul. Een ring markeert "
            "een kanaal dat significant achterblijft bij (oranjerood) of voorloopt op (groenblauw) "
            "de andere kanalen van de organisatie."
        ),
        "no": (
            "Hvert punkt er pilarens gjennomsnitt blant vurderingene gjort gjennom én kanal, "
            "linjen konfidensintervallet; aksen starter ikke på null. En ring markerer en kanal "
            "som ligger signifikant bak (oransjerød) eller foran (blågrønn) organisasjonens "
            "andre kanaler."
        ),
        "pl": (
            "Każdy punkt to średnia filaru wśród ocen złożonych jednym kanałem, linia to jej "
            "przedział ufności; oś nie zaczyna się od zera. Pierścień oznacza kanał istotnie "
            "gorszy (pomarańczowoczerwony) lub lepszy (morski) od pozostałych kanałów "
            "organizacji."
        ),
    },
    "channels_too_few_note": {
        "en": "Too few answers for a score (fewer than {base} evaluations): {channels}.",
        "nl": "Te weinig antwoorden voor een score (minder dan {base} beoordelingen): {channels}.",
        "no": "For få svar for en skår (færre enn {base} vurderinger): {channels}.",
        "pl": "Za mało odpowiedzi, by podać wynik (mniej niż {base} ocen): {channels}.",
    },
    "channels_too_few": {
        "en": "too few answers (n = {n})",
        "nl": "te weinig antwoorden (n = {n})",
        "no": "for få svar (n = {n})",
        "pl": "za mało odpowiedzi (n = {n})",
    },
    "channels_pillar": {"en": "Pillar", "nl": "Pijler", "no": "Pilar", "pl": "Filar"},
    "channels_channel": {"en": "Channel", "nl": "Kanaal", "no": "Kanal", "pl": "Kanał"},
    "channels_score": {
        "en": "Mean score (1–10)",
        "nl": "Gemiddelde score (1–10)",
        "no": "Gjennomsnittsskår (1–10)",
        "pl": "Średni wynik (1–10)",
    },
    "channels_ci_low": {
        "en": "Interval low",
        "nl": "Interval laag",
        "no": "Intervall lav",
        "pl": "Dolna granica",
    },
    "channels_ci_high": {
        "en": "Interval high",
        "nl": "Interval hoog",
        "no": "Intervall høy",
        "pl": "Górna granica",
    },
    "channels_n": {"en": "Evaluations", "nl": "Beoordelingen", "no": "Vurderinger", "pl": "Oceny"},
    "channels_score_interval": {
        "en": "Score (interval)",
        "nl": "Score (interval)",
        "no": "Skår (intervall)",
        "pl": "Wynik (przedział)",
    },
    "channels_difference": {
        "en": "Difference (channel − other channels)",
        "nl": "Verschil (kanaal − andere kanalen)",
        "no": "Forskjell (kanal − andre kanaler)",
        "pl": "Różnica (kanał − pozostałe kanały)",
    },
    "channels_behind": {"en": "behind", "nl": "achter", "no": "bak", "pl": "w tyle"},
    "channels_level": {"en": "level", "nl": "gelijk", "no": "likt", "pl": "na równi"},
    "channels_ahead": {"en": "ahead", "nl": "voor", "no": "foran", "pl": "z przodu"},
    "channels_differ_heading": {
        "en": "Where the experience differs by channel",
        "nl": "Waar de ervaring per kanaal verschilt",
        "no": "Hvor opplevelsen varierer mellom kanaler",
        "pl": "Gdzie doświadczenie różni się między kanałami",
    },
    "channels_spread_caption": {
        "en": (
            "Spread: highest minus lowest channel mean among the channels with enough "
            "answers. The sector's typical spread is the median over its ranked companies "
            "with at least two such channels (n = companies)."
        ),
        "nl": (
            "Spreiding: hoogste min laagste kanaalgemiddelde over de kanalen met genoeg "
            "antwoorden. De gebruikelijke spreiding van de sector is de mediaan over de "
            "gerangschikte bedrijven met minstens twee zulke kanalen (n = bedrijven)."
        ),
        "no": (
            "Spredning: høyeste minus laveste kanalgjennomsnitt blant kanalene med nok svar. "
            "Sektorens typiske spredning er medianen over de rangerte selskapene med minst "
            "to slike kanaler (n = selskaper)."
        ),
        "pl": (
            "Rozrzut: najwyższa minus najniższa średnia kanału spośród kanałów z wystarczającą "
            "liczbą odpowiedzi. Typowy rozrzut sektora to mediana wśród sklasyfikowanych firm "
            "z co najmniej dwoma takimi kanałami (n = firmy)."
        ),
    },
    "channels_spread": {
        "en": "Spread",
        "nl": "Spreiding",
        "no": "Spredning",
        "pl": "Rozrzut",
    },
    "channels_sector_spread": {
        "en": "Sector's typical spread",
        "nl": "Gebruikelijke spreiding sector",
        "no": "Sektorens typiske spredning",
        "pl": "Typowy rozrzut sektora",
    },
    "channels_sector_spread_value": {
        "en": "{spread} (n = {n})",
        "nl": "{spread} (n = {n})",
        "no": "{spread} (n = {n})",
        "pl": "{spread} (n = {n})",
    },
    "channels_lowest": {
        "en": "Lowest channel",
        "nl": "Laagste kanaal",
        "no": "Laveste kanal",
        "pl": "Najsłabszy kanał",
    },
    "channels_below": {
        "en": "Significantly behind the organisation's other channels: {items}.",
        "nl": "Significant achter bij de andere kanalen van de organisatie: {items}.",
        "no": "Signifikant bak organisasjonens andre kanaler: {items}.",
        "pl": "Istotnie gorzej niż w pozostałych kanałach organizacji: {items}.",
    },
    "channels_below_item": {
        "en": "{pillar} in {channel} ({difference})",
        "nl": "{pillar} via {channel} ({difference})",
        "no": "{pillar} via {channel} ({difference})",
        "pl": "{pillar} – {channel} ({difference})",
    },
    "channels_none_below": {
        "en": "No channel scores significantly behind the organisation's other channels.",
        "nl": "Geen kanaal scoort significant lager dan de andere kanalen van de organisatie.",
        "no": "Ingen kanal skårer signifikant lavere enn organisasjonens andre kanaler.",
        "pl": "Żaden kanał nie wypada istotnie gorzej niż pozostałe kanały organizacji.",
    },
    "channels_no_spread": {
        "en": "No pillar has two channels with enough answers: there is no spread to show.",
        "nl": "Geen pijler heeft twee kanalen met genoeg antwoorden: er is geen spreiding.",
        "no": "Ingen pilar har to kanaler med nok svar: det er ingen spredning å vise.",
        "pl": "Żaden filar nie ma dwóch kanałów z wystarczającą liczbą odpowiedzi: brak rozrzutu.",
    },
    "channels_sector_withheld": {
        "en": (
            "The sector's typical spread is not shown: too few of its companies have two "
            "channels with enough answers, or its peers are not disclosed."
        ),
        "nl": (
            "De gebruikelijke spreiding van de sector wordt niet getoond: te weinig bedrijven "
            "hebben twee kanalen met genoeg antwoorden, of de sector wordt niet ontsloten."
        ),
        "no": (
            "Sektorens typiske spredning vises ikke: for få av selskapene har to kanaler med "
            "nok svar, eller sektorens selskaper vises ikke."
        ),
        "pl": (
            "Typowy rozrzut sektora nie jest pokazany: za mało firm ma dwa kanały z "
            "wystarczającą liczbą odpowiedzi albo sektor nie jest ujawniany."
        ),
    },
    "channels_per_channel_heading": {
        "en": "Scores per channel",
        "nl": "Scores per kanaal",
        "no": "Skårer per kanal",
        "pl": "Wyniki według kanałów",
    },
    "channel_store": {"en": "Store", "nl": "Winkel", "no": "Butikk", "pl": "Sklep"},
    "channel_web": {"en": "Website", "nl": "Website", "no": "Nettsted", "pl": "Strona WWW"},
    "channel_app": {"en": "App", "nl": "App", "no": "App", "pl": "Aplikacja"},
    "channel_phone": {"en": "Phone", "nl": "Telefoon", "no": "Telefon", "pl": "Telefon"},
    "channel_chat": {"en": "Chat", "nl": "Chat", "no": "Chat", "pl": "Czat"},
    "channel_unknown": {
        "en": "Not given",
        "nl": "Niet opgegeven",
        "no": "Ikke oppgitt",
        "pl": "Nie podano",
    },
}

#: Channels with a translated name; any other value of the mart is shown as stored.
KNOWN_CHANNELS = ("store", "web", "app", "phone", "chat", "unknown")
