#!/bin/sh
# Seed a fuzz corpus: the seed reports, and each case-file input as a file.
# usage: seed.sh HARNESS DIR
set -eu
h=$1 dir=$2
mkdir -p "$dir"
i=0
for f in seeds/*.txt; do cp "$f" "$dir/seed-$(basename "$f")"; done
grep -h '^> \|^[^#@>=].* => ' tests/cases/*.txt 2>/dev/null | sed 's/^> //; s/ => .*//' | while IFS= read -r line; do
	i=$((i + 1))
	printf '%s\n' "$line" > "$dir/case-$i.txt"
done
[ "$h" = read ] && { iconv -f UTF-8 -t GB18030 seeds/luoyang-2021.txt > "$dir/gbk.txt"; { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE seeds/kaiping-2019.txt; } > "$dir/u16.txt"; }
# relit: each pattern of the vocabulary over a sentence of a report
[ "$h" = relit ] && grep -E '^[a-z_]+ = ' data/vocab.conf | sed 's/^[a-z_]* = //' | while IFS= read -r p; do
	i=$((i + 1))
	printf '%s\n%s\n' "$p" "全年全市共检查企业8600家次，立案986起，罚款2360万元，开展安全生产专项整治三年行动。" > "$dir/pattern-$i.txt"
done
exit 0
