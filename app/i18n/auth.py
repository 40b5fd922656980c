"""The login screen, the signed-in account in the sidebar, and why the app refuses to serve."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "auth_title": {
        "en": "Customer-experience benchmark",
        "nl": "Klantbelevingsbenchmark",
        "no": "Kundeopplevelsesbenchmark",
        "pl": "Benchmark doświadczeń klientów",
    },
    "auth_intro": {
        "en": "Log in with your work account to see your organisation's benchmark.",
        "nl": "Log in met uw werkaccount om de benchmark van uw organisatie te zien.",
        "no": "Logg inn med jobbkontoen din for å se organisasjonens benchmark.",
        "pl": "Zaloguj się kontem służbowym, aby zobaczyć benchmark swojej organizacji.",
    },
    "auth_login": {
        "en": "Log in",
        "nl": "Inloggen",
        "no": "Logg inn",
        "pl": "Zaloguj się",
    },
    "auth_login_with": {
        "en": "Log in with {provider}",
        "nl": "Inloggen met {provider}",
        "no": "Logg inn med {provider}",
        "pl": "Zaloguj się przez {provider}",
    },
    "auth_logout": {
        "en": "Log out",
        "nl": "Uitloggen",
        "no": "Logg ut",
        "pl": "Wyloguj się",
    },
    "auth_signed_in": {
        "en": "Signed in as {name} ({email})",
        "nl": "Ingelogd als {name} ({email})",
        "no": "Logget inn som {name} ({email})",
        "pl": "Zalogowano jako {name} ({email})",
    },
    "auth_no_email": {
        "en": (
            "Your identity provider did not send an e-mail address, and access to the "
            "benchmark is granted per e-mail address. Ask your administrator to release "
            "the `email` claim to this app, then log in again."
        ),
        "nl": (
            "Uw identiteitsprovider heeft geen e-mailadres meegestuurd, en toegang tot de "
            "benchmark wordt per e-mailadres verleend. Vraag uw beheerder de claim `email` "
            "aan deze app vrij te geven en log daarna opnieuw in."
        ),
        "no": (
            "Identitetsleverandøren din sendte ingen e-postadresse, og tilgang til "
            "benchmarken gis per e-postadresse. Be administratoren om å frigi kravet "
            "`email` til denne appen, og logg deretter inn på nytt."
        ),
        "pl": (
            "Dostawca tożsamości nie przekazał adresu e-mail, a dostęp do benchmarku jest "
            "przyznawany według adresu e-mail. Poproś administratora o udostępnienie tej "
            "aplikacji atrybutu `email`, a następnie zaloguj się ponownie."
        ),
    },
    "auth_email_unverified": {
        "en": (
            "Your identity provider has not verified the e-mail address {email}. Verify "
            "it there, then log in again."
        ),
        "nl": (
            "Uw identiteitsprovider heeft het e-mailadres {email} niet geverifieerd. "
            "Verifieer het daar en log daarna opnieuw in."
        ),
        "no": (
            "Identitetsleverandøren din har ikke bekreftet e-postadressen {email}. "
            "Bekreft den der, og logg deretter inn på nytt."
        ),
        "pl": (
            "Dostawca tożsamości nie zweryfikował adresu e-mail {email}. Zweryfikuj go "
            "tam, a następnie zaloguj się ponownie."
        ),
    },
    "auth_not_configured": {
        "en": (
            "This app listens on a public address ({address}) but no login is configured, "
            "so it shows nothing. Configure an identity provider in "
            "`.streamlit/secrets.toml` (see docs/deployment.md) or serve it on this "
            "machine only with `cxbench app`."
        ),
        "nl": (
            "Deze app luistert op een openbaar adres ({address}) maar er is geen login "
            "ingesteld, dus hij toont niets. Stel een identiteitsprovider in in "
            "`.streamlit/secrets.toml` (zie docs/deployment.md) of dien hem alleen op deze "
            "machine op met `cxbench app`."
        ),
        "no": (
            "Denne appen lytter på en offentlig adresse ({address}), men ingen innlogging "
            "er satt opp, så den viser ingenting. Sett opp en identitetsleverandør i "
            "`.streamlit/secrets.toml` (se docs/deployment.md) eller kjør den bare på denne "
            "maskinen med `cxbench app`."
        ),
        "pl": (
            "Aplikacja nasłuchuje pod adresem publicznym ({address}), ale logowanie nie "
            "jest skonfigurowane, więc nic nie pokazuje. Skonfiguruj dostawcę tożsamości "
            "w `.streamlit/secrets.toml` (zob. docs/deployment.md) albo uruchom ją tylko na "
            "tym komputerze poleceniem `cxbench app`."
        ),
    },
    "auth_preview_public": {
        "en": (
            "A client preview shows a client's view without a login, so it is served on "
            "this machine only. Start it with `cxbench app --preview-client ORG_ID` "
            "without `--address`."
        ),
        "nl": (
            "Een klantvoorbeeld toont de weergave van een klant zonder login en wordt "
            "daarom alleen op deze machine opgediend. Start het met "
            "`cxbench app --preview-client ORG_ID` zonder `--address`."
        ),
        "no": (
            "En klientforhåndsvisning viser en klients visning uten innlogging, og kjøres "
            "derfor bare på denne maskinen. Start den med "
            "`cxbench app --preview-client ORG_ID` uten `--address`."
        ),
        "pl": (
            "Podgląd klienta pokazuje widok klienta bez logowania, dlatego jest dostępny "
            "tylko na tym komputerze. Uruchom go poleceniem "
            "`cxbench app --preview-client ORG_ID` bez `--address`."
        ),
    },
    "auth_unsafe": {
        "en": (
            "The login settings in `.streamlit/secrets.toml` are unsafe, so the app shows "
            "nothing: {problems}."
        ),
        "nl": (
            "De login-instellingen in `.streamlit/secrets.toml` zijn onveilig, dus de app "
            "toont niets: {problems}."
        ),
        "no": (
            "Innloggingsinnstillingene i `.streamlit/secrets.toml` er usikre, så appen "
            "viser ingenting: {problems}."
        ),
        "pl": (
            "Ustawienia logowania w `.streamlit/secrets.toml` są niebezpieczne, więc "
            "aplikacja nic nie pokazuje: {problems}."
        ),
    },
}
