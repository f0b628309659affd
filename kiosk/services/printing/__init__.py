"""Printed records: complaint receipts, aid ledger statements and household certificates.

Each document is a pure function from a small frozen dataclass of plain values (filled from
the store by the caller) and the signed QR payload (made elsewhere) to PDF bytes, drawn with
reportlab in an embedded Chinese font (:mod:`.fonts`):

- :func:`.receipt.render_receipt`: the complaint receipt, 80 mm roll;
- :func:`.statement_roll.render_statement_roll` and :func:`.statement_a4.render_statement_a4`:
  the aid ledger statement (facts in :mod:`.statement`);
- :func:`.certificate.render_certificate`: the household certificate, A4.

:mod:`.issue` is the one place that fills those facts from the store, signs the payload with
the terminal's document key and renders the PDF; :mod:`.preview` turns it into page images
for the screen that shows it before printing, and :mod:`.printers` prints it.

Next to each, a ``*_content`` function gives the document's canonical content, the bytes a
signature's hash covers; every PDF carries them in its subject (:mod:`.content`). Nothing
here imports Qt: printing runs on a worker thread, far from any widget.
"""
