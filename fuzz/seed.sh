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
exit 0
