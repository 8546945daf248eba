/*
 * Readability figures of a text in a language: sentences, words,
 * syllables, the longest sentence, and the language's formula where it
 * has one (Flesch-Douma for Dutch, Flesch Reading Ease for English,
 * Ateşman for Turkish). Syllables come from libhyphen where Debian's
 * patterns count them (Dutch), else from a rule per language, documented
 * at kt_syllables().
 */
#ifndef KT_READABILITY_H
#define KT_READABILITY_H

#include <glib.h>

enum kt_formula {
	KT_FORMULA_NONE, KT_FLESCH_DOUMA, KT_FLESCH_EN, KT_ATESMAN
};

struct kt_figures {
	int sentences;
	int words;
	int syllables;		/* -1 where the script has no count */
	int letters;
	double words_per_sentence;
	double syllables_per_word;	/* -1 where not counted */
	double letters_per_word;
	int longest;		/* words in the longest sentence */
	char *longest_text;	/* that sentence, owned */
	enum kt_formula formula;
	double score;		/* when formula is not NONE */
};

struct kt_counter;

/* hyphen_dir: where Debian's hyph_*.dic live (/usr/share/hyphen); the
 * caller frees the counter with kt_counter_free. */
struct kt_counter *kt_counter_new(const char *hyphen_dir);
void kt_counter_free(struct kt_counter *);

/* Syllables in one word; -1 for scripts without a count (ar, ti). */
int kt_syllables(struct kt_counter *, const char *lang, const char *word);

/* Figures of a text; sentences end at . ! ? ؟ ። ፧ and at line ends. */
void kt_figures(struct kt_counter *, const char *lang, const char *text,
    struct kt_figures *);
void kt_figures_clear(struct kt_figures *);

enum kt_formula kt_formula_of(const char *lang);
const char *kt_formula_name(enum kt_formula);

/* The sentences of a text with more than max words, as a new array: the
 * caller frees it with g_ptr_array_free(a, TRUE). */
GPtrArray *kt_long_sentences(const char *text, int max);

#endif
