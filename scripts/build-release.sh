#!/usr/bin/env bash
# Builds the release bundle: dist/dbapi/{dbapi, dbapi_task.py, config/, queries/} plus
# dist/dbapi-<version>-linux-x86_64.tar.gz and its .sha256. The binary links the Swift runtime and
# Foundation statically (--static-swift-stdlib) and is stripped; it still needs glibc >= 2.35,
# libstdc++ and libgcc_s from the system (Ubuntu 22.04 / Databricks Runtime 13.0 or later).
set -euo pipefail
cd "$(dirname "$0")/.."
# libcurl (FoundationNetworking's HTTP engine) is not linked: CCurlLoader dlopens libcurl.so.4 when the
# Databricks backend runs, so neither its headers nor its library are needed to build.
swift build -c release --static-swift-stdlib --product dbapi >&2
BIN="$(swift build -c release --show-bin-path)/dbapi"
VERSION="$(grep -o 'version = "[^"]*"' Sources/DBAPICLI/DBAPICommandLine.swift | head -1 | cut -d'"' -f2)"
rm -rf dist/dbapi
mkdir -p dist/dbapi
cp "$BIN" dist/dbapi/dbapi
strip dist/dbapi/dbapi
cp scripts/dbapi_task.py dist/dbapi/
cp -R config queries dist/dbapi/
TARBALL="dist/dbapi-$VERSION-linux-x86_64.tar.gz"
tar -C dist -czf "$TARBALL" dbapi
(cd dist && sha256sum "$(basename "$TARBALL")" > "$(basename "$TARBALL").sha256" && sha256sum dbapi/dbapi > dbapi/dbapi.sha256)
echo "binary:  dist/dbapi/dbapi ($(du -h dist/dbapi/dbapi | cut -f1), sha256 $(cut -d' ' -f1 dist/dbapi/dbapi.sha256))" >&2
echo "bundle:  $TARBALL" >&2
echo "shared libraries left:" >&2
ldd dist/dbapi/dbapi >&2
echo "newest glibc symbol version: $(objdump -T dist/dbapi/dbapi | grep -o 'GLIBC_[0-9.]*' | sort -V | tail -1)" >&2
echo "$TARBALL"
