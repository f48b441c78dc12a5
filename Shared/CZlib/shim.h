#ifndef EINVOICE_CZLIB_SHIM_H
#define EINVOICE_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit/deflateInit2/inflateInit/inflateInit2 are function-like macros (they pass
   ZLIB_VERSION and sizeof(z_stream)); Swift imports static inline functions, not macros. */
static inline int einvoice_deflateInit2(z_streamp stream, int level, int method, int windowBits,
                                        int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}
static inline int einvoice_deflateInit(z_streamp stream, int level) { return deflateInit(stream, level); }
static inline int einvoice_inflateInit2(z_streamp stream, int windowBits) { return inflateInit2(stream, windowBits); }
static inline int einvoice_inflateInit(z_streamp stream) { return inflateInit(stream); }
#endif
