"""Sources: inputs as raw documents. Files and directories with their sidecars, the bytes'
encodings, and WARC files (the landing zone's format, and archives made elsewhere)."""
