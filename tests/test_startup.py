"""Start-up: importing extractor to parse a page loads no crawler, fetching or dateparser."""

from __future__ import annotations

import gzip
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import extractor
from extractor.parse.date_words import dateparser_data

ROOT = Path(extractor.__file__).parent.parent
PAGE = ROOT / "fixtures" / "pages" / "zyte-05844573ca7e1fba.html.gz"


def _fresh(code: str) -> dict[str, object]:
    """Run code in a fresh interpreter that prints one JSON object; that object."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


_LOADED = (
    "json.dumps({name: name in sys.modules for name in "
    "('requests', 'urllib3', 'sqlite3', 'warcio', 'dateparser', 'extractor.crawl.job', "
    "'extractor.crawl.runner', 'extractor.fetch.fetcher')})"
)


def test_import_and_extract_of_an_english_page_load_no_crawler_fetching_or_dateparser() -> None:
    loaded = _fresh(
        "import gzip, json, sys\n"
        "from extractor import extract\n"
        f"extract(gzip.open({str(PAGE)!r}).read(), 'https://example.org/news/1')\n"
        f"print({_LOADED})"
    )
    assert loaded == dict.fromkeys(loaded, False)


def test_the_cli_extract_of_a_file_loads_no_crawler_or_fetching() -> None:
    loaded = _fresh(
        "import contextlib, io, json, sys\n"
        "from extractor.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['extract', {str(PAGE)!r}, '--base-url', 'https://example.org/news/1'])\n"
        f"print({_LOADED})"
    )
    assert not any(loaded[name] for name in ("requests", "extractor.crawl.runner", "warcio"))


def test_crawl_and_fetch_names_load_on_first_use() -> None:
    loaded = _fresh(
        "import inspect, json, sys\n"
        "import extractor.crawl, extractor.fetch\n"
        "before = 'extractor.crawl.runner' in sys.modules or 'requests' in sys.modules\n"
        "from extractor.crawl import CrawlConfig, crawl\n"
        "from extractor.fetch import Fetcher\n"
        "import extractor\n"
        "print(json.dumps({'before': before, 'runner': 'extractor.crawl.runner' in sys.modules,\n"
        "    'requests': 'requests' in sys.modules, 'crawl': inspect.isfunction(extractor.crawl),\n"
        "    'fetch': inspect.isfunction(extractor.fetch), 'config': CrawlConfig.__name__}))"
    )
    assert loaded == {
        "before": False,
        "runner": True,
        "requests": True,
        "crawl": True,
        "fetch": True,
        "config": "CrawlConfig",
    }


def test_lazy_package_names_are_the_modules_objects() -> None:
    from extractor.crawl.job import CrawlConfig, load_config
    from extractor.crawl.report import CrawlReport
    from extractor.crawl.runner import Crawler, CrawlPaths, crawl
    from extractor.fetch.fetcher import Fetcher

    crawl_package = sys.modules["extractor.crawl"]
    fetch_package = sys.modules["extractor.fetch"]
    expected = {
        "CrawlConfig": CrawlConfig,
        "load_config": load_config,
        "CrawlReport": CrawlReport,
        "Crawler": Crawler,
        "CrawlPaths": CrawlPaths,
        "crawl": crawl,
    }
    for name, value in expected.items():
        assert getattr(crawl_package, name) is value
        assert name in dir(crawl_package) and name in crawl_package.__all__
    assert fetch_package.Fetcher is Fetcher and "Fetcher" in dir(fetch_package)
    assert inspect.isfunction(extractor.crawl) and inspect.isfunction(extractor.fetch)
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = crawl_package.no_such_name
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = fetch_package.no_such_name


def test_dateparser_data_read_from_files_equals_dateparsers_own() -> None:
    found = _fresh(
        "import json, sys\n"
        "from extractor.parse.date_words import dateparser_data\n"
        "order = dateparser_data('data.languages_info').language_order\n"
        "ru = dateparser_data('data.date_translation_data.ru').info\n"
        "zones = dateparser_data('timezones').timezone_info_list\n"
        "loaded = 'dateparser' in sys.modules\n"
        "import dateparser.data.languages_info as L, dateparser.timezones as T\n"
        "from dateparser.data.date_translation_data import ru as R\n"
        "print(json.dumps({'loaded': loaded, 'order': order == L.language_order,\n"
        "    'ru': ru == R.info, 'zones': zones == T.timezone_info_list}))"
    )
    assert found == {"loaded": False, "order": True, "ru": True, "zones": True}


def test_dateparser_data_names_a_missing_module() -> None:
    with pytest.raises(ImportError):
        dateparser_data("data.date_translation_data.no_such_language")


def test_a_date_only_dateparser_reads_still_reads_after_a_lazy_start() -> None:
    found = _fresh(
        "import json, sys\n"
        "from datetime import datetime, UTC\n"
        "from extractor.parse.dates import parse_date\n"
        "before = 'dateparser' in sys.modules\n"
        "d = parse_date('16 listopada 2016', languages=['pl'])\n"
        "print(json.dumps({'before': before, 'iso': d.iso if d else None}))"
    )
    assert found == {"before": False, "iso": "2016-11-16"}


def test_fixture_page_is_gzip_html() -> None:
    # The start-up tests read this page; a missing fixture must fail loudly, not pass vacuously.
    with gzip.open(PAGE) as file:
        assert b"<" in file.read(200)
