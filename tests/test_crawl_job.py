"""The job file, environment and flags folded into one CrawlConfig, in that precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.crawl.job import CrawlConfig, load_config, parse_duration, parse_size, read_job
from extractor.errors import ConfigError

EXAMPLE = Path(__file__).parent.parent / "examples" / "job.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "job.toml"
    path.write_text(text, "utf-8")
    return path


JOB = """
[job]
seeds = ["http://ex.com/news/"]
sitemaps = ["http://ex.com/sitemap.xml"]
out = "out"

[scope]
deny = ['/private/']

[limits]
max_pages = 100
revisit_after = "6h"

[politeness]
min_delay = 2.5
user_agent = "job-agent"

[outputs]
formats = ["jsonl", "parquet"]
warc_max_size = "10MB"
"""


def test_job_file(tmp_path: Path) -> None:
    config = load_config(job=write(tmp_path, JOB))
    assert config.seeds == ("http://ex.com/news/",)
    assert config.sitemaps == ("http://ex.com/sitemap.xml",)
    assert config.out_dir == str((tmp_path / "out").resolve())
    assert config.deny == ("/private/",)
    assert config.max_pages == 100
    assert config.revisit_after == 6 * 3600
    assert config.fetch.min_delay == 2.5
    assert config.fetch.user_agent == "job-agent"
    assert config.formats == ("jsonl", "parquet")
    assert config.warc_max_bytes == 10 * 1024 * 1024
    assert config.max_depth is None  # defaults stay


def test_precedence_flags_over_env_over_job(tmp_path: Path) -> None:
    job = write(tmp_path, JOB)
    env = {
        "EXTRACTOR_MAX_PAGES": "50",
        "EXTRACTOR_MIN_DELAY": "0.5",
        "EXTRACTOR_OUT": "/tmp/x",
        "UNRELATED": "1",
    }
    config = load_config(job=job, env=env, flags={"max_pages": 7, "out": None, "seeds": ()})
    assert config.max_pages == 7  # flag
    assert config.fetch.min_delay == 0.5  # env
    assert config.out_dir == "/tmp/x"  # env (the flag was not given)
    assert config.seeds == ("http://ex.com/news/",)  # job (no seeds on the command line)
    assert config.fetch.user_agent == "job-agent"  # job
    flagged = load_config(job=job, flags={"seeds": ["http://ex.com/other/"]})
    assert flagged.seeds == ("http://ex.com/other/",)


def test_env_lists_and_bools() -> None:
    env = {
        "EXTRACTOR_SEEDS": "http://a.org/ http://b.org/",
        "EXTRACTOR_ALLOW_PRIVATE": "yes",
        "EXTRACTOR_FORMATS": "jsonl,sqlite",
    }
    config = load_config(env=env)
    assert config.seeds == ("http://a.org/", "http://b.org/")
    assert config.fetch.allow_private is True
    assert config.formats == ("jsonl", "sqlite")


@pytest.mark.parametrize(
    "text",
    [
        "[job]\nseeds = ['http://ex.com/']\nmax_pages = 3\n",  # wrong section
        "[job]\nseeds = ['http://ex.com/']\n[limits]\nmax_pagez = 3\n",  # typo
        "[job]\nseeds = 'http://ex.com/'\n[limits]\nmax_pages = 'many'\n",
        "[job]\nseeds = ['http://ex.com/']\n[limits]\nrevisit_after = 'soon'\n",
        "[job]\nseeds = ['ftp://ex.com/']\n",
        "[job]\nseeds = ['http://ex.com/']\n[outputs]\nformats = ['xml']\n",
        "[job]\nseeds = ['http://ex.com/']\n[scope]\nallow = ['(']\n",
        "[job]\nseeds = [\n",
        "[job]\nout = 'x'\n",  # nothing to crawl
        "seeds = ['http://ex.com/']\n",  # not in a section
    ],
)
def test_bad_job_files(tmp_path: Path, text: str) -> None:
    with pytest.raises(ConfigError):
        load_config(job=write(tmp_path, text))


def test_missing_job_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        read_job(tmp_path / "nope.toml")
    assert caught.value.kind == "missing"


def test_durations_and_sizes() -> None:
    assert parse_duration("90") == 90
    assert parse_duration(90) == 90
    assert parse_duration("15m") == 900
    assert parse_duration("1.5h") == 5400
    assert parse_duration("2d") == 172800
    assert parse_duration("1w") == 604800
    assert parse_size("512MB") == 512 * 1024**2
    assert parse_size("1GiB") == 1024**3
    assert parse_size(4096) == 4096
    for bad in ("-1", "tomorrow", True):
        with pytest.raises(ConfigError):
            parse_duration(bad)
    with pytest.raises(ConfigError):
        parse_size("big")


def test_the_example_job_file_loads() -> None:
    config = load_config(job=EXAMPLE)
    assert config.seeds and config.fetch.min_delay >= 1.0
    assert isinstance(config, CrawlConfig)


def test_site_learning_from_job_env_and_flag(tmp_path: Path) -> None:
    job = tmp_path / "job.toml"
    (tmp_path / "p").mkdir()
    job.write_text(
        "[job]\nseeds = ['http://ex.com/']\n[extract]\nprofiles = 'p'\nsite_learning = false\n"
    )
    config = load_config(job=job)
    assert config.extract.site_learning is False
    assert config.extract.profile_dir == str(tmp_path / "p")  # the other [extract] key kept
    assert load_config(job=job, env={"EXTRACTOR_SITE_LEARNING": "on"}).extract.site_learning
    seed = {"EXTRACTOR_SEEDS": "http://ex.com/"}
    assert load_config(env=seed).extract.site_learning is True
    off = load_config(env={**seed, "EXTRACTOR_SITE_LEARNING": "on"}, flags={"site_learning": False})
    assert off.extract.site_learning is False
