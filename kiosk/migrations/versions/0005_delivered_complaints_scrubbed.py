"""delivered complaints keep no contact phone and no hash of the secret

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 12:00:00

Once the central server has acknowledged a complaint, the kiosk needs neither the phone the
complainant left nor the hash of the receipt's secret: the server holds both, and a status
check of a delivered complaint is answered by the server. The outbox now removes them in the
transaction that records the acknowledgement; this removes them from complaints delivered
before. An empty ``secret_hash`` matches no secret.

The store's free space may still hold what earlier versions scrubbed (they ran without
``secure_delete``), so ``kiosk.services.store.upgrade`` rebuilds a store that held
delivered complaints once, after this migration: VACUUM cannot run inside its transaction.

There is no way back: what was removed is gone.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "UPDATE complaints SET contact_phone = NULL, secret_hash = ''"
        " WHERE id IN (SELECT complaint_id FROM complaint_outbox WHERE state = 'sent')"
    )


def downgrade() -> None:
    """Nothing to restore: the columns are unchanged, and their values are gone."""
