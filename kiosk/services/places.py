"""Names of places as residents read them, from the region tree in the store."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.models import Region, RegionLevel


def office_display_name(sessions: sessionmaker[Session], region_code: str) -> str | None:
    """The terminal's place with its county, e.g. "龙里县冠山街道"; None if not in the store.

    Residents know their street office by its county too, and township names repeat
    across counties.
    """
    with sessions() as session:
        region = session.get(Region, region_code)
        if region is None:
            return None
        parts = [region.name]
        parent = region.parent
        while parent is not None and region.level is not RegionLevel.COUNTY:
            parts.insert(0, parent.name)
            if parent.level is RegionLevel.COUNTY:
                break
            parent = parent.parent
        return "".join(parts)
