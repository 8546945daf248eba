/*
 * The bank's search index, cut so that a search loads little, as
 * Pagefind does: per language zoek/index.js lists the items and the
 * shards, and each shard zoek/<hex>.js holds the terms that begin with
 * the same two letters (hex: their UTF-8 bytes), each with the items it
 * is in and how much it weighs there (a title more than the text). The
 * terms are folded and stemmed by text/fold.c; search.js does the same
 * to what is typed. Files are scripts that call ktSearch.load(), so they
 * load from file:// and under a Content-Security-Policy of 'self'.
 */
#include "web/search.h"

#include <string.h>

#include "text/fold.h"
#include "text/json.h"
#include "text/markdown.h"

/* What a word weighs in each part of an item. */
enum {
	W_BODY = 1, W_THEME = 2, W_SUMMARY = 3, W_TERM = 4, W_TITLE = 8
};

struct index {
	struct kt_folder *own;		/* the page's language */
	struct kt_folder *dutch;	/* for Dutch shown where no translation is */
	GHashTable *terms;		/* term -> GArray of guint: item, weight */
	guint item;			/* the item being added */
};

static void
add_term(struct index *x, char *term, guint weight)
{
	GArray *a = g_hash_table_lookup(x->terms, term);
	guint pair[2] = { x->item, weight };

	if (a == NULL) {
		a = g_array_new(FALSE, FALSE, sizeof(guint));
		g_hash_table_insert(x->terms, term, a);
	} else {
		g_free(term);
	}
	if (a->len > 0 && g_array_index(a, guint, a->len - 2) == x->item) {
		guint *w = &g_array_index(a, guint, a->len - 1);

		*w = MAX(*w, weight);
		return;
	}
	g_array_append_vals(a, pair, 2);
}

/* The terms of text; in Dutch too when the text is the Dutch fallback,
 * so that Dutch word forms find it on a page in another language. */
static void
add_text(struct index *x, const char *text, guint weight, gboolean dutch)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);

	kt_fold_words(text, words);
	for (guint i = 0; i < words->len; i++) {
		char *t = kt_fold_term(x->own, g_ptr_array_index(words, i));

		if (t != NULL)
			add_term(x, t, weight);
		if (dutch && (t = kt_fold_term(x->dutch,
		    g_ptr_array_index(words, i))) != NULL)
			add_term(x, t, weight);
	}
	g_ptr_array_free(words, TRUE);
}

static void
add_md(struct index *x, const struct kt_md *m, gboolean dutch)
{
	char *t;

	if (m == NULL)
		return;
	t = kt_md_plain(m);
	add_text(x, t, W_BODY, dutch);
	g_free(t);
}

static void
add_mds(struct index *x, GPtrArray *a, gboolean dutch)
{
	for (guint i = 0; a != NULL && i < a->len; i++)
		add_md(x, g_ptr_array_index(a, i), dutch);
}

/* The text of an item, and its competences by their official names and
 * by the labels of the page's language. */
static void
add_item(struct index *x, const struct site *s, const char *lang,
    const struct kt_item *it)
{
	const struct kt_text *t = h_text_or_source(it, lang);
	gboolean d = strcmp(t->lang, lang) != 0;

	add_text(x, t->title ? t->title : it->slug, W_TITLE, d);
	add_text(x, t->summary, W_SUMMARY, d);
	add_text(x, it->theme, W_THEME, d);
	for (int c = 0; c < kt_vocab_size(KT_V_COMPETENCE); c++) {
		char *key;

		if (!((it->competences >> c) & 1))
			continue;
		key = g_strdup_printf("v.%s.%s", kt_vocabs[KT_V_COMPETENCE].field,
		    kt_vocab_name(KT_V_COMPETENCE, c));
		add_text(x, kt_vocab_name(KT_V_COMPETENCE, c), W_TERM, FALSE);
		add_text(x, kt_str(s->m, lang, key), W_TERM, FALSE);
		g_free(key);
	}
	add_md(x, t->intro, d);
	for (guint i = 0; t->steps != NULL && i < t->steps->len; i++)
		add_md(x, ((struct kt_step *)g_ptr_array_index(t->steps,
		    i))->text, d);
	add_mds(x, t->questions, d);
	add_md(x, t->goal ? t->goal : it->source->goal, d || !t->goal);
	add_md(x, t->in_class ? t->in_class : it->source->in_class,
	    d || !t->in_class);
	add_md(x, t->debrief ? t->debrief : it->source->debrief,
	    d || !t->debrief);
	add_md(x, t->invitation, d);
	add_mds(x, t->statements, d);
	add_md(x, t->body, d);
	add_mds(x, t->phrases, d);
}

static void
put(struct site *s, const char *rel, const GString *js)
{
	GError *err = NULL;

	if (!kt_writer_put(s->w, rel, js->str, js->len, &err)) {
		kt_error(s->d, rel, 0, 0, "cannot write: %s", err->message);
		g_error_free(err);
		g_atomic_int_set(&s->ok, FALSE);
	}
}

/* The shard of a term: the hex of its first two letters' UTF-8 bytes. */
static char *
shard_of(const char *term)
{
	const char *end = g_utf8_offset_to_pointer(term,
	    MIN(g_utf8_strlen(term, -1), KT_TERM_MIN));
	GString *h = g_string_new(NULL);

	for (const char *c = term; c < end; c++)
		g_string_append_printf(h, "%02x", (unsigned char)*c);
	return g_string_free(h, FALSE);
}

static void
shard_begin(GString *js, const char *lang, const char *name)
{
	g_string_assign(js, "ktSearch.load(");
	kt_json_str(js, lang);
	g_string_append_c(js, ',');
	kt_json_str(js, name);
	g_string_append(js, ",{");
}

/* Writes the shards; their names into shards. */
static void
write_shards(struct site *s, const char *lang, GHashTable *terms,
    GPtrArray *shards)
{
	GPtrArray *keys = kt_sorted_keys(terms);
	GString *js = g_string_new(NULL);
	char *cur = NULL;

	for (guint i = 0; i <= keys->len; i++) {
		const char *term = i < keys->len ? g_ptr_array_index(keys, i) :
		    NULL;
		char *sh = term != NULL ? shard_of(term) : NULL;
		GArray *a;

		if (cur != NULL && (sh == NULL || strcmp(sh, cur) != 0)) {
			char *rel = g_strdup_printf("%s/zoek/%s.js", lang, cur);

			g_string_append(js, "});\n");
			put(s, rel, js);
			g_free(rel);
			g_ptr_array_add(shards, cur);
			cur = NULL;
		}
		if (sh == NULL)
			break;
		if (cur == NULL) {
			cur = sh;
			shard_begin(js, lang, cur);
		} else {
			g_free(sh);
			g_string_append_c(js, ',');
		}
		kt_json_str(js, term);
		g_string_append(js, ":[");
		a = g_hash_table_lookup(terms, term);
		for (guint j = 0; j < a->len; j++)
			g_string_append_printf(js, "%s%u", j ? "," : "",
			    g_array_index(a, guint, j));
		g_string_append_c(js, ']');
	}
	g_string_free(js, TRUE);
	g_ptr_array_free(keys, TRUE);
}

void
h_search_index(struct site *s, const struct kt_language *lang)
{
	struct index x = { kt_folder_new(lang->code), kt_folder_new("nl"),
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_array_unref), 0 };
	GPtrArray *shards = g_ptr_array_new_with_free_func(g_free);
	GString *js = g_string_new(NULL);
	char *rel = g_strdup_printf("%s/zoek/index.js", lang->code);

	shard_begin(js, lang->code, "index");
	g_string_append(js, "\"ids\":[");
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < s->m->items[k]->len; i++, x.item++) {
			const struct kt_item *it = g_ptr_array_index(
			    s->m->items[k], i);
			char *id = g_strdup_printf("%s/%s",
			    kt_kind_dir((enum kt_kind)k), it->slug);

			if (x.item > 0)
				g_string_append_c(js, ',');
			kt_json_str(js, id);
			g_free(id);
			add_item(&x, s, lang->code, it);
		}
	write_shards(s, lang->code, x.terms, shards);
	g_string_append_printf(js, "],\"stem\":%s,\"shards\":[",
	    kt_folder_stems(x.own) ? "true" : "false");
	for (guint i = 0; i < shards->len; i++) {
		if (i > 0)
			g_string_append_c(js, ',');
		kt_json_str(js, g_ptr_array_index(shards, i));
	}
	g_string_append(js, "]});\n");
	put(s, rel, js);
	g_free(rel);
	g_string_free(js, TRUE);
	g_ptr_array_free(shards, TRUE);
	g_hash_table_destroy(x.terms);
	kt_folder_free(x.dutch);
	kt_folder_free(x.own);
}

/*
 * The stemmers come as ES modules (@orama/stemmers, made by Snowball's
 * JavaScript generator), which file:// pages cannot import: each becomes
 * a classic script that hands its stemmer to search.js.
 */
static gboolean
wrap_stemmer(GString *js, const char *lang, const char *module)
{
	static const char *const exports[] = {
		"export function stemmer(", "export const language="
	};
	char *body = g_strdup(module);

	for (gsize i = 0; i < G_N_ELEMENTS(exports); i++) {
		char *at = strstr(body, exports[i]);

		if (at != NULL)
			memset(at, ' ', strlen("export"));
		if (at == NULL || (i + 1 == G_N_ELEMENTS(exports) &&
		    (strstr(body, "export ") || strstr(body, "import")))) {
			g_free(body);
			return FALSE;
		}
	}
	g_string_append(js, "(function () {\n");
	g_string_append(js, body);
	g_string_append(js, "\nwindow.ktSearch.stemmer(");
	kt_json_str(js, lang);
	g_string_append(js, ", stemmer);\n}());\n");
	g_free(body);
	return TRUE;
}

void
h_search_stemmers(struct site *s)
{
	const char *const *langs = kt_fold_stemmed_languages();
	GPtrArray *site_langs = s->m->site.languages;

	for (int i = 0; langs[i] != NULL; i++) {
		char *from, *module, *rel;
		GString *js;
		gboolean used = FALSE;

		for (guint j = 0; j < site_langs->len; j++)
			used |= strcmp(((struct kt_language *)g_ptr_array_index(
			    site_langs, j))->code, langs[i]) == 0;
		if (!used)
			continue;
		from = g_strdup_printf("%s/%s.js", s->o->stemmers ?
		    s->o->stemmers : ".", langs[i]);
		rel = g_strdup_printf("assets/stem/%s.js", langs[i]);
		js = g_string_new(NULL);
		if (!g_file_get_contents(from, &module, NULL, NULL)) {
			kt_error(s->d, from, 0, 0, "the stemmer for search is "
			    "missing; run 'npm ci' in the source folder");
			g_atomic_int_set(&s->ok, FALSE);
		} else if (!wrap_stemmer(js, langs[i], module)) {
			kt_error(s->d, from, 0, 0, "not a stemmer module of "
			    "@orama/stemmers (no 'export function stemmer')");
			g_atomic_int_set(&s->ok, FALSE);
			g_free(module);
		} else {
			put(s, rel, js);
			g_free(module);
		}
		g_string_free(js, TRUE);
		g_free(rel);
		g_free(from);
	}
}

void
h_search_script(xmlNodePtr parent, const struct page *p)
{
	xmlNodePtr script = h_el(parent, "script", NULL);
	char *h = h_href(p, "assets/search.js");

	h_attr(script, "src", h);
	h_attr(script, "defer", "defer");
	g_free(h);
}
