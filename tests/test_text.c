/*
 * Readability figures against counts made by hand. Each example says how
 * it was counted; the formulas are those of ../shared/domain.md.
 */
#include <glib.h>
#include <math.h>

#include "build/build.h"
#include "text/json.h"
#include "text/readability.h"

static struct kt_counter *counter;

static void
test_syllables(void)
{
	static const struct { const char *lang, *word; int n; } cases[] = {
		/* Dutch, from the hyphenation patterns: op-lei-ding ... */
		{ "nl", "opleiding", 3 }, { "nl", "kwaliteiten", 4 },
		{ "nl", "leerlingen", 3 }, { "nl", "ouder", 2 },
		{ "nl", "kind", 1 }, { "nl", "geïnteresseerd", 5 },
		{ "nl", "Toekomst", 2 }, { "nl", "over", 2 },
		{ "nl", "oriënteren", 5 }, { "nl", "koeien", 2 },
		{ "nl", "ideeën", 3 },
		/* English, by the vowel-group rule with a silent final e */
		{ "en", "table", 2 }, { "en", "like", 1 }, { "en", "together", 3 },
		{ "en", "child", 1 }, { "en", "about", 2 },
		/* Turkish: one per vowel */
		{ "tr", "öğretmen", 3 }, { "tr", "çocuğunuzla", 5 },
		{ "tr", "İstanbul", 3 },
		/* Ukrainian: one per vowel letter */
		{ "uk", "батьки", 2 }, { "uk", "дитина", 3 },
		/* scripts without a count */
		{ "ar", "طفلك", -1 }, { "ti", "ውላድኩም", -1 },
		{ "nl", "2026", 1 },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		int n = kt_syllables(counter, cases[i].lang, cases[i].word);
		if (n != cases[i].n)
			g_error("%s '%s': %d syllables, want %d", cases[i].lang,
			    cases[i].word, n, cases[i].n);
	}
}

/*
 * Counted by hand:
 *   "Uw kind leert op school wat het goed kan."  9 words, 9 syllables
 *   "Praat samen over dingen waar uw kind trots op is."  10 words:
 *   praat 1, sa-men 2, o-ver 2, din-gen 2, waar 1, uw 1, kind 1,
 *   trots 1, op 1, is 1 = 13 syllables
 * 2 sentences, 19 words, 22 syllables: 9.5 words a sentence,
 * 115.79 syllables per 100 words; Flesch-Douma
 * 206.84 - 0.77 * 115.79 - 0.93 * 9.5 = 108.85
 */
static void
test_flesch_douma(void)
{
	struct kt_figures f;

	kt_figures(counter, "nl", "Uw kind leert op school wat het goed kan. "
	    "Praat samen over dingen waar uw kind trots op is.", &f);
	g_assert_cmpint(f.sentences, ==, 2);
	g_assert_cmpint(f.words, ==, 19);
	g_assert_cmpint(f.syllables, ==, 22);
	g_assert_cmpint(f.longest, ==, 10);
	g_assert_cmpfloat_with_epsilon(f.score, 108.85, 0.01);
	g_assert_cmpint(f.formula, ==, KT_FLESCH_DOUMA);
	kt_figures_clear(&f);
}

/*
 * "Talk with your child about work."  talk, with, your, child: 1 each;
 * a-bout 2; work 1: 6 words, 7 syllables.
 * "Ask what they like."  4 words, 4 syllables.
 * 10 words, 11 syllables, 2 sentences: FRE
 * 206.835 - 1.015 * 5 - 84.6 * 1.1 = 108.70
 */
static void
test_flesch_en(void)
{
	struct kt_figures f;

	kt_figures(counter, "en", "Talk with your child about work.\nAsk what "
	    "they like.", &f);
	g_assert_cmpint(f.sentences, ==, 2);
	g_assert_cmpint(f.words, ==, 10);
	g_assert_cmpint(f.syllables, ==, 11);
	g_assert_cmpfloat_with_epsilon(f.score, 108.70, 0.01);
	kt_figures_clear(&f);
}

/*
 * "Çocuğunuzla birlikte konuşun."  ço-cu-ğu-nuz-la 5, bir-lik-te 3,
 * ko-nu-şun 3: 3 words, 11 syllables.
 * "Ne yapmayı seviyor?"  ne 1, yap-ma-yı 3, se-vi-yor 3: 3 words, 7.
 * 6 words, 18 syllables, 2 sentences: Ateşman
 * 198.825 - 40.175 * 3 - 2.610 * 3 = 70.47
 */
static void
test_atesman(void)
{
	struct kt_figures f;

	kt_figures(counter, "tr", "Çocuğunuzla birlikte konuşun. Ne yapmayı "
	    "seviyor?", &f);
	g_assert_cmpint(f.words, ==, 6);
	g_assert_cmpint(f.syllables, ==, 18);
	g_assert_cmpfloat_with_epsilon(f.score, 70.47, 0.01);
	kt_figures_clear(&f);
}

/* Arabic gets words per sentence and letters per word, no formula. */
static void
test_no_formula(void)
{
	struct kt_figures f;

	/* 2 sentences (., ؟), 3 + 2 words, letters 2+2+5 + 3+4 = 16 */
	kt_figures(counter, "ar", "قل ما يعجبك. كيف فعلت؟", &f);
	g_assert_cmpint(f.sentences, ==, 2);
	g_assert_cmpint(f.words, ==, 5);
	g_assert_cmpint(f.syllables, ==, -1);
	g_assert_cmpint(f.formula, ==, KT_FORMULA_NONE);
	g_assert_cmpfloat_with_epsilon(f.words_per_sentence, 2.5, 1e-9);
	g_assert_cmpint(f.letters, ==, 16);
	kt_figures_clear(&f);
}

static void
test_sentences(void)
{
	GPtrArray *l = kt_long_sentences("Kort. Dit is een hele lange zin "
	    "met meer dan vijftien woorden, zodat de lezer hem twee keer moet "
	    "lezen. Ook kort.", 15);
	struct kt_figures f;

	g_assert_cmpuint(l->len, ==, 1);
	g_assert_true(g_str_has_prefix(g_ptr_array_index(l, 0), "Dit is"));
	g_ptr_array_free(l, TRUE);
	/* "2.5" and "www.duo.nl" do not end a sentence */
	kt_figures(counter, "nl", "Het kost 2.5 euro op www.duo.nl vandaag.",
	    &f);
	g_assert_cmpint(f.sentences, ==, 1);
	kt_figures_clear(&f);
}

static void
test_json(void)
{
	GString *s = g_string_new(NULL);

	kt_json_str(s, "a\"b\\c\n</script>&\x01\xE2\x80\xA8");
	g_assert_cmpstr(s->str, ==, "\"a\\\"b\\\\c\\n\\u003c/script\\u003e"
	    "\\u0026\\u0001\\u2028\"");
	g_string_free(s, TRUE);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	counter = kt_counter_new(KT_HYPHEN_DIR);
	g_test_add_func("/text/syllables", test_syllables);
	g_test_add_func("/text/flesch-douma", test_flesch_douma);
	g_test_add_func("/text/flesch-en", test_flesch_en);
	g_test_add_func("/text/atesman", test_atesman);
	g_test_add_func("/text/no-formula", test_no_formula);
	g_test_add_func("/text/sentences", test_sentences);
	g_test_add_func("/text/json", test_json);
	r = g_test_run();
	kt_counter_free(counter);
	return r;
}
