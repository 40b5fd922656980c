"""``cxbench report`` on the warehouse ``cxbench demo`` builds and publishes (default size:
2024 and 2025 published, sectors large enough for their peer sets to be disclosed): one
organisation's client view in Dutch, read back with pypdf and pdftotext, its first page
rendered; the PowerPoint; refusals of bad arguments.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import duckdb
import pypdfium2
import pytest
from pptx import Presentation
from pypdf import PdfReader

from tests.fixtures.history import cli_env, cxbench

pytestmark = pytest.mark.slow

WAVE = 2025


def squeezed(text: str) -> str:
    """Without whitespace: a name wrapped inside a table cell is still found."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def env(default_demo: Path) -> dict[str, str]:
    """The CLI's environment pointing at the demo warehouse."""
    return cli_env(default_demo, default_demo.parent.parent / "generated")


@pytest.fixture(scope="module")
def organisation(default_demo: Path) -> dict[str, str]:
    """A ranked NL company that is not its sector's leader, in the sector with the most
    ranked companies whose peer set is disclosed, with its Dutch sector name."""
    with duckdb.connect(str(default_demo), read_only=True) as connection:
        row = connection.execute(
            """
            with sectors as (
                select sector_code
                from marts.fct_benchmark_scores
                where benchmark_level = 'sector' and study_id = 'cxbench' and country = 'NL'
                    and wave = ? and is_peer_set_disclosed
                order by n_eligible_companies desc, sector_code
                limit 1
            )
            select scores.company_id, companies.company_name, labels.sector_label
            from marts.fct_company_scores as scores
            inner join sectors using (sector_code)
            inner join marts.dim_company as companies using (company_id)
            inner join marts.dim_sector_label as labels
                on labels.sector_code = scores.sector_code and labels.language = 'nl'
            where scores.study_id = 'cxbench' and scores.country = 'NL' and scores.wave = ?
                and scores.rank_in_sector > 1
            order by scores.rank_in_sector, scores.company_id
            limit 1
            """,
            [WAVE, WAVE],
        ).fetchone()
        names = [name for (name,) in connection.execute(
            "select distinct company_name from marts.dim_company").fetchall()]  # fmt: skip
    company_id, name, sector = row
    return {"id": company_id, "name": name, "sector": sector, "others": [
        other for other in names if other != name]}  # fmt: skip


@pytest.fixture(scope="module")
def dutch_pdf(env: dict[str, str], organisation: dict[str, str], tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "rapport.pdf"
    completed = cxbench(env, "report", "--org", organisation["id"], "--wave", str(WAVE),
                        "--lang", "nl", "--out", str(out))  # fmt: skip
    assert re.search(r"wrote .* \(\d+ pages, \d+ KB\)", " ".join(completed.stdout.split()))
    return out


def test_dutch_report_reads_as_the_client_view(
    dutch_pdf: Path, organisation: dict[str, str]
) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(dutch_pdf).pages)

    assert organisation["name"] in text
    assert organisation["sector"] in text  # the sector in Dutch
    assert "Sectorleider" in text and "Concurrent " in text  # peers as the portal names them
    assert re.search(r"\b\d,\d\d\b", text)  # decimal commas
    assert not re.search(r"\b\d\.\d\d\b", text)  # and no decimal points
    for pillar in ("Personalisatie", "Integriteit", "Empathie", "Jaar op jaar", "Kerncijfers"):
        assert pillar in text
    for other in organisation["others"]:
        assert squeezed(other) not in squeezed(text), other


def test_a_second_extractor_reads_the_same_words(
    dutch_pdf: Path, organisation: dict[str, str]
) -> None:
    """PDFium (Chrome's PDF engine) reads the words pypdf reads: the text is real text,
    in the fonts' own encoding, not something only one parser makes sense of."""
    document = pypdfium2.PdfDocument(str(dutch_pdf))
    text = "\n".join(page.get_textpage().get_text_range() for page in document)

    assert organisation["name"] in text and "Sectorleider" in text
    assert re.search(r"\b\d,\d\d\b", text)
    for other in organisation["others"]:
        assert squeezed(other) not in squeezed(text), other


def test_first_page_renders(dutch_pdf: Path, tmp_path: Path) -> None:
    image = pypdfium2.PdfDocument(str(dutch_pdf))[0].render(scale=1).to_pil()
    image.save(tmp_path / "page1.png")
    grey = image.convert("L")
    dark = sum(1 for value in grey.getdata() if value < 200)

    assert image.width > 500
    assert dark / (grey.width * grey.height) > 0.1  # not blank: band, title, facts


def test_powerpoint_by_extension(
    env: dict[str, str], organisation: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "slides.pptx"
    cxbench(env, "report", "--org", organisation["id"], "--wave", str(WAVE),
            "--lang", "nl", "--out", str(out))  # fmt: skip
    deck = Presentation(io.BytesIO(out.read_bytes()))

    assert len(deck.slides) == 7
    assert organisation["name"] in deck.slides[0].shapes[3].text_frame.text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--org", "NL-NOPE-99", "--wave", str(WAVE), "--lang", "nl"], "no such organisation"),
        (["--wave", "2023", "--lang", "nl"], "no published scores"),
        (["--wave", str(WAVE), "--lang", "de"], "is not one of en, nl, no, pl"),
        (["--wave", str(WAVE), "--lang", "nl", "--country", "PL"], "no published scores there"),
    ],
)
def test_bad_arguments_exit_2(
    env: dict[str, str],
    organisation: dict[str, str],
    tmp_path: Path,
    arguments: list[str],
    message: str,
) -> None:
    if "--org" not in arguments:
        arguments = ["--org", organisation["id"], *arguments]
    out = tmp_path / "report.pdf"
    completed = cxbench(env, "report", *arguments, "--out", str(out), check=False)

    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert message in " ".join(completed.stdout.split())
    assert "Traceback" not in completed.stdout + completed.stderr
    assert not out.exists()


def test_a_wrong_file_type_exits_2(
    env: dict[str, str], organisation: dict[str, str], tmp_path: Path
) -> None:
    completed = cxbench(env, "report", "--org", organisation["id"], "--wave", str(WAVE),
                        "--out", str(tmp_path / "report.docx"), check=False)  # fmt: skip

    assert completed.returncode == 2
    assert "must end in .pdf or .pptx" in " ".join(completed.stdout.split())
