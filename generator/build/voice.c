/*
 * One voice: a sheet speaks to the parent, so a question written as "ik"
 * must say whose "ik" it is (vraagt: in the Dutch file), and the words
 * the sheet prints before it from vraagt are not written again in the
 * text. And pictograms that tell steps apart: one beside every other
 * step of the bank shows nothing in particular.
 */
#include "build/voice.h"

#include <string.h>

/* The words of the first person singular, case-folded, per language;
 * where a language marks it inside a word, only its free-standing ones. */
static const struct {
	const char *lang;
	const char *const words[10];
} first_person[] = {
	{ "nl", { "ik", "mij", "mijn", "me", "m'n", NULL } },
	{ "en", { "i", "me", "my", "mine", "myself", NULL } },
	{ "tr", { "ben", "bana", "beni", "benim", "bende", "benden", NULL } },
	{ "pl", { "ja", "mnie", "mi", "mój", "moja", "moje", "mną", NULL } },
	{ "uk", { "я", "мене", "мені", "мій", "моя", "моє", "мої", "мною",
	    NULL } },
	{ "pap", { "mi", NULL } },
	{ "so", { "aniga", "anigu", "i", "ii", "kayga", "tayda", NULL } },
	{ "ar", { "أنا", "لي", NULL } },
	{ "prs", { "من", "مرا", "برایم", NULL } },
	{ "ti", { "ኣነ", "ንዓይ", "ናተይ", NULL } },
};

static const char *const *
first_person_words(const char *lang)
{
	for (guint i = 0; i < G_N_ELEMENTS(first_person); i++)
		if (strcmp(first_person[i].lang, lang) == 0)
			return first_person[i].words;
	return NULL;
}

static gboolean
word_char(gunichar c)
{
	/* marks: Arabic vowels; ZWNJ: Dari joins a word's parts with it */
	return g_unichar_isalnum(c) || g_unichar_ismark(c) || c == 0x200C ||
	    c == '\'' || c == 0x2019;
}

/* The first word of text among words, or NULL. Borrowed: one of words. */
static const char *
first_person_word(const char *text, const char *const *words)
{
	const char *p = text;

	while (*p != '\0') {
		const char *start, *end;
		char *w, *f;
		const char *hit = NULL;

		while (*p != '\0' && !word_char(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		start = p;
		while (*p != '\0' && word_char(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		end = p;
		/* quotes around a word are not part of it */
		while (start < end && (*start == '\'' ||
		    g_utf8_get_char(start) == 0x2019))
			start = g_utf8_next_char(start);
		while (end > start && (end[-1] == '\'' ||
		    g_utf8_get_char(g_utf8_prev_char(end)) == 0x2019))
			end = g_utf8_prev_char(end);
		if (start == end)
			continue;
		w = g_utf8_casefold(start, end - start);
		f = g_utf8_normalize(w, -1, G_NORMALIZE_NFC);
		for (guint i = 0; words[i] != NULL && hit == NULL; i++)
			if (strcmp(f, words[i]) == 0)
				hit = words[i];
		g_free(w);
		g_free(f);
		if (hit != NULL)
			return hit;
	}
	return NULL;
}

/* The asker whose label text starts with, or -1. */
static int
label_at_start(const struct kt_model *m, const char *lang, const char *text)
{
	char *t = g_utf8_casefold(text, -1);
	int found = -1;

	for (int a = 0; a < kt_vocab_size(KT_V_ASKER) && found < 0; a++) {
		char *l = g_utf8_casefold(kt_asker_text(m, lang, a), -1);

		if (*l != '\0' && g_str_has_prefix(t, l))
			found = a;
		g_free(l);
	}
	g_free(t);
	return found;
}

static void
check_question(const struct kt_model *m, const struct kt_item *it,
    const struct kt_text *t, guint i, struct kt_diag *d)
{
	const struct kt_md *q = g_ptr_array_index(t->questions, i);
	const char *const *words = first_person_words(t->lang);
	int asker = kt_question_asker(it, i);
	const char *where = t == it->source ? "here" : "in the Dutch file";
	char *text = kt_md_plain(q);
	const char *w;
	int said = label_at_start(m, t->lang, text);

	if (said >= 0) {
		kt_warning(d, q->pos.path, q->pos.line, q->pos.col, "question "
		    "%u starts with '%s', which the sheet prints from vraagt: "
		    "%s; remove those words%s%s%s", i + 1, kt_asker_text(m,
		    t->lang, said), kt_vocab_name(KT_V_ASKER, said), asker < 0 ?
		    ", and write vraagt: " : "", asker < 0 ?
		    kt_vocab_name(KT_V_ASKER, said) : "", asker < 0 ?
		    (t == it->source ? " with the question under tekst:" :
		    " in the Dutch file") : "");
	} else if (asker < 0 && words != NULL &&
	    (w = first_person_word(text, words)) != NULL) {
		kt_warning(d, q->pos.path, q->pos.line, q->pos.col, "question "
		    "%u speaks as '%s' but does not say who asks; write it %s "
		    "as '- vraagt: leerling' (the pupil asks the parent) or "
		    "'- vraagt: ouder' (the parent asks the pupil), with the "
		    "question under 'tekst:'", i + 1, w, where);
	}
	g_free(text);
}

void
kt_check_voice(const struct kt_model *m, struct kt_diag *d)
{
	GPtrArray *items = m->items[KT_ASSIGNMENT];

	for (guint i = 0; i < items->len; i++) {
		const struct kt_item *it = g_ptr_array_index(items, i);

		for (guint l = 0; l < m->site.languages->len; l++) {
			const struct kt_language *lang = g_ptr_array_index(
			    m->site.languages, l);
			const struct kt_text *t = kt_item_text(it, lang->code);

			for (guint q = 0; t != NULL && q < t->questions->len;
			    q++)
				check_question(m, it, t, q, d);
		}
	}
}

/* ---- pictograms beside the steps ---- */

void
kt_check_pictograms(const struct kt_model *m, struct kt_diag *d)
{
	GPtrArray *items = m->items[KT_ASSIGNMENT], *names;
	GHashTable *uses = g_hash_table_new_full(g_str_hash, g_str_equal,
	    NULL, (GDestroyNotify)g_ptr_array_unref);
	guint total = 0;

	for (guint i = 0; i < items->len; i++) {
		const struct kt_text *t = ((const struct kt_item *)
		    g_ptr_array_index(items, i))->source;

		for (guint s = 0; s < t->steps->len; s++) {
			const struct kt_step *st = g_ptr_array_index(t->steps,
			    s);
			GPtrArray *a;

			if (st->pictogram == NULL || st->picto_pos.path == NULL)
				continue;
			a = g_hash_table_lookup(uses, st->pictogram);
			if (a == NULL) {
				a = g_ptr_array_new();
				g_hash_table_insert(uses, st->pictogram, a);
			}
			g_ptr_array_add(a, (gpointer)&st->picto_pos);
			total++;
		}
	}
	names = kt_sorted_keys(uses);
	for (guint i = 0; i < names->len; i++) {
		const char *name = g_ptr_array_index(names, i);
		GPtrArray *a = g_hash_table_lookup(uses, name);
		const struct kt_pos *first = g_ptr_array_index(a, 0);
		GString *also = g_string_new(NULL);

		if (a->len <= KT_PICTO_FREE || a->len * KT_PICTO_SHARE <= total) {
			g_string_free(also, TRUE);
			continue;
		}
		for (guint j = 1; j < a->len && j <= 5; j++) {
			const struct kt_pos *at = g_ptr_array_index(a, j);
			g_string_append_printf(also, "%s%s:%d", j > 1 ? ", " :
			    "", at->path, at->line);
		}
		kt_warning(d, first->path, first->line, first->col,
		    "pictogram '%s' is beside %u of the bank's %u steps, more "
		    "than one in %d, so it no longer tells them apart; give "
		    "each step the pictogram that shows what is done in it "
		    "(themes/default/pictograms.yaml); also at %s%s", name,
		    a->len, total, KT_PICTO_SHARE, also->str,
		    a->len > 6 ? ", ..." : "");
		g_string_free(also, TRUE);
	}
	g_ptr_array_free(names, TRUE);
	g_hash_table_destroy(uses);
}
