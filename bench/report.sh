# write_report: bench/REPORT.md from the sections the benchmarks left in bench/results/. Sourced (by
# common.sh and studio-probe.sh) with ROOT set to the project's folder.
write_report() {
  {
    echo "# Benchmarks"
    echo
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB."
    echo "PostgreSQL and MariaDB: throwaway servers on 127.0.0.1 with fsync on. Times in seconds (wall clock), memory is"
    echo "peak RSS (/usr/bin/time). Each section says when and how its figures were taken; the machine above"
    echo "is the one that wrote this file, and a section from an earlier date may come from another."
    for name in export export-floor import queue queue-procedure export-10m import-10m studio; do
      f="$ROOT/bench/results/$name.md"
      [ -f "$f" ] && { echo; cat "$f"; }
    done
  } > "$ROOT/bench/REPORT.md"
  echo "wrote bench/REPORT.md"
}
