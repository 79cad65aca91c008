"""ingest layer: parsers of outside formats into plain data, with clear errors.

Pure functions, no database and no network. Every bad input raises a subclass of
:class:`lachan.ingest.errors.IngestError` (``code`` + readable ``message``), never
another exception.

* :mod:`lachan.ingest.sms_gateway` - ``parse_command(text) -> Command`` for the 5656 /
  156 syntaxes (S, V, LD, FW, DK DNC, HUY DNC) and ``reply_for(command, outcome)``.
* :mod:`lachan.ingest.eml` - ``parse_forwarded(raw) -> ForwardedEmail`` for forwarded
  spam e-mail (attached, inline or direct).
* :mod:`lachan.ingest.complaint_json` - pydantic models ``Complaint`` and
  ``ComplaintBatch``; ``load_complaint(raw)`` / ``load_batch(raw)``.
* :mod:`lachan.ingest.csv_numbers` - ``iter_numbers(file, column=None)`` streams
  ``(line_no, raw)`` from number lists and CSV files.
* :mod:`lachan.ingest.html_text` - ``html_to_text(html) -> (text, links)``.
* :mod:`lachan.ingest.times` - the plausibility rule for times given from outside (from
  2000, at most a few minutes ahead of the server clock).

Modules are imported on demand (``from lachan.ingest.eml import parse_forwarded``) so the
SMS path does not load pydantic or the e-mail package.
"""
