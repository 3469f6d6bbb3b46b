# lgtrend chart: 罚款 (fines), line chart, one line per agency, 2019-2024
# Written by lgtrend 0.1.0.  Render it again, from this directory, with
#   gnuplot -d 罚款.gp
# which writes 罚款.png beside it; for another file name:
#   gnuplot -d -e "outfile='other.png'" 罚款.gp
# The numbers are in the datablock $data below; edit freely.
set encoding utf8
if (!exists("outfile")) outfile = './罚款.png'
set terminal pngcairo size 1280,720 noenhanced font 'Noto Sans CJK SC,11' background rgb 'white'
set output outfile
# Columns: year, then for each agency in plot order its value (NaN: no
# figure that year) and a mark (0 exact, 1 approximate, 2 part of the year).
$data << EOD
2019 NaN 0 NaN 0 7.37 0 NaN 0 NaN 0
2020 NaN 0 NaN 0 NaN 0 NaN 0 NaN 0
2021 NaN 0 2415.1675 2 NaN 0 2532.15 0 NaN 0
2022 NaN 0 NaN 0 NaN 0 NaN 0 NaN 0
2023 NaN 0 NaN 0 NaN 0 NaN 0 725.67 0
2024 2364.85 0 NaN 0 NaN 0 NaN 0 NaN 0
EOD
set title '罚款：各机构历年（万元）' noenhanced
set ylabel '罚款（万元）' noenhanced
set yrange [0:*]
set xlabel '年份' noenhanced
set xrange [2018.5:2024.5]
set xtics 2019,1,2024
set format x '%.0f'
set key outside right top vertical noenhanced
set border 3
set tics nomirror
set grid ytics lc rgb '#dddddd'
set style line 1 lc rgb '#1f77b4' lw 2 pt 7 ps 1.3 dt 1
set style line 2 lc rgb '#d62728' lw 2 pt 7 ps 1.3 dt 1
set style line 3 lc rgb '#2ca02c' lw 2 pt 7 ps 1.3 dt 1
set style line 4 lc rgb '#ff7f0e' lw 2 pt 7 ps 1.3 dt 1
set style line 5 lc rgb '#9467bd' lw 2 pt 7 ps 1.3 dt 1
set label 1 '实心点：确数   空心圆：约数（余/多/近/约）   三角：非全年数据（如1-10月）' at screen 0.01,0.05 left noenhanced font ',9'
set label 2 '＊嘉兴市应急管理局 2024年按罚没款' at screen 0.01,0.02 left noenhanced font ',9'
set bmargin 7
set label 10 '＊' at 2024,2364.85 offset 0.8,0.6 noenhanced
plot $data using 1:2 with lines ls 1 notitle, \
     '' using 1:(int($3)==0 ? $2 : NaN) with points ls 1 pt 7 notitle, \
     '' using 1:((int($3)&1) ? $2 : NaN) with points ls 1 pt 6 ps 1.8 notitle, \
     '' using 1:((int($3)&2) ? $2 : NaN) with points ls 1 pt 8 ps 1.8 notitle, \
     NaN with linespoints ls 1 pt 7 title '嘉兴市应急管理局', \
     $data using 1:4 with lines ls 2 notitle, \
     '' using 1:(int($5)==0 ? $4 : NaN) with points ls 2 pt 7 notitle, \
     '' using 1:((int($5)&1) ? $4 : NaN) with points ls 2 pt 6 ps 1.8 notitle, \
     '' using 1:((int($5)&2) ? $4 : NaN) with points ls 2 pt 8 ps 1.8 notitle, \
     NaN with linespoints ls 2 pt 7 title '重庆市大足区应急管理局', \
     $data using 1:6 with lines ls 3 notitle, \
     '' using 1:(int($7)==0 ? $6 : NaN) with points ls 3 pt 7 notitle, \
     '' using 1:((int($7)&1) ? $6 : NaN) with points ls 3 pt 6 ps 1.8 notitle, \
     '' using 1:((int($7)&2) ? $6 : NaN) with points ls 3 pt 8 ps 1.8 notitle, \
     NaN with linespoints ls 3 pt 7 title '开平市应急管理局', \
     $data using 1:8 with lines ls 4 notitle, \
     '' using 1:(int($9)==0 ? $8 : NaN) with points ls 4 pt 7 notitle, \
     '' using 1:((int($9)&1) ? $8 : NaN) with points ls 4 pt 6 ps 1.8 notitle, \
     '' using 1:((int($9)&2) ? $8 : NaN) with points ls 4 pt 8 ps 1.8 notitle, \
     NaN with linespoints ls 4 pt 7 title '洛阳市应急管理局', \
     $data using 1:10 with lines ls 5 notitle, \
     '' using 1:(int($11)==0 ? $10 : NaN) with points ls 5 pt 7 notitle, \
     '' using 1:((int($11)&1) ? $10 : NaN) with points ls 5 pt 6 ps 1.8 notitle, \
     '' using 1:((int($11)&2) ? $10 : NaN) with points ls 5 pt 8 ps 1.8 notitle, \
     NaN with linespoints ls 5 pt 7 title '玉林市应急管理局'
