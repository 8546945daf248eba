/*
 * Folding and stemming of search terms (see fold.h). Every step here has
 * its twin in themes/default/assets/search.js, in the same order; the
 * test tests/test_search.c writes the terms of the content's words for
 * tests/browser/search.test.mjs to compare with the browser's.
 */
#include "text/fold.h"

#include <libstemmer.h>
#include <string.h>

struct kt_folder {
	struct sb_stemmer *stemmer;	/* NULL: folding only */
	gboolean arabic;		/* strip the article */
};

/* The languages stemmed on both sides: search.js gets these stemmers. */
static const char *const stemmed[] = { "nl", "tr", "ar", NULL };
static const char *const snowball[] = { "dutch", "turkish", "arabic" };

const char *const *
kt_fold_stemmed_languages(void)
{
	return stemmed;
}

struct kt_folder *
kt_folder_new(const char *lang)
{
	struct kt_folder *f = g_new0(struct kt_folder, 1);

	for (int i = 0; lang != NULL && stemmed[i] != NULL; i++)
		if (strcmp(lang, stemmed[i]) == 0)
			f->stemmer = sb_stemmer_new(snowball[i], "UTF_8");
	f->arabic = lang != NULL && strcmp(lang, "ar") == 0;
	return f;
}

void
kt_folder_free(struct kt_folder *f)
{
	if (f == NULL)
		return;
	if (f->stemmer != NULL)
		sb_stemmer_delete(f->stemmer);
	g_free(f);
}

gboolean
kt_folder_stems(const struct kt_folder *f)
{
	return f->stemmer != NULL;
}

/* Tatweel and the Arabic vowel marks, gone before the stemmer. */
static gboolean
arabic_mark(gunichar c)
{
	return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

/* One letter for the forms that spell the same word differently. */
static gunichar
unify(gunichar c)
{
	switch (c) {
	case 0x0649:		/* alef maksura */
	case 0x06CC:		/* Persian ye */
		return 0x064A;
	case 0x0629:		/* ta marbuta */
		return 0x0647;
	case 0x06A9:		/* Persian kaf */
		return 0x0643;
	case 0x0671:		/* alef wasla; the others lose their hamza */
		return 0x0627;
	default:
		return c;
	}
}

/* Lower case, composed, without tatweel and vowel marks. */
static char *
lower(const char *word)
{
	char *cf = g_utf8_casefold(word, -1);
	char *nfc = g_utf8_normalize(cf, -1, G_NORMALIZE_NFC);
	GString *s = g_string_sized_new(strlen(nfc));

	for (const char *c = nfc; *c; c = g_utf8_next_char(c)) {
		gunichar u = g_utf8_get_char(c);

		if (!arabic_mark(u))
			g_string_append_unichar(s, u);
	}
	g_free(nfc);
	g_free(cf);
	return g_string_free(s, FALSE);
}

/* Decomposed, without the marks, the letters unified. */
static char *
fold(const char *s)
{
	char *nfd = g_utf8_normalize(s, -1, G_NORMALIZE_NFD);
	GString *out = g_string_sized_new(strlen(nfd));

	for (const char *c = nfd; *c; c = g_utf8_next_char(c)) {
		gunichar u = g_utf8_get_char(c);

		if (g_unichar_type(u) != G_UNICODE_NON_SPACING_MARK)
			g_string_append_unichar(out, unify(u));
	}
	g_free(nfd);
	return g_string_free(out, FALSE);
}

/* The article and the conjunctions and prepositions written onto it,
 * where the stemmer left them: "والمهن" -> "مهن". */
static const char *
without_article(const char *s)
{
	static const char *const prefixes[] = {
		"وال", "بال", "فال", "كال", "لل", "ال"
	};

	for (gsize i = 0; i < G_N_ELEMENTS(prefixes); i++) {
		const char *rest = s + strlen(prefixes[i]);

		if (g_str_has_prefix(s, prefixes[i]) &&
		    g_utf8_strlen(rest, -1) >= KT_TERM_MIN + 1)
			return rest;
	}
	return s;
}

char *
kt_fold_term(struct kt_folder *f, const char *word)
{
	char *low = lower(word), *folded, *term;
	const char *rest;

	if (f->stemmer != NULL) {
		const sb_symbol *st = sb_stemmer_stem(f->stemmer,
		    (const sb_symbol *)low, (int)strlen(low));

		if (st != NULL) {
			char *stem = g_strndup((const char *)st,
			    (gsize)sb_stemmer_length(f->stemmer));

			g_free(low);
			low = stem;
		}
	}
	folded = fold(low);
	g_free(low);
	rest = f->arabic ? without_article(folded) : folded;
	term = g_utf8_strlen(rest, -1) >= KT_TERM_MIN ? g_strdup(rest) : NULL;
	g_free(folded);
	return term;
}

/* Letters, marks, digits, and the zero-width non-joiner inside Persian
 * words: what search.js's /[\p{L}\p{M}\p{N}\u200c]+/u takes. */
static gboolean
word_char(gunichar c)
{
	switch (g_unichar_type(c)) {
	case G_UNICODE_LOWERCASE_LETTER:
	case G_UNICODE_MODIFIER_LETTER:
	case G_UNICODE_OTHER_LETTER:
	case G_UNICODE_TITLECASE_LETTER:
	case G_UNICODE_UPPERCASE_LETTER:
	case G_UNICODE_SPACING_MARK:
	case G_UNICODE_ENCLOSING_MARK:
	case G_UNICODE_NON_SPACING_MARK:
	case G_UNICODE_DECIMAL_NUMBER:
	case G_UNICODE_LETTER_NUMBER:
	case G_UNICODE_OTHER_NUMBER:
		return TRUE;
	default:
		return c == 0x200C;
	}
}

void
kt_fold_words(const char *text, GPtrArray *words)
{
	const char *start = NULL;

	for (const char *c = text ? text : ""; ; c = g_utf8_next_char(c)) {
		gboolean in = *c != '\0' && word_char(g_utf8_get_char(c));

		if (in && start == NULL)
			start = c;
		if (!in && start != NULL) {
			g_ptr_array_add(words, g_strndup(start,
			    (gsize)(c - start)));
			start = NULL;
		}
		if (*c == '\0')
			break;
	}
}
