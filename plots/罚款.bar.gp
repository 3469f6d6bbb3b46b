# lgtrend chart: 罚款 (fines), bar chart of 2021, agencies by value
# Written by lgtrend 0.1.0.  Render it again, from this directory, with
#   gnuplot -d 罚款.bar.gp
# which writes 罚款.bar.png beside it; for another file name:
#   gnuplot -d -e "outfile='other.png'" 罚款.bar.gp
# The numbers are in the datablock $data below; edit freely.
set encoding utf8
if (!exists("outfile")) outfile = './罚款.bar.png'
set terminal pngcairo size 1280,720 noenhanced font 'Noto Sans CJK SC,11' background rgb 'white'
set output outfile
# Columns: position, value, mark (0 exact, 1 approximate, 2 part of the
# year), value as printed.
$data << EOD
0 2532.15 0 "2532.15"
1 2415.1675 2 "2415.1675"
EOD
set title '罚款：2021年各机构（万元）' noenhanced
set ylabel '罚款（万元）' noenhanced
set xtics ('洛阳市应急管理局' 0, '重庆市大足区应急管理局' 1) rotate by 30 right noenhanced
set xrange [-0.6:1.6]
set yrange [0:*]
set boxwidth 0.6
set key top right noenhanced
set border 3
set tics nomirror
set grid ytics lc rgb '#dddddd'
set style line 1 lc rgb '#1f77b4' lw 2 pt 7 ps 1.3 dt 1
set bmargin 12
plot $data using 1:(int($3)==0 ? $2 : NaN) with boxes fs solid 0.8 lc rgb '#1f77b4' title '确数', \
     '' using 1:(int($3)!=0 ? $2 : NaN) with boxes fs pattern 4 lc rgb '#1f77b4' title '约数或非全年', \
     '' using 1:2:4 with labels offset 0,0.8 notitle
