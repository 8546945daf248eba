/*
 * PDF files once they are bytes. cairo 1.16's output needs three repairs
 * (a broken cross-reference entry, repeated resource names, no /Lang),
 * made in place or as an incremental update so no offset moves.
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
#include "print/pdffile.h"

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
static const char *
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

enum tok_kind {
	TK_ERROR, TK_END, TK_DICT, TK_DICT_END, TK_ARRAY, TK_ARRAY_END,
	TK_NAME, TK_STRING, TK_WORD
};

struct tok {
	enum tok_kind kind;
	const char *s;
	size_t n;
};

struct lex {
	const char *p, *end;
};

static gboolean
pdf_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	    c == '\0';
}

static gboolean
pdf_delim(char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	    c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
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
	while (p < end && !pdf_space(*p) && !pdf_delim(*p))
		p++;
	return p;
}

static enum tok_kind
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

static gboolean
tok_is(const struct tok *t, const char *s)
{
	return t->n == strlen(s) && memcmp(t->s, s, t->n) == 0;
}

static gboolean
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
static gboolean
lex_ref(struct lex *lx, const struct tok *t, guint *num)
{
	struct lex at = *lx;
	struct tok g, r;
	guint64 n, gen;

	if (tok_uint(t, &n) && n <= G_MAXUINT &&
	    lex_next(lx, &g) == TK_WORD && tok_uint(&g, &gen) &&
	    lex_next(lx, &r) == TK_WORD && tok_is(&r, "R")) {
		*num = (guint)n;
		return TRUE;
	}
	*lx = at;
	return FALSE;
}

/* One whole value (a reference is one); *first is its first token. */
static gboolean
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
static gboolean
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

static gboolean
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

struct kt_pdf_src {
	char *name;
	const char *data;
	size_t len;
	guint size;		/* objects, as the trailer says */
	gint64 *at;		/* offset of each, 0 if free, -1 unknown */
	guint root, info, pages;
	GArray *kids;		/* guint: the pages' objects, in order */
	guint *page_of;		/* by object: its page + 1, 0 for none */
	struct src_tree *tree;	/* read when first joined: src_tree() */
};

/* A structure element at the top, below the Document, and its pages. */
struct top_elem {
	guint num;
	guint first, last;	/* pages, from 0; first > last: none */
};

/* A source's structure tree, as the join needs it. */
struct src_tree {
	guint root, doc;	/* the root, the Document (or the root) */
	GArray *tops;		/* struct top_elem, in the tree's order */
	GHashTable *nums;	/* the parent tree: key -> struct lex * */
	struct lex rolemap;	/* or p == NULL */
	struct lex acroform;	/* the catalog's /AcroForm, or p == NULL */
};

static gboolean
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

/*
 * Object num: its value as a span in *v, and for a stream its data.
 * The length of a stream may be an object of its own, as cairo writes it.
 */
static gboolean
src_object(const struct kt_pdf_src *s, guint num, struct lex *v,
    const char **data, size_t *dlen, int depth)
{
	struct lex lx, after, len;
	struct tok a, b, c, first, k;
	guint64 n, gen, l;
	guint ref;

	*data = NULL;
	*dlen = 0;
	if (num == 0 || num >= s->size || s->at[num] <= 0 ||
	    (size_t)s->at[num] >= s->len)
		return FALSE;
	lx.p = s->data + s->at[num];
	lx.end = s->data + s->len;
	if (lex_next(&lx, &a) != TK_WORD || !tok_uint(&a, &n) || n != num ||
	    lex_next(&lx, &b) != TK_WORD || !tok_uint(&b, &gen) ||
	    lex_next(&lx, &c) != TK_WORD || !tok_is(&c, "obj") ||
	    !skip_value(&lx, &first))
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

/* A dictionary object's value; FALSE for anything else. */
static gboolean
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

static gboolean
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

struct xent {
	guint8 type;		/* 0 free, 1 at an offset, 2 in a stream */
	guint64 f2;		/* offset, or the object stream's number */
	guint f3;		/* index in the object stream */
};

struct pending {
	const struct kt_pdf_src *s;
	guint old, new;
};

struct kt_pdf_join {
	GString *out;		/* the file so far */
	GArray *xref;		/* struct xent, by the new numbers */
	gboolean objstm;
	gboolean duplex;	/* KT_PDF_DUPLEX in the catalog */
	GString *os, *os_index;	/* the object stream being filled */
	guint os_num, os_count;
	guint catalog, pages, info;
	GArray *kids;		/* guint: the new pages' objects */
	GHashTable *maps;	/* source -> guint[]: old number -> new */
	GArray *queue;		/* struct pending, to copy */
	GPtrArray *titles;	/* bookmarks: PDF strings */
	GArray *marks;		/* and their pages */
	GString *obj;		/* one object's text */
	GPtrArray *srcs;	/* the sources, in the order first used */
	GHashTable *pos;	/* new page object -> its place + 1 */
	GArray *sps;		/* struct sp_from, by new /StructParents */
	guint tree, doc;	/* the new structure root and Document */
};

/* Where a new /StructParent(s) number came from. */
struct sp_from {
	const struct kt_pdf_src *s;
	guint64 old;
};

static guint
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
	g_array_free(j->queue, TRUE);
	g_ptr_array_free(j->titles, TRUE);
	g_array_free(j->marks, TRUE);
	g_string_free(j->obj, TRUE);
	g_ptr_array_free(j->srcs, TRUE);
	g_hash_table_destroy(j->pos);
	g_array_free(j->sps, TRUE);
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
	    (uLong)len, Z_DEFAULT_COMPRESSION);
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
static void
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
static guint
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
static gboolean
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
					g_string_append_printf(o, "%u 0 R", n);
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

static gboolean
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
		put_object(j, p.new, j->obj, data, dlen);
	}
	g_array_set_size(j->queue, 0);
	return TRUE;
}

static gboolean join_tree(struct kt_pdf_join *, const struct kt_pdf_src *,
    guint *map, GError **);

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

void
kt_pdf_join_mark(struct kt_pdf_join *j, const char *title, guint page)
{
	g_ptr_array_add(j->titles, g_strdup(title));
	g_array_append_val(j->marks, page);
}

/* UTF-8 as a PDF text string: literal when it is printable ASCII, else
 * UTF-16BE with a byte order mark. */
static void
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

/* The ID from the file's content, the same in every build. */
static void
put_id(GString *o, const GString *file)
{
	char *md5 = g_compute_checksum_for_data(G_CHECKSUM_MD5,
	    (const guchar *)file->str, file->len);

	g_string_append_printf(o, "/ID [ <%s> <%s> ]", md5, md5);
	g_free(md5);
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
		put_id(o, j->out);
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
		put_id(o, j->out);
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

static gboolean put_tree(struct kt_pdf_join *, GError **);
static gboolean join_fields(struct kt_pdf_join *, GString *, GError **);
static void put_acroform(GString *o, const GString *fields);

GBytes *
kt_pdf_join_finish(struct kt_pdf_join *j, const struct kt_pdf_info *in,
    GError **err)
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
	b = g_bytes_new_take(g_string_free(j->out, FALSE), len);
	j->out = NULL;
	kt_pdf_join_free(j);
	return b;
}

/* ---- the structure tree ---- */

/* Called for each element of the tree, before those inside it. */
typedef gboolean (*elem_fn)(const struct kt_pdf_src *, guint num,
    const struct lex *dict, void *data, GError **);

struct walk {
	elem_fn fn;
	void *data;
	guint8 *seen;		/* by object: visited */
};

static gboolean walk_kids(const struct kt_pdf_src *, const struct lex *,
    struct walk *, int depth, GError **);

/* Element num and those inside it; an object with no /S (a marked-
 * content or object reference) is not an element. */
static gboolean
walk_elem(const struct kt_pdf_src *s, guint num, struct walk *w, int depth,
    GError **err)
{
	struct lex d, v;

	if (num >= s->size || w->seen[num])
		return fail(err, s, "an element is in the structure tree "
		    "twice, or is not there", num);
	w->seen[num] = 1;
	if (!src_dict(s, num, &d))
		return fail(err, s, "a structure element is not a dictionary",
		    num);
	if (!dict_get(&d, "/S", &v))
		return TRUE;
	if (!w->fn(s, num, &d, w->data, err))
		return FALSE;
	return !dict_get(&d, "/K", &v) || walk_kids(s, &v, w, depth + 1, err);
}

/* The references in a /K: one, or an array of them among marked-content
 * numbers and dictionaries, in order, appended to refs (guint). */
static gboolean
kid_refs(const struct lex *kids, GArray *refs)
{
	struct lex lx = *kids, at, v;
	struct tok t, first;
	guint ref;

	if (span_ref(kids, &ref)) {
		g_array_append_val(refs, ref);
		return TRUE;
	}
	if (lex_next(&lx, &t) != TK_ARRAY)
		return TRUE;
	for (;;) {
		at = lx;
		if (lex_next(&lx, &t) == TK_ARRAY_END)
			return TRUE;
		lx = at;
		if (!skip_value(&lx, &first))
			return FALSE;
		v.p = first.s;
		v.end = lx.p;
		if (span_ref(&v, &ref))
			g_array_append_val(refs, ref);
	}
}

/* The elements of a /K, each with those inside it. */
static gboolean
walk_kids(const struct kt_pdf_src *s, const struct lex *kids, struct walk *w,
    int depth, GError **err)
{
	GArray *refs = g_array_new(FALSE, FALSE, sizeof(guint));
	gboolean ok = TRUE;

	if (depth > 64)
		ok = fail(err, s, "the structure tree is too deep", 0);
	else if (!kid_refs(kids, refs))
		ok = fail(err, s, "a structure element's /K cannot be read",
		    0);
	for (guint i = 0; ok && i < refs->len; i++)
		ok = walk_elem(s, g_array_index(refs, guint, i), w, depth, err);
	g_array_free(refs, TRUE);
	return ok;
}

/* Every element of s's tree from its root, in the tree's order. */
static gboolean
struct_walk(const struct kt_pdf_src *s, guint root, elem_fn fn, void *data,
    GError **err)
{
	struct walk w = { fn, data, g_new0(guint8, s->size) };
	struct lex d, k;
	gboolean ok = TRUE;

	if (!src_dict(s, root, &d))
		ok = fail(err, s, "the structure tree's root is not a "
		    "dictionary", root);
	else if (dict_get(&d, "/K", &k))
		ok = walk_kids(s, &k, &w, 0, err);
	g_free(w.seen);
	return ok;
}

/* The structure tree's root, or 0 when the file has none. */
static guint
src_struct_root(const struct kt_pdf_src *s)
{
	struct lex cat;
	guint num = 0;

	if (src_dict(s, s->root, &cat))
		(void)dict_ref(&cat, "/StructTreeRoot", &num);
	return num;
}

/* ---- what cairo cannot write: an incremental update ---- */

struct upd_obj {
	guint num;
	size_t at;
};

struct update {
	const struct kt_pdf_src *s;
	const struct kt_pdf_extra *x;
	GString *out;
	GArray *objs;		/* struct upd_obj, as written */
	guint next, index;	/* the next extra; the element's place */
	guint field;		/* the next field with a Form element */
	guint *forms;		/* by field: its Form element, or 0 */
	guint first;		/* the first widget's number */
};

static void
upd_begin(struct update *u, guint num)
{
	struct upd_obj o = { num, u->out->len };

	g_array_append_val(u->objs, o);
	g_string_append_printf(u->out, "%u 0 obj\n", num);
}

/* The dictionary d's text without its closing ">>" and without the keys
 * in skip (NULL-ended), into o. */
static void
dict_head(GString *o, const struct lex *d, const char *const *skip)
{
	struct lex lx = *d;
	struct tok k, first;

	(void)lex_next(&lx, &k);
	g_string_append(o, "<<");
	while (lex_next(&lx, &k) == TK_NAME) {
		const char *from = k.s;
		gboolean drop = FALSE;

		if (!skip_value(&lx, &first))
			return;
		for (int i = 0; skip != NULL && skip[i] != NULL; i++)
			drop |= tok_is(&k, skip[i]);
		if (drop)
			continue;
		g_string_append_c(o, ' ');
		g_string_append_len(o, from, (gssize)(lx.p - from));
	}
}

static void put_string(GString *o, const char *s);

/* Field u->field's Form element, num: its widget is its content. */
static gboolean
form_elem(struct update *u, guint num, const struct lex *d, GError **err)
{
	static const char *const skip[] = { "/K", "/Pg", NULL };
	const struct kt_pdf_widget *f = &u->x->fields[u->field];
	struct lex type;
	guint page;

	if (!dict_get(d, "/S", &type) || (size_t)(type.end - type.p) != 5 ||
	    memcmp(type.p, "/Form", 5) != 0 || f->page >= u->s->kids->len)
		return fail(err, u->s, "the structure tree is not the one "
		    "drawn", num);
	page = g_array_index(u->s->kids, guint, f->page);
	u->forms[u->field] = num;
	upd_begin(u, num);
	dict_head(u->out, d, skip);
	g_string_append_printf(u->out, " /Pg %u 0 R /K << /Type /OBJR /Obj "
	    "%u 0 R /Pg %u 0 R >> >>\nendobj\n", page, u->first + 2 *
	    u->field, page);
	/* the fields with no element of their own are passed over */
	for (u->field++; u->field < u->x->n_fields &&
	    u->x->fields[u->field].elem == 0; u->field++)
		;
	return TRUE;
}

static gboolean
add_to_elem(const struct kt_pdf_src *s, guint num, const struct lex *d,
    void *data, GError **err)
{
	static const char *const skip[] = { "/Alt", "/Lang", NULL };
	struct update *u = data;
	const struct kt_pdf_elem_extra *e;
	guint i = u->index++;
	struct lex type;

	if (u->field < u->x->n_fields && u->x->fields[u->field].elem == i + 1)
		return form_elem(u, num, d, err);
	if (u->next >= u->x->n_elems || u->x->elems[u->next].index != i)
		return TRUE;
	e = &u->x->elems[u->next++];
	if (!dict_get(d, "/S", &type) || (size_t)(type.end - type.p) !=
	    strlen(e->type) + 1 || memcmp(type.p + 1, e->type,
	    strlen(e->type)) != 0)
		return fail(err, s, "the structure tree is not the one drawn",
		    num);
	upd_begin(u, num);
	dict_head(u->out, d, skip);
	if (e->alt != NULL) {
		g_string_append(u->out, " /Alt ");
		put_string(u->out, e->alt);
	}
	if (e->lang != NULL) {
		g_string_append(u->out, " /Lang ");
		put_string(u->out, e->lang);
	}
	g_string_append(u->out, " >>\nendobj\n");
	return TRUE;
}

/* The form's dictionary in a catalog: fields is a list of references;
 * an empty value is typed in Helvetica, which every viewer has. */
static void
put_acroform(GString *o, const GString *fields)
{
	g_string_append_printf(o, " /AcroForm << /Fields [%s ] "
	    "/NeedAppearances true /DA (/Helv 12 Tf 0 g) /DR << /Font << "
	    "/Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
	    "/Encoding /WinAnsiEncoding >> >> >> >>", fields->str);
}

/*
 * The fields: a widget each, over its place, with an empty appearance,
 * so an unfilled page prints as it was drawn; each page with fields
 * gets a new version with the widgets among its annotations. The widgets
 * are new objects from first on; their references go into fields.
 */
static gboolean
add_fields(struct update *u, guint first, GString *fields, guint key,
    GError **err)
{
	static const char *const skip[] = { "/Annots", NULL };
	const struct kt_pdf_extra *x = u->x;
	const struct kt_pdf_src *s = u->s;

	for (guint i = 0; i < x->n_fields; i++) {
		const struct kt_pdf_widget *f = &x->fields[i];
		guint w = first + 2 * i, page;

		if (f->page >= s->kids->len)
			return fail(err, s, "a field on no page", 0);
		page = g_array_index(s->kids, guint, f->page);
		g_string_append_printf(fields, " %u 0 R", w);
		upd_begin(u, w);
		g_string_append(u->out, "<< /Type /Annot /Subtype /Widget "
		    "/FT /Tx /F 4 /T ");
		put_string(u->out, f->name);
		if (u->forms[i] != 0)
			g_string_append_printf(u->out, " /StructParent %u",
			    key++);
		g_string_append_printf(u->out, " /Rect [ %.2f %.2f %.2f %.2f ] "
		    "/P %u 0 R /DA (/Helv 12 Tf 0 g) /AP << /N %u 0 R >> >>\n"
		    "endobj\n", f->rect[0], f->rect[1], f->rect[2], f->rect[3],
		    page, w + 1);
		upd_begin(u, w + 1);
		g_string_append_printf(u->out, "<< /Type /XObject /Subtype "
		    "/Form /BBox [ 0 0 %.2f %.2f ] /Length 0 >>\nstream\n\n"
		    "endstream\nendobj\n", f->rect[2] - f->rect[0],
		    f->rect[3] - f->rect[1]);
	}
	for (guint i = 0; i < x->n_fields; i++) {
		guint pg = x->fields[i].page, page;
		struct lex d, annots;

		if (i > 0 && x->fields[i - 1].page == pg)
			continue;
		page = g_array_index(s->kids, guint, pg);
		if (!src_dict(s, page, &d))
			return fail(err, s, "a page is not a dictionary", page);
		upd_begin(u, page);
		dict_head(u->out, &d, skip);
		g_string_append(u->out, " /Annots [");
		if (dict_get(&d, "/Annots", &annots)) {
			if (annots.end - annots.p < 2 || *annots.p != '[')
				return fail(err, s, "/Annots is not an array",
				    page);
			g_string_append_len(u->out, annots.p + 1,
			    annots.end - annots.p - 2);
		}
		for (guint j = i; j < x->n_fields && x->fields[j].page == pg;
		    j++)
			g_string_append_printf(u->out, " %u 0 R", first + 2 * j);
		g_string_append(u->out, " ] >>\nendobj\n");
	}
	return TRUE;
}

static gint
upd_cmp(gconstpointer a, gconstpointer b)
{
	guint x = ((const struct upd_obj *)a)->num;
	guint y = ((const struct upd_obj *)b)->num;

	return x < y ? -1 : x > y;
}

/* The new catalog, then the cross-reference section and the trailer. */
static void
upd_finish(struct update *u, long prev, guint size, const GString *fields)
{
	static const char *const skip[] = { "/Lang", "/ViewerPreferences",
		"/AcroForm", NULL };
	const struct kt_pdf_src *s = u->s;
	struct lex cat;
	size_t xat;

	(void)src_dict(s, s->root, &cat);
	upd_begin(u, s->root);
	dict_head(u->out, &cat, skip);
	if (u->x->lang != NULL) {
		g_string_append(u->out, " /Lang ");
		put_string(u->out, u->x->lang);
	}
	g_string_append(u->out, " /ViewerPreferences << /DisplayDocTitle "
	    "true");
	if (u->x->duplex)
		g_string_append(u->out, " " KT_PDF_DUPLEX);
	g_string_append(u->out, " >>");
	if (fields->len > 0)
		put_acroform(u->out, fields);
	g_string_append(u->out, " >>\nendobj\n");
	g_array_sort(u->objs, upd_cmp);
	xat = u->out->len;
	g_string_append(u->out, "xref\n");
	for (guint i = 0; i < u->objs->len; i++) {
		const struct upd_obj *o = &g_array_index(u->objs,
		    struct upd_obj, i);

		g_string_append_printf(u->out, "%u 1\n%010zu 00000 n \n",
		    o->num, o->at);
	}
	g_string_append_printf(u->out, "trailer\n<< /Size %u /Root %u 0 R",
	    size, s->root);
	if (s->info != 0)
		g_string_append_printf(u->out, " /Info %u 0 R", s->info);
	g_string_append_printf(u->out, " /Prev %ld >>\nstartxref\n%zu\n"
	    "%%%%EOF\n", prev, xat);
}

static gboolean read_nums(const struct kt_pdf_src *, const struct lex *,
    GHashTable *, GError **);

/*
 * The parent tree with an entry for each widget in a Form element, from
 * key on (the first after cairo's): a new version of its object.
 */
static gboolean
add_parent_entries(struct update *u, guint root, guint key, GError **err)
{
	static const char *const skip[] = { "/Nums", NULL };
	const struct kt_pdf_src *s = u->s;
	struct lex d, pt, nums;
	guint num;

	if (!src_dict(s, root, &d) || !dict_get(&d, "/ParentTree", &pt) ||
	    !span_ref(&pt, &num) || !src_dict(s, num, &pt) ||
	    !dict_get(&pt, "/Nums", &nums) || nums.end - nums.p < 2 ||
	    *nums.p != '[')
		return fail(err, s, "the parent tree is not cairo's", root);
	upd_begin(u, num);
	dict_head(u->out, &pt, skip);
	g_string_append(u->out, " /Nums [");
	g_string_append_len(u->out, nums.p + 1, nums.end - nums.p - 2);
	for (guint i = 0; i < u->x->n_fields; i++)
		if (u->forms[i] != 0)
			g_string_append_printf(u->out, " %u %u 0 R", key++,
			    u->forms[i]);
	g_string_append(u->out, " ] >>\nendobj\n");
	return TRUE;
}

/* The first key after those of the parent tree of root (0 for none). */
static guint
next_key(const struct kt_pdf_src *s, guint root, GError **err)
{
	GHashTable *nums = g_hash_table_new_full(NULL, NULL, NULL, g_free);
	GHashTableIter it;
	gpointer k;
	guint next = 0;
	struct lex d;

	if (root != 0 && src_dict(s, root, &d) && read_nums(s, &d, nums,
	    err)) {
		g_hash_table_iter_init(&it, nums);
		while (g_hash_table_iter_next(&it, &k, NULL))
			next = MAX(next, GPOINTER_TO_UINT(k) + 1);
	}
	g_hash_table_destroy(nums);
	return next;
}

GString *
kt_pdf_update(const char *pdf, size_t len, const struct kt_pdf_extra *x,
    GError **err)
{
	struct kt_pdf_src *s = kt_pdf_src_new("the PDF cairo made", pdf, len,
	    err);
	struct update u = { s, x, NULL, NULL, 0, 0, 0, NULL, 0 };
	GString *fields = g_string_new(NULL);
	guint root, size, key = 0, forms = 0;
	long prev;
	gboolean ok = s != NULL && last_xref(pdf, len, &prev) != NULL;

	if (s != NULL && !ok)
		ok = fail(err, s, "no cross-reference table", 0);
	if (ok) {
		size = s->size + 2 * x->n_fields;
		u.out = g_string_sized_new(len + 4096);
		g_string_append_len(u.out, pdf, (gssize)len);
		if (pdf[len - 1] != '\n')
			g_string_append_c(u.out, '\n');
		u.objs = g_array_new(FALSE, FALSE, sizeof(struct upd_obj));
		u.forms = g_new0(guint, x->n_fields + 1);
		u.first = s->size;
		while (u.field < x->n_fields && x->fields[u.field].elem == 0)
			u.field++;
		for (guint i = 0; i < x->n_fields; i++)
			forms += x->fields[i].elem != 0;
		root = x->n_elems + forms > 0 ? src_struct_root(s) : 0;
		if (x->n_elems + forms > 0 && root == 0)
			ok = fail(err, s, "no structure tree", 0);
		else if (root != 0)
			ok = struct_walk(s, root, add_to_elem, &u, err);
		if (ok && (u.next < x->n_elems || u.field < x->n_fields))
			ok = fail(err, s, "fewer elements in the structure "
			    "tree than were drawn", 0);
		if (ok && forms > 0) {
			key = next_key(s, root, err);
			ok = add_parent_entries(&u, root, key, err);
		}
		ok = ok && add_fields(&u, s->size, fields, key, err);
		if (ok)
			upd_finish(&u, prev, size, fields);
		g_array_free(u.objs, TRUE);
		g_free(u.forms);
		if (!ok) {
			g_string_free(u.out, TRUE);
			u.out = NULL;
		}
	}
	g_string_free(fields, TRUE);
	kt_pdf_src_free(s);
	return u.out;
}

/* ---- the structure tree and the fields of a joined file ---- */

/* The pages an element refers to (/Pg, in marked-content and object
 * references), into the struct top_elem it is in. */
static gboolean
elem_pages(const struct kt_pdf_src *s, guint num, const struct lex *d,
    void *data, GError **err)
{
	struct top_elem *t = data;
	struct lex lx = *d;
	struct tok k;
	guint ref;

	while (lex_next(&lx, &k) != TK_END) {
		if (k.kind == TK_ERROR)
			return fail(err, s, "a structure element cannot be "
			    "read", num);
		if (k.kind == TK_WORD && lex_ref(&lx, &k, &ref) &&
		    ref < s->size && s->page_of[ref] != 0) {
			t->first = MIN(t->first, s->page_of[ref] - 1);
			t->last = MAX(t->last, s->page_of[ref] - 1);
		}
	}
	return TRUE;
}

/* The parent tree's /Nums (one level: /Kids are not read) into nums. */
static gboolean
read_nums(const struct kt_pdf_src *s, const struct lex *root,
    GHashTable *nums, GError **err)
{
	struct lex pt, lx, *v;
	struct tok t, first;
	guint ref;
	guint64 key;

	if (!dict_get(root, "/ParentTree", &pt))
		return TRUE;
	if (span_ref(&pt, &ref) && !src_dict(s, ref, &pt))
		return fail(err, s, "the parent tree is not a dictionary", ref);
	if (dict_get(&pt, "/Kids", &lx))
		return fail(err, s, "a parent tree in parts (/Kids) is not "
		    "read", 0);
	if (!dict_get(&pt, "/Nums", &lx) || lex_next(&lx, &t) != TK_ARRAY)
		return fail(err, s, "the parent tree has no /Nums", 0);
	while (lex_next(&lx, &t) == TK_WORD && tok_uint(&t, &key)) {
		v = g_new(struct lex, 1);
		if (!skip_value(&lx, &first)) {
			g_free(v);
			return fail(err, s, "the parent tree cannot be read", 0);
		}
		v->p = first.s;
		v->end = lx.p;
		g_hash_table_insert(nums, GUINT_TO_POINTER((guint)key), v);
	}
	return t.kind == TK_ARRAY_END ? TRUE : fail(err, s, "the parent "
	    "tree's /Nums is not pairs of a number and a value", 0);
}

/* The elements at the top, each with its pages: kids of the Document
 * when the root holds only that, else of the root. */
static gboolean
read_tops(struct kt_pdf_src *s, struct src_tree *t, const struct lex *root,
    GError **err)
{
	GArray *refs = g_array_new(FALSE, FALSE, sizeof(guint));
	struct walk w = { elem_pages, NULL, g_new0(guint8, s->size) };
	struct lex kids, d, type;
	gboolean ok;

	t->doc = t->root;
	w.seen[t->root] = 1;
	ok = !dict_get(root, "/K", &kids) || kid_refs(&kids, refs);
	if (ok && refs->len == 1 && src_dict(s, g_array_index(refs, guint,
	    0), &d) && dict_get(&d, "/S", &type) &&
	    (size_t)(type.end - type.p) == 9 &&
	    memcmp(type.p, "/Document", 9) == 0) {
		t->doc = g_array_index(refs, guint, 0);
		w.seen[t->doc] = 1;
		g_array_set_size(refs, 0);
		ok = !dict_get(&d, "/K", &kids) || kid_refs(&kids, refs);
	}
	if (!ok)
		fail(err, s, "the structure tree's /K cannot be read", 0);
	for (guint i = 0; ok && i < refs->len; i++) {
		struct top_elem e = { g_array_index(refs, guint, i), G_MAXUINT,
		    0 };

		w.data = &e;
		ok = walk_elem(s, e.num, &w, 0, err);
		g_array_append_val(t->tops, e);
	}
	g_free(w.seen);
	g_array_free(refs, TRUE);
	return ok;
}

/* s's structure tree, read once: NULL with *err when it cannot be. */
static struct src_tree *
src_tree(struct kt_pdf_src *s, GError **err)
{
	struct src_tree *t;
	struct lex cat, root;
	gboolean ok = TRUE;

	if (s->tree != NULL)
		return s->tree;
	t = g_new0(struct src_tree, 1);
	t->tops = g_array_new(FALSE, FALSE, sizeof(struct top_elem));
	t->nums = g_hash_table_new_full(NULL, NULL, NULL, g_free);
	if (src_dict(s, s->root, &cat) && !dict_get(&cat, "/AcroForm",
	    &t->acroform))
		t->acroform.p = NULL;
	t->root = src_struct_root(s);
	if (t->root != 0 && t->root < s->size) {
		ok = src_dict(s, t->root, &root) ||
		    fail(err, s, "the structure tree's root is not a "
		    "dictionary", t->root);
		if (ok && !dict_get(&root, "/RoleMap", &t->rolemap))
			t->rolemap.p = NULL;
		ok = ok && read_tops(s, t, &root, err) &&
		    read_nums(s, &root, t->nums, err);
	} else {
		t->root = 0;
	}
	if (!ok) {
		g_array_free(t->tops, TRUE);
		g_hash_table_destroy(t->nums);
		g_free(t);
		return NULL;
	}
	return s->tree = t;
}

/* A source's tree (read now) hangs below the new Document. */
static gboolean
join_tree(struct kt_pdf_join *j, const struct kt_pdf_src *s, guint *map,
    GError **err)
{
	/* what is read once for every file cut from the same source */
	struct src_tree *t = src_tree((struct kt_pdf_src *)s, err);

	if (t == NULL)
		return FALSE;
	if (t->root == 0)
		return TRUE;
	if (j->tree == 0) {
		j->tree = new_num(j);
		j->doc = new_num(j);
	}
	map[t->root] = j->doc;
	map[t->doc] = j->doc;
	return TRUE;
}

/* The place + 1 in the new file of a page of s, or 0 if not taken. */
static guint
page_pos(const struct kt_pdf_join *j, const struct kt_pdf_src *s,
    const guint *map, guint page)
{
	guint n = map[g_array_index(s->kids, guint, page)];

	return n == 0 ? 0 : GPOINTER_TO_UINT(g_hash_table_lookup(j->pos,
	    GUINT_TO_POINTER(n)));
}

struct top_taken {
	guint pos, seq;
	const struct kt_pdf_src *s;
	guint num;
};

static gint
taken_cmp(gconstpointer a, gconstpointer b)
{
	const struct top_taken *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The elements at the top of every source whose pages were taken, in
 * the order of their first page in the new file: their references. */
static gboolean
put_tops(struct kt_pdf_join *j, GString *kids, GError **err)
{
	GArray *taken = g_array_new(FALSE, FALSE, sizeof(struct top_taken));
	gboolean ok = TRUE;

	for (guint i = 0; i < j->srcs->len && ok; i++) {
		const struct kt_pdf_src *s = g_ptr_array_index(j->srcs, i);
		guint *map = g_hash_table_lookup(j->maps, s);

		for (guint e = 0; s->tree != NULL && e < s->tree->tops->len &&
		    ok; e++) {
			const struct top_elem *t = &g_array_index(s->tree->tops,
			    struct top_elem, e);
			struct top_taken k = { 0, taken->len, s, t->num };
			guint in = 0;

			for (guint p = t->first; p <= t->last; p++)
				in += page_pos(j, s, map, p) != 0;
			if (in == 0)
				continue;
			if (in != t->last - t->first + 1)
				ok = fail(err, s, "a structure element is on "
				    "pages taken and pages not taken", t->num);
			k.pos = page_pos(j, s, map, t->first);
			g_array_append_val(taken, k);
		}
	}
	g_array_sort(taken, taken_cmp);
	for (guint i = 0; i < taken->len && ok; i++) {
		const struct top_taken *k = &g_array_index(taken,
		    struct top_taken, i);

		g_string_append_printf(kids, " %u 0 R", remap(j, k->s,
		    g_hash_table_lookup(j->maps, k->s), k->num));
	}
	g_array_free(taken, TRUE);
	return ok && copy_queued(j, err);
}

/* The new parent tree: each new /StructParents number with the entry of
 * the one it came from. */
static gboolean
put_nums(struct kt_pdf_join *j, GString *nums, GError **err)
{
	GString *v = g_string_new(NULL);
	gboolean ok = TRUE;

	for (guint i = 0; i < j->sps->len && ok; i++) {
		const struct sp_from *f = &g_array_index(j->sps,
		    struct sp_from, i);
		const struct lex *old = f->s->tree == NULL || f->old >
		    G_MAXUINT ? NULL : g_hash_table_lookup(f->s->tree->nums,
		    GUINT_TO_POINTER((guint)f->old));

		if (old == NULL)
			continue;
		g_string_truncate(v, 0);
		ok = copy_value(j, f->s, g_hash_table_lookup(j->maps, f->s),
		    old, -1, v) || fail(err, f->s, "the parent tree cannot "
		    "be read", 0);
		g_string_append_printf(nums, " %u %s", i, v->str);
	}
	g_string_free(v, TRUE);
	return ok && copy_queued(j, err);
}

static gboolean
put_tree(struct kt_pdf_join *j, GError **err)
{
	GString *kids = g_string_new(NULL), *nums = g_string_new(NULL);
	GString *o = g_string_new(NULL);
	guint pt;
	gboolean ok = j->tree == 0 || (put_tops(j, kids, err) &&
	    put_nums(j, nums, err));

	if (ok && j->tree != 0) {
		pt = new_num(j);
		g_string_printf(o, "<< /Nums [%s ] >>", nums->str);
		put_object(j, pt, o, NULL, 0);
		g_string_printf(o, "<< /Type /StructTreeRoot /K %u 0 R "
		    "/ParentTree %u 0 R /ParentTreeNextKey %u", j->doc, pt,
		    j->sps->len);
		for (guint i = 0; i < j->srcs->len; i++) {
			const struct kt_pdf_src *s = g_ptr_array_index(j->srcs,
			    i);

			/* names for names: the first source's serves all */
			if (s->tree != NULL && s->tree->rolemap.p != NULL) {
				g_string_append(o, " /RoleMap");
				ok = copy_value(j, s, g_hash_table_lookup(
				    j->maps, s), &s->tree->rolemap, -1, o);
				break;
			}
		}
		g_string_append(o, " >>");
		put_object(j, j->tree, o, NULL, 0);
		g_string_printf(o, "<< /Type /StructElem /S /Document /P %u 0 R "
		    "/K [%s ] >>", j->tree, kids->str);
		put_object(j, j->doc, o, NULL, 0);
		ok = ok && copy_queued(j, err);
	}
	g_string_free(kids, TRUE);
	g_string_free(nums, TRUE);
	g_string_free(o, TRUE);
	return ok;
}

/* The fields of every source whose widgets were copied with their pages:
 * their new references into fields. */
static gboolean
join_fields(struct kt_pdf_join *j, GString *fields, GError **err)
{
	GArray *refs = g_array_new(FALSE, FALSE, sizeof(guint));
	gboolean ok = TRUE;

	for (guint i = 0; i < j->srcs->len && ok; i++) {
		const struct kt_pdf_src *s = g_ptr_array_index(j->srcs, i);
		const guint *map = g_hash_table_lookup(j->maps, s);
		struct lex form, list;
		guint ref;

		if (s->tree == NULL || s->tree->acroform.p == NULL)
			continue;
		form = s->tree->acroform;
		if (span_ref(&form, &ref) && !src_dict(s, ref, &form))
			ok = fail(err, s, "/AcroForm is not a dictionary", ref);
		g_array_set_size(refs, 0);
		if (ok && dict_get(&form, "/Fields", &list) &&
		    !kid_refs(&list, refs))
			ok = fail(err, s, "/Fields cannot be read", 0);
		for (guint f = 0; ok && f < refs->len; f++) {
			ref = g_array_index(refs, guint, f);
			if (ref < s->size && map[ref] != 0)
				g_string_append_printf(fields, " %u 0 R",
				    map[ref]);
		}
	}
	g_array_free(refs, TRUE);
	return ok;
}
