"""Place names shown to residents."""

from pathlib import Path

from kiosk.domain.models import Region, RegionLevel
from kiosk.services.places import office_display_name
from kiosk.services.store import open_store


def test_street_office_is_named_with_its_county(tmp_path: Path) -> None:
    """A township shows as county + township; a village adds its own name; unknown is None."""
    store = open_store(tmp_path / "k.sqlite3")
    try:
        with store.sessionmaker.begin() as session:
            session.add_all(
                [
                    Region(code="520000", name="贵州省", level=RegionLevel.PROVINCE),
                    Region(
                        code="522700",
                        name="黔南州",
                        level=RegionLevel.PREFECTURE,
                        parent_code="520000",
                    ),
                    Region(
                        code="522730",
                        name="龙里县",
                        level=RegionLevel.COUNTY,
                        parent_code="522700",
                    ),
                    Region(
                        code="522730001",
                        name="冠山街道",
                        level=RegionLevel.TOWNSHIP,
                        parent_code="522730",
                    ),
                    Region(
                        code="522730001201",
                        name="新寨村",
                        level=RegionLevel.VILLAGE,
                        parent_code="522730001",
                    ),
                ]
            )
        assert office_display_name(store.sessionmaker, "522730001") == "龙里县冠山街道"
        assert office_display_name(store.sessionmaker, "522730001201") == "龙里县冠山街道新寨村"
        assert office_display_name(store.sessionmaker, "522730") == "龙里县"
        assert office_display_name(store.sessionmaker, "999999999") is None
    finally:
        store.close()
