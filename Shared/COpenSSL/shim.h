#ifndef EINVOICE_COPENSSL_SHIM_H
#define EINVOICE_COPENSSL_SHIM_H
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* Function-like macros Swift cannot import, wrapped as static inline functions. */
static inline void einvoice_OPENSSL_free(void *p) { OPENSSL_free(p); }
static inline long einvoice_BIO_get_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }

static inline STACK_OF(X509_EXTENSION) *einvoice_sk_X509_EXTENSION_new_null(void) { return sk_X509_EXTENSION_new_null(); }
static inline int einvoice_sk_X509_EXTENSION_push(STACK_OF(X509_EXTENSION) *sk, X509_EXTENSION *e) {
    return sk_X509_EXTENSION_push(sk, e);
}
static inline void einvoice_sk_X509_EXTENSION_pop_free(STACK_OF(X509_EXTENSION) *sk) {
    sk_X509_EXTENSION_pop_free(sk, X509_EXTENSION_free);
}
static inline GENERAL_NAMES *einvoice_sk_GENERAL_NAME_new_null(void) { return sk_GENERAL_NAME_new_null(); }
static inline int einvoice_sk_GENERAL_NAME_push(GENERAL_NAMES *sk, GENERAL_NAME *n) { return sk_GENERAL_NAME_push(sk, n); }
static inline int einvoice_sk_GENERAL_NAME_num(const GENERAL_NAMES *sk) { return sk_GENERAL_NAME_num(sk); }
static inline GENERAL_NAME *einvoice_sk_GENERAL_NAME_value(const GENERAL_NAMES *sk, int i) { return sk_GENERAL_NAME_value(sk, i); }
static inline void einvoice_GENERAL_NAMES_free(GENERAL_NAMES *sk) { GENERAL_NAMES_free(sk); }

/* GENERAL_NAME has an anonymous union; build a directoryName entry in C. Takes ownership of name. */
static inline GENERAL_NAME *einvoice_GENERAL_NAME_new_dirname(X509_NAME *name) {
    GENERAL_NAME *gn = GENERAL_NAME_new();
    if (gn == NULL) return NULL;
    GENERAL_NAME_set0_value(gn, GEN_DIRNAME, name);
    return gn;
}

/* Additions for ZATCACrypto: stack accessors and BN_num_bytes are macros. */
static inline int einvoice_sk_X509_EXTENSION_num(const STACK_OF(X509_EXTENSION) *sk) { return sk_X509_EXTENSION_num(sk); }
static inline X509_EXTENSION *einvoice_sk_X509_EXTENSION_value(const STACK_OF(X509_EXTENSION) *sk, int i) {
    return sk_X509_EXTENSION_value(sk, i);
}
static inline int einvoice_BN_num_bytes(const BIGNUM *bn) { return BN_num_bytes(bn); }
/* SHA-256 without EVP's per-call algorithm fetch (SHA256() goes through EVP_Q_digest in
   OpenSSL 3): the low-level functions are deprecated but kept, and use the same assembly. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
typedef struct { SHA256_CTX context; } einvoice_sha256_state;
static inline void einvoice_sha256_init(einvoice_sha256_state *s) { SHA256_Init(&s->context); }
static inline void einvoice_sha256_update(einvoice_sha256_state *s, const void *data, size_t length) { SHA256_Update(&s->context, data, length); }
static inline void einvoice_sha256_final(einvoice_sha256_state *s, unsigned char *digest) { SHA256_Final(digest, &s->context); }
#pragma GCC diagnostic pop
#endif
