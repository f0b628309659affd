"""Names of places as residents read them, from the region tree in the store."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.models import Region, RegionLevel


def place_name(region: Region) -> str:
    """The region's name preceded by its township and county, e.g. "龙里县冠山街道新寨村".

    Residents know their place by its county too, and township and village names repeat
    across counties; the province and prefecture go without saying.
    """
    names = [region.name]
    current = region
    while current.level.rank > RegionLevel.COUNTY.rank and current.parent is not None:
        current = current.parent
        names.insert(0, current.name)
    return "".join(names)


def office_display_name(sessions: sessionmaker[Session], region_code: str) -> str | None:
    """The terminal's place, e.g. "龙里县冠山街道"; None if the store does not know it."""
    with sessions() as session:
        region = session.get(Region, region_code)
        return None if region is None else place_name(region)
