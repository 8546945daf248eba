/*
 * The checks that need the whole model: readability of every text a
 * parent reads, links between items, steps and questions of more than a
 * line, the glossary in every language, slugs used twice. Loading has
 * already checked each file on its own.
 */
#ifndef KT_CHECK_H
#define KT_CHECK_H

#include <glib.h>

#include "diag.h"
#include "model/model.h"
#include "text/readability.h"

#define KT_LONG_SENTENCE 15	/* words */
#define KT_DEFAULT_SCORE 70	/* "fairly easy" */

/*
 * Reports problems to the diagnostics; readability only with a syllable
 * counter (the checker measures it, a build need not load the hyphenation
 * patterns). When figures is not NULL, appends the readability figures of
 * every text as JSON array elements.
 */
void kt_check_model(const struct kt_model *, struct kt_counter *,
    struct kt_diag *, GString *figures);

/* The number of texts per kind and language, as a small table. */
void kt_translation_table(const struct kt_model *, GString *out,
    gboolean json);

#endif
