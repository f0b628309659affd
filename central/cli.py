"""``kiosk-central``: run the central server and look after its kiosks and inspectors.

``main`` reads the command line, then the settings, sets up logging, opens the database and
runs one command. Messages a clerk reads are in Chinese and English; exit codes are
:class:`central.exitcodes.ExitCode`.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from central import __version__
from central.config import Settings, SettingsError, load_settings
from central.db import Database
from central.document_keys import MAX_REASON, all_keys, revoke, revoke_terminal_keys
from central.exitcodes import ExitCode
from central.models import Inspector
from central.passwords import hash_password
from central.seed import SeedError, seed_from_store
from central.timefmt import iso_utc
from kiosk.domain.clock import utcnow
from kiosk.domain.models import DisciplineOffice, Kiosk, Region

log = logging.getLogger("central")

_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
_USERNAME = re.compile(r"[a-z0-9_.-]{3,64}")
MIN_PASSWORD = 10


class CommandError(Exception):
    """A refusal to tell the clerk, with the exit code to leave with."""

    def __init__(self, code: ExitCode, zh: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.zh = zh
        self.en = en


def _say(zh: str, en: str) -> None:
    print(f"{zh}\n{en}")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help="settings file (TOML)")
    common.add_argument("--db", metavar="URL", help="database URL (overrides the settings)")

    parser = argparse.ArgumentParser(
        prog="kiosk-central", description="Central server of the citizen kiosks."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", parents=[common], help="migrate, then serve HTTP")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8470)")

    commands.add_parser("migrate", parents=[common], help="bring the schema up to date")

    register = commands.add_parser(
        "register-kiosk", parents=[common], help="register a terminal's public key"
    )
    register.add_argument("code")
    register.add_argument("--public-key", required=True, metavar="HEX")
    register.add_argument("--region", required=True, metavar="CODE")
    register.add_argument("--name", default="")
    register.add_argument(
        "--replace", action="store_true", help="replace the key of an active terminal"
    )

    revoke = commands.add_parser(
        "revoke-kiosk", parents=[common], help="revoke a terminal and its document keys"
    )
    revoke.add_argument("code")

    commands.add_parser("list-kiosks", parents=[common], help="list registered terminals")

    revoke_key = commands.add_parser(
        "revoke-document-key",
        parents=[common],
        help="revoke a key that signs printed records (its records then verify as revoked)",
    )
    revoke_key.add_argument("key_id", metavar="KEY_ID")
    revoke_key.add_argument("--reason", default="", metavar="TEXT", help="why, kept with it")

    commands.add_parser(
        "list-document-keys", parents=[common], help="list the published document keys"
    )

    inspector = commands.add_parser(
        "add-inspector", parents=[common], help="add an inspector account"
    )
    inspector.add_argument("username")
    inspector.add_argument("--office", required=True, metavar="CODE")
    inspector.add_argument("--name", default="")
    inspector.add_argument("--cadre-code", default=None)
    inspector.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    unlock = commands.add_parser(
        "unlock-inspector",
        parents=[common],
        help="forget an inspector's wrong passwords and lift every lock on the account",
    )
    unlock.add_argument("username")

    seed = commands.add_parser(
        "seed", parents=[common], help="copy regions, households... from a kiosk store"
    )
    seed.add_argument("--from-store", required=True, type=Path, metavar="PATH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the order: arguments, settings, logging, database, command."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(
            args.config,
            host=getattr(args, "host", None),
            port=getattr(args, "port", None),
            database_url=args.db,
        )
    except SettingsError as exc:
        print(f"设置有误：{exc}\nsettings error: {exc}", file=sys.stderr)
        return ExitCode.CONFIG
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if settings.log_level != "DEBUG":
        # Alembic's INFO lines ("Context impl SQLiteImpl.") say nothing an operator needs.
        logging.getLogger("alembic").setLevel(logging.WARNING)
    if args.command == "serve":
        return _serve(settings)
    database = Database(settings.database_url)
    try:
        database.migrate()
        return int(COMMANDS[args.command](database, args))
    except CommandError as exc:
        print(f"{exc.zh}\n{exc.en}", file=sys.stderr)
        return exc.code
    except SQLAlchemyError as exc:
        print(
            f"数据库出错（{type(exc).__name__}），请检查 {database.safe_url()}\n"
            f"database error ({type(exc).__name__}) at {database.safe_url()}",
            file=sys.stderr,
        )
        return ExitCode.DATABASE
    finally:
        database.dispose()


def _serve(settings: Settings) -> int:
    import uvicorn

    from central.app import create_app

    database = Database(settings.database_url)
    try:
        database.migrate()
    except SQLAlchemyError as exc:
        log.error("Cannot migrate %s: %s", database.safe_url(), type(exc).__name__)
        return ExitCode.DATABASE
    log.info("Serving on http://%s:%d (%s)", settings.host, settings.port, database.safe_url())
    uvicorn.run(
        create_app(settings, database),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        # Behind a TLS proxy on the same machine, trust its X-Forwarded-* headers only.
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        # No "server: uvicorn": what runs here and in which version is nobody's business.
        # The Date header stays: it tells a kiosk refused as stale what time the server has.
        server_header=False,
        date_header=True,
    )
    database.dispose()
    return ExitCode.OK


def _migrate(database: Database, _args: argparse.Namespace) -> ExitCode:
    # main() has migrated already; say where things stand.
    _say(
        f"数据库已是最新：{database.safe_url()}",
        f"The database is up to date: {database.safe_url()}",
    )
    return ExitCode.OK


def _valid_public_key(text: str) -> bool:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not re.fullmatch(r"[0-9a-fA-F]{64}", text):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(text))
    except ValueError:
        return False
    return True


def _register_kiosk(database: Database, args: argparse.Namespace) -> ExitCode:
    if not _CODE.fullmatch(args.code):
        raise CommandError(
            ExitCode.INVALID_INPUT,
            "终端编号只能由字母、数字、- 和 _ 组成，最多32位。",
            "A terminal code has up to 32 letters, digits, - and _.",
        )
    if not _valid_public_key(args.public_key):
        raise CommandError(
            ExitCode.INVALID_INPUT,
            "公钥不对：应为64位十六进制数（由 kiosk keygen 打印）。",
            "Not a public key: expected 64 hex digits, as printed by `kiosk keygen`.",
        )
    with database.write_session() as session:
        if session.get(Region, args.region) is None:
            raise CommandError(
                ExitCode.INVALID_INPUT,
                f"没有地区代码 {args.region}，请先导入地区（seed）。",
                f"No region {args.region}: seed the regions first.",
            )
        kiosk = session.scalars(select(Kiosk).where(Kiosk.code == args.code)).one_or_none()
        if kiosk is not None and kiosk.revoked_at is None and not args.replace:
            raise CommandError(
                ExitCode.CONFLICT,
                f"终端 {args.code} 已登记且有效；要换公钥请加 --replace。",
                f"Terminal {args.code} is registered and active; pass --replace to change its key.",
            )
        if kiosk is None:
            kiosk = Kiosk(code=args.code, name=args.name or args.code, region_code=args.region)
            session.add(kiosk)
        kiosk.public_key = args.public_key.lower()
        kiosk.region_code = args.region
        kiosk.name = args.name or kiosk.name
        kiosk.registered_at = utcnow()
        kiosk.revoked_at = None
        session.commit()
    _say(f"终端 {args.code} 已登记。", f"Terminal {args.code} registered.")
    return ExitCode.OK


def _revoke_kiosk(database: Database, args: argparse.Namespace) -> ExitCode:
    with database.write_session() as session:
        kiosk = session.scalars(select(Kiosk).where(Kiosk.code == args.code)).one_or_none()
        if kiosk is None:
            raise CommandError(
                ExitCode.NOT_FOUND, f"没有终端 {args.code}。", f"No terminal {args.code}."
            )
        now = utcnow()
        if kiosk.revoked_at is None:
            kiosk.revoked_at = now
        # Its printed records can no longer be trusted either: whoever holds the terminal
        # holds the key that signs them.
        keys = revoke_terminal_keys(session, args.code, reason="terminal revoked", now=now)
        session.commit()
    _say(
        f"终端 {args.code} 已撤销，它的请求将被拒绝；撤销了它的{keys}个文件签名密钥。",
        f"Terminal {args.code} is revoked; its requests are refused, and {keys} document "
        f"key{'s' if keys != 1 else ''} of it revoked.",
    )
    return ExitCode.OK


_KEY_ID = re.compile(r"[0-9a-f]{16}")
_NO_CONTROL = re.compile(r"[^\x00-\x1f\x7f-\x9f]*")


def _revoke_document_key(database: Database, args: argparse.Namespace) -> ExitCode:
    ident = args.key_id.lower()
    if not _KEY_ID.fullmatch(ident):
        raise CommandError(
            ExitCode.INVALID_INPUT,
            "密钥编号应为16位十六进制数（见 list-document-keys）。",
            "A key id has 16 hex digits (see list-document-keys).",
        )
    if len(args.reason) > MAX_REASON or not _NO_CONTROL.fullmatch(args.reason):
        raise CommandError(
            ExitCode.INVALID_INPUT,
            f"原因最多{MAX_REASON}个字，写在一行里。",
            f"A reason has at most {MAX_REASON} characters, on one line.",
        )
    with database.write_session() as session:
        key = revoke(session, ident, reason=args.reason)
        if key is None:
            raise CommandError(
                ExitCode.NOT_FOUND, f"没有密钥 {ident}。", f"No document key {ident}."
            )
        session.commit()
        code, since = key.kiosk_code, iso_utc(key.revoked_at)
    _say(
        f"终端 {code} 的文件签名密钥 {ident} 已撤销（{since}），用它签名的文件将显示为已撤销。",
        f"Document key {ident} of terminal {code} is revoked ({since}); records it signed "
        "are reported as revoked.",
    )
    return ExitCode.OK


def _list_document_keys(database: Database, _args: argparse.Namespace) -> ExitCode:
    with database.session() as session:
        print("key_id\tterminal\tpublished\trevoked\treason")
        for key in all_keys(session):
            revoked = iso_utc(key.revoked_at) or "-"
            published = iso_utc(key.published_at)
            print(f"{key.key_id}\t{key.kiosk_code}\t{published}\t{revoked}\t{key.revoked_reason}")
    return ExitCode.OK


def _list_kiosks(database: Database, _args: argparse.Namespace) -> ExitCode:
    with database.session() as session:
        kiosks = session.scalars(select(Kiosk).order_by(Kiosk.code)).all()
        print("code\tregion\tstate\tlast_seen\tname")
        for kiosk in kiosks:
            state = "revoked" if kiosk.revoked_at else "active"
            seen = iso_utc(kiosk.last_seen_at) or "-"
            print(f"{kiosk.code}\t{kiosk.region_code}\t{state}\t{seen}\t{kiosk.name}")
    return ExitCode.OK


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    ask = getpass.getpass
    first = ask("密码 Password: ")
    if ask("再输一次 Again: ") != first:
        raise CommandError(
            ExitCode.INVALID_INPUT, "两次输入的密码不一样。", "The two passwords differ."
        )
    return first


def _username_taken(username: str) -> CommandError:
    return CommandError(
        ExitCode.CONFLICT, f"用户名 {username} 已存在。", f"The username {username} exists already."
    )


def _add_inspector(database: Database, args: argparse.Namespace) -> ExitCode:
    if not _USERNAME.fullmatch(args.username):
        raise CommandError(
            ExitCode.INVALID_INPUT,
            "用户名为3到64位小写字母、数字、. - _。",
            "A username has 3 to 64 lower-case letters, digits, '.', '-' or '_'.",
        )
    # Checked before the password is asked for, and without holding a write lock meanwhile.
    with database.session() as session:
        office = session.scalars(
            select(DisciplineOffice).where(DisciplineOffice.code == args.office)
        ).one_or_none()
        if office is None:
            raise CommandError(
                ExitCode.INVALID_INPUT,
                f"没有纪检监察机关 {args.office}。",
                f"No discipline office {args.office}.",
            )
        taken = session.scalar(select(Inspector.id).where(Inspector.username == args.username))
    if taken is not None:
        raise _username_taken(args.username)
    password = _read_password(args.password_stdin)
    if len(password) < MIN_PASSWORD:
        raise CommandError(
            ExitCode.INVALID_INPUT,
            f"密码至少{MIN_PASSWORD}位。",
            f"A password has at least {MIN_PASSWORD} characters.",
        )
    inspector = Inspector(
        username=args.username,
        display_name=args.name or args.username,
        office_id=office.id,
        cadre_code=args.cadre_code or None,
        password_hash=hash_password(password),
    )
    with database.write_session() as session:
        session.add(inspector)
        try:
            session.commit()
        except IntegrityError:
            raise _username_taken(args.username) from None
    _say(
        f"已为{office.name}添加调查人员 {args.username}。",
        f"Inspector {args.username} added to {office.code}.",
    )
    return ExitCode.OK


def _unlock_inspector(database: Database, args: argparse.Namespace) -> ExitCode:
    # Here, not at the top: importing the inbox loads its web framework and templates.
    from central.inbox.auth import unlock

    with database.write_session() as session:
        inspector_id = session.scalar(
            select(Inspector.id).where(Inspector.username == args.username)
        )
        if inspector_id is None:
            raise CommandError(
                ExitCode.NOT_FOUND,
                f"没有调查人员 {args.username}。",
                f"No inspector {args.username}.",
            )
        clients = unlock(session, inspector_id)
        session.commit()
    _say(
        f"调查人员 {args.username} 已解锁（清除了{clients}个地址的错误记录）。",
        f"Inspector {args.username} unlocked: wrong passwords from {clients} "
        f"address{'es' if clients != 1 else ''} forgotten.",
    )
    return ExitCode.OK


def _seed(database: Database, args: argparse.Namespace) -> ExitCode:
    try:
        with database.begin_write() as conn:
            report = seed_from_store(args.from_store, conn)
    except SeedError as exc:
        raise CommandError(
            ExitCode.INVALID_INPUT, f"无法读取终端数据库：{exc}", f"Cannot seed: {exc}"
        ) from None
    added, changed = sum(report.inserted.values()), sum(report.updated.values())
    _say(
        f"已导入：新增{added}行，更新{changed}行。",
        f"Seeded: {added} rows added, {changed} updated.",
    )
    return ExitCode.OK


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], ExitCode]] = {
    "migrate": _migrate,
    "register-kiosk": _register_kiosk,
    "revoke-kiosk": _revoke_kiosk,
    "list-kiosks": _list_kiosks,
    "revoke-document-key": _revoke_document_key,
    "list-document-keys": _list_document_keys,
    "add-inspector": _add_inspector,
    "unlock-inspector": _unlock_inspector,
    "seed": _seed,
}


if __name__ == "__main__":
    sys.exit(main())
