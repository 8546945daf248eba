/*
 * Checks across the model. Readability is measured per text a parent
 * reads (the intro, the steps, the questions of an assignment, the
 * invitation of an evening) in every language, with the language's
 * formula where it has one.
 */
#include "build/check.h"

#include <string.h>

#include "build/voice.h"
#include "text/json.h"
#include "text/readability.h"

/* ---- readability ---- */

static char *
joined(GPtrArray *mds, gboolean steps)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < mds->len; i++) {
		const struct kt_md *m = steps ? ((const struct kt_step *)
		    g_ptr_array_index(mds, i))->text : g_ptr_array_index(mds, i);
		char *t = kt_md_plain(m);

		g_string_append_printf(s, "%s\n", t);
		g_free(t);
	}
	return g_string_free(s, FALSE);
}

/* A number in JSON: a dot, whatever the locale. */
static void
json_num(GString *j, const char *key, double v, const char *fmt)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_printf(j, ",\"%s\":%s", key,
	    g_ascii_formatd(buf, sizeof buf, fmt, v));
}

static void
figures_json(GString *j, const struct kt_item *it, const struct kt_text *t,
    const char *part, const struct kt_figures *f, int min)
{
	char *id = g_strdup_printf("%s/%s", kt_kind_dir(it->kind), it->slug);

	if (j->len > 0)
		g_string_append_c(j, ',');
	g_string_append(j, "\n{\"item\":");
	kt_json_str(j, id);
	g_string_append(j, ",\"lang\":");
	kt_json_str(j, t->lang);
	g_string_append(j, ",\"text\":");
	kt_json_str(j, part);
	g_string_append(j, ",\"path\":");
	kt_json_str(j, t->path);
	g_string_append_printf(j, ",\"sentences\":%d,\"words\":%d,"
	    "\"syllables\":%d,\"letters\":%d", f->sentences, f->words,
	    f->syllables, f->letters);
	json_num(j, "words_per_sentence", f->words_per_sentence, "%.2f");
	json_num(j, "letters_per_word", f->letters_per_word, "%.2f");
	if (f->syllables_per_word >= 0)
		json_num(j, "syllables_per_word", f->syllables_per_word,
		    "%.2f");
	g_string_append_printf(j, ",\"longest_sentence_words\":%d",
	    f->longest);
	g_string_append(j, ",\"longest_sentence\":");
	kt_json_str(j, f->longest_text);
	if (f->formula != KT_FORMULA_NONE) {
		g_string_append(j, ",\"formula\":");
		kt_json_str(j, kt_formula_name(f->formula));
		json_num(j, "score", f->score, "%.1f");
		g_string_append_printf(j, ",\"minimum\":%d", min);
	}
	g_string_append_c(j, '}');
	g_free(id);
}

static void
measure(const struct kt_model *m, struct kt_counter *c,
    const struct kt_item *it, const struct kt_text *t, const char *part,
    const char *text, const struct kt_pos *pos, struct kt_diag *d,
    GString *json)
{
	struct kt_figures f;
	gpointer min_p;
	int min = KT_DEFAULT_SCORE;
	GPtrArray *longs;

	if (text == NULL || *text == '\0' || pos == NULL)
		return;
	if (g_hash_table_lookup_extended(m->site.min_score, t->lang, NULL,
	    &min_p))
		min = GPOINTER_TO_INT(min_p);
	kt_figures(c, t->lang, text, &f);
	if (f.formula != KT_FORMULA_NONE && f.score < min)
		kt_warning(d, pos->path, pos->line, pos->col, "%s is hard to "
		    "read: %s %.1f, under %d (%.1f words a sentence, %.2f "
		    "syllables a word); use shorter sentences and words", part,
		    kt_formula_name(f.formula), f.score, min,
		    f.words_per_sentence, f.syllables_per_word);
	longs = kt_long_sentences(text, KT_LONG_SENTENCE);
	for (guint i = 0; i < longs->len; i++)
		kt_warning(d, pos->path, pos->line, pos->col, "a sentence of "
		    "more than %d words in %s: \"%s\"; split it",
		    KT_LONG_SENTENCE, part, (char *)g_ptr_array_index(longs, i));
	g_ptr_array_free(longs, TRUE);
	if (json != NULL)
		figures_json(json, it, t, part, &f, min);
	kt_figures_clear(&f);
}

/* A talk's family part: the intro, and the questions for each. */
static void
talk_readability(const struct kt_model *m, struct kt_counter *c,
    const struct kt_item *it, const struct kt_text *t, struct kt_diag *d,
    GString *json)
{
	GPtrArray *lists[2] = { t->pupil_questions, t->parent_questions };
	const char *names[2] = { "questions for the pupil",
	    "questions for the parent" };
	char *s;

	if (t->intro != NULL) {
		s = kt_md_plain(t->intro);
		measure(m, c, it, t, "intro", s, &t->intro->pos, d, json);
		g_free(s);
	}
	for (int i = 0; i < 2; i++) {
		if (lists[i]->len == 0)
			continue;
		s = joined(lists[i], FALSE);
		measure(m, c, it, t, names[i], s, &((const struct kt_md *)
		    g_ptr_array_index(lists[i], 0))->pos, d, json);
		g_free(s);
	}
}

static void
readability(const struct kt_model *m, struct kt_counter *c,
    const struct kt_item *it, const struct kt_text *t, struct kt_diag *d,
    GString *json)
{
	char *s;

	if (it->kind == KT_ASSIGNMENT) {
		if (t->intro != NULL) {
			s = kt_md_plain(t->intro);
			measure(m, c, it, t, "intro", s, &t->intro->pos, d,
			    json);
			g_free(s);
		}
		if (t->steps->len > 0) {
			const struct kt_step *st = g_ptr_array_index(t->steps,
			    0);
			s = joined(t->steps, TRUE);
			measure(m, c, it, t, "steps", s, st->text ?
			    &st->text->pos : NULL, d, json);
			g_free(s);
		}
		if (t->questions->len > 0) {
			const struct kt_md *q = g_ptr_array_index(t->questions,
			    0);
			s = joined(t->questions, FALSE);
			measure(m, c, it, t, "questions", s, &q->pos, d, json);
			g_free(s);
		}
	} else if (it->kind == KT_TALK) {
		talk_readability(m, c, it, t, d, json);
	} else if (it->kind == KT_EVENING && t->invitation != NULL) {
		s = kt_md_plain(t->invitation);
		measure(m, c, it, t, "invitation", s, &t->invitation->pos, d,
		    json);
		g_free(s);
	}
}

/* ---- links between items: opdracht:slug, avond:slug, tip:slug ---- */

static void
check_links(const struct kt_model *m, const struct kt_md *md,
    struct kt_diag *d)
{
	cmark_iter *it;
	cmark_event_type ev;

	if (md == NULL || md->doc == NULL)
		return;
	it = cmark_iter_new(md->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		enum kt_kind k;
		const char *url, *slug;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		url = cmark_node_get_url(n);
		if (!kt_item_link(url, &k, &slug))
			continue;
		if (kt_model_find(m, k, slug) == NULL) {
			char **names = g_new0(char *, m->items[k]->len + 1);
			const char *s;

			for (guint i = 0; i < m->items[k]->len; i++)
				names[i] = ((struct kt_item *)g_ptr_array_index(
				    m->items[k], i))->slug;
			s = kt_suggest(slug, (const char *const *)names,
			    m->items[k]->len);
			kt_error(d, md->pos.path, md->pos.line, md->pos.col,
			    "link to '%s', but there is no %s/%s.nl.md%s%s%s",
			    url, kt_kind_dir(k), slug, s ? "; did you mean '" :
			    "", s ? s : "", s ? "'?" : "");
			g_free(names);
		}
	}
	cmark_iter_free(it);
}

struct links_check {
	const struct kt_model *m;
	struct kt_diag *d;
};

static void
links_in(const struct kt_md *md, void *data)
{
	const struct links_check *lc = data;

	check_links(lc->m, md, lc->d);
}

/* ---- steps and questions: one line of text each ---- */

/* What a block that is not a paragraph is called in a message. */
static const char *
block_name(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LIST:
		return "a list";
	case CMARK_NODE_HEADING:
		return "a heading";
	case CMARK_NODE_BLOCK_QUOTE:
		return "a quote";
	case CMARK_NODE_CODE_BLOCK:
		return "a code block";
	case CMARK_NODE_HTML_BLOCK:
		return "a block of HTML";
	case CMARK_NODE_THEMATIC_BREAK:
		return "a line (---)";
	default:
		return "a second paragraph";
	}
}

/* Warns when md, step or question number i, is more than a paragraph. */
static void
one_line(const struct kt_md *md, const char *what, guint i,
    struct kt_diag *d)
{
	cmark_node *first, *n;

	if (md == NULL || md->doc == NULL ||
	    (first = cmark_node_first_child(md->doc)) == NULL)
		return;
	n = cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH ?
	    cmark_node_next(first) : first;
	if (n == NULL)
		return;
	kt_warning(d, md->pos.path, md->pos.line, md->pos.col, "%s %u holds "
	    "%s, but a %s is one line of text; write it as one sentence, or "
	    "as more %ss", what, i + 1, block_name(n), what, what);
}

static void
one_line_each(const struct kt_text *t, struct kt_diag *d)
{
	for (guint i = 0; i < t->steps->len; i++)
		one_line(((struct kt_step *)g_ptr_array_index(t->steps,
		    i))->text, "step", i, d);
	for (guint i = 0; i < t->questions->len; i++)
		one_line(g_ptr_array_index(t->questions, i), "question", i, d);
}

/* ---- a talk's looked-back assignments ---- */

static void
looks_back(const struct kt_model *m, const struct kt_item *it,
    struct kt_diag *d)
{
	GPtrArray *all = m->items[KT_ASSIGNMENT];

	for (guint i = 0; i < it->looks_back->len; i++) {
		const struct kt_ref *r = g_ptr_array_index(it->looks_back, i);
		const char **names;
		const char *s;

		if (kt_model_find(m, KT_ASSIGNMENT, r->slug) != NULL)
			continue;
		names = g_new0(const char *, all->len + 1);
		for (guint j = 0; j < all->len; j++)
			names[j] = ((struct kt_item *)g_ptr_array_index(all,
			    j))->slug;
		s = kt_suggest(r->slug, names, all->len);
		if (s != NULL)
			kt_error(d, r->pos.path, r->pos.line, r->pos.col,
			    "no home assignment '%s' (opdrachten/%s.nl.md); "
			    "did you mean '%s'?", r->slug, r->slug, s);
		else
			kt_error(d, r->pos.path, r->pos.line, r->pos.col,
			    "no home assignment '%s' (opdrachten/%s.nl.md); "
			    "write the slug of a file in opdrachten/, or "
			    "remove it", r->slug, r->slug);
		g_free(names);
	}
}

/* ---- the glossary in every language ---- */

static gboolean
has_texts(const struct kt_model *m, const char *lang)
{
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < m->items[k]->len; i++)
			if (kt_item_text(g_ptr_array_index(m->items[k], i),
			    lang) != NULL)
				return TRUE;
	return FALSE;
}

static void
glossary(const struct kt_model *m, struct kt_diag *d)
{
	GPtrArray *nl = g_hash_table_lookup(m->glossary, "nl");

	if (nl == NULL)
		return;
	for (guint i = 1; i < m->site.languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    m->site.languages, i);
		GPtrArray *list = g_hash_table_lookup(m->glossary, l->code);
		char *path = g_strdup_printf("%s/%s.yaml", m->glossary_dir,
		    l->code);

		if (list == NULL) {
			if (has_texts(m, l->code))
				kt_warning(d, path, 0, 0, "no glossary in %s: "
				    "the hard words on its sheets go "
				    "unexplained", l->name);
			g_free(path);
			continue;
		}
		for (guint j = 0; j < nl->len; j++) {
			const struct kt_gloss *g = g_ptr_array_index(nl, j);
			gboolean found = FALSE;

			for (guint k = 0; k < list->len && !found; k++)
				found = strcmp(((struct kt_gloss *)
				    g_ptr_array_index(list, k))->key, g->key) == 0;
			if (!found)
				kt_warning(d, path, 0, 0, "glossary word '%s' "
				    "is missing in %s; add '%s:' with woord, "
				    "vormen and uitleg", g->key, l->name,
				    g->key);
		}
		g_free(path);
	}
}

/* UI strings a language lacks: shown in Dutch, listed so they get done. */
static void
strings(const struct kt_model *m, struct kt_diag *d)
{
	GHashTable *nl = g_hash_table_lookup(m->strings, "nl");
	GPtrArray *keys;

	if (nl == NULL)
		return;
	keys = kt_sorted_keys(nl);
	for (guint i = 1; i < m->site.languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    m->site.languages, i);
		GHashTable *t = g_hash_table_lookup(m->strings, l->code);
		char *path = g_strdup_printf("%s/%s.yaml", m->strings_dir,
		    l->code);
		GString *missing = g_string_new(NULL);
		guint n = 0;

		for (guint j = 0; j < keys->len; j++)
			if (t == NULL || (!g_hash_table_contains(t,
			    g_ptr_array_index(keys, j)) && !kt_plural_form_of(
			    g_ptr_array_index(keys, j), t))) {
				if (n < 8)
					g_string_append_printf(missing, "%s%s",
					    n ? ", " : "",
					    (char *)g_ptr_array_index(keys, j));
				n++;
			}
		if (n > 0)
			kt_warning(d, path, 0, 0, "%u UI string%s missing in "
			    "%s, shown in Dutch: %s%s", n, n == 1 ? "" : "s",
			    l->name, missing->str, n > 8 ? ", ..." : "");
		g_string_free(missing, TRUE);
		g_free(path);
	}
	g_ptr_array_free(keys, TRUE);
}

void
kt_check_model(const struct kt_model *m, struct kt_counter *c,
    struct kt_diag *d, GString *json)
{
	GHashTable *slugs = g_hash_table_new(g_str_hash, g_str_equal);
	struct links_check lc = { m, d };

	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    m->items[k], i);
			const struct kt_item *other = g_hash_table_lookup(slugs,
			    it->slug);

			if (other != NULL)
				kt_warning(d, it->source->path, 0, 0, "slug "
				    "'%s' is also used in %s/; a different "
				    "name avoids mix-ups", it->slug,
				    kt_kind_dir(other->kind));
			else
				g_hash_table_insert(slugs, it->slug,
				    (gpointer)it);
			looks_back(m, it, d);
			for (guint j = 0; j < m->site.languages->len; j++) {
				const struct kt_language *l =
				    g_ptr_array_index(m->site.languages, j);
				const struct kt_text *t = kt_item_text(it,
				    l->code);

				if (t == NULL)
					continue;
				if (c != NULL)
					readability(m, c, it, t, d, json);
				kt_text_each_md(it, t, links_in, &lc);
				one_line_each(t, d);
			}
		}
	kt_check_voice(m, d);
	kt_check_pictograms(m, d);
	glossary(m, d);
	strings(m, d);
	g_hash_table_destroy(slugs);
}

void
kt_translation_table(const struct kt_model *m, GString *out, gboolean json)
{
	if (json)
		g_string_append_c(out, '{');
	else
		g_string_append_printf(out, "%-12s", "translated");
	for (guint j = 0; !json && j < m->site.languages->len; j++)
		g_string_append_printf(out, " %4s", ((struct kt_language *)
		    g_ptr_array_index(m->site.languages, j))->code);
	if (!json)
		g_string_append_c(out, '\n');
	for (int k = 0; k < KT_KIND_COUNT; k++) {
		if (json) {
			g_string_append_printf(out, "%s\"%s\":{", k ? "," : "",
			    kt_kind_dir(k));
		} else {
			g_string_append_printf(out, "%-12s", kt_kind_dir(k));
		}
		for (guint j = 0; j < m->site.languages->len; j++) {
			const char *code = ((struct kt_language *)
			    g_ptr_array_index(m->site.languages, j))->code;
			guint n = 0;

			for (guint i = 0; i < m->items[k]->len; i++)
				if (kt_item_text(g_ptr_array_index(m->items[k],
				    i), code) != NULL)
					n++;
			if (json)
				g_string_append_printf(out, "%s\"%s\":%u",
				    j ? "," : "", code, n);
			else
				g_string_append_printf(out, " %4u", n);
		}
		g_string_append(out, json ? "}" : "\n");
	}
	if (json)
		g_string_append_c(out, '}');
}
