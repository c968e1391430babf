"""The thin command line: parses arguments, calls the library, maps outcomes to exit codes."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from importlib import resources
from typing import Any, TextIO

from extractor.errors import ConfigError, ExtractorError, LockedError
from extractor.models import ErrorRecord
from extractor.version import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3

log = logging.getLogger("extractor")


def dump(record: dict[str, Any], stream: TextIO) -> None:
    """One JSON Lines row, keys in the schema's order, text as UTF-8."""
    stream.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def schema_text(name: str = "article") -> str:
    return (resources.files("extractor") / "schema" / f"{name}.schema.json").read_text("utf-8")


def _cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text("error" if args.error else "article"))
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    from extractor.pipeline import extract_sources, extract_sources_learned

    fetcher = None
    if any(s.startswith(("http://", "https://")) for s in args.sources):
        fetcher = _fetcher_from_args(args)
    profiles = _profiles_from_args(args)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    failed = 0
    try:
        read = extract_sources if args.no_site_learning else extract_sources_learned
        for item in read(args.sources, base_url=args.base_url, fetcher=fetcher, profiles=profiles):
            if isinstance(item, ErrorRecord):
                failed += 1
                dump(item.to_dict(), sys.stderr)
            else:
                dump(item.to_dict(), out)
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_FAILED if failed else EXIT_OK


def _profiles_from_args(args: argparse.Namespace) -> Any:
    from extractor.profiles import load_profiles

    return load_profiles(args.profiles)


def _add_profiles_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profiles",
        metavar="DIR",
        help="a directory of <host>.toml site profiles pinning selectors (optional; see "
        "examples/profiles)",
    )


def _fetcher_from_args(args: argparse.Namespace) -> object:
    from extractor.fetch import Fetcher

    return Fetcher.from_options(
        seeds=[s for s in args.sources if s.startswith(("http://", "https://"))],
        user_agent=args.user_agent,
        ignore_robots=args.ignore_robots,
        allow_private=args.allow_private,
        timeout=args.timeout,
    )


def _add_fetch_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("fetching")
    group.add_argument("--user-agent", help="User-Agent sent with every request")
    group.add_argument("--timeout", type=float, help="total seconds allowed per page (default 30)")
    group.add_argument(
        "--ignore-robots",
        action="store_true",
        help="fetch pages that robots.txt forbids (impolite: use only on sites you own)",
    )
    group.add_argument(
        "--allow-private",
        action="store_true",
        help="allow links and redirects to private, loopback and link-local addresses",
    )


def _cmd_crawl(args: argparse.Namespace) -> int:
    import os

    from extractor.crawl import crawl, load_config

    flags = {
        "seeds": args.seeds,
        "sitemaps": args.sitemap,
        "feeds": args.feed,
        "out": args.out,
        "max_pages": args.max_pages,
        "max_depth": args.max_depth,
        "revisit_after": args.revisit_after,
        "allow": args.allow,
        "deny": args.deny,
        "formats": args.format,
        "min_delay": args.min_delay,
        "concurrency": args.concurrency,
        "user_agent": args.user_agent,
        "timeout": args.timeout,
        "obey_robots": False if args.ignore_robots else None,
        "allow_private": True if args.allow_private else None,
        "warc": False if args.no_warc else None,
        "profiles": args.profiles,
        "site_learning": False if args.no_site_learning else None,
    }
    config = load_config(job=args.job, env=os.environ, flags=flags)
    if args.engine != "local":
        raise ConfigError(f"the {args.engine} engine cannot run crawls yet; use --engine local")
    report = crawl(config=config, progress=sys.stderr.isatty())
    sys.stderr.write(report.summary() + "\n")
    return report.exit_code


def _add_crawl_parser(commands: Any) -> None:
    crawl = commands.add_parser(
        "crawl",
        help="crawl a site into a directory; run again to resume or re-crawl incrementally",
        description="A crawl whose whole state lives in DIR. Running the same command again "
        "resumes an interrupted run or, when the last run finished, revisits known pages with "
        "conditional requests and writes records only for new or changed pages. Settings: "
        "flags > EXTRACTOR_* environment variables > --job file > defaults. Exit 0 when every "
        "page is fine, 1 when some failed, 2 on a usage error, 3 when another run holds DIR.",
    )
    crawl.add_argument("seeds", nargs="*", metavar="SEED", help="pages to start from")
    crawl.add_argument("--job", metavar="JOB.toml", help="a job file (see examples/job.toml)")
    crawl.add_argument("--out", metavar="DIR", help="the crawl directory (default ./crawl)")
    crawl.add_argument("--sitemap", action="append", metavar="URL", help="a sitemap to read")
    crawl.add_argument("--feed", action="append", metavar="URL", help="an RSS/Atom feed to read")
    crawl.add_argument("--max-pages", type=int, metavar="N", help="pages fetched per run")
    crawl.add_argument("--max-depth", type=int, metavar="N", help="link hops from a seed")
    crawl.add_argument(
        "--revisit-after",
        metavar="DURATION",
        help="revisit known pages only when last fetched longer ago than this (6h, 1d; "
        "default: every page every run)",
    )
    crawl.add_argument("--allow", action="append", metavar="REGEX", help="URLs must match one")
    crawl.add_argument("--deny", action="append", metavar="REGEX", help="URLs to leave out")
    crawl.add_argument(
        "--format",
        action="append",
        choices=["jsonl", "json", "parquet", "sqlite"],
        help="record formats (jsonl always; others are derived at the end of a run)",
    )
    crawl.add_argument(
        "--min-delay",
        type=float,
        metavar="SECONDS",
        help="between two requests to one host (default 1)",
    )
    crawl.add_argument("--concurrency", type=int, metavar="N", help="requests in flight")
    crawl.add_argument("--no-warc", action="store_true", help="do not archive the exchanges")
    _add_profiles_option(crawl)
    crawl.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local: a thread pool in this process (dask does not run crawls yet)",
    )
    _add_site_learning_option(crawl)
    _add_fetch_options(crawl)
    crawl.set_defaults(handler=_cmd_crawl)


# ---------------------------------------------------------------------------- site learning


def _add_site_learning_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-site-learning",
        action="store_true",
        help="read every page on its own: do not learn a host's recurring blocks and date order "
        "across its pages (extract then also leaves blurb_full null: it is filled in the second "
        "of site learning's two passes)",
    )


def _cmd_site(args: argparse.Namespace) -> int:
    from pathlib import Path
    from urllib.parse import urlsplit

    from extractor.crawl.state import State
    from extractor.site import SiteLearner

    path = Path(args.out or "crawl") / "state.sqlite"
    if not path.exists():
        raise ConfigError(f"no crawl state at {path}")
    state = State(path)
    try:
        learner = SiteLearner(state)
        known = state.site_hosts()
        if args.host is None:
            listing = {"hosts": [learner.knowledge(h).summary() for h in known]}
            sys.stdout.write(json.dumps(listing, ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        # A host, host:port or URL: records name a site by its host name alone.
        given = args.host if "://" in args.host else f"//{args.host}"
        host = (urlsplit(given).hostname or args.host).lower()
        knowledge = learner.knowledge(host)
    finally:
        state.close()
    if host not in known:
        log.error("nothing learned about %s; hosts learned: %s", host, ", ".join(known) or "none")
        return EXIT_FAILED
    sys.stdout.write(json.dumps(knowledge.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _add_site_parser(commands: Any) -> None:
    site = commands.add_parser(
        "site",
        help="what a crawl learned about a host: recurring blocks, their slots, its date order",
        description="Prints, as JSON, the templates a crawl in DIR learned for HOST (blocks that "
        "recur across its pages, with {slot} where their text varies, their kind and the pages "
        "they were seen on) and its month/day order with the pages that settle each.",
    )
    site.add_argument(
        "host",
        nargs="?",
        metavar="HOST",
        help="a host name (or a URL of the host); without one, every host learned, the most "
        "pages first",
    )
    site.add_argument("--out", metavar="DIR", help="the crawl directory (default ./crawl)")
    site.set_defaults(handler=_cmd_site)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Split article pages into headline, summary, sections, teasers and typed "
        "boilerplate; one JSON record per page.",
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="records from HTML files (.gz too), WARC files, URLs or '-' for stdin",
        description="One record per page as JSON Lines on stdout; error records as JSON Lines "
        "on stderr. Exit 0 when every page is fine, 1 when some failed.",
    )
    extract.add_argument("sources", nargs="+", metavar="FILE|URL|-")
    extract.add_argument("--base-url", help="the URL a file or stdin page was served at")
    extract.add_argument("-o", "--output", help="write records to this file instead of stdout")
    _add_site_learning_option(extract)
    _add_profiles_option(extract)
    _add_fetch_options(extract)
    extract.set_defaults(handler=_cmd_extract)

    schema = commands.add_parser("schema", help="print the JSON Schema of a record")
    schema.add_argument("--error", action="store_true", help="the schema of an error record")
    schema.set_defaults(handler=_cmd_schema)
    _add_crawl_parser(commands)
    _add_site_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="extractor: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(handler(args))
    except LockedError as exc:
        log.error("%s", exc)
        return EXIT_LOCKED
    except ConfigError as exc:
        log.error("%s", exc)
        return EXIT_USAGE
    except ExtractorError as exc:
        log.error("%s", exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
