"""Signing in and out of the inbox: passwords, lockout, cookies, idle expiry, CSRF."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select, update

from central.app import create_app
from central.config import Settings
from central.db import Database
from central.models import Inspector, InspectorSession, LoginThrottle
from kiosk.domain.clock import utcnow
from tests.central.inbox.inbox_world import PASSWORD, Browser, InboxWorld, csrf_of, serve


def test_right_password_signs_in_and_shows_the_list(browser: Browser) -> None:
    """The right password leads to the inbox list with the inspector's name on it."""
    answer = browser.login("zhang")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/inbox/"
    page = browser.get("/inbox/")
    assert page.status_code == 200
    assert "张纪检" in page.text
    assert "龙里县纪委监委" in page.text


def test_wrong_password_and_unknown_user_get_the_same_answer(browser: Browser) -> None:
    """A wrong password and an unknown username are refused with the very same message."""
    wrong = browser.login("zhang", "not the password")
    unknown = browser.login("nobody-here", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "用户名或密码不正确" in wrong.text
    assert wrong.text.replace(csrf_of(wrong.text), "") == unknown.text.replace(
        csrf_of(unknown.text), ""
    )
    assert "inbox_session" not in browser.http.cookies


def test_five_failures_lock_the_client_out_even_for_the_right_password(
    browser: Browser, central_db: Database
) -> None:
    """After five wrong passwords the right one from the same client is refused too, until
    the lock ends."""
    for _ in range(5):
        assert browser.login("zhang", "guess").status_code == 401
    assert browser.login("zhang").status_code == 401
    with central_db.session() as session:
        throttle = session.scalars(select(LoginThrottle)).one()
        assert (throttle.client, throttle.failures) == ("127.0.0.1", 5)
        assert throttle.locked_until is not None
        # The lock ends: move it into the past, as time would.
        throttle.locked_until = throttle.locked_until - timedelta(minutes=16)
        session.commit()
    assert browser.login("zhang").status_code == 303


def test_lock_grows_after_further_failures(browser: Browser, central_db: Database) -> None:
    """A second round of five failures locks for twice as long as the first."""
    for _ in range(5):
        browser.login("zhang", "guess")
    with central_db.session() as session:
        session.execute(update(LoginThrottle).values(locked_until=utcnow()))
        session.commit()
    for _ in range(5):
        browser.login("zhang", "guess")
    with central_db.session() as session:
        throttle = session.scalars(select(LoginThrottle)).one()
        assert throttle.locked_until is not None
        left = throttle.locked_until - utcnow()
        assert throttle.failures == 10
    assert left > timedelta(minutes=29)


def test_old_hash_is_upgraded_on_sign_in(browser: Browser, central_db: Database) -> None:
    """A password hashed with weaker argon2 parameters is re-hashed when it is next used."""
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with central_db.session() as session:
        session.execute(
            update(Inspector).where(Inspector.username == "zhang").values(password_hash=weak)
        )
        session.commit()
    assert browser.login("zhang").status_code == 303
    with central_db.session() as session:
        stored = session.scalars(
            select(Inspector.password_hash).where(Inspector.username == "zhang")
        ).one()
    assert stored != weak
    assert stored.startswith("$argon2id$")


def test_session_cookie_is_httponly_strict_and_only_a_hash_is_stored(
    browser: Browser, central_db: Database
) -> None:
    """The cookie is HttpOnly and SameSite=Strict; the database holds its hash, not it."""
    answer = browser.login("zhang")
    cookie = next(
        c for c in answer.headers["set-cookie"].split(", ") if c.startswith("inbox_session=")
    )
    flags = cookie.lower()
    assert "httponly" in flags
    assert "samesite=strict" in flags
    assert "path=/inbox" in flags
    token = browser.http.cookies["inbox_session"]
    assert token
    with central_db.session() as session:
        stored = session.scalars(select(InspectorSession.token_hash)).all()
    assert len(stored) == 1
    assert token not in stored[0]


def test_cookie_is_secure_when_settings_ask(
    central_db: Database, central_settings: Settings, inbox: InboxWorld
) -> None:
    """With cookie_secure on (a server behind HTTPS) the session cookie is marked Secure."""
    app = create_app(replace(central_settings, cookie_secure=True), database=central_db)
    with serve(app) as base:
        client = Browser(base)
        form = client.get("/inbox/login")
        token = csrf_of(form.text)
        # The client speaks plain HTTP, so it would rightly hold back a Secure cookie: the
        # form's cookie is sent by hand to reach the sign-in answer.
        answer = client.post(
            "/inbox/login",
            {"username": "zhang", "password": PASSWORD, "csrf_token": token},
            Cookie=f"inbox_login_csrf={token}",
        )
    assert "; secure" in form.headers["set-cookie"].lower()
    assert answer.status_code == 303
    assert "inbox_session=" in answer.headers["set-cookie"]
    assert "; secure" in answer.headers["set-cookie"].lower()


def test_loopback_demo_cookie_is_not_secure(browser: Browser) -> None:
    """On the plain-HTTP loopback demo the cookie must not be Secure, or no browser sends it."""
    answer = browser.login("zhang")
    assert "secure" not in answer.headers["set-cookie"].lower()


def test_idle_session_expires(zhang: Browser, central_db: Database) -> None:
    """A session idle longer than the idle limit sends the inspector back to the login page."""
    assert zhang.get("/inbox/").status_code == 200
    with central_db.session() as session:
        record = session.scalars(select(InspectorSession)).one()
        record.last_seen_at = record.last_seen_at - timedelta(minutes=31)
        session.commit()
    answer = zhang.get("/inbox/")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/inbox/login?expired=1"
    with central_db.session() as session:
        assert session.scalars(select(InspectorSession)).all() == []


def test_logout_ends_the_session(zhang: Browser, central_db: Database) -> None:
    """Signing out removes the session, so the old cookie no longer opens the inbox."""
    token = zhang.http.cookies["inbox_session"]
    answer = zhang.post("/inbox/logout", {"csrf_token": zhang.page_csrf("/inbox/")})
    assert answer.status_code == 303
    zhang.http.cookies.set("inbox_session", token, path="/inbox")
    assert zhang.get("/inbox/").status_code == 303
    with central_db.session() as session:
        assert session.scalars(select(InspectorSession)).all() == []


def test_login_without_its_form_token_is_refused(browser: Browser) -> None:
    """A sign-in POST without the login form's own token is refused with 403."""
    answer = browser.post("/inbox/login", {"username": "zhang", "password": PASSWORD})
    assert answer.status_code == 403
    assert "inbox_session" not in browser.http.cookies


def test_inactive_inspector_cannot_sign_in(browser: Browser, central_db: Database) -> None:
    """An inspector whose account was switched off is refused like a wrong password."""
    with central_db.session() as session:
        session.execute(update(Inspector).where(Inspector.username == "liu").values(active=False))
        session.commit()
    assert browser.login("liu").status_code == 401


def test_abandoned_sessions_are_swept_at_the_next_sign_in(
    browser: Browser, central_db: Database
) -> None:
    """A session left idle without signing out is removed when the inspector signs in again."""
    assert browser.login("zhang").status_code == 303
    with central_db.session() as session:
        record = session.scalars(select(InspectorSession)).one()
        record.last_seen_at = record.last_seen_at - timedelta(hours=1)
        abandoned = record.token_hash
        session.commit()
    elsewhere = Browser(browser.base)
    assert elsewhere.login("zhang").status_code == 303
    with central_db.session() as session:
        hashes = session.scalars(select(InspectorSession.token_hash)).all()
    assert len(hashes) == 1 and abandoned not in hashes
