# shellcheck shell=bash
# The single-machine demo's central server, for scripts/start. Source it after bootstrap.sh.

CENTRAL_DEMO_PORT=8470
# Demo inspectors: the Longli county commission, where the 8,000-yuan dispute goes, and the
# Guanshan street office's commission, which must not see it.
CENTRAL_DEMO_INSPECTORS=("longli:JW522730:龙里县纪委监委 检查员" "guanshan:JW522730001:冠山街道纪工委 检查员")

_central() {
    "$KIOSK_VENV/bin/kiosk-central" "$@"
}

# start_demo_central DATA_DIR STORE: make the central database once, then serve it in the
# background; sets central_pid. Does nothing if a central server already answers.
start_demo_central() {
    local data_dir=$1 store=$2
    local db="sqlite:///$data_dir/central.sqlite3"
    local health="http://127.0.0.1:$CENTRAL_DEMO_PORT/api/v1/health"
    if curl -fsS --max-time 2 "$health" >/dev/null 2>&1; then
        say "a central server already answers on port $CENTRAL_DEMO_PORT; using it"
        return 0
    fi
    if [[ ! -e $data_dir/central.sqlite3 ]]; then
        _BOOTSTRAP_STEP="making the demo central server's database"
        say "making the demo central database: $data_dir/central.sqlite3"
        # Built under another name, so that an interrupted run leaves no half-made database.
        local final=$data_dir/central.sqlite3 partial=$data_dir/central.sqlite3.partial
        rm -f -- "$partial" "$partial-wal" "$partial-shm"
        db="sqlite:///$partial"
        _central migrate --db "$db" >>"$data_dir/central.log" 2>&1 ||
            die "$_BOOTSTRAP_STEP" "see ${data_dir#"$PWD"/}/central.log"
        _central seed --db "$db" --from-store "$store" >>"$data_dir/central.log" 2>&1 ||
            die "$_BOOTSTRAP_STEP" "see ${data_dir#"$PWD"/}/central.log"
        local public_key
        public_key=$("$KIOSK_VENV/bin/python" -c 'import sys; from pathlib import Path
from kiosk.services.complaints.kiosk_key import load_key, public_hex
print(public_hex(load_key(Path(sys.argv[1]))))' "$KIOSK_SECURITY_KIOSK_KEY_FILE")
        _central register-kiosk DEMO-0001 --db "$db" --public-key "$public_key" \
            --region 522730001 --name "冠山街道便民服务大厅 1号机" >/dev/null
        local password_file="$data_dir/inspector-password.txt" password entry user office name
        password=$("$KIOSK_VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(12))')
        (umask 077 && printf '%s\n' "$password" >"$password_file")
        for entry in "${CENTRAL_DEMO_INSPECTORS[@]}"; do
            IFS=: read -r user office name <<<"$entry"
            printf '%s\n' "$password" |
                _central add-inspector "$user" --db "$db" --office "$office" --name "$name" \
                    --password-stdin >/dev/null
        done
        [[ ! -e $partial-wal ]] || mv -- "$partial-wal" "$final-wal"
        mv -- "$partial" "$final"
        rm -f -- "$partial-shm"
        db="sqlite:///$final"
        say "demo inspectors longli and guanshan; their password is in ${password_file#"$PWD"/}"
    fi
    _BOOTSTRAP_STEP="starting the demo central server"
    # The binary itself, not the _central function: $! must be the server, so that it can be
    # stopped with the kiosk.
    "$KIOSK_VENV/bin/kiosk-central" serve --db "$db" --port "$CENTRAL_DEMO_PORT" \
        >>"$data_dir/central.log" 2>&1 &
    central_pid=$!
    local waited=0
    until curl -fsS --max-time 1 "$health" >/dev/null 2>&1; do
        kill -0 "$central_pid" 2>/dev/null ||
            die "$_BOOTSTRAP_STEP" "it stopped; see ${data_dir#"$PWD"/}/central.log"
        ((waited++ < 100)) || die "$_BOOTSTRAP_STEP" "no answer after 20 s; see central.log"
        sleep 0.2
    done
    say "central server: http://127.0.0.1:$CENTRAL_DEMO_PORT (inbox: /inbox/, log: central.log)"
}
