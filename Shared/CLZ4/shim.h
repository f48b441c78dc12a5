#ifndef EINVOICE_CLZ4_SHIM_H
#define EINVOICE_CLZ4_SHIM_H
#include <lz4.h>
#endif
