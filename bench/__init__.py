"""Quality and speed benchmarks of extractor against peer libraries, and the teaser scorer."""
