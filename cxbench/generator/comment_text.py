"""Comment building blocks per language: openers by sentiment and pillar topics.

A comment is an opener matching the respondent's advocacy score, often followed
by a sentence about their best (positive) or worst (negative, neutral) pillar,
so text analytics downstream find topics that agree with the scores. Pillar
topics follow model.MODEL_PILLARS order; two variants each.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommentText:
    """All sentences of one language."""

    positive: tuple[str, ...]
    neutral: tuple[str, ...]
    negative: tuple[str, ...]
    praise: tuple[tuple[str, str], ...]  # per pillar
    complaint: tuple[tuple[str, str], ...]  # per pillar


TEXT: dict[str, CommentText] = {
    "en": CommentText(
        positive=(
            "Really happy with how this went.",
            "Great service, I would come back.",
            "Everything went smoothly this time.",
            "Very pleased overall.",
        ),
        neutral=(
            "It was okay, nothing special.",
            "Fine in the end, but it could be better.",
            "Decent service, a few rough edges.",
            "Not bad, not great.",
        ),
        negative=(
            "Very disappointed this time.",
            "This was a frustrating experience.",
            "Not what I expected at all.",
            "I am seriously thinking about switching.",
        ),
        praise=(
            ("They clearly knew who I was.", "The offer actually fitted my situation."),
            ("I trust them to keep their word.", "The staff were honest with me."),
            ("They delivered exactly what they promised.", "It was what I expected and more."),
            ("My problem was solved at the first contact.", "They took ownership of my issue."),
            ("It was quick and easy.", "No unnecessary steps at all."),
            ("The staff really listened to me.", "They understood how I felt."),
        ),
        complaint=(
            ("They treated me like a number.", "Nobody knew my history with them."),
            ("They did not keep their promises.", "It felt like they only cared about money."),
            ("It was not what they had promised.", "They let me down when it mattered."),
            ("My problem is still not solved.", "I got a different answer every time."),
            ("It took far too long.", "Endless forms and waiting on hold."),
            ("Nobody listened to me.", "The staff did not seem to care."),
        ),
    ),
    "nl": CommentText(
        positive=(
            "Heel tevreden over hoe het ging.",
            "Prima service, ik kom zeker terug.",
            "Alles verliep deze keer soepel.",
            "Over het geheel erg tevreden.",
        ),
        neutral=(
            "Het was oké, niets bijzonders.",
            "Uiteindelijk prima, maar het kan beter.",
            "Redelijke service, hier en daar wat haperingen.",
            "Niet slecht, niet geweldig.",
        ),
        negative=(
            "Deze keer erg teleurgesteld.",
            "Dit was een frustrerende ervaring.",
            "Helemaal niet wat ik verwachtte.",
            "Ik denk serieus na over overstappen.",
        ),
        praise=(
            ("Ze wisten precies wie ik was.", "Het aanbod paste echt bij mijn situatie."),
            ("Ik vertrouw erop dat ze hun woord houden.", "De medewerkers waren eerlijk."),
            ("Ze leverden precies wat ze beloofden.", "Het was wat ik verwachtte en meer."),
            ("Mijn probleem werd bij het eerste contact opgelost.", "Ze pakten het echt op."),
            ("Het ging snel en makkelijk.", "Geen onnodige stappen."),
            ("De medewerker luisterde echt naar mij.", "Ze begrepen hoe ik mij voelde."),
        ),
        complaint=(
            ("Ik voelde me een nummer.", "Niemand kende mijn geschiedenis met hen."),
            ("Ze kwamen hun beloften niet na.", "Het leek alleen om het geld te gaan."),
            ("Het was niet wat ze hadden beloofd.", "Ze lieten mij in de steek."),
            ("Mijn probleem is nog steeds niet opgelost.", "Elke keer een ander antwoord."),
            ("Het duurde veel te lang.", "Eindeloze formulieren en wachten aan de lijn."),
            ("Niemand luisterde naar mij.", "Het kon de medewerkers niets schelen."),
        ),
    ),
    "de": CommentText(
        positive=(
            "Sehr zufrieden, wie es gelaufen ist.",
            "Toller Service, ich komme gerne wieder.",
            "Diesmal lief alles reibungslos.",
            "Insgesamt sehr zufrieden.",
        ),
        neutral=(
            "Es war okay, nichts Besonderes.",
            "Am Ende in Ordnung, aber es geht besser.",
            "Ordentlicher Service mit ein paar Schwächen.",
            "Nicht schlecht, nicht toll.",
        ),
        negative=(
            "Diesmal sehr enttäuscht.",
            "Das war eine frustrierende Erfahrung.",
            "Überhaupt nicht das, was ich erwartet hatte.",
            "Ich überlege ernsthaft zu wechseln.",
        ),
        praise=(
            ("Sie wussten genau, wer ich bin.", "Das Angebot passte wirklich zu mir."),
            ("Ich vertraue darauf, dass sie Wort halten.", "Die Mitarbeiter waren ehrlich."),
            ("Sie haben genau das geliefert, was versprochen war.", "Besser als erwartet."),
            ("Mein Problem wurde beim ersten Kontakt gelöst.", "Sie haben sich gekümmert."),
            ("Es ging schnell und einfach.", "Keine unnötigen Schritte."),
            ("Der Mitarbeiter hat mir wirklich zugehört.", "Sie haben mich verstanden."),
        ),
        complaint=(
            ("Ich kam mir vor wie eine Nummer.", "Niemand kannte meine Vorgeschichte."),
            ("Sie haben ihre Versprechen nicht gehalten.", "Es ging ihnen nur ums Geld."),
            ("Es war nicht das, was versprochen wurde.", "Sie haben mich im Stich gelassen."),
            ("Mein Problem ist immer noch nicht gelöst.", "Jedes Mal eine andere Antwort."),
            ("Es hat viel zu lange gedauert.", "Endlose Formulare und Warteschleifen."),
            ("Niemand hat mir zugehört.", "Den Mitarbeitern war es offenbar egal."),
        ),
    ),
    "no": CommentText(
        positive=(
            "Veldig fornøyd med hvordan det gikk.",
            "Flott service, jeg kommer gjerne tilbake.",
            "Alt gikk knirkefritt denne gangen.",
            "Alt i alt veldig fornøyd.",
        ),
        neutral=(
            "Det var greit, ikke noe spesielt.",
            "Greit til slutt, men det kunne vært bedre.",
            "Grei service, men noen skjønnhetsfeil.",
            "Ikke dårlig, ikke fantastisk.",
        ),
        negative=(
            "Veldig skuffet denne gangen.",
            "Dette var en frustrerende opplevelse.",
            "Slett ikke det jeg forventet.",
            "Jeg vurderer seriøst å bytte.",
        ),
        praise=(
            ("De visste hvem jeg var.", "Tilbudet passet virkelig til min situasjon."),
            ("Jeg stoler på at de holder ord.", "De ansatte var ærlige med meg."),
            ("De leverte akkurat det de lovet.", "Det var det jeg forventet og mer til."),
            ("Problemet ble løst ved første kontakt.", "De tok virkelig ansvar for saken."),
            ("Det gikk raskt og enkelt.", "Ingen unødvendige steg."),
            ("Den ansatte lyttet virkelig til meg.", "De forsto hvordan jeg hadde det."),
        ),
        complaint=(
            ("Jeg følte meg som et nummer.", "Ingen kjente historikken min."),
            ("De holdt ikke det de lovet.", "Det handlet visst bare om penger."),
            ("Det var ikke det de hadde lovet.", "De sviktet da det gjaldt."),
            ("Problemet er fortsatt ikke løst.", "Jeg fikk et nytt svar hver gang."),
            ("Det tok altfor lang tid.", "Endeløse skjemaer og lang ventetid."),
            ("Ingen lyttet til meg.", "De ansatte brydde seg ikke."),
        ),
    ),
    "pl": CommentText(
        positive=(
            "Bardzo dobre doświadczenie.",
            "Świetna obsługa, na pewno wrócę.",
            "Tym razem wszystko poszło gładko.",
            "Ogólnie wszystko na plus.",
        ),
        neutral=(
            "Było w porządku, nic specjalnego.",
            "W końcu się udało, ale mogło być lepiej.",
            "Przyzwoita obsługa, ale z kilkoma zgrzytami.",
            "Nieźle, ale bez rewelacji.",
        ),
        negative=(
            "Tym razem duże rozczarowanie.",
            "To było frustrujące doświadczenie.",
            "Daleko od moich oczekiwań.",
            "Poważnie myślę o zmianie firmy.",
        ),
        praise=(
            ("Wiedzieli, kim jestem.", "Oferta naprawdę pasowała do mojej sytuacji."),
            ("Ufam, że dotrzymują słowa.", "Pracownicy byli ze mną szczerzy."),
            ("Dostarczyli dokładnie to, co obiecali.", "Wszystko zgodnie z obietnicą."),
            ("Problem rozwiązano przy pierwszym kontakcie.", "Naprawdę zajęli się sprawą."),
            ("Szybko i bez wysiłku.", "Żadnych zbędnych kroków."),
            ("Pracownik naprawdę mnie wysłuchał.", "Zrozumieli moją sytuację."),
        ),
        complaint=(
            ("Traktowano mnie jak numer.", "Nikt nie znał historii mojej sprawy."),
            ("Nie dotrzymali obietnic.", "Liczyły się dla nich tylko pieniądze."),
            ("To nie było to, co obiecano.", "Zawiedli w najważniejszym momencie."),
            ("Mój problem nadal nie jest rozwiązany.", "Za każdym razem inna odpowiedź."),
            ("Trwało to zdecydowanie za długo.", "Niekończące się formularze i czekanie."),
            ("Nikt mnie nie słuchał.", "Pracownikom było wszystko jedno."),
        ),
    ),
}
