/*
 * A PDF's structure tree and form fields once it is bytes: what cairo
 * cannot write (/Alt and /Lang on elements, /Lang and /DisplayDocTitle in
 * the catalog, the fields with their widgets) added as an incremental
 * update, and the tree and the fields of the sources carried into a
 * joined file (a sheet cut from its chunk, a bundle, a class's sheets):
 * the elements at the top in the order of their pages, the parent tree
 * renumbered. Reading and copying objects is pdffile.c's.
 */
#include "print/pdfread.h"

#include <string.h>

/* ---- the structure tree ---- */

/* An element's /S, /K and /Pg, read with its dictionary (p NULL when it
 * has none). */
enum { ELEM_S, ELEM_K, ELEM_PG, ELEM_KEYS };

/* Called for each element of the tree, before those inside it. */
typedef gboolean (*elem_fn)(const struct kt_pdf_src *, guint num,
    int depth, const struct lex *dict, const struct lex *keys, void *data,
    GError **);

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
	static const char *const keys[] = { "/S", "/K", "/Pg" };
	struct lex d, v[ELEM_KEYS];

	if (num >= s->size || w->seen[num])
		return fail(err, s, "an element is in the structure tree "
		    "twice, or is not there", num);
	w->seen[num] = 1;
	/* read once: every tagged file's tree is walked when it is
	 * written, and again by each join that reads it */
	if (!src_dict_keys(s, num, &d, keys, v, ELEM_KEYS))
		return fail(err, s, "a structure element is not a dictionary",
		    num);
	if (v[ELEM_S].p == NULL)
		return TRUE;
	if (!w->fn(s, num, depth, &d, v, w->data, err))
		return FALSE;
	return v[ELEM_K].p == NULL || walk_kids(s, &v[ELEM_K], w, depth + 1,
	    err);
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

/*
 * The elements at the top, into refs: the kids of the Document when the
 * root (its dictionary at *root) holds only that, else of the root.
 * Returns the one they are kids of, or 0 when a /K cannot be read.
 */
static guint
top_parent(const struct kt_pdf_src *s, guint num, const struct lex *root,
    GArray *refs)
{
	struct lex kids, d, type;

	if (dict_get(root, "/K", &kids) && !kid_refs(&kids, refs))
		return 0;
	if (refs->len == 1 && src_dict(s, g_array_index(refs, guint, 0),
	    &d) && dict_get(&d, "/S", &type) &&
	    (size_t)(type.end - type.p) == 9 &&
	    memcmp(type.p, "/Document", 9) == 0) {
		num = g_array_index(refs, guint, 0);
		g_array_set_size(refs, 0);
		if (dict_get(&d, "/K", &kids) && !kid_refs(&kids, refs))
			return 0;
	}
	return num;
}

/*
 * A note for the joins in a file that only they read (a chunk of sheets:
 * the sheets are cut from it and the year's bundles take their pages from
 * it): the elements at the top of its structure tree, each with its first
 * and last page, "number first last" for each in the root's KT_TOPS. A
 * join reads them there instead of walking the whole tree, which every
 * bundle did again for every chunk it took a sheet from. A reader that
 * does not know the key passes it over; no published file has it (a join
 * writes a root of its own).
 */
#define KT_TOPS "/KTTops"

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
	GArray *tops;		/* struct top_elem, for KT_TOPS, or NULL */
	int top_depth;		/* theirs in the walk */
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

/* Field u->field's Form element, num: its widget is its content. */
static gboolean
form_elem(struct update *u, guint num, const struct lex *d,
    const struct lex *type, GError **err)
{
	static const char *const skip[] = { "/K", "/Pg", NULL };
	const struct kt_pdf_widget *f = &u->x->fields[u->field];
	guint page;

	if ((size_t)(type->end - type->p) != 5 ||
	    memcmp(type->p, "/Form", 5) != 0 || f->page >= u->s->kids->len)
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

static gboolean elem_pages(const struct kt_pdf_src *, guint num, int depth,
    const struct lex *, const struct lex *keys, void *data, GError **);

static gboolean
add_to_elem(const struct kt_pdf_src *s, guint num, int depth,
    const struct lex *d, const struct lex *keys, void *data, GError **err)
{
	static const char *const skip[] = { "/Alt", "/Lang", NULL };
	struct update *u = data;
	const struct kt_pdf_elem_extra *e;
	const struct lex *type = &keys[ELEM_S];
	guint i = u->index++;

	/* the elements at the top and their pages, as read_tops() finds
	 * them, for KT_TOPS */
	if (u->tops != NULL && depth >= u->top_depth) {
		if (depth == u->top_depth) {
			struct top_elem t = { num, G_MAXUINT, 0 };

			g_array_append_val(u->tops, t);
		}
		if (!elem_pages(s, num, depth, d, keys, &g_array_index(u->tops,
		    struct top_elem, u->tops->len - 1), err))
			return FALSE;
	}
	if (u->field < u->x->n_fields && u->x->fields[u->field].elem == i + 1)
		return form_elem(u, num, d, type, err);
	if (u->next >= u->x->n_elems || u->x->elems[u->next].index != i)
		return TRUE;
	e = &u->x->elems[u->next++];
	if ((size_t)(type->end - type->p) != strlen(e->type) + 1 ||
	    memcmp(type->p + 1, e->type, strlen(e->type)) != 0)
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
void
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

/* The walk of kt_pdf_update(), noting the elements at the top and their
 * pages in KT_TOPS, a new version of the root. */
static gboolean
walk_for_tops(struct update *u, guint root, GError **err)
{
	static const char *const skip[] = { KT_TOPS, NULL };
	GArray *refs = g_array_new(FALSE, FALSE, sizeof(guint));
	struct lex d;
	guint parent = src_dict(u->s, root, &d) ? top_parent(u->s, root, &d,
	    refs) : 0;
	gboolean ok = parent != 0 || fail(err, u->s, "the structure tree's "
	    "root cannot be read", root);

	g_array_free(refs, TRUE);
	if (!ok)
		return FALSE;
	u->tops = g_array_new(FALSE, FALSE, sizeof(struct top_elem));
	u->top_depth = parent == root ? 0 : 1;
	ok = struct_walk(u->s, root, add_to_elem, u, err);
	if (ok) {
		upd_begin(u, root);
		dict_head(u->out, &d, skip);
		g_string_append(u->out, " " KT_TOPS " [");
		for (guint i = 0; i < u->tops->len; i++) {
			const struct top_elem *t = &g_array_index(u->tops,
			    struct top_elem, i);

			g_string_append_printf(u->out, " %u %u %u", t->num,
			    t->first, t->last);
		}
		g_string_append(u->out, " ] >>\nendobj\n");
	}
	g_array_free(u->tops, TRUE);
	u->tops = NULL;
	return ok;
}

GString *
kt_pdf_update(const char *pdf, size_t len, const struct kt_pdf_extra *x,
    GError **err)
{
	struct kt_pdf_src *s = kt_pdf_src_new("the PDF cairo made", pdf, len,
	    err);
	struct update u = { s, x, NULL, NULL, 0, 0, 0, NULL, 0, NULL, 0 };
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
		else if (root != 0 && x->tops)
			ok = walk_for_tops(&u, root, err);
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

/* The pages an element refers to (its /Pg, and in /K those of its
 * marked-content and object references: no other key names a page),
 * into the struct top_elem it is in. */
static gboolean
elem_pages(const struct kt_pdf_src *s, guint num, int depth,
    const struct lex *d, const struct lex *keys, void *data, GError **err)
{
	static const int in[] = { ELEM_PG, ELEM_K };
	struct top_elem *t = data;
	struct tok k;
	guint ref;

	(void)d;
	(void)depth;
	for (int i = 0; i < 2; i++) {
		struct lex lx = keys[in[i]];

		while (lx.p != NULL && lex_next(&lx, &k) != TK_END) {
			if (k.kind == TK_ERROR)
				return fail(err, s, "a structure element "
				    "cannot be read", num);
			if (k.kind == TK_WORD && lex_ref(&lx, &k, &ref) &&
			    ref < s->size && s->page_of[ref] != 0) {
				t->first = MIN(t->first, s->page_of[ref] - 1);
				t->last = MAX(t->last, s->page_of[ref] - 1);
			}
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

/* The elements at the top as KT_TOPS notes them in the root: FALSE, and
 * nothing in t, unless they are the elements refs has, in its order. */
static gboolean
noted_tops(const struct kt_pdf_src *s, struct src_tree *t,
    const struct lex *root, const GArray *refs)
{
	struct lex v, lx;
	struct tok k;
	guint64 n[3];
	guint i = 0, pages = s->kids->len;

	if (!dict_get(root, KT_TOPS, &v))
		return FALSE;
	lx = v;
	if (lex_next(&lx, &k) != TK_ARRAY)
		return FALSE;
	for (;;) {
		struct top_elem e;
		int j;

		for (j = 0; j < 3 && lex_next(&lx, &k) == TK_WORD &&
		    tok_uint(&k, &n[j]) && n[j] <= G_MAXUINT; j++)
			;
		if (j == 0 && k.kind == TK_ARRAY_END && i == refs->len)
			return TRUE;
		/* "number first last", first > last for no page */
		if (j < 3 || i >= refs->len || n[0] != g_array_index(refs,
		    guint, i) || (n[1] <= n[2] && n[2] >= pages)) {
			g_array_set_size(t->tops, 0);
			return FALSE;
		}
		e = (struct top_elem){ (guint)n[0], (guint)n[1], (guint)n[2] };
		g_array_append_val(t->tops, e);
		i++;
	}
}

/* The elements at the top, each with its pages (top_parent()): from the
 * note when it is there, else walked. */
static gboolean
read_tops(struct kt_pdf_src *s, struct src_tree *t, const struct lex *root,
    GError **err)
{
	GArray *refs = g_array_new(FALSE, FALSE, sizeof(guint));
	struct walk w = { elem_pages, NULL, NULL };
	gboolean ok;

	t->doc = top_parent(s, t->root, root, refs);
	ok = t->doc != 0 || fail(err, s, "the structure tree's /K cannot be "
	    "read", 0);
	if (ok && noted_tops(s, t, root, refs)) {
		g_array_free(refs, TRUE);
		return TRUE;
	}
	w.seen = g_new0(guint8, s->size);
	w.seen[t->root] = 1;
	if (ok)
		w.seen[t->doc] = 1;
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
	t->acroform.p = t->lang.p = NULL;
	if (src_dict(s, s->root, &cat)) {
		if (!dict_get(&cat, "/AcroForm", &t->acroform))
			t->acroform.p = NULL;
		if (!dict_get(&cat, "/Lang", &t->lang))
			t->lang.p = NULL;
	}
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
gboolean
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

/* Whether s's document is in another language than the new file: its
 * elements at the top then say which (a class's sheets in Arabic among
 * Dutch ones). */
static gboolean
other_lang(const struct kt_pdf_join *j, const struct kt_pdf_src *s)
{
	GString *mine;
	gboolean other;

	if (s->tree->lang.p == NULL || j->lang == NULL)
		return FALSE;
	mine = g_string_new(NULL);
	put_string(mine, j->lang);
	other = (size_t)(s->tree->lang.end - s->tree->lang.p) != mine->len ||
	    memcmp(s->tree->lang.p, mine->str, mine->len) != 0;
	g_string_free(mine, TRUE);
	return other;
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

		guint n = remap(j, k->s, g_hash_table_lookup(j->maps, k->s),
		    k->num);

		g_string_append_printf(kids, " %u 0 R", n);
		if (other_lang(j, k->s))
			g_hash_table_insert(j->langs, GUINT_TO_POINTER(n),
			    (gpointer)&k->s->tree->lang);
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

gboolean
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
gboolean
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
