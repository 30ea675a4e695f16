#!/bin/bash
# Builds a minimal base image for Jib from files on the build machine, as a `docker save` tarball
# (<out>/base-image.tar): a jlink'd Java runtime of the building JDK at /opt/java, the shared libraries it and
# SQLite's native driver load (copied from the machine's Debian packages), a non-root user `nonroot` (65532)
# and a /data folder it owns. Used because this build may reach only Maven Central, npm and Debian, not a
# container registry: where one is reachable, build with -Dimage.base=eclipse-temurin:17-jre instead.
#
#   deploy/base-image/build.sh <out-dir>
set -euo pipefail
OUT=$(realpath -m "$1")
ROOT="$OUT/base-rootfs"
JLINK="${JAVA_HOME:+$JAVA_HOME/bin/}jlink"
rm -rf "$ROOT" "$OUT/base-image" && mkdir -p "$ROOT" "$OUT/base-image"

# Modules the server uses (jdk.crypto.ec: ES256 identity tokens; jdk.management: the OOM flag check at start-up;
# jdk.unsupported: Unsafe for several libraries).
MODULES=java.base,java.compiler,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
"$JLINK" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$ROOT/opt/java"

# The C libraries the runtime (and the SQLite driver's native library, extracted at run time) link against.
copy_lib() { local lib=$1; mkdir -p "$ROOT$(dirname "$lib")"; cp -L "$lib" "$ROOT$lib"; }
for lib in $(ldd "$ROOT/opt/java/bin/java" $(ls "$ROOT"/opt/java/lib/*.so | grep -v -E "awt|fontmanager|lcms|jpeg|splash|javajpeg|mlib") "$ROOT"/opt/java/lib/server/libjvm.so 2>/dev/null \
             | awk '/=>/ && $3 ~ /^\// {print $3} /^\t\/.*ld-linux/ {print $1}' | sort -u); do
  copy_lib "$lib"
done
for name in libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libz.so.1 libgcc_s.so.1 libstdc++.so.6; do
  for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /lib; do
    if [ -e "$dir/$name" ]; then copy_lib "$dir/$name"; break; fi
  done
done

mkdir -p "$ROOT/etc" "$ROOT/tmp" "$ROOT/data" "$ROOT/home/nonroot" "$ROOT/proc"
chmod 1777 "$ROOT/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$ROOT/etc/group"
printf 'hosts: files dns\n' > "$ROOT/etc/nsswitch.conf"
chown 65532:65532 "$ROOT/data" "$ROOT/home/nonroot"

# One layer, reproducible (fixed owner and times, sorted).
tar -C "$ROOT" --numeric-owner --sort=name --mtime='1970-01-01' -cf "$OUT/base-image/layer.tar" .
DIFF_ID="sha256:$(sha256sum "$OUT/base-image/layer.tar" | cut -d' ' -f1)"
cat > "$OUT/base-image/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LD_LIBRARY_PATH=/opt/java/lib"]},"rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]},"history":[{"created_by":"deploy/base-image/build.sh"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["support-chat-base:local"],"Layers":["layer.tar"]}]' > "$OUT/base-image/manifest.json"
tar -C "$OUT/base-image" -cf "$OUT/base-image.tar" manifest.json config.json layer.tar
echo "base image: $OUT/base-image.tar ($(du -h "$OUT/base-image.tar" | cut -f1))"
