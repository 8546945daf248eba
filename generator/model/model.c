/*
 * Construction and destruction of the model, and the small queries the
 * loaders and renderers share.
 */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

gint
kt_cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

GPtrArray *
kt_sorted_keys(GHashTable *t)
{
	guint n;
	gpointer *keys = g_hash_table_get_keys_as_array(t, &n);
	GPtrArray *a = g_ptr_array_sized_new(n);

	for (guint i = 0; i < n; i++)
		g_ptr_array_add(a, keys[i]);
	g_free(keys);
	g_ptr_array_sort(a, kt_cmp_str);
	return a;
}

gboolean
kt_item_link(const char *url, enum kt_kind *kind, const char **slug)
{
	static const char *const schemes[KT_KIND_COUNT] = {
		"opdracht:", "avond:", "tip:", "gesprek:"
	};

	for (int k = 0; k < KT_KIND_COUNT; k++)
		if (g_str_has_prefix(url, schemes[k])) {
			*kind = (enum kt_kind)k;
			*slug = url + strlen(schemes[k]);
			return TRUE;
		}
	return FALSE;
}

gboolean
kt_url_allowed(const char *url)
{
	enum kt_kind k;
	const char *slug;

	if (kt_item_link(url, &k, &slug))
		return TRUE;
	static const char *const schemes[] = {
		"http:", "https:", "mailto:", "tel:", NULL
	};
	const char *colon = strchr(url, ':');
	const char *slash = strpbrk(url, "/?#");

	if (colon == NULL || (slash != NULL && slash < colon))
		return TRUE;
	for (int i = 0; schemes[i] != NULL; i++)
		if (g_ascii_strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return TRUE;
	return FALSE;
}

struct kt_md *
kt_md_adopt(cmark_node *doc, struct kt_pos pos)
{
	struct kt_md *m = g_new0(struct kt_md, 1);

	m->doc = doc;
	m->pos = pos;
	m->item_links = true;	/* not looked for */
	return m;
}

bool
kt_md_may_link_items(const char *src)
{
	/* whatever the link's form: only these need looking at later */
	return strstr(src, "opdracht:") != NULL ||
	    strstr(src, "avond:") != NULL || strstr(src, "tip:") != NULL ||
	    strstr(src, "gesprek:") != NULL;
}

struct kt_md *
kt_md_new(const char *src, struct kt_pos pos)
{
	struct kt_md *m = g_new0(struct kt_md, 1);

	m->doc = cmark_parse_document(src, strlen(src), CMARK_OPT_DEFAULT);
	m->pos = pos;
	m->item_links = kt_md_may_link_items(src);
	return m;
}

void
kt_md_keep_lines(struct kt_md *m)
{
	GPtrArray *soft;
	cmark_iter *it;
	cmark_event_type ev;

	if (m == NULL || m->doc == NULL)
		return;
	soft = g_ptr_array_new();
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(
		    cmark_iter_get_node(it)) == CMARK_NODE_SOFTBREAK)
			g_ptr_array_add(soft, cmark_iter_get_node(it));
	cmark_iter_free(it);
	/* replaced after the walk: the iterator must not see a node go */
	for (guint i = 0; i < soft->len; i++) {
		cmark_node *n = g_ptr_array_index(soft, i);

		cmark_node_replace(n, cmark_node_new(CMARK_NODE_LINEBREAK));
		cmark_node_free(n);
	}
	g_ptr_array_free(soft, TRUE);
}

void
kt_md_free(struct kt_md *m)
{
	if (m == NULL)
		return;
	if (m->doc != NULL)
		cmark_node_free(m->doc);
	g_free(m);
}

char *
kt_md_plain(const struct kt_md *m)
{
	GString *s = g_string_new(NULL);
	cmark_iter *it;
	cmark_event_type ev;

	if (m == NULL || m->doc == NULL)
		return g_string_free(s, FALSE);
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT ||
		    t == CMARK_NODE_CODE || t == CMARK_NODE_HTML_INLINE ||
		    t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK))
			g_string_append(s, cmark_node_get_literal(n));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			g_string_append_c(s, ' ');
		else if (ev == CMARK_EVENT_EXIT && (t == CMARK_NODE_PARAGRAPH ||
		    t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM))
			g_string_append_c(s, '\n');
	}
	cmark_iter_free(it);
	while (s->len > 0 && s->str[s->len - 1] == '\n')
		g_string_truncate(s, s->len - 1);
	return g_string_free(s, FALSE);
}

static void
step_free(struct kt_step *s)
{
	g_free(s->pictogram);
	kt_md_free(s->text);
	g_free(s);
}

struct kt_text *
kt_text_new(const char *lang, const char *path)
{
	struct kt_text *t = g_new0(struct kt_text, 1);

	t->lang = g_strdup(lang);
	t->path = g_strdup(path);
	t->materials = g_ptr_array_new_with_free_func(g_free);
	t->steps = g_ptr_array_new_with_free_func((GDestroyNotify)step_free);
	t->questions = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)kt_md_free);
	t->statements = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)kt_md_free);
	t->phrases = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)kt_md_free);
	t->pupil_questions = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)kt_md_free);
	t->parent_questions = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)kt_md_free);
	return t;
}

void
kt_text_free(struct kt_text *t)
{
	if (t == NULL)
		return;
	g_free(t->lang);
	g_free(t->path);
	g_free(t->digest);
	g_free(t->origin);
	g_free(t->title);
	g_free(t->summary);
	g_free(t->theme);
	g_ptr_array_free(t->materials, TRUE);
	kt_md_free(t->intro);
	g_ptr_array_free(t->steps, TRUE);
	g_ptr_array_free(t->questions, TRUE);
	kt_md_free(t->goal);
	kt_md_free(t->in_class);
	kt_md_free(t->debrief);
	g_free(t->headline);
	kt_md_free(t->invitation);
	g_ptr_array_free(t->statements, TRUE);
	kt_md_free(t->followup);
	kt_md_free(t->body);
	g_ptr_array_free(t->phrases, TRUE);
	g_ptr_array_free(t->pupil_questions, TRUE);
	g_ptr_array_free(t->parent_questions, TRUE);
	kt_md_free(t->opening);
	kt_md_free(t->closing);
	kt_md_free(t->notes);
	g_free(t);
}

static void
role_free(struct kt_role *r)
{
	kt_md_free(r->task);
	g_free(r);
}

static void
prep_free(struct kt_prep *p)
{
	kt_md_free(p->task);
	g_free(p);
}

static void
block_free(struct kt_block *b)
{
	g_free(b->title);
	kt_md_free(b->text);
	g_free(b);
}

static void
talk_part_free(struct kt_talk_part *p)
{
	g_ptr_array_free(p->questions, TRUE);
	g_free(p);
}

static void
ref_free(struct kt_ref *r)
{
	g_free(r->slug);
	g_free(r);
}

struct kt_item *
kt_item_new(enum kt_kind kind, const char *slug)
{
	struct kt_item *it = g_new0(struct kt_item, 1);

	it->kind = kind;
	it->slug = g_strdup(slug);
	it->texts = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    (GDestroyNotify)kt_text_free);
	it->roles = g_ptr_array_new_with_free_func((GDestroyNotify)role_free);
	it->prep = g_ptr_array_new_with_free_func((GDestroyNotify)prep_free);
	it->blocks = g_ptr_array_new_with_free_func((GDestroyNotify)block_free);
	it->askers = g_array_new(FALSE, FALSE, sizeof(int));
	it->parts = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)talk_part_free);
	it->looks_back = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)ref_free);
	it->talk = -1;
	it->write_lines = 2;
	return it;
}

void
kt_item_free(struct kt_item *it)
{
	if (it == NULL)
		return;
	g_hash_table_destroy(it->texts);	/* frees source too */
	g_free(it->slug);
	g_free(it->pictogram);
	g_free(it->theme);
	g_free(it->date);
	g_free(it->start);
	g_free(it->place);
	g_ptr_array_free(it->roles, TRUE);
	g_ptr_array_free(it->prep, TRUE);
	g_ptr_array_free(it->blocks, TRUE);
	g_array_free(it->askers, TRUE);
	g_ptr_array_free(it->parts, TRUE);
	g_ptr_array_free(it->looks_back, TRUE);
	g_free(it);
}

static void
language_free(struct kt_language *l)
{
	g_free(l->code);
	g_free(l->name);
	g_free(l);
}

void
kt_gloss_free(struct kt_gloss *g)
{
	g_free(g->key);
	g_free(g->word);
	g_ptr_array_free(g->forms, TRUE);
	g_free(g->explanation);
	g_free(g);
}

struct kt_picto *
kt_picto_new(const char *path, GBytes *svg)
{
	struct kt_picto *p = g_new0(struct kt_picto, 1);

	p->path = g_strdup(path);
	p->svg = svg;
	return p;
}

void
kt_picto_free(struct kt_picto *p)
{
	g_free(p->path);
	g_bytes_unref(p->svg);
	g_free(p);
}

struct kt_model *
kt_model_new(void)
{
	struct kt_model *m = g_new0(struct kt_model, 1);

	m->site.languages = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)language_free);
	m->site.min_score = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		m->items[k] = g_ptr_array_new_with_free_func(
		    (GDestroyNotify)kt_item_free);
	m->glossary = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_ptr_array_unref);
	m->pictograms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)kt_picto_free);
	m->strings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_hash_table_destroy);
	return m;
}

void
kt_model_free(struct kt_model *m)
{
	if (m == NULL)
		return;
	g_free(m->site.school);
	g_free(m->site.base_url);
	g_free(m->site.logo);
	if (m->site.logo_data != NULL)
		g_bytes_unref(m->site.logo_data);
	g_free(m->site.contact_name);
	g_free(m->site.contact_phone);
	g_free(m->site.contact_email);
	g_ptr_array_free(m->site.languages, TRUE);
	g_hash_table_destroy(m->site.min_score);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		g_ptr_array_free(m->items[k], TRUE);
	g_hash_table_destroy(m->glossary);
	g_free(m->glossary_dir);
	g_free(m->strings_dir);
	g_hash_table_destroy(m->pictograms);
	g_hash_table_destroy(m->strings);
	g_free(m);
}

const struct kt_language *
kt_site_language(const struct kt_site *s, const char *code)
{
	for (guint i = 0; i < s->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(s->languages, i);
		if (strcmp(l->code, code) == 0)
			return l;
	}
	return NULL;
}

struct kt_text *
kt_item_text(const struct kt_item *it, const char *lang)
{
	return g_hash_table_lookup(it->texts, lang);
}

typedef void (*md_fn)(const struct kt_md *, void *);

/* an array of Markdown itself, not of structs that hold it */
#define MD_SELF G_MAXSIZE

/* The Markdown at offset in each element of a, when there is one. */
static void
each_md(GPtrArray *a, gsize offset, md_fn fn, void *data)
{
	for (guint i = 0; i < a->len; i++) {
		const char *e = g_ptr_array_index(a, i);
		const struct kt_md *m = offset == MD_SELF ?
		    (const struct kt_md *)e :
		    *(const struct kt_md *const *)(e + offset);

		if (m != NULL)
			fn(m, data);
	}
}

void
kt_text_each_md(const struct kt_item *it, const struct kt_text *t,
    md_fn fn, void *data)
{
	const struct kt_md *mds[] = {
		t->intro, t->goal, t->in_class, t->debrief, t->invitation,
		t->followup, t->body, t->opening, t->closing, t->notes
	};

	for (size_t i = 0; i < G_N_ELEMENTS(mds); i++)
		if (mds[i] != NULL)
			fn(mds[i], data);
	each_md(t->steps, G_STRUCT_OFFSET(struct kt_step, text), fn, data);
	each_md(t->questions, MD_SELF, fn, data);
	each_md(t->statements, MD_SELF, fn, data);
	each_md(t->phrases, MD_SELF, fn, data);
	each_md(t->pupil_questions, MD_SELF, fn, data);
	each_md(t->parent_questions, MD_SELF, fn, data);
	if (t != it->source)
		return;
	for (guint i = 0; i < it->parts->len; i++)
		each_md(((struct kt_talk_part *)g_ptr_array_index(it->parts,
		    i))->questions, MD_SELF, fn, data);
	each_md(it->roles, G_STRUCT_OFFSET(struct kt_role, task), fn, data);
	each_md(it->prep, G_STRUCT_OFFSET(struct kt_prep, task), fn, data);
	each_md(it->blocks, G_STRUCT_OFFSET(struct kt_block, text), fn, data);
}

static int
cmp_slug(const void *key, const void *item)
{
	return strcmp(key, (*(struct kt_item *const *)item)->slug);
}

/* The items of a kind are sorted by slug (the loader sorts its files). */
const struct kt_item *
kt_model_find(const struct kt_model *m, enum kt_kind k, const char *slug)
{
	GPtrArray *a = m->items[k];
	struct kt_item **it;

	if (a->len == 0)
		return NULL;
	it = bsearch(slug, a->pdata, a->len, sizeof *a->pdata, cmp_slug);
	return it != NULL ? *it : NULL;
}

const char *
kt_item_page_lang(const struct kt_item *it, const char *lang)
{
	const struct kt_text *t = kt_item_text(it, lang);

	return t != NULL ? t->lang : it->source->lang;
}

const char *
kt_kind_dir(enum kt_kind k)
{
	static const char *const dirs[KT_KIND_COUNT] = {
		"opdrachten", "avonden", "tips", "gesprekken"
	};
	return dirs[k];
}

const char *
kt_str(const struct kt_model *m, const char *lang, const char *key)
{
	GHashTable *t = g_hash_table_lookup(m->strings, lang);
	const char *s = t != NULL ? g_hash_table_lookup(t, key) : NULL;

	if (s == NULL) {
		t = g_hash_table_lookup(m->strings, "nl");
		s = t != NULL ? g_hash_table_lookup(t, key) : NULL;
	}
	return s != NULL ? s : "";
}

int
kt_question_asker(const struct kt_item *it, guint i)
{
	return i < it->askers->len ? g_array_index(it->askers, int, i) : -1;
}

const char *
kt_asker_text(const struct kt_model *m, const char *lang, int asker)
{
	char key[64];

	g_snprintf(key, sizeof key, "v.%s.%s", kt_vocabs[KT_V_ASKER].field,
	    kt_vocab_name(KT_V_ASKER, asker));
	return kt_str(m, lang, key);
}

const char *
kt_asker_label(const struct kt_model *m, const struct kt_item *it, guint i,
    const char *lang)
{
	int a = kt_question_asker(it, i);

	return a < 0 ? NULL : kt_asker_text(m, lang, a);
}

gboolean
kt_item_years_uniform(const struct kt_item *it)
{
	for (int i = 0; i < KT_TYPES_MAX; i++)
		if ((it->school_types & (1u << i)) &&
		    it->years_of[i] != it->years)
			return FALSE;
	return TRUE;
}
