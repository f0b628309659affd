"""Work without widgets: identification, ledger, complaints, sync, printing, health."""
