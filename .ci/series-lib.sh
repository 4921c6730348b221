# Shared by .ci/aa-series.sh and .ci/injected-series.sh (sourced, not run): worktrees of one
# commit, their clean builds, and one run of the gate between two of their jars. The caller sets
# name (for messages), out (the series folder), commit and top (the checkout's root).

# series_trees SIDE...: OUT/tree-SIDE, a worktree of the commit, made or reset to it.
series_trees() {
    local side tree
    for side in "$@"; do
        tree=$out/tree-$side
        if [ ! -d "$tree" ]; then
            git -C "$top" worktree add -f --detach "$tree" "$commit" -q || exit 2
        fi
        git -C "$tree" checkout -q -f --detach "$commit" || exit 2
    done
}

# series_build SIDE...: a clean build of each worktree, its log in OUT/build-SIDE.log.
series_build() {
    local side
    for side in "$@"; do
        (cd "$out/tree-$side" && mvn -B -q clean package -DskipTests) > "$out/build-$side.log" 2>&1 \
            || { echo "$name: the $side build failed (see $out/build-$side.log)" >&2; exit 2; }
    done
}

# series_table: OUT/series.tsv with its header, unless it is there (a series may go on in it).
series_table() {
    [ -f "$out/series.tsv" ] || printf 'run\tshard\tcommit\texit\tflagged\tseconds\n' > "$out/series.tsv"
}

# series_run DIR RUN SHARD BASE_SIDE NEW_SIDE [ab options...]: the gate's SHARD (cpu1, cpu2, io, rest, or
# deep: deep mode on the 11 fibList rows) in OUT/DIR, base against new; its table in ab.md, ab's
# output in gate.out and gate.err, its run folder in results/. One line to OUT/series.tsv: run,
# shard, commit, exit status, rows flagged, seconds.
series_run() {
    local dir=$out/$1 run=$2 shard=$3 base=$out/tree-$4/target/benchmarks.jar new=$out/tree-$5/target/benchmarks.jar
    local code flagged start
    shift 5
    rm -rf "$dir" && mkdir -p "$dir"
    start=$(date +%s)
    if [ "$shard" = deep ]; then
        (cd "$dir" && java -jar "$new" ab --base "$base" --new "$new" --deep --format markdown -o ab.md \
            --results results "$@" 'CpuBoundBenchmark.fibList$' > gate.out 2> gate.err)
    else
        (cd "$dir" && SHARD=$shard TABLE=ab.md bash "$top/.ci/ab-gate.sh" "$base" "$new" summary.md \
            --results results "$@" > gate.out 2> gate.err)
    fi
    code=$?
    flagged=$(grep -cE '\*\*(regression|improvement)\*\*' "$dir/ab.md" 2>/dev/null)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$shard" "${commit:0:7}" "$code" "${flagged:-0}" \
        $(( $(date +%s) - start )) >> "$out/series.tsv"
    echo "$name: run $run $shard: exit $code, ${flagged:-0} rows flagged"
}
