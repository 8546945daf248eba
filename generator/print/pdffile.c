/*
 * PDF files once they are bytes. cairo 1.16's output needs repairs (a
 * broken cross-reference entry, repeated resource names), made in place
 * so no offset moves; what it cannot write at all (/Lang, /Alt, fields)
 * is pdftags.c's incremental update.
 *
 * And pages are copied out of PDFs keukentafel made into a new file: a
 * single sheet from the chunk it was drawn in, a year's bundle from its
 * chunks. Only cairo's dialect is read: cross-reference tables (updates
 * included), a flat page tree, a one-level outline; anything else is an
 * error, never a guess. An object is copied as its tokens, with its
 * references renumbered and its stream data as it is, so no stream is
 * decompressed. (qpdf did this; it parsed every object into C++ objects
 * and took 22% of a build, where this takes 4%.)
 */
#include "print/pdfread.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

guint
kt_pdf_cairo_needs(int cairo_version)
{
	/* both came with cairo 1.17.6 (commits 0f382eb08 and 60d7ff988) */
	if (cairo_version >= CAIRO_VERSION_ENCODE(1, 17, 6))
		return KT_PDF_ASK_1_4 | KT_PDF_UNIQUE_NAMES | KT_PDF_ADD_LANG;
	return KT_PDF_FIX_XREF | KT_PDF_UNIQUE_NAMES | KT_PDF_ADD_LANG;
}

/*
 * Just after the last "startxref", in the last 2 KB, or NULL. The trailer
 * is text at the very end; the streams before it are binary, so no string
 * function may walk them.
 */
static const char *
find_startxref(const char *pdf, size_t len)
{
	size_t from = len > 2048 ? len - 2048 : 0;

	for (size_t i = len >= 9 ? len - 8 : 0; i-- > from;)
		if (memcmp(pdf + i, "startxref", 9) == 0)
			return pdf + i + 9;
	return NULL;
}

/* The last cross-reference section: its offset in *off and a pointer just
 * after its "xref" line, or NULL. */
const char *
last_xref(const char *pdf, size_t len, long *off)
{
	const char *sx = find_startxref(pdf, len);

	if (sx == NULL)
		return NULL;
	*off = strtol(sx, NULL, 10);
	if (*off <= 0 || (size_t)*off + 5 > len ||
	    strncmp(pdf + *off, "xref\n", 5) != 0)
		return NULL;
	return pdf + *off + 5;
}

/*
 * The entries of the last cross-reference section, 20 bytes each: a
 * pointer to the first, with the number of the first object in *first
 * and how many in *count; NULL when the section cannot be read.
 */
static char *
xref_entries(char *pdf, size_t len, unsigned long *first,
    unsigned long *count)
{
	long off;
	char *xref = (char *)last_xref(pdf, len, &off), *e;

	if (xref == NULL || sscanf(xref, "%lu %lu", first, count) != 2 ||
	    (e = strchr(xref, '\n')) == NULL)
		return NULL;
	return e + 1;
}

/*
 * cairo 1.16.0 reserves an object for the structure tree of link tags and
 * never writes it; its cross-reference entry then points into another
 * object, and checkers such as qpdf call the file damaged. An entry that
 * does not point at its own object is marked free (the reference then
 * reads as null, which is valid). Entries keep their 20 bytes, so no
 * offset moves. Files without the fault are left as they are.
 */
gboolean
kt_pdf_fix_xref(char *pdf, size_t len)
{
	unsigned long first, count;
	char *e = xref_entries(pdf, len, &first, &count);
	gboolean changed = FALSE;

	if (e == NULL)
		return FALSE;
	for (unsigned long i = 0; i < count; i++, e += 20) {
		unsigned long at, obj = first + i;
		char want[32];

		if (e + 20 > pdf + len)
			return changed;
		if (e[17] != 'n')
			continue;
		at = strtoul(e, NULL, 10);
		g_snprintf(want, sizeof want, "%lu 0 obj", obj);
		if (at + strlen(want) <= len &&
		    strncmp(pdf + at, want, strlen(want)) == 0)
			continue;
		/* 18 bytes in place of 18: the entry keeps its length */
		memcpy(e, "0000000000 00001 f", 18);	/* NOLINT */
		changed = TRUE;
	}
	return changed;
}

/*
 * A resource dictionary's text at d, before end: in "<< /x5 5 0 R /x5 5 0
 * R >>" each repeated name with its reference becomes spaces. TRUE if
 * changed; text that is not such a list of references is left as it is.
 * (cairo gives a name to one object only, so the repeat says nothing new.)
 */
static gboolean
blank_repeats(char *d, const char *end)
{
	const char *names[256];
	size_t lens[256];
	int n = 0;
	gboolean changed = FALSE;

	if (end - d < 2 || d[0] != '<' || d[1] != '<')
		return FALSE;
	d += 2;
	for (;;) {
		char *from, *name, *q;
		size_t nlen;
		gboolean seen = FALSE;

		while (d < end && *d == ' ')
			d++;
		if (d + 1 < end && d[0] == '>' && d[1] == '>')
			return changed;
		if (d >= end || *d != '/' || n == G_N_ELEMENTS(names))
			return changed;
		from = d;
		name = ++d;
		while (d < end && g_ascii_isalnum(*d))
			d++;
		nlen = (size_t)(d - name);
		/* " 12 0 R" */
		q = d;
		if (nlen == 0 || q >= end || *q++ != ' ' || q >= end ||
		    !g_ascii_isdigit(*q))
			return changed;
		while (q < end && g_ascii_isdigit(*q))
			q++;
		if (end - q < 4 || memcmp(q, " 0 R", 4) != 0)
			return changed;
		d = q + 4;
		for (int i = 0; i < n && !seen; i++)
			seen = lens[i] == nlen && memcmp(names[i], name, nlen) == 0;
		if (seen) {
			memset(from, ' ', (size_t)(d - from));
			changed = TRUE;
		} else {
			names[n] = name;
			lens[n++] = nlen;
		}
	}
}

gboolean
kt_pdf_unique_names(char *pdf, size_t len)
{
	static const char *const dicts[] = { "/XObject ", "/Pattern " };
	unsigned long first, count;
	char *e = xref_entries(pdf, len, &first, &count), *end = pdf + len;
	gboolean changed = FALSE;

	if (e == NULL)
		return FALSE;
	for (unsigned long i = 0; i < count && e + 20 <= end; i++, e += 20) {
		unsigned long at = strtoul(e, NULL, 10);
		char *o, *t;

		if (e[17] != 'n' || at >= len)
			continue;
		/* the object's dictionary is text up to "stream" (binary
		 * after it) or "endobj" */
		o = pdf + at;
		for (t = o; t + 6 <= end; t++)
			if ((*t == 's' && memcmp(t, "stream", 6) == 0) ||
			    (*t == 'e' && memcmp(t, "endobj", 6) == 0))
				break;
		for (size_t k = 0; k < G_N_ELEMENTS(dicts); k++) {
			size_t kl = strlen(dicts[k]);

			for (char *c = o; c + kl < t; c++)
				if (*c == '/' && memcmp(c, dicts[k], kl) == 0)
					changed |= blank_repeats(c + kl, t);
		}
	}
	return changed;
}

/* ---- reading: tokens ---- */

static GQuark
kt_pdf_file_error_quark(void)
{
	return g_quark_from_static_string("kt-pdf-file-error");
}

/* What ends a regular run of bytes: white space or a delimiter, looked
 * up in a table (the reader's inner loop: the join and the update read
 * every element of a structure tree). */
enum { SPACE = 1, DELIM = 2 };
static const guint8 byte_class[256] = {
	[' '] = SPACE, ['\n'] = SPACE, ['\r'] = SPACE, ['\t'] = SPACE,
	['\f'] = SPACE, ['\0'] = SPACE,
	['('] = DELIM, [')'] = DELIM, ['<'] = DELIM, ['>'] = DELIM,
	['['] = DELIM, [']'] = DELIM, ['{'] = DELIM, ['}'] = DELIM,
	['/'] = DELIM, ['%'] = DELIM,
};

static gboolean
pdf_space(char c)
{
	return byte_class[(unsigned char)c] == SPACE;
}

/* White space and comments ("/Type /Page % 1" in cairo's pages). */
static void
skip_space(struct lex *lx)
{
	while (lx->p < lx->end) {
		if (pdf_space(*lx->p))
			lx->p++;
		else if (*lx->p == '%')
			while (lx->p < lx->end && *lx->p != '\n' &&
			    *lx->p != '\r')
				lx->p++;
		else
			break;
	}
}

static const char *
regular_end(const char *p, const char *end)
{
	while (p < end && byte_class[(unsigned char)*p] == 0)
		p++;
	return p;
}

enum tok_kind
lex_next(struct lex *lx, struct tok *t)
{
	const char *p, *end = lx->end;
	int depth = 0;

	skip_space(lx);
	p = t->s = lx->p;
	t->n = 0;
	if (p >= end)
		return t->kind = TK_END;
	switch (*p) {
	case '<':
		if (p + 1 < end && p[1] == '<') {
			p += 2;
			t->kind = TK_DICT;
		} else if ((p = memchr(p, '>', (size_t)(end - p))) != NULL) {
			p++;
			t->kind = TK_STRING;
		} else {
			return t->kind = TK_ERROR;
		}
		break;
	case '>':
		if (p + 1 >= end || p[1] != '>')
			return t->kind = TK_ERROR;
		p += 2;
		t->kind = TK_DICT_END;
		break;
	case '[':
	case ']':
		t->kind = *p++ == '[' ? TK_ARRAY : TK_ARRAY_END;
		break;
	case '(':
		/* balanced parentheses; a backslash escapes the next byte */
		for (; p < end; p++) {
			if (*p == '\\')
				p++;
			else if (*p == '(')
				depth++;
			else if (*p == ')' && --depth == 0)
				break;
		}
		if (p >= end)
			return t->kind = TK_ERROR;
		p++;
		t->kind = TK_STRING;
		break;
	case ')':
		return t->kind = TK_ERROR;
	case '/':
		p = regular_end(p + 1, end);
		t->kind = TK_NAME;
		break;
	case '{':
	case '}':
		p++;
		t->kind = TK_WORD;
		break;
	default:
		p = regular_end(p, end);
		t->kind = TK_WORD;
		break;
	}
	t->n = (size_t)(p - t->s);
	lx->p = p;
	return t->kind;
}

gboolean
tok_is(const struct tok *t, const char *s)
{
	return t->n == strlen(s) && memcmp(t->s, s, t->n) == 0;
}

gboolean
tok_uint(const struct tok *t, guint64 *v)
{
	if (t->kind != TK_WORD || t->n == 0 || t->n > 18)
		return FALSE;
	*v = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (!g_ascii_isdigit(t->s[i]))
			return FALSE;
		*v = *v * 10 + (guint64)(t->s[i] - '0');
	}
	return TRUE;
}

/* After the integer t, " G R" makes it a reference to object *num, and
 * the lexer stands after the R; else the lexer has not moved. */
gboolean
lex_ref(struct lex *lx, const struct tok *t, guint *num)
{
	struct lex at = *lx;
	const char *p, *digits;
	guint64 n;

	/* most numbers are no reference: "gen R" is looked for byte by
	 * byte, not as two tokens lexed and put back */
	if (!tok_uint(t, &n) || n > G_MAXUINT)
		return FALSE;
	skip_space(&at);
	for (p = digits = at.p; p < at.end && g_ascii_isdigit(*p); p++)
		;
	if (p == digits || p - digits > 18 || (p < at.end &&
	    byte_class[(unsigned char)*p] == 0))
		return FALSE;
	at.p = p;
	skip_space(&at);
	p = at.p;
	if (p >= at.end || *p != 'R' || (p + 1 < at.end &&
	    byte_class[(unsigned char)p[1]] == 0))
		return FALSE;
	lx->p = p + 1;
	*num = (guint)n;
	return TRUE;
}

/* One whole value (a reference is one); *first is its first token. */
gboolean
skip_value(struct lex *lx, struct tok *first)
{
	struct tok t;
	int depth = 0;
	guint ref;

	first->s = NULL;
	do {
		switch (lex_next(lx, &t)) {
		case TK_ERROR:
		case TK_END:
			return FALSE;
		case TK_NAME:
		case TK_STRING:
			break;
		case TK_DICT:
		case TK_ARRAY:
			depth++;
			break;
		case TK_DICT_END:
		case TK_ARRAY_END:
			if (--depth < 0)
				return FALSE;
			break;
		case TK_WORD:
			(void)lex_ref(lx, &t, &ref);
			break;
		}
		if (first->s == NULL)
			*first = t;
	} while (depth > 0);
	return TRUE;
}

/* The value of key ("/Pages") in the dictionary at *d, as a span. */
gboolean
dict_get(const struct lex *d, const char *key, struct lex *val)
{
	struct lex lx = *d;
	struct tok t, first;

	if (lex_next(&lx, &t) != TK_DICT)
		return FALSE;
	while (lex_next(&lx, &t) == TK_NAME) {
		if (!skip_value(&lx, &first))
			return FALSE;
		if (tok_is(&t, key)) {
			val->p = first.s;
			val->end = lx.p;
			return TRUE;
		}
	}
	return FALSE;
}

/* The dictionary next in *lx, which is left after it: the values of n
 * keys (dict_get_all()). */
static gboolean
scan_dict(struct lex *lx, const char *const *keys, struct lex *vals, int n)
{
	struct tok t, first;

	for (int i = 0; i < n; i++)
		vals[i].p = NULL;
	if (lex_next(lx, &t) != TK_DICT)
		return FALSE;
	while (lex_next(lx, &t) == TK_NAME) {
		if (!skip_value(lx, &first))
			return FALSE;
		for (int i = 0; i < n; i++)
			if (vals[i].p == NULL && tok_is(&t, keys[i])) {
				vals[i].p = first.s;
				vals[i].end = lx->p;
			}
	}
	return t.kind == TK_DICT_END;
}

gboolean
dict_get_all(const struct lex *d, const char *const *keys, struct lex *vals,
    int n)
{
	struct lex lx = *d;

	return scan_dict(&lx, keys, vals, n);
}

gboolean
span_ref(const struct lex *v, guint *num)
{
	struct lex lx = *v;
	struct tok t;

	return lex_next(&lx, &t) == TK_WORD && lex_ref(&lx, &t, num);
}

static gboolean
span_uint(const struct lex *v, guint64 *n)
{
	struct lex lx = *v;
	struct tok t, rest;

	return lex_next(&lx, &t) == TK_WORD && tok_uint(&t, n) &&
	    lex_next(&lx, &rest) == TK_END;
}

/* ---- reading: objects ---- */

gboolean
fail(GError **err, const struct kt_pdf_src *s, const char *what, guint num)
{
	if (num > 0)
		g_set_error(err, kt_pdf_file_error_quark(), 1, "%s: object %u: "
		    "%s", s->name, num, what);
	else
		g_set_error(err, kt_pdf_file_error_quark(), 1, "%s: %s",
		    s->name, what);
	return FALSE;
}

/* Object num's "num gen obj" where the cross-reference table says:
 * *lx is left after it, on the value. */
static gboolean
obj_start(const struct kt_pdf_src *s, guint num, struct lex *lx)
{
	struct tok a, b, c;
	guint64 n, gen;

	if (num == 0 || num >= s->size || s->at[num] <= 0 ||
	    (size_t)s->at[num] >= s->len)
		return FALSE;
	lx->p = s->data + s->at[num];
	lx->end = s->data + s->len;
	return lex_next(lx, &a) == TK_WORD && tok_uint(&a, &n) && n == num &&
	    lex_next(lx, &b) == TK_WORD && tok_uint(&b, &gen) &&
	    lex_next(lx, &c) == TK_WORD && tok_is(&c, "obj");
}

/*
 * Object num: its value as a span in *v, and for a stream its data.
 * The length of a stream may be an object of its own, as cairo writes it.
 */
static gboolean
src_object(const struct kt_pdf_src *s, guint num, struct lex *v,
    const char **data, size_t *dlen, int depth)
{
	struct lex lx, after, len;
	struct tok first, k;
	guint64 l;
	guint ref;

	*data = NULL;
	*dlen = 0;
	if (!obj_start(s, num, &lx))
		return FALSE;
	if (s->vend != NULL && s->vend[num] != NULL) {
		/* a dictionary read before, ended by "endobj" */
		skip_space(&lx);
		v->p = lx.p;
		v->end = lx.p = s->vend[num];
		return TRUE;
	}
	if (!skip_value(&lx, &first))
		return FALSE;
	v->p = first.s;
	v->end = lx.p;
	after = lx;
	lex_next(&after, &k);
	if (tok_is(&k, "endobj"))
		return TRUE;
	if (!tok_is(&k, "stream") || !dict_get(v, "/Length", &len))
		return FALSE;
	if (span_ref(&len, &ref)) {
		const char *d;
		size_t dl;
		struct lex lv;

		if (depth > 0 || !src_object(s, ref, &lv, &d, &dl, depth + 1) ||
		    d != NULL || !span_uint(&lv, &l))
			return FALSE;
	} else if (!span_uint(&len, &l)) {
		return FALSE;
	}
	/* the data starts after the end of the line of "stream" */
	if (after.p < after.end && *after.p == '\r')
		after.p++;
	if (after.p < after.end && *after.p == '\n')
		after.p++;
	if (l > (guint64)(after.end - after.p))
		return FALSE;
	*data = after.p;
	*dlen = (size_t)l;
	after.p += l;
	return lex_next(&after, &k) == TK_WORD && tok_is(&k, "endstream");
}

gboolean
src_dict_keys(const struct kt_pdf_src *s, guint num, struct lex *v,
    const char *const *keys, struct lex *vals, int n)
{
	struct lex lx;
	struct tok k;

	if (!obj_start(s, num, &lx))
		return FALSE;
	skip_space(&lx);
	v->p = lx.p;
	if (scan_dict(&lx, keys, vals, n)) {
		v->end = lx.p;
		if (lex_next(&lx, &k) == TK_WORD && tok_is(&k, "endobj")) {
			/* the join copies it next: src_object() need not
			 * read it through again */
			if (s->vend == NULL)
				((struct kt_pdf_src *)s)->vend = g_new0(
				    const char *, s->size);
			s->vend[num] = v->end;
			return TRUE;
		}
	}
	/* a stream's dictionary, or one src_dict() turns down; the keys
	 * before what cannot be read count, as dict_get() would have them */
	if (!src_dict(s, num, v))
		return FALSE;
	(void)dict_get_all(v, keys, vals, n);
	return TRUE;
}

/* A dictionary object's value; FALSE for anything else. */
gboolean
src_dict(const struct kt_pdf_src *s, guint num, struct lex *v)
{
	const char *data;
	size_t dlen;
	struct lex lx;
	struct tok t;

	if (!src_object(s, num, v, &data, &dlen, 0))
		return FALSE;
	lx = *v;
	return lex_next(&lx, &t) == TK_DICT;
}

gboolean
dict_ref(const struct lex *d, const char *key, guint *num)
{
	struct lex v;

	return dict_get(d, key, &v) && span_ref(&v, num);
}

/*
 * Grows the offsets to n objects, the new ones unknown. Every object has
 * a cross-reference entry of 20 bytes, so a file holds at most len / 20:
 * a larger count is an error, never an allocation (a crafted /Size of
 * 2^31 asked for 16 GB).
 */
static gboolean
src_grow(struct kt_pdf_src *s, guint64 n, GError **err)
{
	if (n > s->len / 20 || n > G_MAXINT) {
		g_set_error(err, kt_pdf_file_error_quark(), 1, "%s: %"
		    G_GUINT64_FORMAT " objects, more objects than a file of "
		    "%zu bytes can hold", s->name, n, s->len);
		return FALSE;
	}
	if (n <= s->size)
		return TRUE;
	s->at = g_renew(gint64, s->at, n);
	for (guint i = s->size; i < n; i++)
		s->at[i] = -1;
	s->size = (guint)n;
	return TRUE;
}

/*
 * The cross-reference section at off and those before it (/Prev). A
 * later section is read first and wins: an object known stays as it is.
 */
static gboolean
src_xref(struct kt_pdf_src *s, guint64 off, GError **err)
{
	for (int sections = 0; sections < 64; sections++) {
		struct lex lx, tr;
		struct tok t, first;
		guint64 a, n, prev, size;

		if (off >= s->len)
			return fail(err, s, "the cross-reference offset is "
			    "past the end", 0);
		lx.p = s->data + off;
		lx.end = s->data + s->len;
		if (lex_next(&lx, &t) != TK_WORD || !tok_is(&t, "xref"))
			return fail(err, s, "no cross-reference table where "
			    "startxref points (object streams are not read)",
			    0);
		while (lex_next(&lx, &t) == TK_WORD && !tok_is(&t, "trailer")) {
			struct tok c;

			if (!tok_uint(&t, &a) || lex_next(&lx, &c) != TK_WORD ||
			    !tok_uint(&c, &n))
				return fail(err, s, "a cross-reference "
				    "subsection cannot be read", 0);
			skip_space(&lx);
			if (n > (guint64)(lx.end - lx.p) / 20)
				return fail(err, s, "the cross-reference "
				    "table is cut short", 0);
			if (!src_grow(s, a + n, err))
				return FALSE;
			for (guint64 i = 0; i < n; i++) {
				const char *e = lx.p + 20 * i;
				guint64 o = 0;

				for (int d = 0; d < 10; d++) {
					if (!g_ascii_isdigit(e[d]))
						return fail(err, s, "a cross-"
						    "reference entry cannot "
						    "be read", (guint)(a + i));
					o = o * 10 + (guint64)(e[d] - '0');
				}
				if (s->at[a + i] == -1)
					s->at[a + i] = e[17] == 'n' ?
					    (gint64)o : 0;
			}
			lx.p += 20 * n;
		}
		if (!tok_is(&t, "trailer") || !skip_value(&lx, &first))
			return fail(err, s, "no trailer", 0);
		tr.p = first.s;
		tr.end = lx.p;
		if (s->root == 0) {
			struct lex v;

			if (!dict_ref(&tr, "/Root", &s->root) ||
			    !dict_get(&tr, "/Size", &v) || !span_uint(&v, &size))
				return fail(err, s, "the trailer has no /Root "
				    "or /Size", 0);
			(void)dict_ref(&tr, "/Info", &s->info);
			if (!src_grow(s, size, err))
				return FALSE;
		}
		{
			struct lex v;

			if (!dict_get(&tr, "/Prev", &v))
				return TRUE;
			if (!span_uint(&v, &prev))
				return fail(err, s, "/Prev is not an offset", 0);
		}
		off = prev;
	}
	return fail(err, s, "too many cross-reference sections", 0);
}

static gboolean
src_pages(struct kt_pdf_src *s, GError **err)
{
	struct lex cat, pages, kids, lx;
	struct tok t;

	if (!src_dict(s, s->root, &cat) || !dict_ref(&cat, "/Pages", &s->pages) ||
	    !src_dict(s, s->pages, &pages) || !dict_get(&pages, "/Kids", &kids))
		return fail(err, s, "the catalog has no page tree", s->root);
	s->page_of = g_new0(guint, s->size);
	lx = kids;
	if (lex_next(&lx, &t) != TK_ARRAY)
		return fail(err, s, "/Kids is not an array", s->pages);
	while (lex_next(&lx, &t) == TK_WORD) {
		struct lex page, type;
		guint num;

		if (!lex_ref(&lx, &t, &num) || !src_dict(s, num, &page) ||
		    !dict_get(&page, "/Type", &type) ||
		    (size_t)(type.end - type.p) != 5 ||
		    memcmp(type.p, "/Page", 5) != 0 || s->page_of[num] != 0)
			return fail(err, s, "a kid of the page tree is not a "
			    "page of its own (nested page trees are not read)",
			    s->pages);
		g_array_append_val(s->kids, num);
		s->page_of[num] = s->kids->len;
	}
	if (t.kind != TK_ARRAY_END)
		return fail(err, s, "/Kids is not a list of pages", s->pages);
	return TRUE;
}

struct kt_pdf_src *
kt_pdf_src_new(const char *name, const char *data, size_t len, GError **err)
{
	struct kt_pdf_src *s = g_new0(struct kt_pdf_src, 1);
	guint64 off = 0;
	const char *sx = find_startxref(data, len);

	s->name = g_strdup(name);
	s->data = data;
	s->len = len;
	s->kids = g_array_new(FALSE, FALSE, sizeof(guint));
	if (sx != NULL) {
		struct lex lx = { sx, data + len };
		struct tok t;

		if (lex_next(&lx, &t) != TK_WORD || !tok_uint(&t, &off))
			sx = NULL;
	}
	if (sx == NULL) {
		fail(err, s, "not a PDF: no startxref at its end", 0);
	} else if (src_xref(s, off, err) && src_pages(s, err)) {
		return s;
	}
	kt_pdf_src_free(s);
	return NULL;
}

void
kt_pdf_src_free(struct kt_pdf_src *s)
{
	if (s == NULL)
		return;
	g_free(s->name);
	g_free(s->at);
	g_free(s->page_of);
	g_free(s->vend);
	g_array_free(s->kids, TRUE);
	if (s->tree != NULL) {
		g_array_free(s->tree->tops, TRUE);
		g_hash_table_destroy(s->tree->nums);
		g_free(s->tree);
	}
	g_free(s);
}

guint
kt_pdf_src_pages(const struct kt_pdf_src *s)
{
	return s->kids->len;
}

gboolean
kt_pdf_src_marks(const struct kt_pdf_src *s, GPtrArray *titles,
    GArray *pages, GError **err)
{
	struct lex cat, top, item, title, dest;
	guint num;

	if (!src_dict(s, s->root, &cat))
		return fail(err, s, "no catalog", s->root);
	if (!dict_ref(&cat, "/Outlines", &num))
		return TRUE;
	if (!src_dict(s, num, &top))
		return fail(err, s, "the outline is not a dictionary", num);
	if (!dict_ref(&top, "/First", &num))
		return TRUE;
	/* at most one entry per object: a loop of /Next ends */
	for (guint n = 0; n < s->size; n++) {
		struct lex lx;
		struct tok t;
		guint page;

		if (!src_dict(s, num, &item) ||
		    !dict_get(&item, "/Title", &title) ||
		    !dict_get(&item, "/Dest", &dest))
			return fail(err, s, "a bookmark without a title or a "
			    "destination", num);
		lx = dest;
		if (lex_next(&lx, &t) != TK_ARRAY || lex_next(&lx, &t) !=
		    TK_WORD || !lex_ref(&lx, &t, &page) || page >= s->size ||
		    s->page_of[page] == 0)
			return fail(err, s, "a bookmark points at no page", num);
		g_ptr_array_add(titles, g_strndup(title.p,
		    (gsize)(title.end - title.p)));
		page = s->page_of[page] - 1;
		g_array_append_val(pages, page);
		if (!dict_ref(&item, "/Next", &num))
			return TRUE;
	}
	return fail(err, s, "the bookmarks run in a circle", num);
}

/* ---- writing ---- */

/* What qpdf puts in one object stream, and as many readers expect. */
#define OBJSTM_MAX 100

guint
new_num(struct kt_pdf_join *j)
{
	struct xent e = { 0, 0, 0 };

	g_array_append_val(j->xref, e);
	return j->xref->len - 1;
}

struct kt_pdf_join *
kt_pdf_join_new(gboolean objstm)
{
	struct kt_pdf_join *j = g_new0(struct kt_pdf_join, 1);

	j->out = g_string_sized_new((gsize)64 * 1024);
	/* %PDF-1.5 for object streams; the binary comment says the file
	 * is not text */
	g_string_append(j->out, "%PDF-1.5\n%\xb5\xed\xae\xfb\n");
	j->xref = g_array_new(FALSE, FALSE, sizeof(struct xent));
	j->objstm = objstm;
	j->os = g_string_new(NULL);
	j->os_index = g_string_new(NULL);
	j->kids = g_array_new(FALSE, FALSE, sizeof(guint));
	j->maps = g_hash_table_new_full(NULL, NULL, NULL, g_free);
	j->langs = g_hash_table_new(NULL, NULL);
	j->queue = g_array_new(FALSE, FALSE, sizeof(struct pending));
	j->titles = g_ptr_array_new_with_free_func(g_free);
	j->marks = g_array_new(FALSE, FALSE, sizeof(guint));
	j->obj = g_string_sized_new(4096);
	j->srcs = g_ptr_array_new();
	j->pos = g_hash_table_new(NULL, NULL);
	j->sps = g_array_new(FALSE, FALSE, sizeof(struct sp_from));
	(void)new_num(j);	/* 0, the head of the free list */
	j->catalog = new_num(j);
	j->pages = new_num(j);
	j->info = new_num(j);
	return j;
}

void
kt_pdf_join_free(struct kt_pdf_join *j)
{
	if (j == NULL)
		return;
	if (j->out != NULL)
		g_string_free(j->out, TRUE);
	g_array_free(j->xref, TRUE);
	g_string_free(j->os, TRUE);
	g_string_free(j->os_index, TRUE);
	g_array_free(j->kids, TRUE);
	g_hash_table_destroy(j->maps);
	g_hash_table_destroy(j->langs);
	g_array_free(j->queue, TRUE);
	g_ptr_array_free(j->titles, TRUE);
	g_array_free(j->marks, TRUE);
	g_string_free(j->obj, TRUE);
	g_ptr_array_free(j->srcs, TRUE);
	g_hash_table_destroy(j->pos);
	g_array_free(j->sps, TRUE);
	if (j->md5 != NULL)
		g_checksum_free(j->md5);
	g_free(j);
}

static void
deflated(GString *out, const char *data, size_t len)
{
	uLongf n = compressBound((uLong)len);
	size_t at = out->len;

	g_string_set_size(out, at + n);
	/* cannot fail: the buffer is compressBound() and memory aborts */
	(void)compress2((Bytef *)out->str + at, &n, (const Bytef *)data,
	    (uLong)len, Z_BEST_SPEED);
	g_string_set_size(out, at + n);
}

static void
flush_objstm(struct kt_pdf_join *j)
{
	GString *data;
	struct xent *e;

	if (j->os_count == 0)
		return;
	data = g_string_sized_new(j->os->len / 2);
	g_string_append_len(j->os_index, j->os->str, (gssize)j->os->len);
	deflated(data, j->os_index->str, j->os_index->len);
	e = &g_array_index(j->xref, struct xent, j->os_num);
	e->type = 1;
	e->f2 = j->out->len;
	g_string_append_printf(j->out, "%u 0 obj\n<< /Type /ObjStm /N %u "
	    "/First %zu /Filter /FlateDecode /Length %zu >>\nstream\n",
	    j->os_num, j->os_count, j->os_index->len - j->os->len, data->len);
	g_string_append_len(j->out, data->str, (gssize)data->len);
	g_string_append(j->out, "\nendstream\nendobj\n");
	g_string_free(data, TRUE);
	g_string_truncate(j->os, 0);
	g_string_truncate(j->os_index, 0);
	j->os_count = 0;
	j->os_num = 0;
}

/* Object num with this text and, for a stream, its data. */
void
put_object(struct kt_pdf_join *j, guint num, const GString *text,
    const char *data, size_t dlen)
{
	struct xent *e = &g_array_index(j->xref, struct xent, num);

	if (data != NULL || !j->objstm) {
		e->type = 1;
		e->f2 = j->out->len;
		g_string_append_printf(j->out, "%u 0 obj\n", num);
		g_string_append_len(j->out, text->str, (gssize)text->len);
		if (data != NULL) {
			g_string_append(j->out, "\nstream\n");
			g_string_append_len(j->out, data, (gssize)dlen);
			g_string_append(j->out, "\nendstream");
		}
		g_string_append(j->out, "\nendobj\n");
		return;
	}
	if (j->os_count == 0)
		j->os_num = new_num(j);
	e = &g_array_index(j->xref, struct xent, num);	/* may have moved */
	e->type = 2;
	e->f2 = j->os_num;
	e->f3 = j->os_count;
	g_string_append_printf(j->os_index, "%u %zu ", num, j->os->len);
	g_string_append_len(j->os, text->str, (gssize)text->len);
	g_string_append_c(j->os, '\n');
	if (++j->os_count == OBJSTM_MAX)
		flush_objstm(j);
}

/*
 * The new number of object old of s, queued to be copied the first time;
 * 0 (null) for what is not copied: a free object, the catalog, the
 * document information, a page not taken. The page tree is the new one.
 */
guint
remap(struct kt_pdf_join *j, const struct kt_pdf_src *s, guint *map,
    guint old)
{
	struct pending p;

	if (old >= s->size || s->at[old] <= 0 || old == s->root ||
	    old == s->info)
		return 0;
	if (old == s->pages)
		return j->pages;
	if (map[old] != 0)
		return map[old];
	if (s->page_of[old] != 0)
		return 0;
	p.s = s;
	p.old = old;
	p.new = map[old] = new_num(j);
	g_array_append_val(j->queue, p);
	return p.new;
}

/* "n 0 R", without printf: the join writes one for every reference of
 * every object it copies. */
static void
put_ref(GString *o, guint n)
{
	char digits[16], *d = digits + sizeof digits;

	do {
		*--d = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	g_string_append_len(o, d, digits + sizeof digits - d);
	g_string_append_len(o, " 0 R", 4);
}

static void
put_sep(GString *o)
{
	if (o->len > 0)
		g_string_append_c(o, ' ');
}

/*
 * A page's /StructParents or an annotation's /StructParent (the key t,
 * its number next in lx): a number of the new file's own, each new one
 * remembering the source's, whose entry in the parent tree it takes.
 */
static gboolean
renumber_sp(struct kt_pdf_join *j, const struct kt_pdf_src *s,
    struct lex *lx, const struct tok *t, GString *o)
{
	struct tok v;
	struct sp_from f = { s, 0 };

	if (lex_next(lx, &v) != TK_WORD || !tok_uint(&v, &f.old))
		return FALSE;
	g_array_append_val(j->sps, f);
	put_sep(o);
	g_string_append_len(o, t->s, (gssize)t->n);
	g_string_append_printf(o, " %u", j->sps->len - 1);
	return TRUE;
}

/*
 * The value v of s as text into o, references renumbered. A stream's
 * dictionary gets its data's length in place of its own /Length (which
 * cairo writes as a reference to an object of its own).
 */
gboolean
copy_value(struct kt_pdf_join *j, const struct kt_pdf_src *s, guint *map,
    const struct lex *v, gssize dlen, GString *o)
{
	struct lex lx = *v;
	struct tok t, first;
	int depth = 0;
	guint ref;

	while (lex_next(&lx, &t) != TK_END) {
		switch (t.kind) {
		case TK_ERROR:
		case TK_END:
			return FALSE;
		case TK_DICT:
		case TK_ARRAY:
			depth++;
			break;
		case TK_DICT_END:
			if (depth == 1 && dlen >= 0)
				g_string_append_printf(o, " /Length %"
				    G_GSSIZE_FORMAT, dlen);
			/* fall through */
		case TK_ARRAY_END:
			depth--;
			break;
		case TK_NAME:
			if (depth == 1 && dlen >= 0 && tok_is(&t, "/Length")) {
				if (!skip_value(&lx, &first))
					return FALSE;
				continue;
			}
			if (depth == 1 && (tok_is(&t, "/StructParents") ||
			    tok_is(&t, "/StructParent"))) {
				if (!renumber_sp(j, s, &lx, &t, o))
					return FALSE;
				continue;
			}
			break;
		case TK_WORD:
			if (lex_ref(&lx, &t, &ref)) {
				guint n = remap(j, s, map, ref);

				put_sep(o);
				if (n != 0)
					put_ref(o, n);
				else
					g_string_append(o, "null");
				continue;
			}
			break;
		case TK_STRING:
			break;
		}
		put_sep(o);
		g_string_append_len(o, t.s, (gssize)t.n);
	}
	return depth == 0;
}

/* An element at the top from a document in another language than the
 * new file gets that language, unless it has its own. */
static void
put_lang(struct kt_pdf_join *j, guint num)
{
	const struct lex *lang = g_hash_table_lookup(j->langs,
	    GUINT_TO_POINTER(num));
	GString *o = j->obj;

	if (lang == NULL || strstr(o->str, "/Lang") != NULL || o->len < 2 ||
	    strcmp(o->str + o->len - 2, ">>") != 0)
		return;
	g_string_truncate(o, o->len - 2);
	g_string_append(o, " /Lang ");
	g_string_append_len(o, lang->p, lang->end - lang->p);
	g_string_append(o, " >>");
}

gboolean
copy_queued(struct kt_pdf_join *j, GError **err)
{
	for (guint i = 0; i < j->queue->len; i++) {
		struct pending p = g_array_index(j->queue, struct pending, i);
		guint *map = g_hash_table_lookup(j->maps, p.s);
		const char *data;
		size_t dlen;
		struct lex v;

		g_string_truncate(j->obj, 0);
		if (!src_object(p.s, p.old, &v, &data, &dlen, 0) ||
		    !copy_value(j, p.s, map, &v, data != NULL ? (gssize)dlen :
		    -1, j->obj)) {
			g_array_set_size(j->queue, 0);
			return fail(err, p.s, "cannot be read", p.old);
		}
		put_lang(j, p.new);
		put_object(j, p.new, j->obj, data, dlen);
	}
	g_array_set_size(j->queue, 0);
	return TRUE;
}

void
kt_pdf_join_blank(struct kt_pdf_join *j, double w, double h)
{
	guint num = new_num(j);
	GString *o = g_string_new(NULL);

	g_string_printf(o, "<< /Type /Page /Parent %u 0 R /MediaBox [0 0 "
	    "%.4f %.4f] /Resources << >> >>", j->pages, w, h);
	put_object(j, num, o, NULL, 0);
	g_array_append_val(j->kids, num);
	g_string_free(o, TRUE);
}

void
kt_pdf_join_duplex(struct kt_pdf_join *j)
{
	j->duplex = TRUE;
}

gboolean
kt_pdf_join_page(struct kt_pdf_join *j, const struct kt_pdf_src *s,
    guint page, GError **err)
{
	guint *map = g_hash_table_lookup(j->maps, s);
	struct pending p;

	if (page >= s->kids->len)
		return fail(err, s, "no such page", 0);
	if (map == NULL) {
		map = g_new0(guint, s->size);
		g_hash_table_insert(j->maps, (gpointer)s, map);
		g_ptr_array_add(j->srcs, (gpointer)s);
		if (!join_tree(j, s, map, err))
			return FALSE;
	}
	p.s = s;
	p.old = g_array_index(s->kids, guint, page);
	if (map[p.old] != 0)
		return fail(err, s, "a page is taken twice", p.old);
	p.new = map[p.old] = new_num(j);
	g_array_append_val(j->kids, p.new);
	g_hash_table_insert(j->pos, GUINT_TO_POINTER(p.new),
	    GUINT_TO_POINTER(j->kids->len));
	g_array_append_val(j->queue, p);
	return copy_queued(j, err);
}

void
kt_pdf_join_mark(struct kt_pdf_join *j, const char *title, guint page)
{
	g_ptr_array_add(j->titles, g_strdup(title));
	g_array_append_val(j->marks, page);
}

/* UTF-8 as a PDF text string: literal when it is printable ASCII, else
 * UTF-16BE with a byte order mark. */
void
put_string(GString *o, const char *s)
{
	gboolean ascii = TRUE;
	gunichar2 *u;
	glong n = 0;

	for (const char *c = s; *c != '\0' && ascii; c++)
		ascii = *c >= 0x20 && *c <= 0x7e;
	if (ascii) {
		g_string_append_c(o, '(');
		for (const char *c = s; *c != '\0'; c++) {
			if (*c == '(' || *c == ')' || *c == '\\')
				g_string_append_c(o, '\\');
			g_string_append_c(o, *c);
		}
		g_string_append_c(o, ')');
		return;
	}
	u = g_utf8_to_utf16(s, -1, NULL, &n, NULL);
	g_string_append(o, "<FEFF");
	for (glong i = 0; u != NULL && i < n; i++)
		g_string_append_printf(o, "%04X", u[i]);
	g_string_append_c(o, '>');
	g_free(u);
}

/* The document information: the source's strings, with those given. */
static void
put_info(struct kt_pdf_join *j, const struct kt_pdf_info *in)
{
	const char *const keys[] = { "/Title", "/Subject", "/Keywords" };
	const char *const vals[] = { in->title, in->subject, in->keywords };
	GString *o = j->obj;
	struct lex d, lx;
	struct tok k, first;

	g_string_assign(o, "<<");
	if (in->from != NULL && in->from->info != 0 &&
	    src_dict(in->from, in->from->info, &d)) {
		lx = d;
		(void)lex_next(&lx, &k);
		while (lex_next(&lx, &k) == TK_NAME && skip_value(&lx, &first)) {
			gboolean given = FALSE;

			for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
				given |= vals[i] != NULL && tok_is(&k, keys[i]);
			/* strings only: nothing is referred to from here */
			if (given || first.kind != TK_STRING)
				continue;
			g_string_append_c(o, ' ');
			g_string_append_len(o, k.s, (gssize)k.n);
			g_string_append_c(o, ' ');
			g_string_append_len(o, first.s,
			    (gssize)(lx.p - first.s));
		}
	}
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
		if (vals[i] != NULL) {
			g_string_append_printf(o, " %s ", keys[i]);
			put_string(o, vals[i]);
		}
	g_string_append(o, " >>");
	put_object(j, j->info, o, NULL, 0);
}

/* The bookmarks, one level, each to the whole of its page. */
static guint
put_outline(struct kt_pdf_join *j)
{
	guint n = j->titles->len, top, first;
	GString *o = j->obj;

	if (n == 0)
		return 0;
	top = new_num(j);
	first = j->xref->len;
	for (guint i = 0; i < n; i++)
		(void)new_num(j);
	for (guint i = 0; i < n; i++) {
		guint page = g_array_index(j->marks, guint, i);

		g_string_printf(o, "<< /Title %s /Parent %u 0 R",
		    (const char *)g_ptr_array_index(j->titles, i), top);
		if (i > 0)
			g_string_append_printf(o, " /Prev %u 0 R", first + i - 1);
		if (i + 1 < n)
			g_string_append_printf(o, " /Next %u 0 R", first + i + 1);
		g_string_append_printf(o, " /Dest [ %u 0 R /Fit ] >>",
		    g_array_index(j->kids, guint, page));
		put_object(j, first + i, o, NULL, 0);
	}
	g_string_printf(o, "<< /Type /Outlines /First %u 0 R /Last %u 0 R "
	    "/Count %u >>", first, first + n - 1, n);
	put_object(j, top, o, NULL, 0);
	return top;
}

static void
put_be(GString *o, guint64 v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--)
		g_string_append_c(o, (char)((v >> (8 * i)) & 0xff));
}

/*
 * The ID from the file's content, the same in every build: the MD5 of
 * the file before its trailer. The same sum goes on to the end of the
 * file, so the writer need not read it again: kt_pdf_join_finish().
 */
static void
put_id(struct kt_pdf_join *j, GString *o)
{
	GChecksum *id;

	j->md5 = g_checksum_new(G_CHECKSUM_MD5);
	g_checksum_update(j->md5, (const guchar *)j->out->str,
	    (gssize)j->out->len);
	j->md5_len = j->out->len;
	id = g_checksum_copy(j->md5);
	g_string_append_printf(o, "/ID [ <%s> <%s> ]",
	    g_checksum_get_string(id), g_checksum_get_string(id));
	g_checksum_free(id);
}

static void
put_xref(struct kt_pdf_join *j)
{
	GString *o = j->obj;
	guint size;

	if (!j->objstm) {
		size_t at = j->out->len;

		size = j->xref->len;
		g_string_printf(o, "xref\n0 %u\n0000000000 65535 f \n", size);
		for (guint i = 1; i < size; i++)
			g_string_append_printf(o, "%010" G_GUINT64_FORMAT
			    " 00000 n \n", g_array_index(j->xref, struct xent,
			    i).f2);
		g_string_append_printf(o, "trailer\n<< /Size %u /Root %u 0 R "
		    "/Info %u 0 R ", size, j->catalog, j->info);
		put_id(j, o);
		g_string_append_printf(o, " >>\nstartxref\n%zu\n%%%%EOF\n", at);
		g_string_append_len(j->out, o->str, (gssize)o->len);
		return;
	}
	{
		guint num = new_num(j);
		GString *rows = g_string_sized_new(7 * (gsize)j->xref->len);
		GString *data = g_string_new(NULL);
		size_t at = j->out->len;

		size = j->xref->len;
		g_array_index(j->xref, struct xent, num).type = 1;
		g_array_index(j->xref, struct xent, num).f2 = at;
		for (guint i = 0; i < size; i++) {
			const struct xent *e = &g_array_index(j->xref,
			    struct xent, i);

			put_be(rows, e->type, 1);
			put_be(rows, e->f2, 4);
			put_be(rows, i == 0 ? 65535 : e->f3, 2);
		}
		deflated(data, rows->str, rows->len);
		g_string_printf(o, "%u 0 obj\n<< /Type /XRef /Size %u /W [ 1 4 2 "
		    "] /Root %u 0 R /Info %u 0 R ", num, size, j->catalog,
		    j->info);
		put_id(j, o);
		g_string_append_printf(o, " /Filter /FlateDecode /Length %zu "
		    ">>\nstream\n", data->len);
		g_string_append_len(j->out, o->str, (gssize)o->len);
		g_string_append_len(j->out, data->str, (gssize)data->len);
		g_string_append_printf(j->out, "\nendstream\nendobj\nstartxref\n"
		    "%zu\n%%%%EOF\n", at);
		g_string_free(rows, TRUE);
		g_string_free(data, TRUE);
	}
}

GBytes *
kt_pdf_join_finish(struct kt_pdf_join *j, const struct kt_pdf_info *in,
    char **md5, GError **err)
{
	GString *o = j->obj, *fields;
	guint outline;
	gsize len;
	GBytes *b;

	for (guint i = 0; i < j->marks->len; i++)
		if (g_array_index(j->marks, guint, i) >= j->kids->len) {
			g_set_error(err, kt_pdf_file_error_quark(), 1, "a "
			    "bookmark points past the last page");
			kt_pdf_join_free(j);
			return NULL;
		}
	if (j->kids->len == 0 || j->out->len > G_MAXUINT32) {
		g_set_error(err, kt_pdf_file_error_quark(), 1, "%s",
		    j->kids->len == 0 ? "no pages" : "larger than 4 GB");
		kt_pdf_join_free(j);
		return NULL;
	}
	g_string_assign(o, "<< /Type /Pages /Kids [");
	for (guint i = 0; i < j->kids->len; i++)
		g_string_append_printf(o, " %u 0 R", g_array_index(j->kids,
		    guint, i));
	g_string_append_printf(o, " ] /Count %u >>", j->kids->len);
	put_object(j, j->pages, o, NULL, 0);
	outline = put_outline(j);
	fields = g_string_new(NULL);
	j->lang = in->lang;
	if (!put_tree(j, err) || !join_fields(j, fields, err)) {
		g_string_free(fields, TRUE);
		kt_pdf_join_free(j);
		return NULL;
	}
	g_string_printf(o, "<< /Type /Catalog /Pages %u 0 R", j->pages);
	if (outline != 0)
		g_string_append_printf(o, " /Outlines %u 0 R", outline);
	if (j->tree != 0)
		g_string_append_printf(o, " /StructTreeRoot %u 0 R /MarkInfo "
		    "<< /Marked true >>", j->tree);
	g_string_append(o, " /ViewerPreferences << /DisplayDocTitle true");
	if (j->duplex)
		g_string_append(o, " " KT_PDF_DUPLEX);
	g_string_append(o, " >>");
	if (fields->len > 0)
		put_acroform(o, fields);
	g_string_free(fields, TRUE);
	if (in->lang != NULL) {
		g_string_append(o, " /Lang ");
		put_string(o, in->lang);
	}
	g_string_append(o, " >>");
	put_object(j, j->catalog, o, NULL, 0);
	put_info(j, in);
	flush_objstm(j);
	put_xref(j);
	for (guint i = 1; i < j->xref->len; i++)
		if (g_array_index(j->xref, struct xent, i).type == 0) {
			g_set_error(err, kt_pdf_file_error_quark(), 1, "object "
			    "%u was not written", i);
			kt_pdf_join_free(j);
			return NULL;
		}
	len = j->out->len;
	if (md5 != NULL) {
		g_checksum_update(j->md5, (const guchar *)j->out->str +
		    j->md5_len, (gssize)(len - j->md5_len));
		*md5 = g_strdup(g_checksum_get_string(j->md5));
	}
	b = g_bytes_new_take(g_string_free(j->out, FALSE), len);
	j->out = NULL;
	kt_pdf_join_free(j);
	return b;
}
