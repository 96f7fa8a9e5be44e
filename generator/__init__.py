"""Research microsite generator: news articles in, cited cross-linked pages out.

Pipeline: ingest → extract → resolve → compare → render → site.
"""
__version__ = "0.1.0"
