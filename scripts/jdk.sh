# Sourced by ./mvnw and ./ioc: points JAVA_HOME at an installed JDK 25 or newer.
# Order: $JAVA_HOME if it is 25+, then the usual install folders, then `java` on PATH.

ioc_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

ioc_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(ioc_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  done
  echo "error: IOC needs JDK 25 or newer and found none (looked at \$JAVA_HOME, /usr/lib/jvm, /opt, PATH)." >&2
  echo "       Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
