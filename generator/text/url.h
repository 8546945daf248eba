/*
 * Addresses as they are written into pages, sitemaps, feeds and PDFs:
 * percent-encoded (RFC 3986), so an address with a space, a quote or a
 * letter outside ASCII still works wherever it is read.
 */
#ifndef KT_URL_H
#define KT_URL_H

#include <glib.h>

/*
 * The percent-encoded form of an absolute address or a relative path:
 * every byte that may not appear in an address (a space, ", <, >, \, a
 * control character, each byte of a letter outside ASCII) becomes %XX.
 * Delimiters keep their meaning (: / ? # @ and the sub-delimiters, [ ]
 * in the host), an existing %XX stays as it is, so encoding twice
 * changes nothing; a % not followed by two hex digits becomes %25.
 * A host outside ASCII is percent-encoded too (RFC 3986 3.2.2), not
 * turned into punycode. The caller frees the result with g_free.
 */
char *kt_url_encode(const char *url);

/* base (a basis_url, "../", or "") followed by rel, encoded as above.
 * The caller frees the result with g_free. */
char *kt_url_join(const char *base, const char *rel);

#endif
