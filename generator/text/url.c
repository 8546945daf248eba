/*
 * Percent-encoding of addresses with GLib's g_uri_escape_string; this
 * file only decides which delimiters each part of an address keeps.
 */
#include "text/url.h"

#include <string.h>

/* RFC 3986's gen-delims but # [ ], and its sub-delims */
#define DELIMS ":/?@!$&'()*+,;="

/* Appends s[0..len) escaped, keeping the allowed bytes and any %XX. */
static void
escape(GString *out, const char *s, size_t len, const char *allowed)
{
	while (len > 0) {
		const char *pct = memchr(s, '%', len);
		size_t n = pct != NULL ? (size_t)(pct - s) : len;
		char *run = g_strndup(s, n);
		char *e = g_uri_escape_string(run, allowed, FALSE);

		g_string_append(out, e);
		g_free(e);
		g_free(run);
		s += n;
		len -= n;
		if (len == 0)
			break;
		if (len >= 3 && g_ascii_isxdigit(s[1]) &&
		    g_ascii_isxdigit(s[2])) {
			/* already encoded: not encoded twice */
			g_string_append_len(out, s, 3);
			n = 3;
		} else {
			g_string_append(out, "%25");
			n = 1;
		}
		s += n;
		len -= n;
	}
}

/* The length of "scheme://host" at the start of url, or 0. */
static size_t
authority_end(const char *url)
{
	const char *p = url;

	if (!g_ascii_isalpha(*p))
		return 0;
	while (g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (strncmp(p, "://", 3) != 0)
		return 0;
	p += 3;
	return (size_t)(p - url) + strcspn(p, "/?#");
}

char *
kt_url_encode(const char *url)
{
	GString *out = g_string_sized_new(strlen(url) + 16);
	size_t head = authority_end(url);
	const char *hash = strchr(url + head, '#');
	size_t body = hash != NULL ? (size_t)(hash - url) - head :
	    strlen(url + head);

	escape(out, url, head, DELIMS "[]");
	escape(out, url + head, body, DELIMS);
	if (hash != NULL) {
		/* a fragment has no second # */
		g_string_append_c(out, '#');
		escape(out, hash + 1, strlen(hash + 1), DELIMS);
	}
	return g_string_free(out, FALSE);
}

char *
kt_url_join(const char *base, const char *rel)
{
	char *raw = g_strconcat(base, rel, NULL);
	char *u = kt_url_encode(raw);

	g_free(raw);
	return u;
}
