#!/bin/sh
# The fault suite's objective, run by a worker's command objective: hpo passes x and y; FAULT_NAP
# seconds of "training", then it appends "worker-pid token value" to the side log FAULT_SIDE (the
# moment the objective has returned, as far as the suite is concerned) and prints the value, with
# the token as intermediate value 0 so that the stored trial can be matched to this line.
# The worker is the parent of this script's parent (hpo's supervisor shell, which ends the
# command's process group when its worker dies); read while the worker is surely alive.
read -r _ _ _ worker _ < "/proc/$PPID/stat"
sleep "${FAULT_NAP:-0.2}"
tok=$(( ($(date +%s%N) / 1000 % 1000000000000) * 1000 + $$ % 1000 ))
v=$(awk -v x="$1" -v y="$2" 'BEGIN { printf "%.17g", (x - 0.3) ^ 2 + (y + 0.1) ^ 2 + 1 }')
echo "$worker $tok $v" >> "$FAULT_SIDE"
echo "{\"values\": [$v], \"intermediate\": {\"0\": $tok}}"
