"""Site profiles: loading, choosing one by host, applying it to pages, and the commands."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SITE_ROOT

from extractor.cli import main
from extractor.config import ExtractConfig, FetchConfig
from extractor.crawl import CrawlConfig, crawl, load_config
from extractor.errors import ConfigError
from extractor.pipeline import extract
from extractor.profiles import Profiles, load_profile, load_profiles, read_profile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"
NOW = datetime(2026, 11, 24, tzinfo=UTC)
SLUGS = sorted(p.stem for p in (FIXTURES / "expected").glob("*.json"))


@cache
def example() -> Profiles:
    return load_profiles(EXAMPLES)


def golden(slug: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "expected" / f"{slug}.json").read_text("utf-8"))
    return data


def page(slug: str) -> bytes:
    return (SITE_ROOT / "news" / "view" / f"{slug}.html").read_bytes()


# ---------------------------------------------------------------------------- loading


def test_the_example_profile_serves_its_host_www_and_subdomains_only() -> None:
    profiles = example()
    assert len(profiles) == 1
    found = profiles.for_url("http://msbuddy.test/news/view/x")
    assert found is not None and found.name == "msbuddy.test"
    assert profiles.for_url("http://WWW.msbuddy.test/") is found
    assert profiles.for_url("https://news.msbuddy.test/a") is found
    assert profiles.for_url("http://other.test/") is None
    assert profiles.for_url("http://notmsbuddy.test/") is None
    assert profiles.for_url(None) is None
    assert load_profiles(None).for_url("http://msbuddy.test/") is None


def test_addresses_match_exactly(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "msbuddy.test.toml", tmp_path / "127.0.0.1.toml")
    profiles = load_profiles(tmp_path)
    assert profiles.for_url("http://127.0.0.1:8080/x") is not None
    assert profiles.for_url("http://0.0.1/x") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"profile": {"headline": "h1", "title": "h2"}}, "takes only"),
        ({"selectors": {}}, "unknown section"),
        ({"profile": {"headline": "h1:hover"}}, "not supported"),
        ({"profile": {"body": 3}}, "CSS selector string"),
        ({"profile": {"hosts": "a.test"}}, "list of host names"),
        ({"teasers": [{"block": "aside"}]}, "block and card are required"),
        ({"teasers": [{"block": "aside", "card": "div", "summary": "p"}]}, "takes only"),
        ({"boilerplate": {"div.legal": "legalese"}}, "kind must be one of"),
        ({"boilerplate": {"div[": "other"}}, "cannot read"),
    ],
)
def test_a_bad_profile_is_a_config_error(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        read_profile(data, "a.test")


def test_bad_files_and_directories(tmp_path: Path) -> None:
    (tmp_path / "a.test.toml").write_text("[profile\n", "utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_profile(tmp_path / "a.test.toml")
    with pytest.raises(ConfigError, match="does not exist"):
        load_profiles(tmp_path / "missing")


# ---------------------------------------------------------------------------- applying


@pytest.mark.parametrize("slug", SLUGS)
def test_the_example_profile_reads_every_fixture_page_as_the_golden(slug: str) -> None:
    want = golden(slug)
    url = want["url"]
    record = extract(page(slug), url, now=NOW, profile=example().for_url(url)).to_dict()
    assert record["extractor"]["profile"] == "msbuddy.test"
    for field in ("headline", "summary", "sections", "text", "teasers", "warnings"):
        assert record[field] == want[field], field
    disclaimers = [b["text"] for b in record["boilerplate"] if b["kind"] == "disclaimer"]
    assert disclaimers == want["disclaimer"]
    kinds = {b["kind"] for b in record["boilerplate"]}
    assert {"share", "subscribe", "navigation", "footer", "cookie"} <= kinds


def test_a_breadcrumb_the_generic_parse_calls_other_is_typed_by_the_profile() -> None:
    slug = "retina-thinning-predicts-disability-n6c1zp"
    url = golden(slug)["url"]
    generic = extract(page(slug), url, now=NOW).to_dict()
    pinned = extract(page(slug), url, now=NOW, profile=example().for_url(url)).to_dict()
    crumb = "Home > News > Thinning Retina Layers Predicted Future Disability in MS"
    assert {"kind": "other", "text": crumb} in generic["boilerplate"]
    assert {"kind": "breadcrumb", "text": crumb} in pinned["boilerplate"]


EDITORIAL = """<html lang="en"><head><title>Night trains return | Rail Post</title></head><body>
<div class="story">
<h2 class="kicker">Transport</h2>
<div class="hed">Night trains return to the Alps</div>
<p>Operators will run six new overnight routes from December, linking four countries with
sleeper cars that were retired a decade ago, and say demand has doubled since last year.</p>
<p>Tickets go on sale next month; the cheapest berths cost less than a short flight and the
operators expect the first winter to sell out within weeks of opening bookings.</p>
<div class="editors">This article was corrected on 3 March to fix the number of routes. Rail
Post corrects errors of fact as soon as they are found and says so at the foot of the story.</div>
</div>
<ul class="more">
<li><em>2 March 2026</em> <a href="/rail/fares">Fares rise on commuter lines in the spring</a>
<span>Season tickets will cost more from April as operators pass on higher energy…</span></li>
<li><em>1 March 2026</em> <a href="/rail/works">Weekend works close the main line</a>
<span>Replacement buses will run between the two stations for four weekends while the…</span></li>
</ul>
</body></html>"""

EDITORIAL_PROFILE = {
    "profile": {"headline": "div.hed", "body": "div.story"},
    "teasers": [
        {
            "block": "ul.more",
            "card": "> li",
            "title": "a",
            "blurb": "span",
            "date": "em",
        }
    ],
    "boilerplate": {"div.editors": "disclaimer", "h2.kicker": "other"},
}


def test_a_profile_pins_what_the_generic_parse_misses() -> None:
    url = "https://railpost.test/rail/night-trains"
    profile = read_profile(EDITORIAL_PROFILE, "railpost.test")
    record = extract(EDITORIAL, url, now=NOW, profile=profile).to_dict()
    assert record["headline"] == "Night trains return to the Alps"
    assert [len(s["paragraphs"]) for s in record["sections"]] == [2]
    assert record["text"].startswith("Operators will run six new overnight routes")
    assert "corrected on 3 March" not in record["text"]
    assert {"kind": "other", "text": "Transport"} in record["boilerplate"]
    assert [b["kind"] for b in record["boilerplate"] if "corrected" in b["text"]] == ["disclaimer"]
    assert [(t["title"], t["date"], t["truncated"], t["url"]) for t in record["teasers"]] == [
        (
            "Fares rise on commuter lines in the spring",
            "2026-03-02",
            True,
            "https://railpost.test/rail/fares",
        ),
        (
            "Weekend works close the main line",
            "2026-03-01",
            True,
            "https://railpost.test/rail/works",
        ),
    ]
    assert record["extractor"]["profile"] == "railpost.test"


def test_a_selector_that_matches_nothing_keeps_the_generic_part() -> None:
    slug = SLUGS[0]
    url = golden(slug)["url"]
    miss = read_profile(
        {
            "profile": {"headline": "h1.nope", "body": "main.nope"},
            "teasers": [{"block": "ol.nope", "card": "li"}],
        },
        "msbuddy.test",
    )
    generic = extract(page(slug), url, now=NOW).to_dict()
    missed = extract(page(slug), url, now=NOW, profile=miss).to_dict()
    assert missed["extractor"]["profile"] == "msbuddy.test"
    assert {k: v for k, v in missed.items() if k != "extractor"} == {
        k: v for k, v in generic.items() if k != "extractor"
    }


# ---------------------------------------------------------------------------- commands


def test_extract_command_takes_profiles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    slug = "retina-thinning-predicts-disability-n6c1zp"
    file = tmp_path / "page.html"
    file.write_bytes(page(slug))
    url = golden(slug)["url"]
    assert main(["extract", str(file), "--base-url", url, "--profiles", str(EXAMPLES)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["extractor"]["profile"] == "msbuddy.test"
    assert (
        main(
            ["extract", str(file), "--base-url", "http://other.test/x", "--profiles", str(EXAMPLES)]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["extractor"]["profile"] is None
    assert main(["extract", str(file), "--profiles", str(tmp_path / "none")]) == 2


def test_a_job_file_names_profiles_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    shutil.copy(EXAMPLES / "msbuddy.test.toml", tmp_path / "rules")
    job = tmp_path / "job.toml"
    job.write_text('[job]\nseeds = ["http://msbuddy.test/"]\n[extract]\nprofiles = "rules"\n')
    config = load_config(job=job)
    assert config.extract.profile_dir == str((tmp_path / "rules").resolve())
    flagged = load_config(job=job, flags={"profiles": str(EXAMPLES)})
    assert flagged.extract.profile_dir == str(EXAMPLES)
    (tmp_path / "rules" / "bad.toml").write_text("[boilerplate]\n'p' = 'nonsense'\n")
    with pytest.raises(ConfigError, match="kind must be one of"):
        load_config(job=job)


def test_a_crawl_applies_the_profile_of_each_page_host(site_server: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(EXAMPLES / "msbuddy.test.toml", rules / "127.0.0.1.toml")
    fetch = FetchConfig(min_delay=0.0, allow_private=True, per_host=4, max_tries=1, deadline=10)
    config = CrawlConfig(fetch=fetch, extract=ExtractConfig(profile_dir=str(rules)))
    report = crawl([site_server + "/"], out_dir=tmp_path / "out", config=config)
    assert report.exit_code == 0
    with open(report.records, encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream]
    assert records and {r["extractor"]["profile"] for r in records} == {"127.0.0.1"}
    crumbs = [b for r in records for b in r["boilerplate"] if b["kind"] == "breadcrumb"]
    assert crumbs  # the profile typed the style-B breadcrumb
    resolved = [t for r in records for t in r["teasers"] if t.get("blurb_full")]
    assert len(resolved) >= 60  # profile teasers are resolved like generic ones
