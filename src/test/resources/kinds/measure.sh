#!/usr/bin/env bash
# Measures the tables of kinds that chapters 11 and 12 show, into this
# folder: each run is trained into runs/NAME, then evaluated on the test
# split (NAME.csv) and on every number from 0 to 9,999 (NAME-range.csv;
# the numbers the run trained on are left out of it). Run from the root of
# the project after `mvn -B package -DskipTests`:
#
#   bash src/test/resources/kinds/measure.sh            every run
#   bash src/test/resources/kinds/measure.sh demo full  some of them
#
# The demo runs take a minute or two each on two cores, the full ones five
# to six minutes (longer when other work shares the machine). Same seed,
# same numbers: a run measured again writes the same tables.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
here=src/test/resources/kinds
jar=target/scratchformer.jar
java=(java --add-modules jdk.incubator.vector -Xmn1g -XX:G1HeapRegionSize=16m -jar "$jar")

# NAME, then the options of `train`
runs=(
    "demo-by-digits-rate-1|--task numbers-by-digits --preset demo --rate-factor 1"
    "demo-by-digits|--task numbers-by-digits --preset demo"
    "demo-by-shape-rate-1|--task numbers --preset demo --rate-factor 1"
    "demo|--task numbers --preset demo"
    "full-by-digits|--task numbers-by-digits --preset full --rate-factor 1"
    "full|--task numbers --preset full"
)

wanted=("$@")
for run in "${runs[@]}"; do
    name=${run%%|*}
    options=${run#*|}
    if [[ ${#wanted[@]} -gt 0 && ! " ${wanted[*]} " == *" $name "* ]]; then
        continue
    fi
    echo "=== $name: train $options"
    # shellcheck disable=SC2086  # the options are words
    time "${java[@]}" train $options --out "runs/$name" --force
    "${java[@]}" eval --model "runs/$name" --csv "$here/$name.csv" | head -n 20
    "${java[@]}" eval --model "runs/$name" --range 0-9999 \
        --csv "$here/$name-range.csv" | head -n 20
done
