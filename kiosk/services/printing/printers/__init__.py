"""Printing paths behind one contract (:class:`~.base.Printer`): a CUPS queue (:mod:`.cups`)
and an ESC/POS thermal printer (:mod:`.thermal`), with :class:`~.queue.PrintQueue` running
jobs off the caller's thread. Nothing here imports Qt."""
