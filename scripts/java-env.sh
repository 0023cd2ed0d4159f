# Sourced by ./periscope, ./run-tests and .ci/run: finds a JDK 21+ and exports JAVA_HOME and PATH.
# Order: $JAVA_HOME, `java` on PATH, then /usr/lib/jvm/*. Prints a clear message and returns 1 if none.
periscope_java_major() { # $1 = java binary
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
periscope_find_jdk() {
  local cand=()
  [ -n "${JAVA_HOME:-}" ] && cand+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    cand+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do [ -d "$d" ] && cand+=("${d%/}"); done
  local best="" bestv=0 d v
  for d in "${cand[@]}"; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v=$(periscope_java_major "$d/bin/java")
    [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null || continue
    if [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "periscope: no JDK 21 or newer found (looked at \$JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
    echo "periscope: install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
periscope_find_jdk || exit 1
# Maven: the system one (3.8.7+ works; .mvn/jvm.config silences its JDK 25 warning). Installed if missing and
# this is a Debian machine where we are root.
if ! command -v mvn >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "periscope: installing Maven with apt-get..." >&2
    (apt-get update -qq && apt-get install -y -qq maven) >&2 || { echo "periscope: could not install Maven" >&2; exit 1; }
  else
    echo "periscope: Maven (mvn) not found: install Apache Maven 3.8+ and retry." >&2; exit 1
  fi
fi
