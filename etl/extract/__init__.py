"""Extraction: one raw document in, one `Bulletin` out (trafilatura and the themes for HTML
pages, the bulletin rules for every kind of input).

`PARSER_VERSION` is bumped whenever a change here can change parsed output; every article
records it, so that what an older parser made can be found and parsed again.
"""

PARSER_VERSION = "2"
