"""Personal data planted in comments, so that scrubbing can be tested against truth.

Names are first + last name from a per-language list; e-mail addresses are built
from such a name at invented mail domains; phone numbers follow the country's
mobile formats, both international (+31 6 …) and national (06-…). Strings are
assembled with Arrow compute kernels, one call per format, not per comment.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KINDS: tuple[str, ...] = ("name", "email", "phone")


@dataclass(frozen=True)
class PersonalData:
    """Names, mail domains, phone formats and sentence frames of one language."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    domains: tuple[str, ...]
    #: A format is a sequence of literal strings and digit counts; a tuple of
    #: digits as first element means "one of these leading digit strings".
    phone_formats: tuple[tuple[str | int | tuple[str, ...], ...], ...]
    #: (prefix, suffix) around the planted value, per kind in KINDS order.
    frames: tuple[tuple[tuple[str, str], ...], ...]


PERSONAL_DATA: dict[str, PersonalData] = {
    "nl": PersonalData(
        ("Jan", "Sanne", "Pieter", "Lotte", "Daan", "Eva", "Thijs", "Fleur", "Bram", "Anouk"),
        ("de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
         "Mulder", "van den Berg"),
        ("postvak.nl", "snelmail.nl", "thuisnet.nl"),
        (("+31 6 ", 4, " ", 4), ("06-", 8), ("06 ", 8), ("+316", 8)),
        ((("Complimenten voor ", "."), ("Mijn naam is ", ", bel mij even terug.")),
         (("Mail mij op ", "."), ("Mijn e-mail: ", "")),
         (("Bel mij op ", "."), ("Mijn nummer is ", ", graag terugbellen."))),
    ),
    "no": PersonalData(
        ("Ola", "Ingrid", "Lars", "Kari", "Magnus", "Silje", "Håkon", "Marte", "Sindre", "Tone"),
        ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Bjørnstad",
         "Haugen", "Sæther"),
        ("fjordpost.no", "nordmail.no", "hjemmenett.no"),
        (("+47 ", ("4", "9"), 2, " ", 2, " ", 3), (("4", "9"), 2, " ", 2, " ", 3),
         ("+47", ("4", "9"), 7)),
        ((("Takk til ", "."), ("Jeg heter ", ", ring meg gjerne tilbake.")),
         (("Send meg en e-post på ", "."), ("E-post: ", "")),
         (("Ring meg på ", "."), ("Nummeret mitt er ", ".")))
    ),
    "pl": PersonalData(
        ("Anna", "Piotr", "Katarzyna", "Tomasz", "Agnieszka", "Łukasz", "Magdalena", "Paweł",
         "Joanna", "Michał"),
        ("Nowak", "Wójcik", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek",
         "Pawlak", "Sikora"),
        ("skrzynka24.pl", "mojapoczta.pl", "domowa.pl"),
        (("+48 ", ("5", "6", "7", "8"), 2, " ", 3, " ", 3),
         (("5", "6", "7", "8"), 2, " ", 3, " ", 3),
         (("5", "6", "7", "8"), 2, "-", 3, "-", 3)),
        ((("Osoba obsługująca: ", ", bardzo pomocna."),
          ("Nazywam się ", ", proszę o kontakt.")),
         (("Proszę pisać na ", "."), ("Mój e-mail: ", "")),
         (("Proszę dzwonić pod numer ", "."), ("Mój numer to ", ".")))
    ),
    "en": PersonalData(
        ("Oliver", "Emily", "Jack", "Sophie", "Harry", "Chloe", "George", "Amelia", "James",
         "Olivia"),
        ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Robinson", "Wright",
         "Evans"),
        ("inboxly.co.uk", "mailhub.co.uk", "homepost.co.uk"),
        (("+44 7", 3, " ", 6), ("07", 3, " ", 6), ("+447", 9)),
        ((("Please pass my thanks to ", "."), ("My name is ", ", please call me back.")),
         (("You can reach me at ", "."), ("Email: ", "")),
         (("Call me on ", "."), ("My number is ", ".")))
    ),
    "de": PersonalData(
        ("Lukas", "Anna", "Jonas", "Lena", "Felix", "Laura", "Maximilian", "Julia", "Paul",
         "Hannah"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
         "Schulz", "Schäfer"),
        ("postfachmail.de", "netzpost.de", "heimnetz.de"),
        (("+49 ", ("151", "160", "170", "171", "176"), " ", 8),
         (("0151", "0170", "0176"), " ", 8),
         (("0171", "0160"), "/", 7),
         ("+49 ", ("152", "157", "172", "175"), " ", 7)),
        ((("Ein Lob an ", "."), ("Mein Name ist ", ", bitte rufen Sie mich zurück.")),
         (("Schreiben Sie mir an ", "."), ("E-Mail: ", "")),
         (("Rufen Sie mich an unter ", "."), ("Meine Nummer ist ", ".")))
    ),
}  # fmt: skip

_ASCII = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss",
                        " ": ""})  # fmt: skip


def _email_part(name: str) -> str:
    """Lower-case ASCII form of a name for an e-mail address (Bjørnstad → bjornstad)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_ASCII))
    return "".join(char for char in decomposed if char.isascii()).lower()


def _digits(count: int, size: int, rng: np.random.Generator) -> pa.Array:
    values = rng.integers(0, 10**count, size=size, dtype=np.int64)
    return pc.utf8_lpad(pa.array(values).cast(pa.string()), width=count, padding="0")


def _join(parts: list[pa.Array | str]) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _pick(options: tuple[str, ...], size: int, rng: np.random.Generator) -> pa.Array:
    return pa.array(
        np.asarray(options, dtype=object)[rng.integers(len(options), size=size)], type=pa.string()
    )


def planted_values(language: str, kind: str, size: int, rng: np.random.Generator) -> pa.Array:
    """``size`` values of one kind (name, email or phone) in one language's style."""
    data = PERSONAL_DATA[language]
    if kind == "phone":
        choice = rng.integers(len(data.phone_formats), size=size)
        pieces, order = [], []
        for number, layout in enumerate(data.phone_formats):
            rows = np.flatnonzero(choice == number)
            parts = [
                _digits(part, rows.size, rng)
                if isinstance(part, int)
                else _pick(part, rows.size, rng)
                if isinstance(part, tuple)
                else part
                for part in layout
            ]
            pieces.append(_join(parts))
            order.append(rows)
        return pa.concat_arrays(pieces).take(np.argsort(np.concatenate(order), kind="stable"))
    first = rng.integers(len(data.first_names), size=size)
    last = rng.integers(len(data.last_names), size=size)
    if kind == "name":
        names = np.char.add(
            np.char.add(np.asarray(data.first_names)[first], " "), np.asarray(data.last_names)[last]
        )
        return pa.array(names.astype(object), type=pa.string())
    first_ascii = np.asarray([_email_part(name) for name in data.first_names])[first]
    last_ascii = np.asarray([_email_part(name) for name in data.last_names])[last]
    separator = np.asarray([".", "_", ""])[rng.integers(3, size=size)]
    domain = np.asarray(data.domains)[rng.integers(len(data.domains), size=size)]
    local = np.char.add(np.char.add(first_ascii, separator), last_ascii)
    return pa.array(np.char.add(np.char.add(local, "@"), domain).astype(object), type=pa.string())


def planted_sentences(
    language: str, kind: str, values: pa.Array, rng: np.random.Generator
) -> pa.Array:
    """Each value wrapped in one of the language's sentence frames for its kind."""
    frames = PERSONAL_DATA[language].frames[KINDS.index(kind)]
    choice = rng.integers(len(frames), size=len(values))
    prefix = np.asarray([frame[0] for frame in frames], dtype=object)[choice]
    suffix = np.asarray([frame[1] for frame in frames], dtype=object)[choice]
    return _join([pa.array(prefix, type=pa.string()), values, pa.array(suffix, type=pa.string())])
