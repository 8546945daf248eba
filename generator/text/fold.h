/*
 * Search terms: a text cut into words, and each word folded and stemmed
 * the way themes/default/assets/search.js does it in the browser, so
 * that what a teacher types meets what the build indexed. Dutch,
 * Turkish and Arabic are stemmed with Snowball (Debian's libstemmer);
 * every language is folded: lower case, no accents or vowel marks, one
 * form of alef, ya and ta marbuta, no tatweel; in Arabic no article.
 */
#ifndef KT_FOLD_H
#define KT_FOLD_H

#include <glib.h>

/* Words shorter than this (in characters, once folded) are not terms. */
#define KT_TERM_MIN 2

struct kt_folder;

/* A folder for one language; NULL lang folds without stemming. Not to
 * be shared between threads; freed with kt_folder_free. */
struct kt_folder *kt_folder_new(const char *lang);
void kt_folder_free(struct kt_folder *);
/* Whether the language is stemmed (search.js has its stemmer). */
gboolean kt_folder_stems(const struct kt_folder *);
/* The Snowball stemmers the browser gets: "nl", "tr", "ar". Static. */
const char *const *kt_fold_stemmed_languages(void);

/*
 * The term of one word, or NULL when it is too short. The caller frees
 * it with g_free.
 */
char *kt_fold_term(struct kt_folder *, const char *word);
/*
 * The words of text (runs of letters, marks and digits), appended to
 * words as strings the caller frees (the array's free function should
 * be g_free).
 */
void kt_fold_words(const char *text, GPtrArray *words);

#endif
