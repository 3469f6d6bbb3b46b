#!/bin/sh
# make bench: time lgtrend against ripgrep on the same generated corpus, in
# the same run.  Medians of REPS runs; peak RSS at 1x and 4x corpus size.
# usage: bench/run.sh ./lgtrend      (env: FILES=16000 REPS=5 BENCH_DIR=bench)
set -eu
BIN=${1:-./lgtrend}
FILES=${FILES:-16000}
REPS=${REPS:-5}
DIR=${BENCH_DIR:-bench}
CC=${CC:-cc}
mkdir -p "$DIR/bin"
$CC -O2 -o "$DIR/bin/gen" bench/gen.c
$CC -O2 -o "$DIR/bin/peakrss" bench/peakrss.c
C1="$DIR/corpus1x" C4="$DIR/corpus4x"
[ -d "$C1" ] && [ "$(find "$C1" -name '*.txt' | wc -l)" -eq "$FILES" ] || { rm -rf "$C1"; "$DIR/bin/gen" seeds "$C1" "$FILES" 1; }
[ -d "$C4" ] && [ "$(find "$C4" -name '*.txt' | wc -l)" -eq $((4 * FILES)) ] || { rm -rf "$C4"; "$DIR/bin/gen" seeds "$C4" $((4 * FILES)) 4; }
mb() { du -sm "$1" | cut -f1; }
echo "corpus: $FILES files, $(mb "$C1") MB (1x); $((4 * FILES)) files, $(mb "$C4") MB (4x); $(nproc) cores"
OUT="$DIR/results"
mkdir -p "$OUT"
# warm the page cache once, so every tool reads from memory alike
cat "$C1"/*/*.txt > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
once() { # name outfile cmd...: one timed run, appended to name.times
	name=$1 out=$2; shift 2
	"$DIR/bin/peakrss" "$out" "$@" 2>>"$OUT/$name.times" >/dev/null || true
}
rss() { cut -d' ' -f2 "$OUT/$1.times" | sort -n | tail -1; }
med() { cut -d' ' -f1 "$OUT/$1.times" | median; }
# the three in turn, REPS rounds: a slow spell of a shared machine falls
# on all of them alike, not on one
for f in rg extract export extract4 export4; do : > "$OUT/$f.times"; done
i=0
while [ $i -lt "$REPS" ]; do
	once rg "$OUT/rg.out" rg -o '[0-9.]+(万元|家次|起|人|件)' "$C1"
	once extract "$OUT/extract.csv" "$BIN" extract -q "$C1"
	once export "$OUT/export.log" "$BIN" export -q --indicator 罚款 --no-render --out-dir "$OUT/plots" "$C1"
	i=$((i + 1))
done
T_RG=$(med rg) T_EX=$(med extract) T_EXP=$(med export)
once extract4 "$OUT/extract4.csv" "$BIN" extract -q "$C4"
once export4 "$OUT/export4.log" "$BIN" export -q --indicator 罚款 --no-render --out-dir "$OUT/plots4" "$C4"
R1=$(rss extract) R4=$(rss extract4) E1=$(rss export) E4=$(rss export4)
echo "ripgrep  rg -o '[0-9.]+(万元|家次|起|人|件)':   ${T_RG} s   ($(wc -l < "$OUT/rg.out") matches)"
echo "lgtrend extract (to a file):              ${T_EX} s   ($(($(wc -l < "$OUT/extract.csv") - 1)) figures)"
echo "lgtrend export --indicator 罚款 --no-render: ${T_EXP} s"
awk -v a="$T_EX" -v b="$T_RG" 'BEGIN {printf "ratio extract/rg: %.2f (target <= 1.0)\n", a / b}'
awk -v a="$T_EXP" -v b="$T_RG" 'BEGIN {printf "ratio export/rg:  %.2f (target <= 1.5)\n", a / b}'
echo "peak RSS extract: $((R1 / 1024)) MB at 1x, $((R4 / 1024)) MB at 4x"
echo "peak RSS export:  $((E1 / 1024)) MB at 1x, $((E4 / 1024)) MB at 4x"
awk -v a="$R1" -v b="$R4" -v c="$E1" -v d="$E4" 'BEGIN {
	printf "RSS growth 1x->4x: extract %+.1f%%, export %+.1f%% (target within 10%%, <= 64 MB)\n", (b - a) * 100 / a, (d - c) * 100 / c }'
# one file that is a single run-on "sentence" (no full stop: OCR or a
# broken export) of N and 2N clauses with brackets, 其中, 分别, a town, a
# change; reading it must take about twice as long at 2N, not four times
runon() { # clauses file
	awk -v n="$1" 'BEGIN { printf "某市应急管理局2021年法治政府建设情况报告\n";
		for (i = 0; i < n; i++) printf "全市检查企业120家次(其中市级30家次)，罚款36万元，其中市本级12万元，市级、县级罚款分别为12万元和13万元，龙水镇检查企业12家次，罚款较上年增长23%%，达到456万元，";
		print "。" }' > "$2"
}
runon 5000 "$OUT/runon1.txt"
runon 10000 "$OUT/runon2.txt"
: > "$OUT/runon1.times"
: > "$OUT/runon2.times"
once runon1 "$OUT/runon1.csv" "$BIN" extract -q "$OUT/runon1.txt"
once runon2 "$OUT/runon2.csv" "$BIN" extract -q "$OUT/runon2.txt"
awk -v a="$(med runon1)" -v b="$(med runon2)" -v n="$(wc -l < "$OUT/runon2.csv")" 'BEGIN {
	printf "run-on sentence, 2x the clauses (%d figures): %.2f s / %.2f s = %.2f (linear: about 2)\n", n - 1, b, a, b / a }'
