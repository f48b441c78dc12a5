#ifndef EINVOICE_CQRENCODE_SHIM_H
#define EINVOICE_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
