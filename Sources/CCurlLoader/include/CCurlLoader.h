#ifndef DBAPI_CURL_LOADER_H
#define DBAPI_CURL_LOADER_H

/// Loads libcurl on first use (dlopen) instead of at process start: FoundationNetworking's calls to
/// curl_* resolve to the forwarding functions of this target, so the binary does not depend on
/// libcurl and its ~30 libraries unless the Databricks backend runs.
///
/// `DBAPI_LIBCURL`, when set, names the library to load instead of libcurl.so.4.
/// Returns 1 when libcurl is loaded; otherwise 0 and, in *error, what is missing.
int dbapi_curl_load(const char *_Nullable *_Nullable error);

#endif
