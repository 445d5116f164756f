#!/usr/bin/env bash
# Stands in for `mtrec runs resume ID ...` in the RunQueue tests; what it does depends on the run id.
# As `mtrec demo ...` (the quick demo tests) it writes its arguments, one a line, and its
# OMP_WAIT_POLICY to $MTREC_FAKE_ARGS_FILE, reports run 5 of 6 training, and then either ends
# finished with the runs of $MTREC_FAKE_DEMO_RUNS (a JSON object) or, when that is unset, trains
# until told to stop.
set -u
if [ "$1" = demo ]; then
    printf '%s\n' "$@" "OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-}" > "${MTREC_FAKE_ARGS_FILE:-/dev/null}"
    trap 'echo "{\"end\":true,\"status\":\"cancelled\",\"message\":\"stopped\"}"; exit 1' TERM
    echo '{"run_id":7,"phase":"training","step":3,"total":200,"loss":0.5,"run_index":5,"run_count":6}'
    if [ -n "${MTREC_FAKE_DEMO_RUNS:-}" ]; then
        echo "{\"run_id\":9,\"end\":true,\"status\":\"finished\",\"runs\":$MTREC_FAKE_DEMO_RUNS}"
        exit 0
    fi
    while true; do sleep 0.02; done
fi
id="$3"
case "$id" in
    1)  # trains 50 steps quickly, then reports the end
        for step in $(seq 1 50); do
            echo "{\"run_id\":1,\"phase\":\"training\",\"step\":$step,\"total_steps\":50,\"loss\":0.5}"
        done
        echo '{"run_id":1,"phase":"embedding","done":1,"total":2,"suite":"demo"}'
        echo '{"run_id":1,"end":true,"status":"finished"}' ;;
    2)  # refuses its config
        echo "demo.json: \$.strategy.alpha: must be in [0, 1]" >&2
        exit 1 ;;
    3)  # trains until told to stop, then ends cancelled as mtrec does on SIGTERM
        trap 'echo "{\"run_id\":3,\"end\":true,\"status\":\"cancelled\"}"; exit 0' TERM
        echo '{"run_id":3,"phase":"training","step":1,"total_steps":1000}'
        while true; do sleep 0.02; done ;;
    4)  # dies as a killed process does
        kill -KILL $$ ;;
    5)  # fails with a reason of its own
        echo '{"run_id":5,"end":true,"status":"failed","message":"step 3: loss is nan"}'
        exit 1 ;;
esac
