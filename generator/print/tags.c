/*
 * A printable's structure and form fields: elements begun and ended
 * through cairo's tag API in reading order, links held back until the
 * element they sit in has ended (cairo 1.16 marks the content of an
 * element only while nothing is inside it), figures with their
 * alternative text, and fields to fill in. What cairo cannot write
 * (/Alt, /Lang on an element, the fields) is kept here, by the element's
 * place in the tree, for kt_pdf_update() once cairo is done.
 */
#include "print/tags.h"

#include <string.h>

static const char *const tag_names[] = {
	[KT_TAG_DOCUMENT] = "Document", [KT_TAG_PART] = "Part",
	[KT_TAG_SECT] = "Sect", [KT_TAG_H1] = "H1", [KT_TAG_H2] = "H2",
	[KT_TAG_P] = "P",
	[KT_TAG_L] = "L", [KT_TAG_LI] = "LI", [KT_TAG_LBL] = "Lbl",
	[KT_TAG_LBODY] = "LBody", [KT_TAG_TABLE] = "Table",
	[KT_TAG_TR] = "TR", [KT_TAG_TH] = "TH", [KT_TAG_TD] = "TD",
	[KT_TAG_FIGURE] = "Figure", [KT_TAG_LINK] = "Link",
	[KT_TAG_FORM] = "Form", [KT_TAG_SPAN] = "Span",
};

/* An element open now: its place in the tree, or -1 when it was not
 * drawn (outside a tagged document, or among decorations). */
struct open_elem {
	gint index;
	enum kt_tag tag;
	gboolean parent;	/* an element was begun inside it */
	const char *lang;	/* borrowed from the extra, or NULL */
};

/* A link waiting for the element it is in to end. */
struct held_link {
	char *attrs;
	int page;
};

struct kt_pdf_marks {
	gboolean tagged;
	guint count;		/* elements begun */
	GArray *extras;		/* struct kt_pdf_elem_extra, by index */
	GArray *open;		/* struct open_elem */
	GArray *held;		/* struct held_link */
	int artifact;		/* decorations being drawn */
	GArray *fields;		/* struct kt_pdf_widget */
	GHashTable *names;	/* the fields' names */
};

static void
clear_extra(gpointer e)
{
	struct kt_pdf_elem_extra *x = e;

	g_free(x->alt);
	g_free(x->lang);
}

static void
clear_widget(gpointer e)
{
	g_free(((struct kt_pdf_widget *)e)->name);
}

static void
clear_held(gpointer e)
{
	g_free(((struct held_link *)e)->attrs);
}

struct kt_pdf_marks *
kt_pdf_marks_new(void)
{
	struct kt_pdf_marks *m = g_new0(struct kt_pdf_marks, 1);

	m->extras = g_array_new(FALSE, FALSE, sizeof(struct kt_pdf_elem_extra));
	g_array_set_clear_func(m->extras, clear_extra);
	m->open = g_array_new(FALSE, FALSE, sizeof(struct open_elem));
	m->held = g_array_new(FALSE, FALSE, sizeof(struct held_link));
	g_array_set_clear_func(m->held, clear_held);
	m->fields = g_array_new(FALSE, FALSE, sizeof(struct kt_pdf_widget));
	g_array_set_clear_func(m->fields, clear_widget);
	m->names = g_hash_table_new(g_str_hash, g_str_equal);
	return m;
}

void
kt_pdf_marks_free(struct kt_pdf_marks *m)
{
	if (m == NULL)
		return;
	g_array_free(m->extras, TRUE);
	g_array_free(m->open, TRUE);
	g_array_free(m->held, TRUE);
	g_hash_table_destroy(m->names);
	g_array_free(m->fields, TRUE);
	g_free(m);
}

void
kt_pdf_marks_extra(const struct kt_pdf_marks *m, struct kt_pdf_extra *x)
{
	x->elems = (const struct kt_pdf_elem_extra *)(void *)m->extras->data;
	x->n_elems = m->extras->len;
	x->fields = (const struct kt_pdf_widget *)(void *)m->fields->data;
	x->n_fields = m->fields->len;
}

static struct open_elem *
top(struct kt_pdf_marks *m)
{
	return m->open->len == 0 ? NULL : &g_array_index(m->open,
	    struct open_elem, m->open->len - 1);
}

/* An element begun with cairo: counted, and a parent now for the one
 * around it. */
static gint
cairo_begin(struct kt_pdf *p, enum kt_tag tag, const char *attrs)
{
	struct open_elem *t = top(p->marks);

	if (t != NULL)
		t->parent = TRUE;
	cairo_tag_begin(p->cr, tag_names[tag], attrs);
	return (gint)p->marks->count++;
}

static void
emit_link(struct kt_pdf *p, const char *attrs)
{
	(void)cairo_begin(p, KT_TAG_LINK, attrs);
	cairo_tag_end(p->cr, tag_names[KT_TAG_LINK]);
}

/* The links held back, now that no element they could empty is open;
 * one held from another page is dropped (its place is gone). */
static void
flush_links(struct kt_pdf *p)
{
	struct kt_pdf_marks *m = p->marks;

	for (guint i = 0; i < m->held->len; i++) {
		struct held_link *h = &g_array_index(m->held, struct held_link,
		    i);

		if (h->page == p->page)
			emit_link(p, h->attrs);
	}
	g_array_set_size(m->held, 0);
}

void
kt_pdf_tag_link(struct kt_pdf *p, const char *attrs)
{
	struct kt_pdf_marks *m = p->marks;
	struct open_elem *t = top(m);
	struct held_link h;

	/* in an element with nothing inside it yet, a link would be the
	 * first thing inside, and its text would be lost to the tree */
	if (!m->tagged || m->artifact > 0 || t == NULL || t->parent ||
	    t->index < 0) {
		if (m->tagged)
			emit_link(p, attrs);
		else {
			cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attrs);
			cairo_tag_end(p->cr, CAIRO_TAG_LINK);
		}
		return;
	}
	h.attrs = g_strdup(attrs);
	h.page = p->page;
	g_array_append_val(m->held, h);
}

void
kt_pdf_tags_page(struct kt_pdf *p)
{
	flush_links(p);
}

static void
begin(struct kt_pdf *p, enum kt_tag tag, const char *lang, const char *alt)
{
	struct kt_pdf_marks *m = p->marks;
	struct open_elem o = { -1, tag, FALSE, NULL };

	if (m->tagged && m->artifact == 0) {
		o.index = cairo_begin(p, tag, NULL);
		if (alt != NULL || lang != NULL) {
			struct kt_pdf_elem_extra x = { (guint)o.index,
			    tag_names[tag], g_strdup(alt), g_strdup(lang) };

			g_array_append_val(m->extras, x);
			o.lang = g_array_index(m->extras,
			    struct kt_pdf_elem_extra, m->extras->len - 1).lang;
		}
	}
	g_array_append_val(m->open, o);
}

void
kt_pdf_tagged(struct kt_pdf *p)
{
	g_return_if_fail(p->page == 0 && !p->marks->tagged);
	p->marks->tagged = TRUE;
	begin(p, KT_TAG_DOCUMENT, NULL, NULL);
}

gboolean
kt_pdf_tags_on(const struct kt_pdf *p)
{
	return p->marks->tagged;
}

void
kt_pdf_tags_close(struct kt_pdf *p)
{
	if (p->marks->tagged)
		kt_pdf_end(p, KT_TAG_DOCUMENT);
}

void
kt_pdf_begin(struct kt_pdf *p, enum kt_tag tag)
{
	begin(p, tag, NULL, NULL);
}

void
kt_pdf_begin_in(struct kt_pdf *p, enum kt_tag tag, const char *lang)
{
	begin(p, tag, lang != NULL && strcmp(lang, p->lang->code) != 0 ?
	    lang : NULL, NULL);
}

void
kt_pdf_end(struct kt_pdf *p, enum kt_tag tag)
{
	struct kt_pdf_marks *m = p->marks;
	struct open_elem *t = top(m);

	g_return_if_fail(t != NULL && t->tag == tag);
	if (t->index >= 0)
		cairo_tag_end(p->cr, tag_names[tag]);
	g_array_set_size(m->open, m->open->len - 1);
	flush_links(p);
}

const char *
kt_pdf_tag_lang(const struct kt_pdf *p)
{
	const struct kt_pdf_marks *m = p->marks;

	for (guint i = m->open->len; i-- > 0;) {
		const struct open_elem *o = &g_array_index(m->open,
		    struct open_elem, i);

		if (o->lang != NULL)
			return o->lang;
	}
	return p->lang->code;
}

void
kt_pdf_figure(struct kt_pdf *p, const char *alt, const char *lang)
{
	const char *in = lang != NULL ? lang : kt_pdf_tag_lang(p);

	begin(p, KT_TAG_FIGURE, strcmp(in, kt_pdf_tag_lang(p)) != 0 ? in :
	    NULL, alt != NULL ? alt : "");
}

gboolean
kt_pdf_tagging(const struct kt_pdf *p)
{
	return p->marks->tagged && p->marks->artifact == 0;
}

void
kt_pdf_artifact_begin(struct kt_pdf *p)
{
	p->marks->artifact++;
}

void
kt_pdf_artifact_end(struct kt_pdf *p)
{
	g_return_if_fail(p->marks->artifact > 0);
	p->marks->artifact--;
}

void
kt_pdf_field(struct kt_pdf *p, const char *name, double x, double y,
    double w, double h)
{
	struct kt_pdf_marks *m = p->marks;
	struct kt_pdf_widget f;
	char *unique = g_strdup(name);

	for (int n = 2; g_hash_table_contains(m->names, unique); n++) {
		g_free(unique);
		unique = g_strdup_printf("%s-%d", name, n);
	}
	/* in PDF's space: from the bottom left, in points */
	f.page = (guint)MAX(p->page - 1, 0);
	f.name = unique;
	f.elem = 0;
	if (kt_pdf_tagging(p)) {
		f.elem = (guint)cairo_begin(p, KT_TAG_FORM, NULL) + 1;
		cairo_tag_end(p->cr, tag_names[KT_TAG_FORM]);
	}
	f.rect[0] = x;
	f.rect[1] = p->h - y - h;
	f.rect[2] = x + w;
	f.rect[3] = p->h - y;
	g_array_append_val(m->fields, f);
	g_hash_table_add(m->names, unique);
}
