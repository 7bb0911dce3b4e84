// Forwarders for the libcurl functions FoundationNetworking uses (see include/CCurlLoader.h).
// Types are spelled as their C ABI (handles as void *, enums as int) so no curl header is needed.
// Every variadic argument libcurl accepts (long, pointer, curl_off_t) is one 64-bit integer-class
// value on LP64, forwarded as a pointer-sized word.
#include "CCurlLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

static void *library;
static const char *failure = "libcurl was not loaded";
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *chosen = getenv("DBAPI_LIBCURL");
    if (chosen != NULL && chosen[0] != '\0') {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && dlerror() != NULL) failure = "DBAPI_LIBCURL names a library that cannot be loaded";
        return;
    }
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    for (size_t index = 0; index < sizeof names / sizeof names[0]; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (library != NULL) return;
    }
    if (dlerror() != NULL) failure = "libcurl.so.4 was not found (install libcurl4, or set DBAPI_LIBCURL to its path)";
}

int dbapi_curl_load(const char **error) {
    pthread_once(&once, load);
    if (library == NULL && error != NULL) *error = failure;
    return library != NULL;
}

static void *resolve(const char *name) {
    pthread_once(&once, load);
    return library != NULL ? dlsym(library, name) : NULL;
}

enum { FAILED_INIT = 2, MULTI_INTERNAL_ERROR = 4 };

#define CACHED(type, name) \
    static __typeof__(type) cached; \
    __typeof__(type) function = __atomic_load_n(&cached, __ATOMIC_ACQUIRE); \
    if (function == NULL) { \
        function = (__typeof__(type))resolve(#name); \
        __atomic_store_n(&cached, function, __ATOMIC_RELEASE); \
    }

int curl_global_init(long flags) {
    CACHED(int (*)(long), curl_global_init)
    return function != NULL ? function(flags) : FAILED_INIT;
}

void *curl_easy_init(void) {
    CACHED(void *(*)(void), curl_easy_init)
    return function != NULL ? function() : NULL;
}

void curl_easy_cleanup(void *handle) {
    CACHED(void (*)(void *), curl_easy_cleanup)
    if (function != NULL) function(handle);
}

int curl_easy_setopt(void *handle, int option, ...) {
    CACHED(int (*)(void *, int, ...), curl_easy_setopt)
    va_list arguments;
    va_start(arguments, option);
    void *value = va_arg(arguments, void *);
    va_end(arguments);
    return function != NULL ? function(handle, option, value) : FAILED_INIT;
}

int curl_easy_getinfo(void *handle, int info, ...) {
    CACHED(int (*)(void *, int, ...), curl_easy_getinfo)
    va_list arguments;
    va_start(arguments, info);
    void *out = va_arg(arguments, void *);
    va_end(arguments);
    return function != NULL ? function(handle, info, out) : FAILED_INIT;
}

int curl_easy_pause(void *handle, int mask) {
    CACHED(int (*)(void *, int), curl_easy_pause)
    return function != NULL ? function(handle, mask) : FAILED_INIT;
}

const char *curl_easy_strerror(int code) {
    CACHED(const char *(*)(int), curl_easy_strerror)
    return function != NULL ? function(code) : failure;
}

void curl_free(void *pointer) {
    CACHED(void (*)(void *), curl_free)
    if (function != NULL) function(pointer);
}

void *curl_multi_init(void) {
    CACHED(void *(*)(void), curl_multi_init)
    return function != NULL ? function() : NULL;
}

int curl_multi_add_handle(void *multi, void *easy) {
    CACHED(int (*)(void *, void *), curl_multi_add_handle)
    return function != NULL ? function(multi, easy) : MULTI_INTERNAL_ERROR;
}

int curl_multi_remove_handle(void *multi, void *easy) {
    CACHED(int (*)(void *, void *), curl_multi_remove_handle)
    return function != NULL ? function(multi, easy) : MULTI_INTERNAL_ERROR;
}

int curl_multi_assign(void *multi, int socket, void *pointer) {
    CACHED(int (*)(void *, int, void *), curl_multi_assign)
    return function != NULL ? function(multi, socket, pointer) : MULTI_INTERNAL_ERROR;
}

int curl_multi_cleanup(void *multi) {
    CACHED(int (*)(void *), curl_multi_cleanup)
    return function != NULL ? function(multi) : MULTI_INTERNAL_ERROR;
}

void *curl_multi_info_read(void *multi, int *remaining) {
    CACHED(void *(*)(void *, int *), curl_multi_info_read)
    return function != NULL ? function(multi, remaining) : NULL;
}

int curl_multi_setopt(void *multi, int option, ...) {
    CACHED(int (*)(void *, int, ...), curl_multi_setopt)
    va_list arguments;
    va_start(arguments, option);
    void *value = va_arg(arguments, void *);
    va_end(arguments);
    return function != NULL ? function(multi, option, value) : MULTI_INTERNAL_ERROR;
}

int curl_multi_socket_action(void *multi, int socket, int events, int *running) {
    CACHED(int (*)(void *, int, int, int *), curl_multi_socket_action)
    return function != NULL ? function(multi, socket, events, running) : MULTI_INTERNAL_ERROR;
}

void *curl_slist_append(void *list, const char *text) {
    CACHED(void *(*)(void *, const char *), curl_slist_append)
    return function != NULL ? function(list, text) : NULL;
}

void curl_slist_free_all(void *list) {
    CACHED(void (*)(void *), curl_slist_free_all)
    if (function != NULL) function(list);
}

void *curl_url(void) {
    CACHED(void *(*)(void), curl_url)
    return function != NULL ? function() : NULL;
}

int curl_url_get(const void *url, int part, char **out, unsigned int flags) {
    CACHED(int (*)(const void *, int, char **, unsigned int), curl_url_get)
    return function != NULL ? function(url, part, out, flags) : 1;
}

int curl_url_set(void *url, int part, const char *text, unsigned int flags) {
    CACHED(int (*)(void *, int, const char *, unsigned int), curl_url_set)
    return function != NULL ? function(url, part, text, flags) : 1;
}

char *curl_version(void) {
    CACHED(char *(*)(void), curl_version)
    return function != NULL ? function() : (char *)"libcurl not loaded";
}

void *curl_version_info(int age) {
    CACHED(void *(*)(int), curl_version_info)
    return function != NULL ? function(age) : NULL;
}
